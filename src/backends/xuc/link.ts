import { CcError } from '../../core/errors.js';
import type { Credentials } from '../../core/types.js';
import { isRecord, text } from '../kit/index.js';
import type { XucContext } from './context.js';
import { API_PATH, PING, command, parseFrame, type XucAgentState, type XucAuth, type XucPhoneEvent, type XucQueueStatistics, type XucUserStatus } from './protocol.js';

interface Waiter {
  readonly match: (msgType: string, message: unknown) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: CcError) => void;
  readonly timer: unknown;
}

/**
 * The session and its link: the REST sign-in and token renewal, the one WebSocket (opened once XuC says
 * `LoggedOn`), the heartbeat, reconnection with backoff and a fresh token, commands out, and frames in (routed
 * to the agent and calls parts, then to whoever waits for one).
 */
export class XucLink {
  readonly #ctx: XucContext;
  #token: string | null = null;
  #expiresAt: number | null = null;
  #renewTimer: unknown = null;
  #ws: WebSocket | null = null;
  #link: 'down' | 'up' | 'reconnecting' = 'down';
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #missed = 0;
  #attempt = 0;
  #reconnectTimer: unknown = null;
  #waiters = new Set<Waiter>();

  constructor(ctx: XucContext) {
    this.#ctx = ctx;
  }

  get expiresAt(): number | null {
    return this.#expiresAt;
  }

