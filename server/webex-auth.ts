// Webex sign-in on the host's server: the authorization-code flow with state and PKCE, tokens kept server-side,
// an opaque HttpOnly session cookie for the browser, refresh before expiry, a token route and sign-out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  HttpError,
  fetchWithTimeout,
  jsonOf,
  readCookies,
  redirect,
  requestUrl,
  sendError,
  sendJson,
  sendText,
  serializeCookie,
  type CookieOptions,
  type Fetch,
  type NodeHandler,
} from './http.js';
import { memoryStore, type SessionRecord, type SessionStore } from './store.js';

export const WEBEX_AUTHORIZE_URL = 'https://webexapis.com/v1/authorize';
export const WEBEX_TOKEN_URL = 'https://webexapis.com/v1/access_token';

export interface WebexAuthOptions {
  /** The integration's client id and secret (developer portal). The secret never leaves this server. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The integration's redirect URI: this companion's callback route, as the browser reaches it. */
  readonly redirectUri: string;
  /** OAuth scopes (default `cjp:user cjp:config_read`). */
  readonly scopes?: readonly string[];
  /** Where the routes live (default `/cc/webex`): `login`, `callback`, `token`, `logout`. */
  readonly basePath?: string;
  /** Where the tokens live (default: memory). See `fileStore` or write a database adapter. */
  readonly store?: SessionStore;
  /** The session cookie's name (default `cc_session`) and attributes (`Secure` and `SameSite=Lax` by default). */
  readonly cookieName?: string;
  readonly cookie?: CookieOptions;
  /**
   * Refresh this long before the access token expires (seconds, default 600: longer than `<cc-sdk
   * token-endpoint>` waits before asking again, 6 minutes before expiry, so its ask always gets a fresh token).
   */
  readonly refreshMarginSeconds?: number;
  /** Where the browser lands after signing in, unless the sign-in link named a page (`?return=/desk`). Default `/`. */
  readonly afterSignIn?: string;
  /** How long a started sign-in may take (seconds, default 600). */
  readonly signInTtlSeconds?: number;
  /** Webex's URLs (tests point them at a stand-in). */
  readonly authorizeUrl?: string;
  readonly tokenUrl?: string;
  /**
   * Called with the tokens on sign-out. Webex's notes name no revocation endpoint, so by default the companion
   * forgets the tokens (they then expire on their own); give a function here if your integration can revoke.
   */
  readonly revoke?: (record: SessionRecord) => Promise<void>;
  /** Upstream timeout in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** The clock (epoch ms) and `fetch`, replaceable in tests. */
  readonly now?: () => number;
  readonly fetch?: Fetch;
}

/** A current access token, as the browser may see it: no refresh token, no secret. */
export interface IssuedToken {
  readonly accessToken: string;
  /** Epoch milliseconds (server clock). */
  readonly expiresAt: number;
  /** Seconds left, for a browser whose clock differs from the server's. */
  readonly expiresIn: number;
}

/** Gives a bearer token for upstream calls; `rejected` is a token Webex just refused with 401 (refresh it). */
export type TokenSource = (options?: { readonly rejected?: string }) => Promise<string>;

