// The CDN build's body: what the desk needs before the agent can sign in: Lit, the store, the request runner,
// the backends' registry, `<cc-sdk>` and `<cc-auth>`, in one chunk. The entry (cc-elements.ts) defines every tag
// with a light class at once, asks for this chunk, the rest of the desk (panels.ts) and the backend's files
// side by side (preload.ts), and hands each part to `settle` (light.ts) when it has come: the light classes
// become these widgets.
import { ReactiveElement } from 'lit';
import { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { CcAuth } from '../../components/cc-auth/cc-auth.js';
import type { Body } from './light.js';

/** What the entry's light classes of these tags become. */
export const body: Body = { widgets: { 'cc-sdk': CcSdk, 'cc-auth': CcAuth }, ReactiveElement };

// The rest of the desk (and the API): imported from here, not from the entry, so that what it shares with the
// body is in the body, never in the entry; its files are on their way already (preload.ts).
export const panels = import('./panels.js');

/**
 * Widgets that are not on the agent's first screen, a chunk of their own each: the entry fetches one when the
 * page has one of its tags (now or later), else once the browser is idle (lazy-tags.ts), and settles it.
 */
export const offScreen: ReadonlyArray<readonly [readonly string[], () => Promise<{ body: Body }>]> = [
  [['cc-queue-stats', 'cc-agent-stats'], () => import('./stats.js')],
  [['cc-conversation'], () => import('./conversation.js')],
  [['cc-preflight'], () => import('./preflight.js')],
];
