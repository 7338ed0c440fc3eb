import { css } from 'lit';
import { controls, tokens } from '../src/styles/tokens.js';

/** The look of the sample page's own collapsible panels (simulator controls, backend choice). */
export const panelStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    /* Fields fill the panel's width, borders and padding included, and never overflow it. */
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    details {
      background: var(--_cc-surface);
      border: 1px dashed var(--_cc-border);
      border-radius: var(--_cc-radius);
      padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      padding: 4px 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: var(--_cc-space) 0;
      min-width: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cc-space) * 0.75);
      align-items: center;
    }
    .row > select,
    .row > input {
      width: auto;
      flex: 1 1 10em;
      min-width: 0;
    }
    /* A radio or checkbox is a small box with its label beside it, not a full-width field. */
    .choice {
      display: flex;
      align-items: center;
      gap: calc(var(--_cc-space) * 0.75);
      font-weight: normal;
      padding-block: 2px;
    }
    .choice input {
      width: 1.1em;
      height: 1.1em;
      min-height: 0;
      margin: 0;
      padding: 0;
      flex: none;
      accent-color: var(--_cc-accent);
    }
  `,
];
