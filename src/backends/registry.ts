import type { Backend, BackendFactory } from '../core/backend.js';
import { CcError } from '../core/errors.js';
import { SimulatorBackend } from './simulator/backend.js';
import { SimulatorServer } from './simulator/server.js';

/**
 * Backends `<cc-sdk backend="…">` can build by name. The simulator is built in; other backends load their
 * code with a dynamic import only when chosen, so a page on the simulator downloads none of it.
 */
const factories = new Map<string, BackendFactory>([
  [
    'simulator',
    (options) => {
      const persist = typeof options.persist === 'string' && options.persist ? options.persist : null;
      const server = new SimulatorServer(
        persist ? { storage: globalThis.sessionStorage, storageKey: `cc-elements-simulator:${persist}` } : {},
      );
      const latencyMs = Number(options.latency ?? 0);
      return new SimulatorBackend({ server, latencyMs: Number.isFinite(latencyMs) ? latencyMs : 0 });
    },
  ],
  [
    // The Webex Contact Center SDK: the adapter (and, when it makes its own instance, the SDK) load on demand.
    'webex',
    async (options) => {
      const { createWebexBackend } = await import('./webex/index.js');
      return createWebexBackend(options);
    },
  ],
]);

/** Makes a backend available by name to every `<cc-sdk>` on the page. */
export function registerBackend(name: string, factory: BackendFactory): void {
  factories.set(name, factory);
}

export function backendNames(): string[] {
  return [...factories.keys()];
}

export async function createBackend(name: string, options: Readonly<Record<string, unknown>>): Promise<Backend> {
  const factory = factories.get(name);
  if (!factory) {
    throw new CcError('unknown-backend', `Unknown backend "${name}". Known backends: ${backendNames().join(', ')}.`, 'backend');
  }
  return factory(options);
}
