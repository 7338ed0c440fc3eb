// The CDN bundle's entry, dist/cdn/cc-elements.js: defines every tag of the agent's desk and exports the kit's
// API. It holds almost nothing itself, so that every tag is defined as soon as a small file has come:
// - first, it asks for the files the page needs, side by side (preload.ts): the body (what the desk needs
//   before the agent can sign in: the store, the request runner, <cc-sdk> and <cc-auth>, body.ts), the rest of
//   the desk (panels.ts), the page's backend (on a simulator page `simulator.js`; a page on Webex downloads no
//   simulator byte) and its language bundle;
// - then it defines every tag with a light class (light.ts): `customElements.whenDefined` resolves, the
//   elements render nothing yet, and what the page sets or asks meanwhile is kept;
// - as each part of the widgets' code comes, the light classes of its tags become those widgets (the rest of
//   the desk once the desk has its backend); the entry's exports (the API) are there once both have: a module
//   that imports this one runs then, as before.
// Nothing in the entry may be imported by the other chunks (see light.ts). A new widget that is not on the
// desk's first screen joins through `offScreen` in body.ts (see lazy-tags.ts).
import './preload.js';
import { defineWhenNeeded } from './lazy-tags.js';
import { defineLightTags, onDemand, settle } from './light.js';

/** How long the rest of the desk waits at most for the desks' backends, in milliseconds. */
const DESK_FIRST_MS = 150;

type DeskHost = HTMLElement & { desk?: { backend: unknown; subscribe: (listener: () => void) => () => void } };

/** Resolves when every `<cc-sdk>` of the page has its backend, or after `ms`. */
function deskAttached(ms: number): Promise<unknown> {
  const attached = (sdk: DeskHost) =>
    new Promise<void>((resolve) => {
      let off = () => {};
      const check = () => {
        if (!sdk.desk?.backend) return;
        off();
        resolve();
      };
      off = sdk.desk?.subscribe(check) ?? off;
      check();
    });
  const sdks = [...(globalThis.document?.querySelectorAll<DeskHost>('cc-sdk') ?? [])];
  return Promise.race([Promise.all(sdks.map(attached)), new Promise((resolve) => setTimeout(resolve, ms))]);
}

defineLightTags();

const core = await import('./body.js');
settle(core.body);
// The widgets off the first screen: fetched when the page has (or adds) one of their tags, else when idle.
for (const [tags, load] of core.offScreen) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void load().then((part) => settle(part.body));
  };
  onDemand(tags, start);
  defineWhenNeeded(tags, start);
}
// The rest of the desk shows nothing that matters before the agent has signed in: it settles once each
// <cc-sdk> has its backend (at most DESK_FIRST_MS after the body), so that its first render does not come
// between the desk and its backend (measured: the desk is interactive sooner, see the README's figures).
await deskAttached(DESK_FIRST_MS);
const api = await core.panels;
settle(api.body);

// The kit's API (src/api.ts), as the entry always exported it (test/cdn/light.test.ts checks that every
// export of src/api.ts is here).
export const {
  ACTIONS,
  ALL_CAPABILITIES,
  AVAILABLE_CODE,
  BUNDLED_LOCALES,
  CcAuth,
  CcElement,
  CcError,
  CcOutcomeEvent,
  CcRequestEvent,
  CcSdk,
  CcStateSelect,
  CcStationLogin,
  CcTaskPanel,
  CcWidget,
  CcWrapup,
  DEFAULT_PREFLIGHT,
  Desk,
  DeskController,
  ERROR_CODES,
  LOGOUT_REASONS,
  MESSAGE_DELIVERIES,
  ManualClock,
  PREFLIGHT_CHECKS,
  PREFLIGHT_CODES,
  REFUSALS,
  Store,
  backendNames,
  bundleLocaleOf,
  capabilitiesFor,
  checkDialNumber,
  deskContext,
  directionOf,
  eventCatalog,
  initialState,
  isLogoutReason,
  isOAuthRedirect,
  loadBundle,
  loadSimulator,
  logoutReasonText,
  needsDialNumber,
  onMissingString,
  outcome,
  outcomeEvents,
  preflightFor,
  realClock,
  reduce,
  refusalError,
  refusalOf,
  registerBackend,
  registerBundle,
  request,
  requestEvents,
  requestKey,
  requestsOf,
  setLocaleStrings,
  taskControls,
  withMethods,
} = api;
