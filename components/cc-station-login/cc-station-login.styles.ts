import { css } from 'lit';

export const styles = css`
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
  [part='summary'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
    margin: 0;
  }
  [part='summary'] div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_gap);
  }
  [part='summary'] dt {
    color: var(--_term);
    min-inline-size: 7em;
  }
  [part='summary'] dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='hint'] {
    margin: 0;
  }
`;
