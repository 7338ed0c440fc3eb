import { CcQueueStats } from '../components/cc-queue-stats/cc-queue-stats.js';

CcQueueStats.define('cc-queue-stats');

declare global {
  interface HTMLElementTagNameMap {
    'cc-queue-stats': CcQueueStats;
  }
}

export { CcQueueStats };
