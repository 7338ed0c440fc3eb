/**
 * A token the host's server hands out (cc-elements/server's token route, or one like it): `GET` with the page's
 * cookies answers `{accessToken, expiresIn}`; `401` with `{signIn}` when the server's session is gone. The token
 * stays in memory: never an attribute, a log, storage or a URL.
 */
import type { Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import { englishMessage, type MessageRef } from '../../core/messages.js';

export interface ServerToken {
  readonly accessToken: string;
  /** When it expires, on the backend's clock (the server says how long it has left, not when). */
  readonly expiresAt: number;
}

/** The server's session is gone: the agent must sign in on the server again, at `signIn` (same origin) when known. */
export class ServerSessionEnded extends CcError {
  constructor(
    message: string,
    action: string,
    readonly signIn: string | null,
    text?: MessageRef,
  ) {
    super('auth-failed', message, action, text);
  }
}

const routeName = (endpoint: string) => (endpoint.length > 60 ? `${endpoint.slice(0, 60)}…` : endpoint);

/** Fetches a current token from `endpoint`; throws a `CcError` that says which way it failed. */
export async function fetchServerToken(endpoint: string, clock: Clock, action: string): Promise<ServerToken> {
  const url = new URL(endpoint, document.baseURI);
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw CcError.of('offline', { key: 'signInServerUnreachable', values: { route: routeName(endpoint) } }, action);
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: said below by status.
  }
  if (res.status === 401 || res.status === 403) {
    const target = typeof body.signIn === 'string' ? new URL(body.signIn, url) : null;
    // Only a sign-in page of this site: a token route never sends the agent elsewhere.
    const signIn = target && target.origin === location.origin ? target.pathname + target.search : null;
    throw new ServerSessionEnded(englishMessage({ key: 'serverSessionEnded' }), action, signIn, { key: 'serverSessionEnded' });
  }
  if (!res.ok) throw CcError.of('backend-error', { key: 'signInServerStatus', values: { route: routeName(endpoint), status: String(res.status) } }, action);
  const accessToken = typeof body.accessToken === 'string' ? body.accessToken.trim() : '';
  const expiresIn = Number(body.expiresIn);
  if (!accessToken || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw CcError.of('backend-error', { key: 'signInServerNoToken', values: { route: routeName(endpoint) } }, action);
  }
  return { accessToken, expiresAt: clock.now() + expiresIn * 1000 };
}

/** The server's sign-in page, with the page to come back to. */
export function serverSignInUrl(signIn: string): string {
  const url = new URL(signIn, location.origin);
  if (!url.searchParams.has('return')) url.searchParams.set('return', location.pathname + location.search);
  return url.pathname + url.search;
}