  async connect(credentials: Credentials): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.events.disposed) throw CcError.of('invalid-state', { key: 'backendDisposed' }, 'connect');
    const username = credentials.username?.trim();
    let auth: XucAuth;
    if (username && credentials.password) {
      // The password goes into this one request body and nowhere else: it is not kept.
      auth = await this.#rest('auth/login', { method: 'POST', body: JSON.stringify({ login: username, password: credentials.password }) });
    } else if (credentials.accessToken?.trim()) {
      // A XuC token the host page already has: checked, and renewed, before the socket opens.
      auth = await this.#rest('auth/check', { token: credentials.accessToken.trim() });
    } else {
      throw CcError.of('auth-failed', { key: 'xucCredentials' }, 'connect');
    }
    this.#adopt(auth);
    // Signing in again after the session expired (the link was given up): a new socket, announced as connected.
    if (this.#reconnectTimer !== null) ctx.clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#close();
    await this.#open();
    ctx.signedIn = true;
    ctx.connection.set('connected');
  }

  /** Refuses an action the session or the link is not ready for: only the backend knows these. */
  guard(action: string, needRegistered = true): void {
    const ctx = this.#ctx;
    if (!ctx.signedIn) throw CcError.of('not-signed-in', { key: 'notSignedIn' }, action);
    if (!this.#token) throw CcError.of('token-expired', { key: 'xucSessionExpired' }, action);
    if (this.#link !== 'up' || this.#ws?.readyState !== 1) throw CcError.of('offline', { key: 'xucOffline' }, action);
    if (needRegistered && !ctx.registered) throw CcError.of('not-registered', { key: 'notRegistered' }, action);
  }

  /** Closes everything: the socket, the timers, and (`disposed`) whoever still waits for an answer. */
  close(disposed = false): void {
    this.#token = null;
    this.#close();
    this.#clearTimers();
    if (disposed) for (const w of [...this.#waiters]) w.reject(CcError.of('offline', { key: 'backendWasDisposed' }));
  }

  // ---- REST ---------------------------------------------------------------------------------------

  #url(path: string, protocol?: string): URL {
    const url = new URL(this.#ctx.base.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${API_PATH}/${path}`;
    if (protocol) url.protocol = protocol;
    return url;
  }

  async #rest(path: 'auth/login' | 'auth/check', init: { method?: string; body?: string; token?: string }): Promise<XucAuth> {
    let res: Response;
    try {
      res = await fetch(this.#url(path), {
        method: init.method ?? 'GET',
        headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        ...(init.body ? { body: init.body } : {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw CcError.of('offline', { key: 'xucUnreachable' }, 'connect');
    }
    const body = (await res.json().catch(() => null)) as unknown;
    if (res.ok && isRecord(body) && typeof body.token === 'string' && body.token) {
      return { login: text(body.login), token: body.token, ...(typeof body.TTL === 'number' ? { TTL: body.TTL } : {}) };
    }
    const error = isRecord(body) ? text(body.error) : '';
    if (error === 'InvalidCredentials') throw CcError.of('auth-failed', { key: 'xucWrongPassword' }, 'connect');
    if (error === 'TokenExpired' || res.status === 401 || res.status === 403) {
      throw CcError.of('token-expired', { key: 'xucSessionHasExpired' }, 'connect');
    }
    if (error === 'InvalidJson') throw CcError.of('auth-failed', { key: 'xucCredentials' }, 'connect');
    throw CcError.of('backend-error', { key: 'xucSignInStatus', values: { status: `${res.status}${error ? ` ${error}` : ''}` } }, 'connect');
  }

  #adopt(auth: XucAuth): void {
    const clock = this.#ctx.clock;
    this.#token = auth.token;
    if (auth.login) this.#ctx.login = auth.login;
    const ttl = typeof auth.TTL === 'number' && auth.TTL > 0 ? auth.TTL : null;
    this.#expiresAt = ttl ? clock.now() + ttl * 1000 : null;
    if (this.#renewTimer !== null) clock.clearTimeout(this.#renewTimer);
    this.#renewTimer = null;
    if (ttl) this.#renewTimer = clock.setTimeout(() => void this.#renew(), (ttl * 1000) / 2);
  }

  /** Renews the token (`auth/check` answers a fresh one) halfway through its life. */
  async #renew(): Promise<void> {
    const ctx = this.#ctx;
    this.#renewTimer = null;
    if (!this.#token || ctx.events.disposed) return;
    try {
      this.#adopt(await this.#rest('auth/check', { token: this.#token }));
      if (ctx.registered) ctx.emit({ type: 'signed-in', expiresAt: this.#expiresAt });
    } catch (err) {
      const error = CcError.from(err, 'session');
      if (error.code === 'token-expired') this.#expired();
      else this.#renewTimer = ctx.clock.setTimeout(() => void this.#renew(), ctx.delays[0]);
    }
  }

  #expired(): void {
    this.#token = null;
    this.#close();
    this.#ctx.emit({ type: 'auth-expired' });
    this.#ctx.connection.set('offline');
  }

  // ---- the socket ---------------------------------------------------------------------------------

  /** Opens the socket with the current token and waits for `LoggedOn` (or `LoggedOnError`). */
  #open(): Promise<void> {
    const ctx = this.#ctx;
    const url = this.#url('cti', ctx.base.protocol === 'https:' ? 'wss:' : 'ws:');
    url.searchParams.set('token', this.#token ?? '');
    return new Promise<void>((resolve, reject) => {
      let ws: WebSocket;
      try {
        ws = new ctx.WS(url.href);
      } catch {
        reject(CcError.of('offline', { key: 'xucUnreachable' }, 'connect'));
        return;
      }
      this.#ws = ws;
      let settled = false;
      const fail = (error: CcError) => {
        if (settled) return;
        settled = true;
        ctx.clock.clearTimeout(timer);
        if (this.#ws === ws) this.#ws = null;
        ws.close();
        reject(error);
      };
      const timer = ctx.clock.setTimeout(() => fail(CcError.of('timeout', { key: 'xucSessionTimeout' }, 'connect')), ctx.timeoutMs);
      ws.addEventListener('message', (e) => {
        const frame = parseFrame(e.data);
        if (!settled && frame?.msgType === 'LoggedOn') {
          settled = true;
          ctx.clock.clearTimeout(timer);
          this.#link = 'up';
          this.#attempt = 0;
          this.#startHeartbeat();
          resolve();
          return;
        }
        if (!settled && frame?.msgType === 'LoggedOnError') {
          const reason = isRecord(frame.ctiMessage) ? text(frame.ctiMessage.Error) : '';
          fail(CcError.of('auth-failed', reason ? { key: 'xucSessionRefusedBecause', values: { reason } } : { key: 'xucSessionRefused' }, 'connect'));
          return;
        }
        if (this.#ws === ws) this.#onFrame(e.data);
      });
      ws.addEventListener('close', () => {
        if (!settled) {
          fail(CcError.of('offline', { key: 'xucClosed' }, 'connect'));
          return;
        }
        if (this.#ws === ws) this.#lost();
      });
    });
  }

  #startHeartbeat(): void {
    this.#stopHeartbeat();
    this.#missed = 0;
    this.#heartbeat = setInterval(() => {
      if (this.#missed >= this.#ctx.missedPings) {
        // Silent for too long: the link is dead, whatever the socket says.
        const ws = this.#ws;
        this.#ws = null;
        ws?.close();
        this.#lost();
        return;
      }
      this.#missed += 1;
      if (this.#ws?.readyState === 1) this.#ws.send(PING);
    }, this.#ctx.heartbeatMs);
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  #close(): void {
    this.#stopHeartbeat();
    const ws = this.#ws;
    this.#ws = null;
    this.#link = 'down';
    ws?.close();
  }

  #clearTimers(): void {
    const clock = this.#ctx.clock;
    if (this.#renewTimer !== null) clock.clearTimeout(this.#renewTimer);
    if (this.#reconnectTimer !== null) clock.clearTimeout(this.#reconnectTimer);
    this.#renewTimer = null;
    this.#reconnectTimer = null;
    this.#stopHeartbeat();
  }

  /** The link dropped: reconnect with a renewed token, backing off. */
  #lost(): void {
    const ctx = this.#ctx;
    this.#stopHeartbeat();
    this.#ws = null;
    if (ctx.events.disposed || !ctx.signedIn || this.#link === 'reconnecting') return;
    this.#link = 'reconnecting';
    for (const w of [...this.#waiters]) w.reject(CcError.of('offline', { key: 'xucLost' }));
    ctx.connection.set('reconnecting');
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const delays = this.#ctx.delays;
    const delay = delays[Math.min(this.#attempt, delays.length - 1)];
    this.#attempt += 1;
    this.#reconnectTimer = this.#ctx.clock.setTimeout(() => void this.#reconnect(), delay);
  }

  async #reconnect(): Promise<void> {
    const ctx = this.#ctx;
    this.#reconnectTimer = null;
    if (ctx.events.disposed || !this.#token) return;
    try {
      // A fresh token before every new socket: the one in the last URL may be the one that expired.
      this.#adopt(await this.#rest('auth/check', { token: this.#token }));
      await this.#open();
    } catch (err) {
      const error = CcError.from(err, 'connection');
      if (error.code === 'token-expired') {
        this.#link = 'down';
        this.#expired();
        ctx.emit({ type: 'error', error: CcError.of('token-expired', { key: 'xucSessionExpiredOffline' }, 'connection').toJSON() });
        return;
      }
      if (!ctx.events.disposed) this.#scheduleReconnect();
      return;
    }
    try {
      await ctx.calls.resync();
    } catch {
      // The sync is re-requested on the next reconnect; the link itself is up.
    }
    ctx.connection.set('connected');
  }

  // ---- commands and frames ------------------------------------------------------------------------

  send(name: string, fields: Readonly<Record<string, unknown>> = {}): void {
    if (this.#ws?.readyState !== 1) throw CcError.of('offline', { key: 'xucOffline' });
    this.#ws.send(command(name, fields));
  }

  /** Waits for the first message of `types` that `match` accepts (its value), or times out. */
  expect(types: string | readonly string[], match: (message: unknown, type: string) => unknown, action = ''): Promise<unknown> {
    const ctx = this.#ctx;
    const wanted = typeof types === 'string' ? [types] : types;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: (type, message) => (wanted.includes(type) ? match(message, type) : undefined),
        resolve: (value) => {
          ctx.clock.clearTimeout(waiter.timer);
          this.#waiters.delete(waiter);
          resolve(value);
        },
        reject: (error) => {
          ctx.clock.clearTimeout(waiter.timer);
          this.#waiters.delete(waiter);
          reject(action && !error.action ? CcError.from(error, action) : error);
        },
        timer: ctx.clock.setTimeout(
          () => waiter.reject(CcError.of('timeout', { key: 'xucNotConfirmed' }, action)),
          ctx.timeoutMs,
        ),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Waits for a phone event of one of `eventTypes` on the leg `uniqueId`. */
  phone(uniqueId: string, eventTypes: readonly string[], action: string): Promise<unknown> {
    return this.expect('PhoneEvent', (m) => (isRecord(m) && text(m.uniqueId) === uniqueId && eventTypes.includes(text(m.eventType)) ? m : undefined), action);
  }

  /** Waits for this agent's next `AgentStateEvent` that `match` accepts. */
  agentState(match: (m: Record<string, unknown>) => boolean, action = ''): Promise<unknown> {
    return this.expect('AgentStateEvent', (m) => (this.#ctx.mine(m) && match(m) ? m : undefined), action);
  }

  #onFrame(data: unknown): void {
    const ctx = this.#ctx;
    this.#missed = 0;
    const frame = parseFrame(data);
    if (!frame) {
      ctx.emit({ type: 'error', error: CcError.of('backend-error', { key: 'xucUnreadable' }, 'connection').toJSON() });
      return;
    }
    const { msgType, ctiMessage } = frame;
    try {
      this.#route(msgType, ctiMessage);
    } catch {
      ctx.emit({ type: 'error', error: CcError.of('backend-error', { key: 'xucUnreadableType', values: { type: msgType } }, 'connection').toJSON() });
    }
    for (const w of [...this.#waiters]) {
      const value = w.match(msgType, ctiMessage);
      if (value !== undefined) w.resolve(value);
    }
  }

  #route(msgType: string, m: unknown): void {
    const ctx = this.#ctx;
    switch (msgType) {
      case 'UserConfigUpdate':
        if (isRecord(m)) {
          if (typeof m.agentId === 'number') ctx.agentId = m.agentId;
          const name = text(m.fullName) || `${text(m.firstName)} ${text(m.lastName)}`.trim();
          if (name) ctx.agentName = name;
        }
        return;
      case 'LineConfig':
        if (isRecord(m) && text(m.number)) ctx.line = text(m.number);
        return;
      case 'UsersStatuses':
        if (Array.isArray(m)) ctx.statuses = m.filter((s): s is XucUserStatus => isRecord(s) && typeof s.name === 'string');
        return;
      case 'AgentStateEvent':
        if (ctx.mine(m) && ctx.registered) ctx.agentPart.onAgentState(m as unknown as XucAgentState);
        else if (ctx.mine(m)) ctx.xucState = m as unknown as XucAgentState;
        return;
      case 'PhoneEvent':
        if (isRecord(m) && ctx.registered) ctx.calls.onPhoneEvent(m as unknown as XucPhoneEvent, true);
        return;
      case 'Sheet':
        ctx.calls.onSheet(m);
        return;
      case 'QueueStatistics':
        ctx.calls.onQueueStats(m as XucQueueStatistics);
        return;
      case 'AgentStatistics':
        if (isRecord(m) && m.id === ctx.agentId && Array.isArray(m.statistics)) ctx.calls.onAgentStats(m.statistics);
        return;
      default:
        // Message types differ between XuC releases (and `AgentError` answers a request): what this desk does
        // not use is ignored here.
        return;
    }
  }
}
