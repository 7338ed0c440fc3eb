import { CcAgentStats } from '../components/cc-agent-stats/cc-agent-stats.js';

CcAgentStats.define('cc-agent-stats');

declare global {
  interface HTMLElementTagNameMap {
    'cc-agent-stats': CcAgentStats;
  }
}

export { CcAgentStats };