export interface WebexAuth {
  /** Every route under `basePath`; anything else goes to `next` (or 404). */
  readonly handler: NodeHandler;
  readonly basePath: string;
  /** The browser session id of a request (from its cookie), if any. */
  sessionId(req: IncomingMessage): string | undefined;
  /** A current token for a session, refreshed when it is due; rejects with an `HttpError` 401 when the session ended. */
  token(sessionId: string, options?: { readonly rejected?: string }): Promise<IssuedToken>;
  /** A token source for upstream calls made on behalf of that session (agent calls, reporting). */
  tokenSource(sessionId: string): TokenSource;
  /**
   * Adopts tokens obtained elsewhere (a service account's tokens for reporting, a migration) as a session; returns
   * its id. The id is a bearer secret: keep it on the server.
   */
  adopt(tokens: { accessToken: string; expiresIn: number; refreshToken: string; refreshTokenExpiresIn?: number }): Promise<string>;
  /** Ends a session: revokes (when `revoke` is given) and forgets its tokens. */
  signOut(sessionId: string): Promise<{ revoked: boolean }>;
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');
const STATE_COOKIE = 'cc_oauth_state';

/** Compares two strings in constant time. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A same-site path to return to after sign-in (`/desk?x=1`), never another origin. */
function safeReturn(value: string | null, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}

/** Webex's OAuth error code, kept to a short word (never echoes anything else of the answer). */
function oauthError(body: unknown): string {
  const code = body && typeof body === 'object' ? (body as Record<string, unknown>).error : undefined;
  return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : 'unknown_error';
}

/** The session ended: the browser must sign in again. */
function ended(reason: string, message: string, signIn: string): HttpError {
  return new HttpError(401, reason, message, { error: 'session-ended', signIn });
}

export function createWebexAuth(options: WebexAuthOptions): WebexAuth {
  if (!options.clientId || !options.clientSecret || !options.redirectUri) {
    throw new TypeError('createWebexAuth needs clientId, clientSecret and redirectUri.');
  }
  const basePath = (options.basePath ?? '/cc/webex').replace(/\/$/, '');
  const store = options.store ?? memoryStore();
  const cookieName = options.cookieName ?? 'cc_session';
  const cookie = options.cookie ?? {};
  const margin = (options.refreshMarginSeconds ?? 600) * 1000;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const tokenUrl = options.tokenUrl ?? WEBEX_TOKEN_URL;
  const authorizeUrl = options.authorizeUrl ?? WEBEX_AUTHORIZE_URL;
  const scopes = options.scopes ?? ['cjp:user', 'cjp:config_read'];
  const signInTtl = (options.signInTtlSeconds ?? 600) * 1000;
  const signInPath = `${basePath}/login`;

  /** Started sign-ins by state: single use, short-lived. */
  const pending = new Map<string, { verifier: string; returnTo: string; expiresAt: number }>();
  /** Refreshes under way, by session: concurrent callers share one upstream call. */
  const refreshing = new Map<string, Promise<SessionRecord>>();

  /** The store's key for a session id: a hash, so a leaked store holds no usable cookie. */
  const keyOf = (sessionId: string): string => createHash('sha256').update(sessionId).digest('base64url');

  const sessionId = (req: IncomingMessage): string | undefined => {
    const id = readCookies(req).get(cookieName);
    return id && /^[A-Za-z0-9_-]{20,100}$/.test(id) ? id : undefined;
  };

  const tokenRequest = async (fields: Record<string, string>): Promise<{ status: number; body: unknown }> => {
    const response = await fetchWithTimeout(
      doFetch,
      tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ client_id: options.clientId, client_secret: options.clientSecret, ...fields }).toString(),
      },
      timeoutMs,
    );
    return { status: response.status, body: await jsonOf(response) };
  };

  /** A record from a token answer; the refresh token is kept when Webex sends no new one. */
  const recordFrom = (body: unknown, previous?: SessionRecord): SessionRecord | undefined => {
    const b = (body ?? {}) as Record<string, unknown>;
    const accessToken = typeof b.access_token === 'string' ? b.access_token : undefined;
    const expiresIn = Number(b.expires_in);
    const refreshToken = typeof b.refresh_token === 'string' ? b.refresh_token : previous?.refreshToken;
    if (!accessToken || !refreshToken || !Number.isFinite(expiresIn) || expiresIn <= 0) return undefined;
    const refreshIn = Number(b.refresh_token_expires_in);
    const at = now();
    return {
      accessToken,
      expiresAt: at + expiresIn * 1000,
      refreshToken,
      refreshExpiresAt: Number.isFinite(refreshIn) && refreshIn > 0 ? at + refreshIn * 1000 : previous?.refreshExpiresAt,
      createdAt: previous?.createdAt ?? at,
    };
  };

  const refresh = async (id: string, rejected?: string): Promise<SessionRecord> => {
    const key = keyOf(id);
    const record = await store.get(key);
    if (!record) throw ended('signed-out', 'This session has ended. Sign in again.', signInPath);
    // Another request renewed it in the meantime: use that token rather than spend the new refresh token.
    const due = record.expiresAt - margin <= now();
    if (!due && (rejected === undefined || !same(rejected, record.accessToken))) return record;
    if (record.refreshExpiresAt !== undefined && record.refreshExpiresAt <= now()) {
      await store.delete(key);
      throw ended('refresh-expired', 'The Webex sign-in has expired. Sign in again.', signInPath);
    }
    let answer: { status: number; body: unknown };
    try {
      answer = await tokenRequest({ grant_type: 'refresh_token', refresh_token: record.refreshToken });
    } catch (err) {
      // Webex unreachable: the current token serves while it lasts; nothing is lost, the next call tries again.
      if (record.expiresAt > now()) return record;
      throw err;
    }
    if (answer.status === 400 || answer.status === 401) {
      await store.delete(key);
      throw ended('refresh-rejected', `Webex refused to renew the sign-in (${oauthError(answer.body)}). Sign in again.`, signInPath);
    }
    const next = answer.status === 200 ? recordFrom(answer.body, record) : undefined;
    if (!next) {
      if (record.expiresAt > now()) return record;
      throw new HttpError(502, 'refresh-failed', `Webex did not renew the token (HTTP ${answer.status}). Try again shortly.`);
    }
    // The rotated refresh token and the new access token replace the old pair in one write, before anyone uses them.
    await store.set(key, next);
    return next;
  };

  const refreshOnce = (id: string, rejected?: string): Promise<SessionRecord> => {
    let running = refreshing.get(id);
    if (!running) {
      running = refresh(id, rejected).finally(() => refreshing.delete(id));
      refreshing.set(id, running);
    }
    return running;
  };

  const token = async (id: string, opts: { readonly rejected?: string } = {}): Promise<IssuedToken> => {
    const running = refreshing.get(id);
    let record = running ? await running : await store.get(keyOf(id));
    if (!record) throw ended('signed-out', 'This session has ended. Sign in again.', signInPath);
    const due = record.expiresAt - margin <= now();
    const refused = opts.rejected !== undefined && same(opts.rejected, record.accessToken);
    if (due || refused) record = await refreshOnce(id, refused ? opts.rejected : undefined);
    if (record.expiresAt <= now()) {
      throw new HttpError(502, 'refresh-failed', 'Webex did not renew the token. Try again shortly.');
    }
    return { accessToken: record.accessToken, expiresAt: record.expiresAt, expiresIn: Math.floor((record.expiresAt - now()) / 1000) };
  };

  const newSession = async (record: SessionRecord): Promise<string> => {
    const id = b64url(randomBytes(32));
    await store.set(keyOf(id), record);
    return id;
  };

  const signOut = async (id: string): Promise<{ revoked: boolean }> => {
    const key = keyOf(id);
    const record = await store.get(key);
    await store.delete(key);
    if (!record || !options.revoke) return { revoked: false };
    try {
      await options.revoke(record);
      return { revoked: true };
    } catch {
      return { revoked: false };
    }
  };

  const clearSession = serializeCookie(cookieName, '', cookie, 0);
  const stateCookie = (value: string, maxAge: number): string =>
    serializeCookie(STATE_COOKIE, value, { ...cookie, path: basePath, sameSite: 'Lax' }, maxAge);

  const login = (req: IncomingMessage, res: ServerResponse): void => {
    const at = now();
    for (const [state, entry] of pending) if (entry.expiresAt <= at) pending.delete(state);
    const state = b64url(randomBytes(32));
    const verifier = b64url(randomBytes(48));
    const challenge = b64url(createHash('sha256').update(verifier).digest());
    pending.set(state, { verifier, returnTo: safeReturn(requestUrl(req).searchParams.get('return'), options.afterSignIn ?? '/'), expiresAt: at + signInTtl });
    const url = new URL(authorizeUrl);
    url.search = new URLSearchParams({
      client_id: options.clientId,
      response_type: 'code',
      redirect_uri: options.redirectUri,
      scope: scopes.join(' '),
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    redirect(res, url.toString(), { 'set-cookie': stateCookie(state, signInTtl / 1000) });
  };

  const callback = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const params = requestUrl(req).searchParams;
    const state = params.get('state') ?? '';
    const entry = state ? pending.get(state) : undefined;
    // Single use: a replayed state finds nothing.
    if (state) pending.delete(state);
    const bound = readCookies(req).get(STATE_COOKIE) ?? '';
    const forget = { 'set-cookie': stateCookie('', 0) };
    if (!entry || entry.expiresAt <= now() || !bound || !same(bound, state)) {
      sendText(res, 400, 'This sign-in link is not valid any more (unknown, used or expired state). Start the sign-in again.', forget);
      return;
    }
    const error = params.get('error');
    if (error) {
      sendText(res, 400, `Webex did not sign you in (${/^[a-z_]{1,40}$/.test(error) ? error : 'error'}). Start the sign-in again.`, forget);
      return;
    }
    const code = params.get('code');
    if (!code) {
      sendText(res, 400, 'Webex sent no authorization code. Start the sign-in again.', forget);
      return;
    }
    let answer: { status: number; body: unknown };
    try {
      answer = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: options.redirectUri, code_verifier: entry.verifier });
    } catch (err) {
      sendText(res, 502, `Webex could not be reached to finish the sign-in (${err instanceof HttpError ? err.reason : 'error'}). Try again.`, forget);
      return;
    }
    const record = answer.status === 200 ? recordFrom(answer.body) : undefined;
    if (!record) {
      sendText(res, 400, `Webex refused the sign-in (${oauthError(answer.body)}). Start the sign-in again.`, forget);
      return;
    }
    const id = await newSession(record);
    const maxAge = record.refreshExpiresAt !== undefined ? (record.refreshExpiresAt - now()) / 1000 : undefined;
    redirect(res, entry.returnTo, { 'set-cookie': [stateCookie('', 0), serializeCookie(cookieName, id, cookie, maxAge)] });
  };

  const tokenRoute = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = sessionId(req);
    if (!id) {
      sendJson(res, 401, { error: 'no-session', reason: 'no-session', message: 'Not signed in.', signIn: signInPath });
      return;
    }
    try {
      sendJson(res, 200, await token(id));
    } catch (err) {
      const endedNow = err instanceof HttpError && err.status === 401;
      if (endedNow) sendJson(res, 401, { error: 'session-ended', reason: err.reason, message: err.message, signIn: signInPath }, { 'set-cookie': clearSession });
      else sendError(res, err);
    }
  };

  const logoutRoute = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = sessionId(req);
    const { revoked } = id ? await signOut(id) : { revoked: false };
    sendJson(
      res,
      200,
      {
        signedOut: true,
        revoked,
        message: revoked
          ? 'Signed out; the Webex tokens were revoked and forgotten.'
          : 'Signed out; this server forgot the Webex tokens (Webex names no revocation endpoint, so they expire on their own).',
      },
      { 'set-cookie': clearSession },
    );
  };

  const routes: Record<string, { method: string; run: (req: IncomingMessage, res: ServerResponse) => void | Promise<void> }> = {
    '/login': { method: 'GET', run: login },
    '/callback': { method: 'GET', run: callback },
    '/token': { method: 'GET', run: tokenRoute },
    '/logout': { method: 'POST', run: logoutRoute },
  };

  const handler: NodeHandler = (req, res, next) => {
    const path = requestUrl(req).pathname;
    const route = path.startsWith(`${basePath}/`) ? routes[path.slice(basePath.length)] : undefined;
    if (!route) {
      if (next) next();
      else sendJson(res, 404, { error: 'not-found', reason: 'not-found', message: 'No such route.' });
      return;
    }
    if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
      sendJson(res, 405, { error: 'method-not-allowed', reason: 'method-not-allowed', message: `Use ${route.method}.` }, { allow: route.method });
      return;
    }
    Promise.resolve(route.run(req, res)).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, err);
      else res.destroy();
    });
  };

  return {
    handler,
    basePath,
    sessionId,
    token,
    tokenSource: (id) => async (opts) => (await token(id, opts)).accessToken,
    adopt: (tokens) =>
      newSession(
        recordFrom({
          access_token: tokens.accessToken,
          expires_in: tokens.expiresIn,
          refresh_token: tokens.refreshToken,
          refresh_token_expires_in: tokens.refreshTokenExpiresIn,
        }) ??
          (() => {
            throw new TypeError('adopt needs an access token, its lifetime and a refresh token.');
          })(),
      ),
    signOut,
  };
}
