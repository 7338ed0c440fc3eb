// The CDN build's statistics chunk: <cc-queue-stats> and <cc-agent-stats>, which the entry defines with light
// classes and settles from here when the page has one of them, or once the page is idle (see lazy-tags.ts), so
// a desk without statistics does not pay for them in its first download.
import { ReactiveElement } from 'lit';
import { CcQueueStats } from '../../components/cc-queue-stats/cc-queue-stats.js';
import { CcAgentStats } from '../../components/cc-agent-stats/cc-agent-stats.js';
import type { Body } from './light.js';

export { CcQueueStats };
export { CcAgentStats };

/** What the entry's light classes of these tags become. */
export const body: Body = { widgets: { 'cc-queue-stats': CcQueueStats, 'cc-agent-stats': CcAgentStats }, ReactiveElement };
