// Theming stories style the kit the way a host page can: `--cc-*` custom properties and `::part()` rules from
// outside, nothing else. Each Theming story shows its element twice: a brand theme, and the dark scheme forced.
import { html, type TemplateResult } from 'lit';

/**
 * The brand theme's typeface: the platform's own UI font (no web font is downloaded), so it never falls back
 * to a serif on a machine without a named font.
 */
export const brandFontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** A host page's brand: global tokens set on an ancestor, inherited into every widget. */
const brand = `
  .cc-story-brand {
    --cc-color-accent: #6b2fa3;
    --cc-color-on-accent: #ffffff;
    --cc-color-focus: #6b2fa3;
    --cc-color-surface: #fdfbff;
    --cc-color-surface-alt: #f1e9f9;
    --cc-color-border: #cdbfdc;
    --cc-radius: 12px;
    --cc-space: 10px;
    --cc-font-family: ${brandFontStack};
  }
  .cc-story-dark {
    --cc-color-scheme: dark;
    color-scheme: dark;
    background: #15171b;
    color: #e9e7e2;
    padding: 16px;
    border-radius: 8px;
  }
  .cc-story-themes {
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
    align-items: start;
  }
  .cc-story-themes h3 {
    font: 600 0.8rem system-ui, sans-serif;
    margin: 0 0 8px;
  }
`;

/**
 * The element in a brand theme (tokens + the element's own `::part()` rules in `parts`) and in the dark scheme
 * forced with `--cc-color-scheme: dark`.
 */
export function themed(content: () => TemplateResult, parts = ''): TemplateResult {
  return html`<style .textContent=${brand + parts}></style>
    <div class="cc-story-themes">
      <section class="cc-story-brand" aria-label="Brand theme">
        <h3>Brand theme: tokens and ::part()</h3>
        ${content()}
      </section>
      <section class="cc-story-dark" aria-label="Dark scheme">
        <h3>Dark scheme forced: --cc-color-scheme: dark</h3>
        ${content()}
      </section>
    </div>`;
}
