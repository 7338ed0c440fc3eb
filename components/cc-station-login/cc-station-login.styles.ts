import { css } from 'lit';
import { floatingStyles } from '../../src/base/notice-controller.js';

export const styles = [
  floatingStyles,
  css`
  :host {
    --_background: var(--cc-station-login-background, var(--_cc-surface));
    --_gap: var(--cc-station-login-gap, var(--_cc-space));
    --_term: var(--cc-station-login-label-color, var(--_cc-text-muted));
    min-inline-size: 16rem;
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
    background: var(--_background);
  }
  [part='form'] {
    display: grid;
    gap: var(--_gap);
  }
  .field {
    margin: 0;
  }
  [part='options'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  [part='options'] legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--_gap) * 0.5);
  }
  [part='option'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_gap) * 0.75);
    font-weight: normal;
    cursor: pointer;
  }
  [part='option'] input {
    inline-size: auto;
    min-height: 0;
    margin: 0;
    accent-color: var(--_cc-accent);
  }
  .hint,
  .error {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  /* One column of terms and one of values: every value starts at the same edge, however long a term is. */
  [part='summary'] {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: calc(var(--_gap) * 0.5) var(--_gap);
    margin: 0;
  }
  [part='summary'] div {
    display: contents;
  }
  [part='summary'] dt {
    color: var(--_term);
    overflow-wrap: anywhere;
  }
  [part='summary'] dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='hint'] {
    margin: 0;
  }
`,
];
