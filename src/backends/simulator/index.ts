import type { Backend } from '../../core/backend.js';
import { SimulatorBackend } from './backend.js';
import { SimulatorServer } from './server.js';

export { SimulatorBackend, type SimulatorBackendOptions } from './backend.js';
export {
  SimulatorServer,
  SIMULATOR_ACTIONS,
  FAULT_CODES,
  type SimulatorAction,
  type SimulatorServerOptions,
  type SimulatorTiming,
  type Fault,
} from './server.js';
export { parseScenario, namedScenarios, type ScenarioStep, type OfferSpec } from './scenarios.js';
export { simulatorProfile, simulatorCustomers, simulatorQueues, simulatorBuddies } from './data.js';

/**
 * `<cc-sdk backend="simulator">`'s factory (the registry loads this module lazily): a new in-page contact
 * center (restored from sessionStorage under `persist`) that the backend owns, so disposing the backend stops
 * every timer of its contact center too.
 */
export function createSimulatorBackend(options: Readonly<Record<string, unknown>>): Backend {
  const persist = typeof options.persist === 'string' && options.persist ? options.persist : null;
  const server = new SimulatorServer(persist ? { storage: globalThis.sessionStorage, storageKey: `cc-elements-simulator:${persist}` } : {});
  const latencyMs = Number(options.latency ?? 0);
  return new SimulatorBackend({ server, ownsServer: true, latencyMs: Number.isFinite(latencyMs) && latencyMs >= 0 ? latencyMs : 0 });
}
