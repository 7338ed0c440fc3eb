// The CDN build's body: every widget of the desk, the store, the request runner and the kit's API, in one
// chunk. The entry (cc-elements.ts) defines every tag with a light class at once, asks for this chunk and
// the backend's files side by side (preload.ts), and hands this module to `settle` (light.ts) when it has
// come: the light classes become these widgets. The entry re-exports the API from here.
import { ReactiveElement } from 'lit';
import { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { CcAuth } from '../../components/cc-auth/cc-auth.js';
import { CcStationLogin } from '../../components/cc-station-login/cc-station-login.js';
import { CcStateSelect } from '../../components/cc-state-select/cc-state-select.js';
import { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import { CcWrapup } from '../../components/cc-wrapup/cc-wrapup.js';
import { defineWhenNeeded } from './lazy-tags.js';
import type { Body } from './light.js';

export * from '../api.js';

/** What the entry's light classes become. */
export const body: Body = {
  widgets: {
    'cc-sdk': CcSdk,
    'cc-auth': CcAuth,
    'cc-station-login': CcStationLogin,
    'cc-state-select': CcStateSelect,
    'cc-task-panel': CcTaskPanel,
    'cc-wrapup': CcWrapup,
  },
  ReactiveElement,
};

// Widgets that are not on the agent's first screen are chunks of their own (see lazy-tags.ts): the statistics
// widgets are fetched at once when the page already has one of their tags, else when the browser is idle.
defineWhenNeeded(['cc-queue-stats', 'cc-agent-stats'], () => import('./stats.js'));
// The conversation widget too: a chunk fetched when the page has the tag, else once the browser is idle.
defineWhenNeeded(['cc-conversation'], () => import('./conversation.js'));
// <cc-preflight> likewise (its checks are a further chunk, fetched on the first run).
defineWhenNeeded(['cc-preflight'], () => import('./preflight.js'));
