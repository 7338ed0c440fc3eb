/**
 * What the TCCC backend declares to the registry, loaded with it and free of the backend's code (its folder loads
 * only when it is the backend): how agents sign in, and its option on `<cc-sdk>` (`sdk-url-endpoint`).
 */
import type { PreflightPlan } from '../../core/preflight.js';
import type { SignInDescriptor } from '../../core/types.js';
import type { BackendOption } from '../registry.js';
import { REACH_GUESSES } from './reach-guesses.js';

/**
 * How an agent signs in to Tencent Cloud Contact Center: the host's server mints a single-use SdkURL for the
 * agent it already knows (CreateSDKLoginToken); the agent presses one button. Loaded with the registry, before
 * the TCCC backend.
 */
export const tcccSignIn: SignInDescriptor = Object.freeze({
  methods: Object.freeze([{ kind: 'server' as const, label: 'signInWithTccc' }]),
  strings: Object.freeze({
    signInWithTccc: 'Sign in to Tencent Cloud Contact Center',
  }),
});

/**
 * TCCC's preflight: its Web SDK calls in the browser (WebRTC, the microphone), over a WebSocket; Tencent's SDK
 * host for reachability (a guess: reach-guesses.ts); the time from the page's own server (the one that mints the
 * SdkURL).
 */
export const tcccPreflight: PreflightPlan = Object.freeze({
  checks: Object.freeze(['browser', 'microphone', 'output', 'reach', 'clock'] as const),
  needs: Object.freeze(['WebRTC', 'getUserMedia', 'WebSocket', 'fetch'] as const),
  wants: Object.freeze(['Web Locks', 'BroadcastChannel'] as const),
  reachUrl: REACH_GUESSES.tccc,
  timeUrl: null,
});

const route = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export const tcccOptions: readonly BackendOption[] = Object.freeze([
  {
    // Your server's route that returns {SdkURL} (POST, with the page's cookies): a change builds a new backend.
    attribute: 'sdk-url-endpoint',
    property: 'sdkUrlEndpoint',
    initial: undefined,
    expects: 'a URL or path',
    read: route,
  },
]);

// The option, typed on `<cc-sdk>` (which defines it from the registry at run time).
declare module '../../../components/cc-sdk/cc-sdk.js' {
  interface CcSdk {
    /** TCCC: your server's route that returns `{SdkURL}` (for example `/loginTCCC`). */
    sdkUrlEndpoint: string | undefined;
  }
}
