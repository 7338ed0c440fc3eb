// The CDN bundle's entry, dist/cdn/cc-elements.js: defines every tag of the agent's desk and exports the kit's
// API. It holds almost nothing itself, so that every tag is defined as soon as a small file has come:
// - first, it asks for the files the page needs, side by side (preload.ts): the body (the widgets, the store
//   and the request runner, body.ts), the page's backend (on a simulator page `simulator.js`; a page on Webex
//   downloads no simulator byte) and its language bundle;
// - then it defines every tag with a light class (light.ts): `customElements.whenDefined` resolves, the
//   elements render nothing yet, and what the page sets or asks meanwhile is kept;
// - when the body has come, the light classes become the widgets, and the entry's exports (the API) are there:
//   a module that imports this one runs once the desk's code is in, as before.
// Nothing in the entry may be imported by the body (see light.ts). A new widget that is not on the desk's
// first screen joins through `defineWhenNeeded` in body.ts (see lazy-tags.ts).
import './preload.js';
import { defineLightTags, settle } from './light.js';

defineLightTags();

const api = await import('./body.js');
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
