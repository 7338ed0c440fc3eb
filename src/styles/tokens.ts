import { css } from 'lit';

/**
 * The design tokens. Public tokens (`--cc-*`) are set by the host page; each element reads them through
 * private ones (`--_cc-*`) that carry the defaults. Colors use `light-dark()`, so the kit follows
 * `prefers-color-scheme`; a page forces a scheme with `--cc-color-scheme: dark` (or `light`).
 */
export const tokens = css`
  :host {
    color-scheme: var(--cc-color-scheme, light dark);
    --_cc-surface: var(--cc-color-surface, light-dark(#ffffff, #1d2127));
    --_cc-surface-alt: var(--cc-color-surface-alt, light-dark(#f3f5f8, #272c34));
    --_cc-text: var(--cc-color-text, light-dark(#1b1f24, #e8eaed));
    --_cc-text-muted: var(--cc-color-text-muted, light-dark(#555e6a, #a9b1bb));
    --_cc-border: var(--cc-color-border, light-dark(#c9d0d8, #434b56));
    --_cc-accent: var(--cc-color-accent, light-dark(#0a5fb4, #7ab8f7));
    --_cc-on-accent: var(--cc-color-on-accent, light-dark(#ffffff, #0b1620));
    --_cc-success: var(--cc-color-success, light-dark(#146c35, #6ad89a));
    --_cc-warning: var(--cc-color-warning, light-dark(#8a5100, #f3bb66));
    --_cc-danger: var(--cc-color-danger, light-dark(#b4232a, #ff9499));
    --_cc-on-danger: var(--cc-color-on-danger, light-dark(#ffffff, #240406));
    --_cc-focus: var(--cc-color-focus, light-dark(#0a5fb4, #a8d0ff));
    --_cc-space: var(--cc-space, 8px);
    --_cc-radius: var(--cc-radius, 6px);
    --_cc-elevation: var(--cc-elevation, 0 1px 3px rgb(0 0 0 / 0.14));
    --_cc-font-family: var(--cc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_cc-font-size: var(--cc-font-size, 0.875rem);
    --_cc-line-height: var(--cc-line-height, 1.4);
    font-family: var(--_cc-font-family);
    font-size: var(--_cc-font-size);
    color: var(--_cc-text);
  }
  /*
   * The type scale and the text color are set again on the shadow root's own elements: the host element is
   * in the page, where a rule such as \`body * { font-size: 40px; color: red !important }\` reaches it, and
   * everything inside would inherit that. Only the --cc-* tokens change the kit's text.
   */
  :host > * {
    font-family: var(--_cc-font-family);
    font-size: var(--_cc-font-size);
    font-weight: 400;
    font-style: normal;
    font-variant: normal;
    font-stretch: normal;
    line-height: var(--_cc-line-height);
    color: var(--_cc-text);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    font-size-adjust: none;
    font-kerning: auto;
    -webkit-text-fill-color: currentColor;
    -webkit-text-stroke-width: 0;
    cursor: auto;
  }
`;

/** Controls every widget shares: buttons, fields, errors, progress, screen-reader text. */
export const controls = css`
  .surface {
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-elevation);
    padding: calc(var(--_cc-space) * 1.5);
  }
  button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_cc-space) * 0.75);
    min-height: 32px;
    padding: 0 calc(var(--_cc-space) * 1.5);
    border-radius: var(--_cc-radius);
    border: 1px solid var(--_cc-border);
    background: var(--_cc-surface);
    color: var(--_cc-text);
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']):not(:disabled) {
    background: var(--_cc-surface-alt);
  }
  button.primary {
    background: var(--_cc-accent);
    border-color: var(--_cc-accent);
    color: var(--_cc-on-accent);
  }
  button.primary:hover:not([aria-disabled='true']):not(:disabled) {
    background: var(--_cc-accent);
    filter: brightness(1.08);
  }
  button.danger {
    background: var(--_cc-danger);
    border-color: var(--_cc-danger);
    color: var(--_cc-on-danger);
  }
  button.danger:hover:not([aria-disabled='true']):not(:disabled) {
    background: var(--_cc-danger);
    filter: brightness(1.08);
  }
  button[aria-pressed='true'] {
    background: var(--_cc-surface-alt);
    border-color: var(--_cc-accent);
    box-shadow: inset 0 0 0 1px var(--_cc-accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_cc-focus);
    outline-offset: 2px;
  }
  .field {
    display: grid;
    gap: calc(var(--_cc-space) * 0.5);
    margin-block-end: var(--_cc-space);
  }
  label,
  .label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 32px;
    padding: calc(var(--_cc-space) * 0.5) var(--_cc-space);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-surface);
    color: var(--_cc-text);
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_cc-danger);
  }
  .hint {
    color: var(--_cc-text-muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_cc-danger);
    font-size: 0.9em;
    margin: calc(var(--_cc-space) * 0.5) 0 0;
  }
  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: cc-spin 0.8s linear infinite;
    flex: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  @keyframes cc-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space);
    align-items: center;
  }
  .muted {
    color: var(--_cc-text-muted);
  }
  .timer {
    font-variant-numeric: tabular-nums;
  }
  .sdk-hint {
    margin: 0 0 var(--_cc-space);
    padding: calc(var(--_cc-space) * 0.75) var(--_cc-space);
    border: 1px dashed var(--_cc-warning);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
    background: var(--_cc-surface);
    color: var(--_cc-text);
  }
`;
