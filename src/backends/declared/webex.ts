import type { PreflightPlan } from '../../core/preflight.js';
import type { SignInDescriptor } from '../../core/types.js';
import type { BackendOption } from '../registry.js';
import { REACH_GUESSES } from './reach-guesses.js';

/** The labels of Webex's ways in (replaceable through `<cc-auth>`'s `strings`). */
const strings = Object.freeze({
  signInWithWebex: 'Sign in with Webex',
  continueWithWebex: 'Continue with Webex',
  oauthFailedWebex: 'Sign-in with Webex did not finish ({error}). Try again.',
});
/** The texts of `<cc-auth>` Webex words its own way. */
const replaces = Object.freeze({ oauthFailed: 'oauthFailedWebex' });

/**
 * How an agent signs in to Webex Contact Center: an access token or Webex OAuth; with a `webex` instance the
 * page already signed in (`backendOptions.webex`), nothing to enter; with the host server's token route
 * (`token-endpoint`), one button. Loaded with the registry, before the
 * Webex adapter and SDK.
 */
export function webexSignIn(options: Readonly<Record<string, unknown>> = {}): SignInDescriptor {
  if (options.webex && typeof options.webex === 'object') {
    return { methods: [{ kind: 'external', label: 'continueWithWebex' }], strings, replaces };
  }
  // The host's server holds the session (cc-elements/server): one button; the server's own sign-in if needed.
  if (typeof options.tokenEndpoint === 'string' && options.tokenEndpoint.trim()) {
    return { methods: [{ kind: 'server', label: 'signInWithWebex' }], strings, replaces };
  }
  return { methods: [{ kind: 'token' }, { kind: 'oauth', label: 'signInWithWebex' }], strings, replaces };
}

/**
 * Webex's preflight: the SDK's browser calling (WebRTC, the microphone, Web Audio) and its WebSocket; Webex's
 * API host for reachability (a guess: reach-guesses.ts); the time from the page's own server (the token endpoint's).
 */
export const webexPreflight: PreflightPlan = Object.freeze({
  checks: Object.freeze(['browser', 'microphone', 'output', 'reach', 'clock'] as const),
  needs: Object.freeze(['WebRTC', 'getUserMedia', 'Web Audio', 'WebSocket', 'fetch'] as const),
  wants: Object.freeze(['Web Locks', 'BroadcastChannel'] as const),
  reachUrl: REACH_GUESSES.webex,
  timeUrl: null,
});

/** A boolean attribute: present (any value but "false") is on; a property: true or false. */
const flag = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : typeof value === 'string' ? value.trim().toLowerCase() !== 'false' : undefined;

const route = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Webex's options on `<cc-sdk>` that the registry declares. */
export const webexOptions: readonly BackendOption[] = Object.freeze([
  {
    // The host server's token route (cc-elements/server: `/cc/webex/token`): a change builds a new backend.
    attribute: 'token-endpoint',
    property: 'tokenEndpoint',
    initial: undefined,
    expects: 'a URL or path',
    read: route,
  },
  {
    // Let the agent stay signed in elsewhere (Agent Desktop in another window): the SDK's `allowMultiLogin`.
    // Off by default, as in the SDK: signing in here closes the agent's other sessions.
    attribute: 'multi-login',
    property: 'multiLogin',
    initial: false,
    expects: 'true or false',
    read: flag,
  },
]);

// The option, typed on `<cc-sdk>` (which defines it from the registry at run time).
declare module '../../../components/cc-sdk/cc-sdk.js' {
  interface CcSdk {
    /** Webex: the host server's token route (for example `/cc/webex/token`): a server-issued session. */
    tokenEndpoint: string | undefined;
    /** Webex: let the agent stay signed in elsewhere (the SDK's `allowMultiLogin`; off by default). */
    multiLogin: boolean;
  }
}
