// The CDN bundle's entry, dist/cdn/cc-elements.js: defines every tag and exports the kit's API. The simulator
// is not in it: its code is a chunk that `<cc-sdk>` loads when it is the backend (and `loadSimulator()`
// resolves to its classes), so a page on Webex downloads none of it.
// First: ask for the page's backend files, so they download while the widgets are defined and rendered.
import './preload.js';
import '../../define/cc-sdk.js';
import '../../define/cc-auth.js';
import '../../define/cc-station-login.js';
import '../../define/cc-state-select.js';
import '../../define/cc-task-panel.js';
import '../../define/cc-wrapup.js';

export * from '../api.js';

// The statistics widgets are a chunk of their own: fetched at once when the page already has one of their
// tags, else when the browser is idle (a tag added later is upgraded when it arrives; define order does not
// matter to the kit's widgets).
const STATS_TAGS = 'cc-queue-stats, cc-agent-stats';
const loadStats = () => void import('./stats.js');
if (globalThis.document?.querySelector(STATS_TAGS)) loadStats();
else if ('requestIdleCallback' in globalThis) requestIdleCallback(loadStats, { timeout: 3000 });
else setTimeout(loadStats, 1000);
