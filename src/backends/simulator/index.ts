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

type SimpleStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isStorage = (value: unknown): value is SimpleStorage =>
  typeof value === 'object' && value !== null && ['getItem', 'setItem', 'removeItem'].every((m) => typeof (value as Record<string, unknown>)[m] === 'function');

/**
 * Where the contact center keeps its state: sessionStorage under `persist` (a reload finds it), and, in a
 * session shared by several tabs, `<cc-sdk>`'s handoff (memory copied to every tab: the tab that takes over
 * from a closed leader builds the same contact center). With both, the handoff is read first.
 */
function storageOf(persist: string | null, handoff: unknown): { storage?: SimpleStorage; storageKey?: string } {
  const local = persist ? globalThis.sessionStorage : undefined;
  const storageKey = persist ? `cc-elements-simulator:${persist}` : undefined;
  if (!isStorage(handoff)) return local ? { storage: local, storageKey } : {};
  const storage: SimpleStorage = local
    ? {
        getItem: (key) => handoff.getItem(key) ?? local.getItem(key),
        setItem: (key, value) => {
          handoff.setItem(key, value);
          local.setItem(key, value);
        },
        removeItem: (key) => {
          handoff.removeItem(key);
          local.removeItem(key);
        },
      }
    : handoff;
  return storageKey ? { storage, storageKey } : { storage };
}

/**
 * `<cc-sdk backend="simulator">`'s factory (the registry loads this module lazily): a new in-page contact
 * center (restored from sessionStorage under `persist`) that the backend owns, so disposing the backend stops
 * every timer of its contact center too.
 */
export function createSimulatorBackend(options: Readonly<Record<string, unknown>>): Backend {
  const persist = typeof options.persist === 'string' && options.persist ? options.persist : null;
  const server = new SimulatorServer(storageOf(persist, options.handoff));
  const latencyMs = Number(options.latency ?? 0);
  return new SimulatorBackend({ server, ownsServer: true, latencyMs: Number.isFinite(latencyMs) && latencyMs >= 0 ? latencyMs : 0 });
}
