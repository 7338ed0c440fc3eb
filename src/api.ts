// The kit's API without the simulator: classes, types, events and the backend registry. Importing it defines no tag.
export { CcSdk } from '../components/cc-sdk/cc-sdk.js';
export { CcAuth, type CcAuthStrings } from '../components/cc-auth/cc-auth.js';
export { CcStationLogin, type CcStationLoginStrings } from '../components/cc-station-login/cc-station-login.js';
export { CcStateSelect, type CcStateSelectStrings } from '../components/cc-state-select/cc-state-select.js';
export { CcTaskPanel, type CcTaskPanelStrings } from '../components/cc-task-panel/cc-task-panel.js';
export { CcWrapup, type CcWrapupStrings } from '../components/cc-wrapup/cc-wrapup.js';
// The conversation widget: types here (the CDN entry loads its code as a chunk); the class from the package's
// main entry or its define entry.
export type { CcConversation, CcConversationStrings } from '../components/cc-conversation/cc-conversation.js';
// The statistics widgets: types here (the CDN entry loads their code as a chunk); classes from the package's
// main entry (src/api-stats.ts) or from their define entries.
export type { CcQueueStats, QueueSort } from '../components/cc-queue-stats/cc-queue-stats.js';
export type { CcQueueStatsStrings } from '../components/cc-queue-stats/cc-queue-stats.strings.js';
export type { CcAgentStats } from '../components/cc-agent-stats/cc-agent-stats.js';
export type { CcAgentStatsStrings } from '../components/cc-agent-stats/cc-agent-stats.strings.js';
// <cc-preflight> likewise: its type here; its class from the main entry (src/api-preflight.ts) or its define entry.
export type { CcPreflight } from '../components/cc-preflight/cc-preflight.js';
export type { CcPreflightStrings } from '../components/cc-preflight/cc-preflight.strings.js';
export { CcWidget, setLocaleStrings } from './base/cc-widget.js';
export { BUNDLED_LOCALES, bundleLocaleOf, directionOf, loadBundle, onMissingString, registerBundle, type Bundle, type BundleTable, type BundledLocale } from './locales/index.js';
export { CcElement } from './base/cc-element.js';
export * from './core/types.js';
export type { Backend, BackendEvent, BackendFactory, StationLoginArgs, AgentStateArgs, WrapupArgs } from './core/backend.js';
export { ALL_CAPABILITIES, capabilitiesFor, withMethods } from './core/capabilities.js';
export {
  ACTIONS,
  REFUSALS,
  refusalError,
  refusalOf,
  requestsOf,
  taskControls,
  type ActionSpec,
  type Refusal,
  type RequestsOf,
  type TaskControl,
  type WidgetTag,
} from './core/actions.js';
export { CcError, ERROR_CODES, type CcErrorCode, type CcErrorInfo } from './core/errors.js';
export { ManualClock, realClock, type Clock } from './core/clock.js';
export {
  PREFLIGHT_CHECKS,
  PREFLIGHT_CODES,
  DEFAULT_PREFLIGHT,
  type PreflightCheckId,
  type PreflightCode,
  type PreflightStatus,
  type PreflightPlan,
  type PreflightReport,
  type PreflightCheckReport,
  type PreflightSelf,
  type BrowserFeature,
} from './core/preflight.js';
export { Store, reduce, initialState, type DeskState, type StoreAction } from './core/store.js';
export { checkDialNumber, needsDialNumber } from './core/dial.js';
export { isOAuthRedirect } from './core/oauth.js';
export type { WebexBackendOptions } from './backends/webex/backend.js';
export * from './events/events.js';
export { eventCatalog, outcomeEvents, requestEvents } from './events/catalog.js';
export { deskContext } from './context/context.js';
export { Desk, requestKey } from './context/desk.js';
export { DeskController } from './context/desk-controller.js';
export { registerBackend, backendNames, loadSimulator, preflightFor } from './backends/registry.js';
