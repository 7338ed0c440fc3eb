import type { SignInDescriptor } from '../../core/types.js';

/** The labels of Webex's ways in (replaceable through `<cc-auth>`'s `strings`). */
const strings = Object.freeze({
  signInWithWebex: 'Sign in with Webex',
  continueWithWebex: 'Continue with Webex',
  oauthFailed: 'Sign-in with Webex did not finish ({error}). Try again.',
});

/**
 * How an agent signs in to Webex Contact Center: an access token or Webex OAuth; with a `webex` instance the
 * page already signed in (`backendOptions.webex`), nothing to enter. Loaded with the registry, before the
 * Webex adapter and SDK.
 */
export function webexSignIn(options: Readonly<Record<string, unknown>> = {}): SignInDescriptor {
  if (options.webex && typeof options.webex === 'object') {
    return { methods: [{ kind: 'external', label: 'continueWithWebex' }], strings };
  }
  return { methods: [{ kind: 'token' }, { kind: 'oauth', label: 'signInWithWebex' }], strings };
}
