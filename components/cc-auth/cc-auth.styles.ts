import { css } from 'lit';

export const styles = css`
  :host {
    --_background: var(--cc-auth-background, var(--_cc-surface));
    --_gap: var(--cc-auth-gap, var(--_cc-space));
    --_warning: var(--cc-auth-warning-color, var(--_cc-warning));
    --_expired: var(--cc-auth-expired-color, var(--_cc-danger));
    min-inline-size: 16rem;
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
    background: var(--_background);
  }
  [part='form'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
  }
  [part='field'] {
    margin: 0;
  }
  [part='user'] {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .email {
    overflow-wrap: anywhere;
  }
  .signed-in {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
  }
  [part='warning'],
  [part='expired'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
    padding: var(--_gap);
    border: 1px solid var(--_cc-border);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_cc-radius);
    background: var(--_cc-surface-alt);
  }
  [part='expired'] {
    border-inline-start-color: var(--_expired);
  }
  [part='warning'] p,
  [part='expired'] p {
    margin: 0;
  }
  .or {
    margin: 0;
    text-align: center;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .hint {
    margin: 0;
  }
`;
