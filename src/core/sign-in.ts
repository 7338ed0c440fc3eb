/**
 * How an agent signs in, as a backend declares it (see `SignInDescriptor`), and the one check of a sign-in
 * request against it. The core names no contact center: each backend's descriptor brings its own labels.
 */
import { englishMessage, type MessageKey } from './messages.js';
import type { Capabilities, Credentials, SignInDescriptor, SignInKind } from './types.js';

/** The way in when a backend declares none: an access token. */
export const TOKEN_SIGN_IN: SignInDescriptor = Object.freeze({ methods: Object.freeze([Object.freeze({ kind: 'token' as const })]) });

/** Whether a descriptor offers a way of signing in. */
export const offersSignIn = (descriptor: SignInDescriptor | null | undefined, kind: SignInKind): boolean =>
  !!descriptor?.methods.some((m) => m.kind === kind);

type SignInDetail = Credentials & { readonly credential?: unknown };

/** Whether a request's credentials are a complete sign-in of one kind. */
function fits(detail: SignInDetail, kind: SignInKind): boolean {
  switch (kind) {
    case 'token':
      return !!detail.accessToken?.trim() || (detail.credential !== undefined && detail.username === undefined);
    case 'oauth':
      return !!detail.oauth?.clientId;
    case 'password':
      // The password travels sealed from <cc-auth> (`credential` beside the username) or as is from a script.
      return !!detail.username?.trim() && (!!detail.password || detail.credential !== undefined);
    case 'server':
    case 'external':
      // The backend fetches what it needs itself (the host's token route, the page's own session).
      return true;
  }
}

/** What the agent is asked for when a sign-in request fits none of the backend's ways in (messages.ts). */
const MISSING: Readonly<Record<SignInKind, MessageKey | null>> = {
  token: 'noToken',
  password: 'passwordMissing',
  oauth: 'oauthMissing',
  server: null,
  external: null,
};

const ANY: readonly SignInKind[] = ['token', 'oauth', 'password'];

/**
 * Why a sign-in request cannot be sent, or null. It must fit one of the ways the backend declares; with no
 * descriptor (a Desk used without `<cc-sdk>`), any complete credentials do. A page that signed the backend in
 * already (`capabilities.externalSession`) needs none.
 */
export function signInProblemKey(detail: SignInDetail, descriptor: SignInDescriptor | null, capabilities: Capabilities | null): MessageKey | null {
  if (capabilities?.externalSession) return null;
  const kinds = descriptor?.methods.map((m) => m.kind) ?? ANY;
  if ([...kinds, ...(descriptor?.scripted ?? [])].some((kind) => fits(detail, kind))) return null;
  return MISSING[kinds[0] ?? 'token'] ?? MISSING.token;
}

/** The same, in English words. */
export function signInProblem(detail: SignInDetail, descriptor: SignInDescriptor | null, capabilities: Capabilities | null): string | null {
  const key = signInProblemKey(detail, descriptor, capabilities);
  return key ? englishMessage({ key }) : null;
}
