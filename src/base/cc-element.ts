import { LitElement, css } from 'lit';

const KIT_VERSION = '0.1.0';
const warned = new Set<string>();

/** Warns once per message, in development only (when the page has not set `window.ccElementsQuiet`). */
export function warnOnce(message: string): void {
  if (warned.has(message) || (globalThis as { ccElementsQuiet?: boolean }).ccElementsQuiet) return;
  warned.add(message);
  console.warn(`[cc-elements] ${message}`);
}

/** Host styles every element shares: the box, the font and the hidden attribute. */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    display: block;
    font-family: var(--cc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--cc-font-size, 0.875rem);
    line-height: 1.4;
    color: var(--cc-color-text, #1b1f24);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** The kit's base class: shared host styles and a safe `define()`. Never extend LitElement directly. */
export class CcElement extends LitElement {
  static version = KIT_VERSION;
  static override styles = [hostStyles];

  /**
   * Registers the class under `tag` unless that tag is taken. A second define of the same class is a no-op;
   * another class (say, another copy of the kit) under the same tag is left in place with a warning.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (!existing) {
      customElements.define(tag, this);
    } else if (existing !== this) {
      const other = (existing as unknown as { version?: string }).version;
      warnOnce(`<${tag}> is already defined${other ? ` by cc-elements ${other}` : ''}; this copy (${KIT_VERSION}) is not used.`);
    }
  }
}
