/**
 * True when the page was just opened by an OAuth sign-in page with a token (`#access_token=…`) or an error
 * (`?error=…`): the moment to finish signing in. Generic; loads no backend code.
 */
export function isOAuthRedirect(location: Pick<Location, 'hash' | 'search'> | undefined = globalThis.location): boolean {
  if (!location) return false;
  return /[#&]access_token=/.test(location.hash ?? '') || /[?&]error=/.test(location.search ?? '');
}

/** Where the state of an OAuth round trip this page started waits for the way back (one per tab). */
export const OAUTH_STATE_KEY = 'cc-elements:oauth-state';

/** The parameters an OAuth sign-in page may put in the URL; all of them leave it on the way back. */
const OAUTH_PARAMS = [
  'access_token',
  'token_type',
  'expires_in',
  'refresh_token',
  'refresh_token_expires_in',
  'scope',
  'state',
  'error',
  'error_description',
  'error_uri',
  'code',
] as const;

type StateStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const session = (): StateStorage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage blocked (a sandboxed frame): no round trip can be proven, so none is finished
  }
};

/**
 * Starts an OAuth round trip: a fresh, unguessable `state` (32 bytes from `crypto.getRandomValues`, base64url)
 * kept in this tab's sessionStorage for the way back. The state is not a secret token: it only proves, on the
 * way back, that this page sent the agent to the sign-in page (login CSRF).
 */
export function beginOAuthRoundTrip(storage: StateStorage | null = session()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const state = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  storage?.setItem(OAUTH_STATE_KEY, state);
  return state;
}

/** Forgets the round trip this page started (it finished, or it never left the page). */
export function forgetOAuthRoundTrip(storage: StateStorage | null = session()): void {
  storage?.removeItem(OAUTH_STATE_KEY);
}

/**
 * Reads the `state` that came back: our own value as it was sent, or a backend's wrapping of it (the Webex
 * browser SDK sends `base64url(JSON.stringify({…, cc: state}))`).
 */
function returnedState(raw: string): string | null {
  if (!raw) return null;
  const candidates = [raw];
  try {
    const json = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed = JSON.parse(json) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { cc?: unknown }).cc === 'string') {
      candidates.push((parsed as { cc: string }).cc);
    }
  } catch {
    // not a wrapped state
  }
  return candidates.at(-1) ?? null;
}

export type OAuthReturn =
  /** No OAuth parameters in the URL. */
  | { readonly kind: 'none' }
  /** This page started the round trip and the sign-in page sent a token. */
  | { readonly kind: 'token'; readonly accessToken: string; readonly expiresIn: number | null }
  /** This page started the round trip and the sign-in page said no (the agent cancelled, say). */
  | { readonly kind: 'error'; readonly error: string }
  /** OAuth parameters this page did not ask for (no state, or not ours): a crafted link, ignored. */
  | { readonly kind: 'refused' };

/**
 * Finishes an OAuth redirect only when this page started it. Reads the token or error the sign-in page put in
 * the URL, compares the returned `state` exactly with the one kept by `beginOAuthRoundTrip`, forgets the kept
 * state (used once), and removes every OAuth parameter from the URL at once with `history.replaceState` (the
 * token never stays in `location.href` or the history), whatever the outcome. Nothing it returns repeats the
 * state.
 */
export function finishOAuthRoundTrip(
  storage?: StateStorage | null,
  win: Pick<Window, 'location' | 'history'> = globalThis as unknown as Window,
): OAuthReturn {
  const url = new URL(win.location.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const query = url.searchParams;
  const inFragment = fragment.has('access_token') || (fragment.has('error') && fragment.has('state'));
  const inQuery = query.has('error') && query.has('state');
  if (!inFragment && !inQuery) return { kind: 'none' };
  const params = inFragment ? fragment : query;
  // The tab's storage is opened only now: on a page load with no OAuth parameters (nearly all of them), that
  // first access costs a millisecond or two before the widgets are defined.
  if (storage === undefined) storage = session();
  const expected = storage?.getItem(OAUTH_STATE_KEY) ?? null;
  const returned = returnedState(params.get('state') ?? '');
  const accessToken = params.get('access_token') ?? '';
  const error = params.get('error') ?? '';
  const expires = Number(params.get('expires_in'));

  // Clean the URL before anything else happens: a refused or failed round trip leaves no token behind.
  for (const name of OAUTH_PARAMS) {
    fragment.delete(name);
    if (inQuery) query.delete(name);
  }
  const hash = fragment.toString();
  url.hash = hash ? `#${hash}` : '';
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);

  if (expected === null || returned === null || returned !== expected) return { kind: 'refused' };
  forgetOAuthRoundTrip(storage);
  if (accessToken) return { kind: 'token', accessToken, expiresIn: Number.isFinite(expires) && expires > 0 ? expires : null };
  return { kind: 'error', error: error.slice(0, 60).replace(/[^\w .-]/g, '') || 'unknown' };
}
