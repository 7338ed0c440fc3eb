import { css } from 'lit';

/** `<cc-queue-stats>`'s own styles, after the card's and the statistics widgets' shared ones (src/styles/card.ts, stats.ts). */
export const styles = css`
  :host {
    --_background: var(--cc-queue-stats-background, var(--_cc-surface));
    --_gap: var(--cc-queue-stats-gap, var(--_cc-space));
    --_warning: var(--cc-queue-stats-warning-color, var(--_cc-warning));
    --_stale: var(--cc-queue-stats-stale-color, var(--_cc-text-muted));
    --_trend: var(--cc-queue-stats-trend-color, var(--_cc-accent));
    --_trend-fill: var(--cc-queue-stats-trend-fill, color-mix(in srgb, var(--_trend) 18%, transparent));
    /* Read by the element, not by a style: the longest wait past this many seconds is a warning. */
    --_sla-seconds: var(--cc-queue-stats-sla-seconds, 60);
    min-inline-size: 16rem;
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
  }
  [part='sort'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_gap) * 0.5);
  }
  [part='sort'] select {
    inline-size: auto;
  }
  [part='list'] {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='queue'] {
    display: grid;
    gap: calc(var(--_gap) * 0.5);
    padding: var(--_gap);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
  }
  [part~='queue'][data-over] {
    border-inline-start: 4px solid var(--_warning);
  }
  .queue-name {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  [part='figures'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: calc(var(--_gap) * 0.5) var(--_gap);
    margin: 0;
  }
  [part~='longest-wait'][data-over] {
    color: var(--_warning);
  }
  [part='target'] {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
  }
  [part='trend'] {
    display: block;
    inline-size: 100%;
    block-size: 3rem;
    overflow: visible;
  }
  /* Time runs with the writing: right to left, now is at the left edge. */
  [part='trend']:dir(rtl) {
    transform: scaleX(-1);
  }
  .trend-line {
    fill: none;
    stroke: var(--_trend);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .trend-area {
    fill: var(--_trend-fill);
    stroke: none;
  }
`;
