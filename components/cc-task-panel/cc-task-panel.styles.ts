import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--cc-task-panel-gap, var(--_cc-space));
    --_offer-accent: var(--cc-task-panel-offer-accent, var(--_cc-accent));
    --_selected-accent: var(--cc-task-panel-selected-accent, var(--_cc-accent));
    --_held: var(--cc-task-panel-held-color, var(--_cc-warning));
    --_recording: var(--cc-task-panel-recording-color, var(--_cc-danger));
    --_muted: var(--cc-task-panel-muted-color, var(--_cc-danger));
    --_on-muted: var(--cc-task-panel-on-muted-color, var(--_cc-on-danger));
    min-inline-size: 18rem;
  }
  p {
    margin: 0;
  }
  /* Nothing from the network widens the panel: every column may shrink, every value wraps (see .net). */
  [part='base'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  .offers,
  [part~='offer'],
  [part='task'],
  [part='picker'],
  .form {
    grid-template-columns: minmax(0, 1fr);
  }
  .meta,
  .ani,
  .queue,
  .hint,
  .error,
  .badge {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .countdown,
  .duration {
    flex: none;
  }
  [part='base']:focus {
    outline: none;
  }
  [part='empty'] {
    padding: var(--_gap);
    text-align: center;
  }
  .who {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .subject {
    overflow-wrap: anywhere;
  }
  .media-icon {
    flex: none;
    inline-size: 20px;
    block-size: 20px;
    color: var(--_cc-text-muted);
  }

  /* Offers */
  .offers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  [part~='offer'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
    padding: calc(var(--_cc-space) * 1.5);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-inline-start: 4px solid var(--_offer-accent);
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-elevation);
  }
  .offer-head {
    display: flex;
    align-items: center;
    gap: var(--_cc-space);
  }
  .offer-head .media-icon {
    color: var(--_offer-accent);
  }
  .media-label {
    font-weight: 600;
  }
  .countdown {
    margin-inline-start: auto;
    color: var(--_cc-text-muted);
  }

  /* Task list */
  [part='task-list'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) * 0.5);
  }
  .tab {
    max-inline-size: 100%;
    min-inline-size: 0;
    justify-content: flex-start;
    text-align: start;
    padding-block: calc(var(--_cc-space) * 0.5);
    border-block-end-width: 3px;
  }
  .tab[aria-selected='true'] {
    border-color: var(--_selected-accent);
    background: var(--_cc-surface-alt);
  }
  .tab-text {
    display: grid;
    min-inline-size: 0;
  }
  .tab-state {
    font-size: 0.9em;
  }

  /* The selected task */
  [part='task'] {
    display: grid;
    gap: var(--_gap);
    padding: calc(var(--_cc-space) * 1.5);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-elevation);
  }
  [part='header'] {
    display: flex;
    align-items: flex-start;
    gap: var(--_cc-space);
  }
  .header-text {
    flex: 1;
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .duration {
    font-size: 1.15em;
  }
  [part='status'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) * 0.5);
  }
  .badge {
    max-inline-size: 100%;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_cc-space) * 0.5);
    padding: 2px var(--_cc-space);
    border-radius: 999px;
    border: 1px solid var(--_cc-border);
    background: var(--_cc-surface-alt);
  }
  .badge.held {
    border-color: var(--_held);
    color: var(--_held);
  }
  /* Muted is the one status the agent must not miss: the customer cannot hear them. */
  .badge.mic-off {
    background: var(--_muted);
    border-color: var(--_muted);
    color: var(--_on-muted);
    font-weight: 700;
  }
  .status-icon {
    flex: none;
  }
  .badge.recording .dot {
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: var(--_recording);
  }
  .badge.paused {
    border-color: var(--_recording);
    color: var(--_recording);
  }
  .actions {
    gap: calc(var(--_gap) * 0.75);
  }

  /* A conference's participants */
  .participants {
    display: grid;
    gap: calc(var(--_cc-space) * 0.5);
  }
  [part='participants'] {
    display: grid;
    gap: calc(var(--_cc-space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='participant'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_cc-space) * 0.75);
    min-inline-size: 0;
  }
  .participant-name {
    font-weight: 600;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .role {
    color: var(--_cc-text-muted);
  }

  /* New call */
  [part='outdial'] {
    display: grid;
    gap: var(--_cc-space);
  }
  [part='outdial'] .media-icon {
    inline-size: 16px;
    block-size: 16px;
    color: inherit;
  }

  /* The call's keypad: three keys a row, as on a phone */
  .keys {
    display: grid;
    grid-template-columns: repeat(3, minmax(2.75em, max-content));
    gap: calc(var(--_cc-space) * 0.5);
  }
  .keys button {
    justify-content: center;
    font-variant-numeric: tabular-nums;
  }
  .keys-sent {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* Consult and transfer form, the New call form and the keypad */
  [part='keypad'],
  [part='picker'],
  .form {
    display: grid;
    gap: var(--_cc-space);
    padding: var(--_cc-space);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-surface-alt);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space) calc(var(--_cc-space) * 2);
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--_cc-space) * 0.5);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_cc-space) * 0.5);
    font-weight: normal;
  }
  .choice input {
    inline-size: auto;
    min-block-size: auto;
    margin: 0;
  }
  .field {
    margin: 0;
  }
  .loading {
    display: flex;
    align-items: center;
    gap: calc(var(--_cc-space) * 0.5);
  }

  /* Call-associated data */
  .cad {
    display: grid;
    gap: calc(var(--_cc-space) * 0.5);
  }
  [part='cad'] {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: calc(var(--_cc-space) * 0.25) calc(var(--_cc-space) * 1.5);
    margin: 0;
  }
  [part='cad'] > div {
    display: contents;
  }
  dt {
    color: var(--_cc-text-muted);
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
