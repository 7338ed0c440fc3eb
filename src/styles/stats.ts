import { css } from 'lit';

/**
 * What the statistics widgets (`<cc-queue-stats>`, `<cc-agent-stats>`) share, after the card (card.ts) and before
 * each one's own sheet: the figures as terms and values, and the stale, empty and loading lines. Each widget sets
 * the private properties these read from its own public tokens: `--_gap`, `--_stale`.
 */
export const statsStyles = css`
  [part='figures'] div {
    display: grid;
  }
  dt {
    color: var(--_cc-text-muted);
    font-size: 0.9em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part='stale'] {
    margin: 0;
    color: var(--_stale);
    font-style: italic;
  }
  [part='empty'] {
    margin: 0;
    color: var(--_cc-text-muted);
  }
  [part='loading'] {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    margin: 0;
  }
`;
