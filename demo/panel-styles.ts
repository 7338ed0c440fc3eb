import { css } from 'lit';
import { controls, tokens } from '../src/styles/tokens.js';

/** The look of the sample page's own collapsible panels (simulator controls, backend choice). */
export const panelStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
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
    }
  `,
];
