import { css } from 'lit';

/**
 * The card that `<cc-preflight>`, `<cc-queue-stats>` and `<cc-agent-stats>` are drawn as, before each one's own
 * sheet: the `base` part as a grid on the widget's background, and its title. Each widget sets `--_background` and
 * `--_gap` from its own public tokens.
 */
export const cardStyles = css`
  [part='base'] {
    display: grid;
    gap: var(--_gap);
    background: var(--_background);
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
`;
