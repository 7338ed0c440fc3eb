import type { ITask, Profile as SdkProfile } from '@webex/contact-center';
import { CcError } from '../../core/errors.js';
import type { Credentials, Profile } from '../../core/types.js';
import { Cleanup, ServerSessionEnded, TokenWatch, delay, fetchServerToken, serverSignInUrl, text, withTimeout, type ServerToken } from '../kit/index.js';
import type { WebexContext } from './context.js';
import { toCcError } from './errors.js';
import { DEFAULT_SCOPES } from './oauth.js';
import { allIdleCodes, stationOf, toProfile } from './profile.js';
import { loadContactCenterSdk, type ConnectionLostDetails, type WebexCc, type WebexCcInternals, type WebexConfig, type WebexInstance } from './sdk.js';

/**
 * The Webex instance the backend made in this page, by the SDK class that made it. The SDK binds its services,
 * request layer and task manager to the first instance of the page (webex-sdk.md #2): a second `Webex.init`
 * keeps sending the first instance's token, so an agent whose first token expired could never sign in again.
 * Every later sign-in in the page reuses this instance with the new token instead; its config is the first one's.
 */
const pageInstances = new WeakMap<object, WebexInstance>();

/** The profile `register()` resolved with, or the reason it failed. */
const profileFrom = (raw: unknown): SdkProfile => {
  if (raw instanceof Error || !raw || typeof raw !== 'object') throw raw ?? new Error('register() returned no profile');
  return raw as SdkProfile;
};

/**
 * The session: the SDK instance (the host's, or one made here once per page), `register()` and `deregister()`,
 * OAuth's first leg, the token's expiry, the SDK's connection, and registering again when the SDK gave up.
 * It also wires the SDK's events to the agent and task parts.
 */
export class WebexSession {
  readonly #ctx: WebexContext;
  readonly #listeners = new Cleanup();
  readonly #token: TokenWatch;
  #reRegisterTimer: unknown = null;
  /** With a token endpoint: when the server's token expires, and the timer that renews it. */
  #serverExpiresAt: number | null = null;
  #renewTimer: unknown = null;
  /** Registering again after the SDK gave up: the relogin it brings is reported from here, not as it arrives. */
  reRegistering = false;

  constructor(ctx: WebexContext) {
    this.#ctx = ctx;
    this.#token = new TokenWatch(ctx.clock, ctx.emit);
  }

  async connect(credentials: Credentials): Promise<void> {
    const ctx = this.#ctx;
    ctx.alive('connect');
    if (ctx.options.tokenEndpoint && !ctx.options.webex && !credentials.accessToken && !credentials.oauth) {
      // A session the host's server holds: its token route hands out the token (signing in again renews it).
      const issued = await this.#serverToken('connect');
      if (ctx.registered && ctx.webex) {
        this.#useServerToken(ctx.webex, issued);
        return;
      }
      credentials = { ...credentials, accessToken: issued.accessToken };
      this.#serverExpiresAt = issued.expiresAt;
    }
    if (ctx.registered) return;
    const given = ctx.options.webex;
    let webex: WebexInstance;
    if (given) {
      webex = given;
    } else {
      this.#dropInstance();
      webex = await this.#createInstance(credentials);
    }
    ctx.webex = webex;
    ctx.ownsInstance = !given;
    try {
      await this.#whenReady(webex);
      if (!webex.cc || typeof webex.cc.register !== 'function') {
        throw CcError.of('backend-error', { key: 'webexNoPlugin' }, 'connect');
      }
      if (webex.canAuthorize === false) {
        if (given) throw CcError.of('auth-failed', { key: 'webexNoCredentials' }, 'connect');
        await this.#redirectToLogin(webex, credentials.oauth?.state);
      }
      ctx.cc = webex.cc;
    } catch (err) {
      if (!given) this.#dropInstance();
      ctx.webex = given ?? null;
      throw toCcError(err, 'connect');
    }
  }

