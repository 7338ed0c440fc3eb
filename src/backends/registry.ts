import type { Backend, BackendFactory } from '../core/backend.js';
import { CcError } from '../core/errors.js';
import { DEFAULT_PREFLIGHT, type PreflightPlan } from '../core/preflight.js';
import type { SignInDescriptor } from '../core/types.js';
// What each built-in backend declares before its code loads (its own folder loads only when it is chosen).
import { simulatorHandles, simulatorOptions, simulatorPreflight, simulatorSignIn } from './declared/simulator.js';
import { webexOptions, webexPreflight, webexSignIn } from './declared/webex.js';
import { xucPreflight, xucSignIn } from './declared/xuc.js';
import { tcccOptions, tcccPreflight, tcccSignIn } from './declared/tccc.js';

/**
 * An option a backend takes from `<cc-sdk>`: an attribute (and the matching property) of the element, read
 * and checked by the backend's own rules. `<cc-sdk>` knows none of them by name: it observes what the
 * registry declares, hands the values to the backend's factory, and builds a new backend when one changes.
 */
export interface BackendOption {
  /** The attribute of `<cc-sdk>`, kebab-case (`latency`). */
  readonly attribute: string;
  /** The property of `<cc-sdk>`, camelCase (`latency`); the factory gets the value under this name. */
  readonly property: string;
  /** The value when the attribute is absent. */
  readonly initial: unknown;
  /** What a value must be, for the warning about a bad one: `<cc-sdk> latency="abc" is not {expects}: ignored.` */
  readonly expects: string;
  /** The option's value from an attribute's text or a property's value; `undefined` when it is no good. */
  readonly read: (value: unknown) => unknown;
  /**
   * Without it, a change builds a new backend. With it, a change is handed to the running backend instead
   * (and the value to every backend built later): a scenario runs on the current contact center. It may
   * throw a CcError, reported as `cc-error` with the attribute as `action`.
   */
  readonly apply?: (backend: Backend, value: unknown) => void;
}

/** What a backend declares beside its factory, known before its code loads. */
export interface BackendRegistration {
  /** How an agent signs in (`<cc-auth>` renders it); a function of `<cc-sdk>`'s options when they change it. */
  readonly signIn?: SignInDescriptor | ((options: Readonly<Record<string, unknown>>) => SignInDescriptor);
  /** The attributes of `<cc-sdk>` this backend reads. */
  readonly options?: readonly BackendOption[];
  /**
   * Read-only properties `<cc-sdk>` offers for this backend, by name, read from whatever backend it runs
   * (e.g. `simulator`: the simulated contact center, null on any other backend).
   */
  readonly handles?: Readonly<Record<string, (backend: Backend | null) => unknown>>;
  /**
   * What `<cc-preflight>` checks for this backend (which checks apply, the browser features it needs, where its
   * contact center is reached); a function of `<cc-sdk>`'s options when they change it. Default: `DEFAULT_PREFLIGHT`.
   */
  readonly preflight?: PreflightPlan | ((options: Readonly<Record<string, unknown>>) => PreflightPlan);
}

interface Entry extends BackendRegistration {
  readonly factory: BackendFactory;
}

/** The simulator's code (its contact center, profile and scenarios), loaded on first use. */
export const loadSimulator = () => import('./simulator/index.js');

/**
 * Backends `<cc-sdk backend="…">` can build by name. Each loads its code with a dynamic import only when
 * chosen: a page on Webex downloads no simulator byte, and a page on the simulator none of Webex. What each
 * declares beside (sign-in, options) is small and loads with the registry.
 */
const entries = new Map<string, Entry>([
  [
    'simulator',
    {
      factory: async (options) => (await loadSimulator()).createSimulatorBackend(options),
      signIn: simulatorSignIn,
      options: simulatorOptions,
      handles: simulatorHandles,
      preflight: simulatorPreflight,
    },
  ],
  [
    // The Webex Contact Center SDK: the adapter (and, when it makes its own instance, the SDK) load on demand.
    'webex',
    {
      factory: async (options) => {
        const { createWebexBackend } = await import('./webex/index.js');
        return createWebexBackend(options);
      },
      signIn: webexSignIn,
      options: webexOptions,
      preflight: webexPreflight,
    },
  ],
  // XiVO's XuC server (REST sign-in, one WebSocket), spoken directly: `server` is the XuC base URL.
  [
    'xuc',
    { factory: async (options) => (await import('./xuc/index.js')).createXucBackend(options), signIn: xucSignIn, preflight: xucPreflight },
  ],
  // Tencent Cloud Contact Center's Web SDK, from an SdkURL the host's server mints: `sdk-url-endpoint` is its route.
  [
    'tccc',
    {
      factory: async (options) => (await import('./tccc/index.js')).createTcccBackend(options),
      signIn: tcccSignIn,
      options: tcccOptions,
      preflight: tcccPreflight,
    },
  ],
]);

/**
 * Makes a backend available by name to every `<cc-sdk>` on the page, with how its agents sign in and the
 * options it reads. Options of a backend registered after `<cc-sdk>` is defined are read when the backend
 * is built (their attributes are not observed for changes).
 */
export function registerBackend(name: string, factory: BackendFactory, registration: BackendRegistration = {}): void {
  entries.set(name, { ...registration, factory });
}

export function backendNames(): string[] {
  return [...entries.keys()];
}

/** How an agent signs in to the backend of this name, or null when it declares nothing. */
export function signInFor(name: string, options: Readonly<Record<string, unknown>> = {}): SignInDescriptor | null {
  const signIn = entries.get(name)?.signIn;
  if (typeof signIn === 'function') {
    try {
      return signIn(options);
    } catch {
      return null;
    }
  }
  return signIn ?? null;
}

/** What `<cc-preflight>` checks for the backend of this name (`DEFAULT_PREFLIGHT` when it declares nothing). */
export function preflightFor(name: string, options: Readonly<Record<string, unknown>> = {}): PreflightPlan {
  const preflight = entries.get(name)?.preflight;
  if (typeof preflight === 'function') {
    try {
      return preflight(options);
    } catch {
      return DEFAULT_PREFLIGHT;
    }
  }
  return preflight ?? DEFAULT_PREFLIGHT;
}

/** Every option of every registered backend, once per property (the first declaration wins). */
export function backendOptions(): BackendOption[] {
  const seen = new Map<string, BackendOption>();
  for (const entry of entries.values()) for (const option of entry.options ?? []) if (!seen.has(option.property)) seen.set(option.property, option);
  return [...seen.values()];
}

/** Every handle of every registered backend, by property name. */
export function backendHandles(): [string, (backend: Backend | null) => unknown][] {
  const seen = new Map<string, (backend: Backend | null) => unknown>();
  for (const entry of entries.values()) for (const [name, read] of Object.entries(entry.handles ?? {})) if (!seen.has(name)) seen.set(name, read);
  return [...seen];
}

export async function createBackend(name: string, options: Readonly<Record<string, unknown>>): Promise<Backend> {
  const entry = entries.get(name);
  if (!entry) {
    throw new CcError('unknown-backend', `Unknown backend "${name}". Known backends: ${backendNames().join(', ')}.`, 'backend');
  }
  return entry.factory(options);
}
