import { css } from 'lit';
import { floatingStyles } from '../../src/base/notice-controller.js';

export const styles = [
  floatingStyles,
  css`
    :host {
      --_available: var(--cc-state-select-available-color, var(--_cc-success));
      --_idle: var(--cc-state-select-idle-color, var(--_cc-warning));
      --_rona: var(--cc-state-select-rona-color, var(--_cc-danger));
      display: inline-block;
      /* One width whatever the state, the reason's length, a pending change or an Apply button. */
      inline-size: var(--cc-state-select-inline-size, 20rem);
      max-inline-size: 100%;
    }
    [part='base'] {
      position: relative;
    }
    .control {
      display: flex;
      align-items: center;
      gap: var(--_cc-space);
      min-inline-size: 0;
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
    [part='indicator'][data-state='Idle'],
    [part='indicator'][data-state='AfterCall'] {
      background: var(--_idle);
    }
    [part='indicator'][data-state='RONA'] {
      background: var(--_rona);
    }
    select {
      flex: 1 1 0;
      min-inline-size: 0;
      inline-size: auto;
      text-overflow: ellipsis;
    }
    .apply {
      flex: none;
      min-height: 28px;
      padding: 0 var(--_cc-space);
    }
    [part='activity'] {
      flex: none;
      padding: 1px 6px;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.85em;
      white-space: nowrap;
      color: var(--_cc-accent);
    }
    [part='activity'][data-activity='ringing'] {
      color: var(--_cc-warning);
    }
    [part='activity'][data-activity='wrapup'] {
      color: var(--_cc-text-muted);
    }
    [part='timer'] {
      flex: none;
      color: var(--_cc-text-muted);
      min-inline-size: 3.5em;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
];
