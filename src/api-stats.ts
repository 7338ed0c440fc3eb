// The statistics widgets' classes. The npm entry (index.ts) exports them; the CDN entry does not carry them
// (it defines the two tags from a chunk of their own, see src/cdn/cc-elements.ts), so src/api.ts names their
// types only.
export { CcQueueStats, type QueueSort } from '../components/cc-queue-stats/cc-queue-stats.js';
export { CcAgentStats } from '../components/cc-agent-stats/cc-agent-stats.js';
export { StatsHistory, StatsPoll, endpointProblem, TREND_MS, type WaitingSample, type StatsView, type PollOptions } from './base/stats-feed.js';
