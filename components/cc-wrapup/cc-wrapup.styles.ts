import { css } from 'lit';

export const styles = css`
  :host {
    --_background: var(--cc-wrapup-background, var(--_cc-surface));
    --_gap: var(--cc-wrapup-gap, var(--_cc-space));
    --_accent: var(--cc-wrapup-accent-color, var(--_cc-accent));
    --_timer: var(--cc-wrapup-timer-color, var(--_cc-warning));
    min-inline-size: 16rem;
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
    background: var(--_background);
    border-inline-start: 4px solid var(--_accent);
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_gap) * 0.5) var(--_gap);
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='counter'] {
    color: var(--_cc-text-muted);
    font-variant-numeric: tabular-nums;
  }
  [part='details'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_gap);
    margin: 0;
    color: var(--_cc-text-muted);
  }
  .timer-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_gap) * 0.5) var(--_gap);
  }
  .timer-row .error {
    flex-basis: 100%;
  }
  [part='timer'] {
    margin: 0;
    color: var(--_timer);
    font-weight: 600;
  }
  form {
    display: grid;
    gap: var(--_gap);
  }
  .field {
    margin: 0;
  }
  textarea {
    min-block-size: 4.5em;
    resize: vertical;
  }
  .error {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  [part='done'] {
    margin: 0;
  }
`;