  async register(): Promise<Profile> {
    const ctx = this.#ctx;
    ctx.alive('register');
    const cc = ctx.cc;
    if (!cc) throw CcError.of('not-signed-in', { key: 'notSignedIn' }, 'register');
    if (ctx.registered && ctx.profile) {
      ctx.emit({ type: 'registered', profile: ctx.profile });
      return ctx.profile;
    }
    this.#listen(cc);
    let raw: SdkProfile;
    try {
      raw = profileFrom(await ctx.calls.limit(cc.register(), 'register'));
    } catch (err) {
      this.#listeners.run();
      if (ctx.ownsInstance) this.#dropInstance();
      throw toCcError(err, 'register');
    }
    if (ctx.cc !== cc) throw CcError.of('not-signed-in', { key: 'webexClosedWhileSigningIn' }, 'register');
    const profile = toProfile(raw);
    ctx.raw = raw;
    ctx.profile = profile;
    ctx.codes = allIdleCodes(raw);
    ctx.registered = true;
    ctx.connection.set('connected');
    ctx.emit({ type: 'signed-in', expiresAt: this.#expiresAt() });
    ctx.emit({ type: 'registered', profile });
    ctx.announceCapabilities();
    // Warn before the token expires; a token the SDK refreshes (OAuth) moves the warning along.
    this.#token.watch(() => this.#expiresAt(true));
    this.#renewLater();
    // An agent still logged in (a reload, another tab): pick up the station, the state and the tasks.
    if (raw.isAgentLoggedIn) {
      ctx.agents.sync(
        { auxCodeId: raw.lastStateAuxCodeId, lastStateChangeTimestamp: raw.lastStateChangeTimestamp },
        stationOf(raw.currentTeamId, raw.deviceType, raw.dn ?? raw.defaultDn),
        null,
      );
    }
    return profile;
  }

  async deregister(): Promise<void> {
    const ctx = this.#ctx;
    const cc = ctx.cc;
    if (!cc) {
      this.end('Signed out');
      return;
    }
    try {
      if (ctx.registered) await ctx.calls.limit(cc.deregister(), 'deregister');
    } catch (err) {
      throw toCcError(err, 'deregister');
    }
    this.end('Signed out');
  }

  async uploadLogs(): Promise<{ trackingId?: string }> {
    const cc = this.#ctx.cc;
    if (!cc) throw CcError.of('not-signed-in', { key: 'notSignedIn' }, 'uploadLogs');
    const result = await this.#ctx.calls.run('uploadLogs', () => cc.uploadLogs());
    const id = text(result?.trackingid) || text(result?.feedbackId) || text(result?.correlationId);
    return id ? { trackingId: id } : {};
  }

  /** The session is over (signed out, or closed from elsewhere): forget it all, and say so once. */
  end(reason: string): void {
    const ctx = this.#ctx;
    const was = ctx.registered;
    this.#stopTimers();
    ctx.tasks.forget();
    this.#listeners.run();
    ctx.registered = false;
    ctx.station = null;
    ctx.agent = null;
    ctx.connection.reset();
    ctx.raw = null;
    ctx.profile = null;
    ctx.directory.forget();
    if (ctx.ownsInstance) this.#dropInstance();
    else ctx.cc = ctx.webex?.cc ?? null;
    if (was) ctx.emit({ type: 'signed-out', reason });
  }

  dispose(): void {
    const ctx = this.#ctx;
    this.#stopTimers();
    const cc = ctx.cc;
    const owned = ctx.ownsInstance && ctx.registered;
    ctx.tasks.forget();
    this.#listeners.run();
    if (owned && cc) void cc.deregister().catch(() => undefined);
    ctx.registered = false;
    ctx.cc = null;
    ctx.webex = null;
  }

  #stopTimers(): void {
    if (this.#reRegisterTimer !== null) this.#ctx.clock.clearTimeout(this.#reRegisterTimer);
    this.#reRegisterTimer = null;
    if (this.#renewTimer !== null) this.#ctx.clock.clearTimeout(this.#renewTimer);
    this.#renewTimer = null;
    this.#serverExpiresAt = null;
    this.#token.stop();
  }

  // ---- a token the host's server hands out ----------------------------------------------------------

  /** The server's token; when its session is gone, the agent is sent to its sign-in page. */
  async #serverToken(action: string): Promise<ServerToken> {
    try {
      return await fetchServerToken(this.#ctx.options.tokenEndpoint!, this.#ctx.clock, action);
    } catch (err) {
      if (err instanceof ServerSessionEnded && err.signIn) {
        (this.#ctx.options.navigate ?? ((url: string) => location.assign(url)))(serverSignInUrl(err.signIn));
        throw new ServerSessionEnded('Your session on this site has ended: opening its sign-in page…', action, err.signIn);
      }
      throw err;
    }
  }

  /** A renewed token goes to the SDK in place (the socket and any call carry on); the expiry watch follows it. */
  #useServerToken(webex: WebexInstance, issued: ServerToken): void {
    if (webex.credentials?.supertoken?.access_token !== issued.accessToken) {
      if (typeof webex.credentials?.set !== 'function') {
        throw CcError.of('backend-error', { key: 'webexSdkNoNewToken' }, 'connect');
      }
      webex.credentials.set({ supertoken: { access_token: issued.accessToken } });
    }
    this.#serverExpiresAt = issued.expiresAt;
    // Still signed in, with a later expiry: a warning on screen goes away.
    if (this.#ctx.registered) this.#ctx.emit({ type: 'signed-in', expiresAt: issued.expiresAt });
    this.#token.watch(() => this.#expiresAt(true));
    this.#renewLater();
  }

  /**
   * Renews the server's token `renewBeforeMs` before it expires, silently. A server that cannot answer is asked
   * again every 30 s; one whose session is gone is not (the expiry warning then tells the agent, and signing in
   * again goes to the server's sign-in page, never in the middle of a call by itself).
   */
  #renewLater(retry = false): void {
    const ctx = this.#ctx;
    if (this.#renewTimer !== null) ctx.clock.clearTimeout(this.#renewTimer);
    this.#renewTimer = null;
    if (!ctx.options.tokenEndpoint || this.#serverExpiresAt === null) return;
    const now = ctx.clock.now();
    if (this.#serverExpiresAt <= now) return;
    const due = this.#serverExpiresAt - (ctx.options.renewBeforeMs ?? 6 * 60_000);
    const wait = retry || due <= now ? 30_000 : due - now;
    this.#renewTimer = ctx.clock.setTimeout(() => {
      this.#renewTimer = null;
      void this.#renew();
    }, Math.min(wait, Math.max(0, this.#serverExpiresAt - now)));
  }

  async #renew(): Promise<void> {
    const ctx = this.#ctx;
    const webex = ctx.webex;
    if (!ctx.registered || !webex || ctx.events.disposed) return;
    let issued: ServerToken;
    try {
      issued = await fetchServerToken(ctx.options.tokenEndpoint!, ctx.clock, 'renew');
    } catch (err) {
      if (!(err instanceof ServerSessionEnded)) this.#renewLater(true);
      return;
    }
    if (!ctx.registered || ctx.webex !== webex) return;
    const before = this.#serverExpiresAt ?? 0;
    this.#useServerToken(webex, issued);
    // The same token again (the server renews later than we ask): ask again in 30 s, not in a loop.
    if (issued.expiresAt <= before + 1000) this.#renewLater(true);
  }

  // ---- the SDK's events ---------------------------------------------------------------------------

  #listen(cc: WebexCc): void {
    const ctx = this.#ctx;
    const on = this.#listeners;
    on.run();
    const internals = cc as WebexCc & WebexCcInternals;
    const tasks = internals.taskManager;
    const socket = internals.services?.webSocketManager;
    if (tasks && typeof tasks.on === 'function' && typeof tasks.off === 'function' && socket && typeof socket.on === 'function') {
      // The real SDK: listen where its events start. `webex.cc` relays them, but after a `deregister()` it never
      // relays tasks or agent events again (webex-sdk.md #3), and after each reconnect it relays agent events
      // once more per reconnect (#7). One listener here sees every frame once.
      const source = tasks as Required<Pick<typeof tasks, 'on' | 'off'>>;
      on.on(source, 'task:incoming', (task: ITask) => ctx.tasks.onIncoming(task));
      on.on(source, 'task:hydrate', (task: ITask) => ctx.tasks.onHydrate(task));
      on.on(source, 'task:merged', (task: ITask) => ctx.tasks.onMerged(task));
      on.on(source, 'task:campaignPreviewReservation', (task: ITask) => ctx.tasks.onPreview(task));
      on.on(socket, 'message', (frame?: string) => ctx.agents.onFrame(frame));
      // The SDK says the connection is lost only after 8 s without a frame; a closed socket is lost at once.
      on.on(socket, 'socketClose', () => void (ctx.registered && ctx.connection.set('reconnecting')));
    } else {
      on.on(cc, 'task:incoming', (task: ITask) => ctx.tasks.onIncoming(task));
      on.on(cc, 'task:hydrate', (task: ITask) => ctx.tasks.onHydrate(task));
      on.on(cc, 'task:merged', (task: ITask) => ctx.tasks.onMerged(task));
      on.on(cc, 'task:campaignPreviewReservation', (task: ITask) => ctx.tasks.onPreview(task));
      ctx.agents.listenTo(cc, on);
    }
    const connection = internals.services?.connectionService;
    if (connection && typeof connection.on === 'function') {
      on.on(connection, 'connectionLost', (details: ConnectionLostDetails) => {
        ctx.connection.set(details?.isRestoreFailed ? 'offline' : details?.isConnectionLost ? 'reconnecting' : 'connected');
        if (details?.isRestoreFailed) this.#reRegisterLater(cc);
      });
    }
  }

  /** The SDK gave up reconnecting: register again (a new socket, a silent relogin), then re-sync the desk. */
  #reRegisterLater(cc: WebexCc): void {
    const ctx = this.#ctx;
    if (this.#reRegisterTimer !== null || ctx.events.disposed || !ctx.registered) return;
    this.#reRegisterTimer = ctx.clock.setTimeout(async () => {
      this.#reRegisterTimer = null;
      if (ctx.events.disposed || !ctx.registered || ctx.cc !== cc || ctx.connection.status !== 'offline') return;
      this.reRegistering = true;
      let raw: SdkProfile;
      try {
        raw = profileFrom(await ctx.calls.limit(cc.register(), 'register'));
      } catch (err) {
        this.reRegistering = false;
        // An expired token will not get better by trying: the token watcher and the next action say so.
        if (toCcError(err, 'register').code !== 'auth-failed') this.#reRegisterLater(cc);
        return;
      }
      this.reRegistering = false;
      if (ctx.events.disposed || ctx.cc !== cc) return;
      ctx.raw = raw;
      ctx.announceCapabilities();
      ctx.connection.set('connected');
      ctx.agents.sync(
        { auxCodeId: raw.lastStateAuxCodeId, lastStateChangeTimestamp: raw.lastStateChangeTimestamp },
        raw.isAgentLoggedIn ? stationOf(raw.currentTeamId, raw.deviceType, raw.dn ?? raw.defaultDn) : null,
        null,
      );
    }, ctx.options.reRegisterEveryMs ?? 5_000);
  }

  // ---- the instance -------------------------------------------------------------------------------

  #dropInstance(): void {
    this.#ctx.webex = null;
    this.#ctx.cc = null;
    this.#ctx.ownsInstance = false;
  }

  /** When the SDK's token expires (past times too when `evenPast`, so the watcher can say it has). */
  #expiresAt(evenPast = false): number | null {
    const expires = this.#serverExpiresAt ?? Number(this.#ctx.webex?.credentials?.supertoken?.expires);
    return Number.isFinite(expires) && expires > 0 && (evenPast || expires > this.#ctx.clock.now()) ? expires : null;
  }

  async #whenReady(webex: WebexInstance): Promise<void> {
    if (webex.ready) return;
    const ms = this.#ctx.options.readyTimeoutMs ?? 20_000;
    let onReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      onReady = resolve;
      webex.once('ready', onReady);
      if (webex.ready) resolve();
    });
    await withTimeout(this.#ctx.clock, ready, ms, () => {
      try {
        webex.off?.('ready', onReady);
      } catch {
        // ignore
      }
      return CcError.of('timeout', { key: 'webexSdkNotReady', values: { seconds: Math.round(ms / 1000) } }, 'connect');
    });
  }

  async #createInstance(credentials: Credentials): Promise<WebexInstance> {
    const options = this.#ctx.options;
    const token = credentials.accessToken?.trim().replace(/^Bearer\s+/i, '');
    const oauth = credentials.oauth ?? (token ? undefined : options.oauth);
    if (!token && !oauth) throw CcError.of('auth-failed', { key: 'tokenRequired' }, 'connect');
    // A Webex user access token is three parts joined by "_" (the token, its region, the org id); the SDK
    // refuses anything else. Saying so here spares loading the SDK for a mistyped token.
    if (token && (!/^[A-Za-z0-9._~+/=-]{20,}$/.test(token) || token.split('_').length !== 3 || token.split('_').some((part) => !part))) {
      throw CcError.of('auth-failed', { key: 'webexTokenMalformed' }, 'connect');
    }
    if (oauth && (!oauth.clientId?.trim() || !oauth.redirectUri?.trim())) {
      throw CcError.of('invalid-request', { key: 'webexOauthConfig' }, 'connect');
    }
    const Webex = await (options.loadSdk ?? loadContactCenterSdk)();
    const base = options.config ?? {};
    const config: WebexConfig = {
      ...base,
      logger: { level: 'info', bufferLogLevel: 'log', ...base.logger },
      cc: { allowMultiLogin: options.multiLogin === true, allowAutomatedRelogin: true, clientType: 'WebexCCSDK', isKeepAliveEnabled: false, force: true, ...base.cc },
      ...(oauth
        ? {
            credentials: {
              client_id: oauth.clientId.trim(),
              redirect_uri: oauth.redirectUri.trim(),
              scope: (oauth.scopes?.length ? oauth.scopes : DEFAULT_SCOPES).join(' '),
            },
          }
        : {}),
    };
    const existing = pageInstances.get(Webex);
    if (existing) {
      // The page's one instance keeps its first config, but for this sign-in's multi-login choice: the SDK
      // reads `config.cc.allowMultiLogin` at each register().
      const cc = (existing as { config?: { cc?: { allowMultiLogin?: boolean } } }).config?.cc;
      if (cc && typeof cc === 'object') cc.allowMultiLogin = config.cc?.allowMultiLogin;
      if (token && existing.credentials?.supertoken?.access_token !== token) {
        if (typeof existing.credentials?.set !== 'function') {
          throw CcError.of('backend-error', { key: 'webexSdkNoNewToken' }, 'connect');
        }
        existing.credentials.set({ supertoken: { access_token: token } });
      }
      return existing;
    }
    try {
      const webex = Webex.init(token ? { config, credentials: { access_token: token } } : { config });
      pageInstances.set(Webex, webex);
      return webex;
    } catch (err) {
      throw toCcError(err, 'connect');
    }
  }

  /** OAuth, first visit: send the agent to Webex to sign in. On the way back the SDK picks the token up itself. */
  async #redirectToLogin(webex: WebexInstance, state?: string): Promise<never> {
    if (!webex.authorization || typeof webex.authorization.initiateLogin !== 'function') {
      throw CcError.of('auth-failed', { key: 'webexNoOauth' }, 'connect');
    }
    // The SDK adds its own CSRF token to the state object and sends it base64url-encoded; `cc` carries the
    // round trip's state of <cc-auth> (see finishOAuthRoundTrip), which it checks on the way back.
    await webex.authorization.initiateLogin(state ? { state: { cc: state } } : undefined);
    // The page is leaving for Webex's sign-in page; if it has not gone after the time limit, say so.
    await delay(this.#ctx.clock, this.#ctx.options.readyTimeoutMs ?? 20_000);
    throw CcError.of('timeout', { key: 'webexSignInPageTimeout' }, 'connect');
  }
}
