import { css } from 'lit';

/** `<cc-preflight>`'s own styles, after the card's (src/styles/card.ts). */
export const styles = css`
  :host {
    --_background: var(--cc-preflight-background, var(--_cc-surface));
    --_gap: var(--cc-preflight-gap, var(--_cc-space));
    --_pass: var(--cc-preflight-pass-color, var(--_cc-success));
    --_warning: var(--cc-preflight-warning-color, var(--_cc-warning));
    --_failure: var(--cc-preflight-failure-color, var(--_cc-danger));
    min-inline-size: 16rem;
  }
  [part='summary'] {
    margin: 0;
  }
  [part='summary'][data-outcome] {
    font-weight: 600;
  }
  [part='checks'] {
    display: grid;
    gap: calc(var(--_gap) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='check'] {
    display: grid;
    grid-template-columns: 1.5em 1fr auto;
    align-items: center;
    column-gap: calc(var(--_gap) * 0.75);
  }
  [part='icon'] {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    font-weight: 700;
    color: var(--_cc-text-muted);
  }
  [data-status='pass'] [part='icon'] {
    color: var(--_pass);
  }
  [data-status='warning'] [part='icon'] {
    color: var(--_warning);
  }
  [data-status='failure'] [part='icon'] {
    color: var(--_failure);
  }
  .name {
    font-weight: 600;
  }
  .status {
    color: var(--_cc-text-muted);
    font-size: 0.9em;
  }
  [data-status='failure'] .status {
    color: var(--_failure);
    font-weight: 600;
  }
  [part='fix'] {
    grid-column: 2 / -1;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: var(--_gap);
  }
  [part='run'] {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_gap) * 0.5);
  }
`;
