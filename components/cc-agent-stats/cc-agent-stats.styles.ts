import { css } from 'lit';

/** `<cc-agent-stats>`'s own styles, after the card's and the statistics widgets' shared ones (src/styles/card.ts, stats.ts). */
export const styles = css`
  :host {
    --_background: var(--cc-agent-stats-background, var(--_cc-surface));
    --_gap: var(--cc-agent-stats-gap, var(--_cc-space));
    --_stale: var(--cc-agent-stats-stale-color, var(--_cc-text-muted));
    --_bar: var(--cc-agent-stats-bar-color, var(--_cc-accent));
    min-inline-size: 14rem;
  }
  .subtitle {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  [part='figures'],
  [part='states'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: calc(var(--_gap) * 0.5) var(--_gap);
    margin: 0;
  }
  [part='figures'] div,
  [part='states'] div {
    display: grid;
    gap: 2px;
  }
  .bar {
    display: block;
    block-size: 4px;
    border-radius: 2px;
    background: var(--_bar);
    min-inline-size: 2px;
  }
  .current {
    font-weight: 400;
    color: var(--_cc-text-muted);
  }
`;
