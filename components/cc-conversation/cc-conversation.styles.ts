import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--cc-conversation-gap, var(--_cc-space));
    --_background: var(--cc-conversation-background, var(--_cc-surface));
    --_height: var(--cc-conversation-transcript-height, 22rem);
    --_customer: var(--cc-conversation-customer-background, var(--_cc-surface-alt));
    --_agent: var(--cc-conversation-agent-background, var(--_cc-surface));
    --_agent-edge: var(--cc-conversation-agent-accent, var(--_cc-accent));
    --_failed: var(--cc-conversation-failed-color, var(--_cc-danger));
    min-inline-size: 16rem;
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
    background: var(--_background);
    min-inline-size: 0;
  }
  [part='base']:focus {
    outline: none;
  }
  [part='header'] {
    display: grid;
    gap: calc(var(--_gap) * 0.25);
    min-inline-size: 0;
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  [part='subject'] {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='transcript'] {
    list-style: none;
    margin: 0;
    padding: calc(var(--_gap) * 0.5);
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    max-block-size: var(--_height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    min-inline-size: 0;
  }
  [part~='message'] {
    display: grid;
    gap: calc(var(--_gap) * 0.25);
    max-inline-size: 85%;
    padding: calc(var(--_gap) * 0.75) var(--_gap);
    border-radius: var(--_cc-radius);
    border: 1px solid var(--_cc-border);
    min-inline-size: 0;
  }
  [part~='message'][data-from='customer'] {
    align-self: flex-start;
    background: var(--_customer);
  }
  [part~='message'][data-from='agent'] {
    align-self: flex-end;
    background: var(--_agent);
    border-inline-end: 3px solid var(--_agent-edge);
  }
  [part~='message'][data-from='system'] {
    align-self: center;
    max-inline-size: 100%;
    border-style: dashed;
    color: var(--_cc-text-muted);
    font-style: italic;
  }
  [part~='message'][data-from='agent'][data-delivery='failed'] {
    border-color: var(--_failed);
  }
  [part~='message'].email {
    max-inline-size: 100%;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_gap);
    align-items: baseline;
    font-size: 0.9em;
    min-inline-size: 0;
  }
  [part='author'] {
    font-weight: 600;
    min-inline-size: 0;
  }
  [part='time'] {
    color: var(--_cc-text-muted);
    font-variant-numeric: tabular-nums;
  }
  [part='message-subject'] {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='text'] {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  [part='delivery'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_gap) * 0.5);
    font-size: 0.85em;
    color: var(--_cc-text-muted);
  }
  [part='delivery'][data-delivery='failed'] {
    color: var(--_failed);
  }
  [part='retry'] {
    min-height: 28px;
  }
  [part='typing'] {
    margin: 0;
    color: var(--_cc-text-muted);
    font-style: italic;
    min-block-size: 1.4em;
  }
  [part='new-messages'] {
    justify-self: center;
  }
  [part='composer'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
  }
  [part='reply'] {
    resize: vertical;
    min-block-size: 3.2em;
  }
  .composer-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
    justify-content: space-between;
  }
  [part='empty'],
  [part='unsupported'],
  [part='notice'] {
    margin: 0;
  }
  [part='unsupported'] {
    padding: calc(var(--_gap) * 0.75) var(--_gap);
    border: 1px solid var(--_cc-border);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
    background: var(--_cc-surface-alt);
  }
`;
