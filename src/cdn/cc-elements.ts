// The CDN bundle's entry, dist/cdn/cc-elements.js: defines every tag of the agent's desk and exports the kit's
// API. The simulator is not in it: its code is a chunk that `<cc-sdk>` loads when it is the backend (and
// `loadSimulator()` resolves to its classes), so a page on Webex downloads none of it. Everything imported
// statically here is in the entry, which every page downloads before any tag is defined: a new widget that is
// not on the desk's first screen joins through `defineWhenNeeded` below instead (see lazy-tags.ts).
// First: ask for the page's backend files, so they download while the widgets are defined and rendered.
import './preload.js';
import '../../define/cc-sdk.js';
import '../../define/cc-auth.js';
import '../../define/cc-station-login.js';
import '../../define/cc-state-select.js';
import '../../define/cc-task-panel.js';
import '../../define/cc-wrapup.js';

import { defineWhenNeeded } from './lazy-tags.js';

export * from '../api.js';

// Widgets that are not on the agent's first screen are chunks of their own (see lazy-tags.ts): the statistics
// widgets are fetched at once when the page already has one of their tags, else when the browser is idle.
defineWhenNeeded(['cc-queue-stats', 'cc-agent-stats'], () => import('./stats.js'));
// The conversation widget too: a chunk fetched when the page has the tag, else once the browser is idle.
defineWhenNeeded(['cc-conversation'], () => import('./conversation.js'));
// <cc-preflight> likewise (its checks are a further chunk, fetched on the first run).
defineWhenNeeded(['cc-preflight'], () => import('./preflight.js'));
