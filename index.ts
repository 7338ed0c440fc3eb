// The package's main entry: classes, types, events and backends. Importing it defines no tag.
export { CcSdk } from './components/cc-sdk/cc-sdk.js';
export { CcStateSelect, type CcStateSelectStrings } from './components/cc-state-select/cc-state-select.js';
export { CcWidget, setLocaleStrings } from './src/base/cc-widget.js';
export { CcElement } from './src/base/cc-element.js';
export * from './src/core/types.js';
export type { Backend, BackendEvent, BackendFactory, StationLoginArgs, AgentStateArgs, WrapupArgs } from './src/core/backend.js';
export { CcError, ERROR_CODES, type CcErrorCode, type CcErrorInfo } from './src/core/errors.js';
export { ManualClock, realClock, type Clock } from './src/core/clock.js';
export { Store, reduce, initialState, type DeskState, type StoreAction } from './src/core/store.js';
export { checkDialNumber, needsDialNumber } from './src/core/dial.js';
export * from './src/events/events.js';
export { eventCatalog, outcomeEvents, requestEvents } from './src/events/catalog.js';
export { deskContext } from './src/context/context.js';
export { Desk, requestKey } from './src/context/desk.js';
export { DeskController } from './src/context/desk-controller.js';
export { registerBackend, backendNames } from './src/backends/registry.js';
export * from './src/backends/simulator/index.js';
