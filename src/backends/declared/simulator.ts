/**
 * What the simulator declares to the registry, loaded with it and free of the simulator's code (its folder
 * loads only when it is the backend): how agents sign in, its options on `<cc-sdk>` (`scenario`, `persist`,
 * `latency`) and its handle (`sdk.simulator`), which `<cc-sdk>` reads only through the registry.
 */
import type { Backend } from '../../core/backend.js';
import { CcError } from '../../core/errors.js';
import type { PreflightPlan, PreflightSelf } from '../../core/preflight.js';
import type { SignInDescriptor } from '../../core/types.js';
import type { BackendOption } from '../registry.js';
import type { SimulatorServer } from '../simulator/server.js';

/** The simulated contact center behind a backend, when it is the simulator's (read by shape: no code loads). */
export function simulatorServerOf(backend: Backend | null): SimulatorServer | null {
  const server = (backend as { server?: unknown } | null)?.server as Partial<SimulatorServer> | undefined;
  return server && typeof server.offer === 'function' && typeof server.runScenario === 'function' ? (server as SimulatorServer) : null;
}

const milliseconds = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export const simulatorOptions: readonly BackendOption[] = Object.freeze([
  {
    // A scenario to run, by name (`first-call`, `busy-hour`) or as JSON steps: on the running simulator, not a rebuild.
    attribute: 'scenario',
    property: 'scenario',
    initial: '',
    expects: 'a scenario',
    read: text,
    apply(backend: Backend, value: unknown) {
      if (!value) return;
      const server = simulatorServerOf(backend);
      if (!server) throw new CcError('invalid-scenario', 'Scenarios run on the simulator backend only.', 'scenario');
      server.runScenario(String(value));
    },
  },
  {
    // Keep the simulated contact center in sessionStorage under this key, so a reload restores it.
    attribute: 'persist',
    property: 'persist',
    initial: '',
    expects: 'a storage key',
    read: text,
  },
  {
    // Network latency of each action in milliseconds.
    attribute: 'latency',
    property: 'latency',
    initial: 0,
    expects: 'a number of milliseconds',
    read: milliseconds,
  },
]);

/**
 * How an agent signs in to the simulator: it stands in for a Webex-like contact center, so it takes any
 * access token, and any OAuth sign-in (it never leaves the page). Loaded with the registry, before the
 * simulator's own code.
 */
export const simulatorSignIn: SignInDescriptor = Object.freeze({
  methods: Object.freeze([{ kind: 'token' as const }, { kind: 'oauth' as const, label: 'signInWithWebex' }]),
  strings: Object.freeze({
    signInWithWebex: 'Sign in with Webex',
    oauthFailedWebex: 'Sign-in with Webex did not finish ({error}). Try again.',
  }),
  replaces: Object.freeze({ oauthFailed: 'oauthFailedWebex' }),
});

/**
 * The simulator's preflight: what Webex (which it stands in for) needs of the browser, the real microphone and
 * speaker, and its own contact center answering the reachability and clock checks, with any finding forced
 * through `sdk.simulator.setPreflight({...})` (so the demo and Storybook show each one).
 */
export const simulatorPreflight: PreflightPlan = Object.freeze({
  checks: Object.freeze(['browser', 'microphone', 'output', 'reach', 'clock'] as const),
  needs: Object.freeze(['WebRTC', 'getUserMedia', 'Web Audio', 'WebSocket', 'fetch'] as const),
  wants: Object.freeze(['Web Locks', 'BroadcastChannel'] as const),
  reachUrl: null,
  timeUrl: null,
  self: (backend: unknown): PreflightSelf | null => simulatorServerOf(backend as Backend | null)?.preflight ?? null,
});

export const simulatorHandles = Object.freeze({ simulator: simulatorServerOf });

// The simulator's options and handle, typed on `<cc-sdk>` (which defines them from the registry at run time).
declare module '../../../components/cc-sdk/cc-sdk.js' {
  interface CcSdk {
    /** Simulator: a scenario to run, by name (`first-call`, `busy-hour`) or as JSON steps. */
    scenario: string;
    /** Simulator: keep the simulated contact center in sessionStorage under this key, so a reload restores it. */
    persist: string;
    /**
     * Simulator: network latency of each action in milliseconds. A value that is not a number ≥ 0
     * (`latency="abc"`) is ignored with a console warning: the current value and the backend stay.
     */
    latency: number;
    /** The simulated contact center, when the backend is the simulator (for tests and the sample page's controls); else null. */
    readonly simulator: SimulatorServer | null;
  }
}
