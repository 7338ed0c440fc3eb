import type { SignInDescriptor } from '../../core/types.js';

/**
 * How an agent signs in to the simulator: it stands in for a Webex-like contact center, so it takes any
 * access token, and any OAuth sign-in (it never leaves the page). Loaded with the registry, before the
 * simulator's own code.
 */
export const simulatorSignIn: SignInDescriptor = Object.freeze({
  methods: Object.freeze([{ kind: 'token' as const }, { kind: 'oauth' as const, label: 'signInWithWebex' }]),
  strings: Object.freeze({
    signInWithWebex: 'Sign in with Webex',
    oauthFailed: 'Sign-in with Webex did not finish ({error}). Try again.',
  }),
});
