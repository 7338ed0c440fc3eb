// The CDN build's statistics chunk: defines <cc-queue-stats> and <cc-agent-stats>. The entry imports it
// (dynamically) when the page has one of them, or once the page is idle, so a desk without statistics does
// not pay for them in its first download.
import '../../define/cc-queue-stats.js';
import '../../define/cc-agent-stats.js';

export { CcQueueStats } from '../../components/cc-queue-stats/cc-queue-stats.js';
export { CcAgentStats } from '../../components/cc-agent-stats/cc-agent-stats.js';
