import { css } from 'lit';

export const styles = css`
  :host {
    --_available: var(--cc-state-select-available-color, var(--_cc-success));
    --_idle: var(--cc-state-select-idle-color, var(--_cc-warning));
    --_rona: var(--cc-state-select-rona-color, var(--_cc-danger));
    display: inline-block;
    min-inline-size: 14rem;
  }
  [part='base'] {
    display: grid;
    gap: calc(var(--_cc-space) * 0.5);
  }
  .control {
    display: flex;
    align-items: center;
    gap: var(--_cc-space);
  }
  [part='indicator'] {
    inline-size: 10px;
    block-size: 10px;
    border-radius: 50%;
    flex: none;
    background: var(--_cc-text-muted);
  }
  [part='indicator'][data-state='Available'] {
    background: var(--_available);
  }
  [part='indicator'][data-state='Idle'] {
    background: var(--_idle);
  }
  [part='indicator'][data-state='RONA'] {
    background: var(--_rona);
  }
  select {
    flex: 1;
  }
  [part='timer'] {
    color: var(--_cc-text-muted);
    min-inline-size: 3.5em;
    text-align: end;
  }
`;
