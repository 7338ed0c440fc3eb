import type { Backend, BackendFactory } from '../core/backend.js';
import { CcError } from '../core/errors.js';

/** The simulator's code (its contact center, profile and scenarios), loaded on first use. */
export const loadSimulator = () => import('./simulator/index.js');

/**
 * Backends `<cc-sdk backend="…">` can build by name. Each loads its code with a dynamic import only when
 * chosen: a page on Webex downloads no simulator byte, and a page on the simulator none of Webex.
 */
const factories = new Map<string, BackendFactory>([
  [
    'simulator',
    async (options) => (await loadSimulator()).createSimulatorBackend(options),
  ],
  [
    // The Webex Contact Center SDK: the adapter (and, when it makes its own instance, the SDK) load on demand.
    'webex',
    async (options) => {
      const { createWebexBackend } = await import('./webex/index.js');
      return createWebexBackend(options);
    },
  ],
  // XiVO's XuC server (REST sign-in, one WebSocket), spoken directly: `server` is the XuC base URL.
  ['xuc', async (options) => (await import('./xuc/index.js')).createXucBackend(options)],
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
