import type { AgentStateArgs, Backend, BackendEvent, BackendListener, StationLoginArgs, WrapupArgs } from '../../core/backend.js';
import { ALL_CAPABILITIES } from '../../core/capabilities.js';
import { realClock, type Clock } from '../../core/clock.js';
import { CcError, type CcErrorCode } from '../../core/errors.js';
import type {
  AgentStateSnapshot,
  AuxCode,
  Capabilities,
  ChangeSource,
  Credentials,
  Destination,
  DestinationOption,
  Profile,
  Station,
  TaskSnapshot,
} from '../../core/types.js';
import {
  API_PATH,
  PING,
  command,
  isRecord,
  parseFrame,
  type XucAgentConfig,
  type XucAgentState,
  type XucAuth,
  type XucPhoneEvent,
  type XucQueue,
  type XucQueueStatistics,
  type XucUserStatus,
} from './protocol.js';

export interface XucBackendOptions {
  /** The XuC base URL (`https://xivo.example.com`); the socket uses `wss:` for `https:`, `ws:` for `http:`. */
  readonly server: string;
  /** Milliseconds between pings (XuC's own client: 5000). */
  readonly heartbeatMs?: number;
  /** Silent intervals after which the link is declared dead (XuC's own client: 3). */
  readonly missedPings?: number;
  /** How long an action waits for the event that confirms it (default 8000 ms). */
  readonly requestTimeoutMs?: number;
  /** Delays between reconnection attempts; the last one repeats (default 1 s, 2 s, 5 s, 10 s, 30 s). */
  readonly reconnectDelaysMs?: readonly number[];
  /** The call variable that names the customer (default `USR_customerName`). */
  readonly customerNameVariable?: string;
  readonly clock?: Clock;
  /** A WebSocket class (tests). */
  readonly WebSocket?: typeof WebSocket;
}

/** What XuC can do from a desk whose agent takes calls on a XiVO line (a desk phone). */
const CAPABILITIES: Capabilities = Object.freeze<Capabilities>({
  ...ALL_CAPABILITIES,
  mediaTypes: Object.freeze(['telephony'] as const),
  // `toggleMicrophone` reaches only a WebRTC line, whose SIP stack this backend does not run.
  mute: false,
  wrapupCodes: false,
  oauth: false,
  uploadLogs: false,
});

/** XuC has no teams: the agent takes calls from the queues it is a member of. */
export const XUC_TEAM = Object.freeze({ id: 'xivo-queues', name: 'My queues' });

const EXTENSION_RULE = Object.freeze({ pattern: '[0-9*#]{1,15}', example: '1001' });

interface Leg {
  readonly uniqueId: string;
  readonly taskId: string;
  consult: boolean;
}

interface Waiter {
  readonly match: (msgType: string, message: unknown) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: CcError) => void;
  readonly timer: unknown;
}

interface TaskState {
  snapshot: TaskSnapshot;
  customerLeg: string;
  consultLeg: string | null;
  acd: boolean;
  answered: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/**
 * The XiVO XuC backend: the REST sign-in and one WebSocket of JSON commands and events, spoken directly
 * (no cti.js). An agent signs in with a username and password (or a XuC token the host already has), logs in
 * on a XiVO line (EXTENSION), and its calls arrive as phone events.
 */
export class XucBackend implements Backend {
  readonly name = 'xuc';
  readonly capabilities = CAPABILITIES;
  readonly clock: Clock;
  readonly #base: URL;
  readonly #heartbeatMs: number;
  readonly #missedPings: number;
  readonly #timeoutMs: number;
  readonly #delays: readonly number[];
  readonly #nameVariable: string;
  readonly #WS: typeof WebSocket;

  #listeners = new Set<BackendListener>();
  #token: string | null = null;
  #login = '';
  #expiresAt: number | null = null;
  #renewTimer: unknown = null;
  #ws: WebSocket | null = null;
  #link: 'down' | 'up' | 'reconnecting' = 'down';
  #signedIn = false;
  #registered = false;
  #disposed = false;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #missed = 0;
  #attempt = 0;
  #reconnectTimer: unknown = null;
  #waiters = new Set<Waiter>();

  #agentId: number | null = null;
  #agentName = '';
  #line = '';
  #statuses: XucUserStatus[] = [];
  #queues: XucQueue[] = [];
  #agents: XucAgentConfig[] = [];
  #xucState: XucAgentState | null = null;
  #station: Station | null = null;
  #agent: AgentStateSnapshot | null = null;
  /** State changes the agent asked for, so their confirmation is announced as the agent's. */
  #requested: string | null = null;
  #tasks = new Map<string, TaskState>();
  #legs = new Map<string, Leg>();
  #declining = new Set<string>();
  #transferring = new Set<string>();
  #wrapping = new Set<string>();
  #stats = new Map<string, Record<string, number>>();
  #agentStats: Record<string, number> = {};
  /** The recording state of the agent's calls, as the last AgentOnCall said (`ACTIVE`, `PAUSED`). */
  #monitorState: string | null = null;

  constructor(options: XucBackendOptions) {
    let base: URL;
    try {
      base = new URL(options.server);
    } catch {
      throw new CcError('invalid-request', 'The XuC server must be a URL such as https://xivo.example.com.', 'connect');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new CcError('invalid-request', 'The XuC server must be an http(s) URL.', 'connect');
    }
    this.#base = base;
    this.clock = options.clock ?? realClock;
    this.#heartbeatMs = options.heartbeatMs ?? 5000;
    this.#missedPings = options.missedPings ?? 3;
    this.#timeoutMs = options.requestTimeoutMs ?? 8000;
    this.#delays = options.reconnectDelaysMs?.length ? options.reconnectDelaysMs : [1000, 2000, 5000, 10000, 30000];
    this.#nameVariable = options.customerNameVariable ?? 'USR_customerName';
    this.#WS = options.WebSocket ?? globalThis.WebSocket;
  }

  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Queue statistics by queue id (`WaitingCalls`, `LongestWaitingTime`, `AvailableAgents`, …) and the agent's own. */
  statistics(): { readonly queues: Readonly<Record<string, Readonly<Record<string, number>>>>; readonly agent: Readonly<Record<string, number>> } {
    return { queues: Object.fromEntries([...this.#stats].map(([id, s]) => [id, { ...s }])), agent: { ...this.#agentStats } };
  }

  // ---- session ------------------------------------------------------------------------------------

  async connect(credentials: Credentials): Promise<void> {
    if (this.#disposed) throw new CcError('invalid-state', 'This backend was disposed.', 'connect');
    const username = credentials.username?.trim();
    let auth: XucAuth;
    if (username && credentials.password) {
      // The password goes into this one request body and nowhere else: it is not kept.
      auth = await this.#rest('auth/login', { method: 'POST', body: JSON.stringify({ login: username, password: credentials.password }) });
    } else if (credentials.accessToken?.trim()) {
      // A XuC token the host page already has: checked, and renewed, before the socket opens.
      auth = await this.#rest('auth/check', { token: credentials.accessToken.trim() });
    } else {
      throw new CcError('auth-failed', 'Enter your XiVO username and password.', 'connect');
    }
    this.#adopt(auth);
    // Signing in again after the session expired (the link was given up): a new socket, announced as connected.
    const wasUp = this.#signedIn && this.#link === 'up';
    if (this.#reconnectTimer !== null) this.clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#close();
    await this.#open();
    this.#signedIn = true;
    if (!wasUp) this.#emit({ type: 'connection', status: 'connected' });
  }

  async register(): Promise<Profile> {
    this.#guard('register', false);
    const lists = Promise.all([
      this.#expect('QueueList', (m) => (Array.isArray(m) ? m : undefined)),
      this.#expect('AgentList', (m) => (Array.isArray(m) ? m : undefined)),
    ]);
    const statuses = this.#statuses.length ? Promise.resolve(this.#statuses) : this.#expect('UsersStatuses', (m) => (Array.isArray(m) ? m : undefined));
    this.#send('getList', { objectType: 'queue' });
    this.#send('getList', { objectType: 'agent' });
    this.#send('getConfig', { objectType: 'line' });
    const [[queues, agents]] = await Promise.all([lists, statuses]);
    this.#queues = queues as XucQueue[];
    this.#agents = agents as XucAgentConfig[];
    const states = this.#expect('AgentStateEvent', (m) => (isRecord(m) && m.agentId === this.#agentId ? m : undefined));
    this.#send('subscribeToAgentEvents');
    this.#send('getAgentStates');
    this.#send('subscribeToQueueStats');
    this.#send('subscribeToAgentStats');
    await states.catch(() => undefined);
    const profile = this.#buildProfile();
    this.#registered = true;
    this.#emit({ type: 'signed-in', expiresAt: this.#expiresAt });
    this.#emit({ type: 'registered', profile });
    // An agent already logged in on a line (a page reload) picks up where it was, with its calls.
    if (this.#xucState && this.#xucState.name !== 'AgentLoggedOut') await this.#resync();
    return profile;
  }

  async deregister(): Promise<void> {
    this.#signOut('Signed out');
  }

  // ---- station and agent --------------------------------------------------------------------------

  async stationLogin(args: StationLoginArgs): Promise<void> {
    this.#guard('stationLogin');
    if (args.loginOption !== 'EXTENSION') {
      throw new CcError(
        'unsupported',
        args.loginOption === 'BROWSER'
          ? 'XiVO calls in the browser need a WebRTC line and a SIP stack, which this backend does not run: log in on your line (extension).'
          : 'XiVO logs an agent in on a XiVO line: choose your extension.',
        'station-login',
      );
    }
    const number = (args.dialNumber ?? '').trim();
    if (!number) throw new CcError('invalid-dial-number', 'Enter your line number.', 'station-login');
    const outcome = this.#expect(
      ['AgentStateEvent', 'AgentError'],
      (m, type) => {
        if (type === 'AgentError' && isRecord(m)) return m;
        return isRecord(m) && m.agentId === this.#agentId && m.name !== 'AgentLoggedOut' && text(m.phoneNb) === number ? m : undefined;
      },
      'station-login',
    );
    this.#send('agentLogin', { agentphonenumber: number });
    const answer = (await outcome) as Record<string, unknown>;
    if ('Error' in answer) throw agentError(answer, number);
    // The AgentStateEvent that answered has already made the station and the agent's state (#onAgentState).
  }

  async stationLogout(reason = 'Logged out'): Promise<void> {
    this.#guard('stationLogout');
    if ([...this.#tasks.values()].some((t) => t.snapshot.state !== 'wrapup')) {
      throw new CcError('task-active', 'Finish your calls before you log out.', 'station-logout');
    }
    const done = this.#expect('AgentStateEvent', (m) => (isRecord(m) && m.agentId === this.#agentId && m.name === 'AgentLoggedOut' ? m : undefined), 'station-logout');
    this.#requested = 'AgentLoggedOut';
    this.#send('agentLogout');
    await done;
    this.#logoutReason = reason;
  }

  #logoutReason: string | null = null;

  async setAgentState(args: AgentStateArgs): Promise<void> {
    this.#guard('setAgentState');
    if (!this.#station) throw new CcError('not-logged-in', 'Log in on your line first.', 'agent-state');
    const onCall = ['AgentRinging', 'AgentOnCall', 'AgentDialing'].includes(this.#xucState?.name ?? '');
    if (args.state === 'Available') {
      const done = this.#expect('AgentStateEvent', (m) => (isRecord(m) && m.agentId === this.#agentId && m.name === 'AgentReady' ? m : undefined), 'agent-state');
      this.#requested = 'AgentReady';
      this.#send('unpauseAgent');
      if (onCall) return void done.catch(() => undefined);
      await done;
      return;
    }
    const reason = args.auxCodeId;
    if (!this.#statuses.some((s) => s.name === reason)) throw new CcError('invalid-request', 'Choose a pause reason.', 'agent-state');
    const done = this.#expect(
      'AgentStateEvent',
      (m) => (isRecord(m) && m.agentId === this.#agentId && m.name === 'AgentOnPause' && text(m.cause) === reason ? m : undefined),
      'agent-state',
    );
    this.#requested = `AgentOnPause:${reason}`;
    this.#send('pauseAgent', { reason });
    if (onCall) return void done.catch(() => undefined);
    await done;
  }

  // ---- tasks --------------------------------------------------------------------------------------

  async accept(taskId: string): Promise<void> {
    const t = this.#task(taskId, 'accept');
    if (t.snapshot.state !== 'offered') throw new CcError('invalid-state', 'This call is not ringing.', 'task-accept');
    const done = this.#phone(t.customerLeg, ['EventEstablished'], 'task-accept');
    this.#send('answer', { uniqueId: t.customerLeg });
    await done;
  }

  async decline(taskId: string): Promise<void> {
    const t = this.#task(taskId, 'decline');
    if (t.snapshot.state !== 'offered') throw new CcError('invalid-state', 'This call is not ringing.', 'task-decline');
    const done = this.#phone(t.customerLeg, ['EventReleased'], 'task-decline');
    this.#declining.add(taskId);
    this.#send('hangup', { uniqueId: t.customerLeg });
    await done.catch((err) => {
      this.#declining.delete(taskId);
      throw err;
    });
  }

  async hold(taskId: string): Promise<void> {
    const t = this.#connected(taskId, 'task-hold');
    if (t.snapshot.held) throw new CcError('invalid-state', 'The call is already on hold.', 'task-hold');
    // `hold` is a toggle: the state comes from the phone event, never from this request.
    const done = this.#phone(t.customerLeg, ['EventOnHold'], 'task-hold');
    this.#send('hold', { uniqueId: t.customerLeg });
    await done;
  }

  async resume(taskId: string): Promise<void> {
    const t = this.#connected(taskId, 'task-resume');
    if (!t.snapshot.held) throw new CcError('invalid-state', 'The call is not on hold.', 'task-resume');
    if (t.consultLeg) throw new CcError('invalid-state', 'End or complete the consultation first.', 'task-resume');
    const done = this.#phone(t.customerLeg, ['EventEstablished'], 'task-resume');
    this.#send('hold', { uniqueId: t.customerLeg });
    await done;
  }

  async toggleMute(taskId: string): Promise<void> {
    this.#task(taskId, 'toggleMute');
    throw new CcError('unsupported', 'Mute the call on your phone: XuC mutes only WebRTC lines.', 'task-mute');
  }

  async end(taskId: string): Promise<void> {
    const t = this.#connected(taskId, 'task-end');
    const done = this.#phone(t.customerLeg, ['EventReleased'], 'task-end');
    this.#send('hangup', { uniqueId: t.customerLeg });
    await done;
  }

  async pauseRecording(taskId: string): Promise<void> {
    await this.#monitor(taskId, true);
  }

  async resumeRecording(taskId: string): Promise<void> {
    await this.#monitor(taskId, false);
  }

  async consult(taskId: string, destination: Destination): Promise<void> {
    const t = this.#connected(taskId, 'task-consult');
    if (t.consultLeg) throw new CcError('invalid-state', 'A consultation is already going on.', 'task-consult');
    const number = this.#numberOf(destination);
    const done = this.#expect(
      'PhoneEvent',
      (m) => (isRecord(m) && text(m.linkedId) === taskId && text(m.uniqueId) !== t.customerLeg && m.eventType === 'EventDialing' ? m : undefined),
      'task-consult',
    );
    this.#pendingConsult.set(taskId, destination);
    this.#send('attendedTransfer', { destination: number });
    await done.catch((err) => {
      this.#pendingConsult.delete(taskId);
      throw err;
    });
  }

  #pendingConsult = new Map<string, Destination>();

  async endConsult(taskId: string): Promise<void> {
    const t = this.#connected(taskId, 'task-consult-end');
    if (!t.consultLeg) throw new CcError('invalid-state', 'There is no consultation to end.', 'task-consult-end');
    const done = this.#phone(t.consultLeg, ['EventReleased'], 'task-consult-end');
    this.#send('cancelTransfer');
    await done;
  }

  async transfer(taskId: string, destination: Destination): Promise<void> {
    const t = this.#connected(taskId, 'task-transfer');
    const number = this.#numberOf(destination);
    const done = this.#phone(t.customerLeg, ['EventReleased'], 'task-transfer');
    this.#transferring.add(taskId);
    this.#send('directTransfer', { destination: number });
    await done.catch((err) => {
      this.#transferring.delete(taskId);
      throw err;
    });
  }

  async consultTransfer(taskId: string): Promise<void> {
    const t = this.#connected(taskId, 'task-consult-transfer');
    if (!t.consultLeg) throw new CcError('invalid-state', 'Consult someone before you transfer to them.', 'task-consult-transfer');
    const done = this.#phone(t.customerLeg, ['EventReleased'], 'task-consult-transfer');
    this.#transferring.add(taskId);
    this.#send('completeTransfer');
    await done.catch((err) => {
      this.#transferring.delete(taskId);
      throw err;
    });
  }

  /** XuC has no wrap-up codes: this ends the after-call state early (`unpauseAgent`), as XiVO's own desk does. */
  async wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    const t = this.#task(taskId, 'wrapup');
    if (t.snapshot.state !== 'wrapup') throw new CcError('invalid-state', 'This call has not ended yet.', 'wrapup');
    this.#wrapping.add(taskId);
    try {
      if (this.#xucState?.name === 'AgentOnWrapup') {
        const done = this.#expect('AgentStateEvent', (m) => (isRecord(m) && m.agentId === this.#agentId && m.name !== 'AgentOnWrapup' ? m : undefined), 'wrapup');
        this.#requested = 'AgentReady';
        this.#send('unpauseAgent');
        await done;
      }
      if (!this.#tasks.has(taskId)) return;
      this.#tasks.delete(taskId);
      this.#emit({ type: 'task-wrapped-up', task: t.snapshot, auxCodeId: args.auxCodeId, notes: args.notes ?? '' });
    } finally {
      this.#wrapping.delete(taskId);
    }
  }

  async outdial(number: string): Promise<void> {
    this.#guard('outdial');
    if (!this.#station) throw new CcError('not-logged-in', 'Log in on your line first.', 'outdial');
    const destination = number.trim();
    const done = this.#expect('PhoneEvent', (m) => (isRecord(m) && m.eventType === 'EventDialing' && text(m.otherDN) === destination ? m : undefined), 'outdial');
    this.#send('dial', { destination, variables: {} });
    await done;
  }

  async destinations(kind: 'agent' | 'queue'): Promise<readonly DestinationOption[]> {
    this.#guard('destinations');
    if (kind === 'queue') {
      return this.#queues.filter((q) => q.number).map((q) => ({ type: 'queue' as const, to: String(q.id), name: q.displayName || q.name, detail: text(q.number) }));
    }
    return this.#agents
      .filter((a) => a.id !== this.#agentId && a.number)
      .map((a) => ({ type: 'agent' as const, to: String(a.id), name: `${a.firstName ?? ''} ${a.lastName ?? ''}`.trim() || text(a.number), detail: text(a.number) }));
  }

  dispose(): void {
    this.#disposed = true;
    this.#close();
    this.#clearTimers();
    for (const w of [...this.#waiters]) w.reject(new CcError('offline', 'The backend was disposed.'));
    this.#listeners.clear();
  }

  // ---- REST and the socket ------------------------------------------------------------------------

  #url(path: string, protocol?: string): URL {
    const url = new URL(this.#base.href);
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
      throw new CcError('offline', 'The XiVO server cannot be reached.', 'connect');
    }
    const body = (await res.json().catch(() => null)) as unknown;
    if (res.ok && isRecord(body) && typeof body.token === 'string' && body.token) {
      return { login: text(body.login), token: body.token, ...(typeof body.TTL === 'number' ? { TTL: body.TTL } : {}) };
    }
    const error = isRecord(body) ? text(body.error) : '';
    if (error === 'InvalidCredentials') throw new CcError('auth-failed', 'The username or password is wrong.', 'connect');
    if (error === 'TokenExpired' || res.status === 401 || res.status === 403) {
      throw new CcError('token-expired', 'The XiVO session has expired. Sign in again.', 'connect');
    }
    if (error === 'InvalidJson') throw new CcError('auth-failed', 'Enter your XiVO username and password.', 'connect');
    throw new CcError('backend-error', `The XiVO server could not sign you in (${res.status}${error ? ` ${error}` : ''}).`, 'connect');
  }

  #adopt(auth: XucAuth): void {
    this.#token = auth.token;
    if (auth.login) this.#login = auth.login;
    const ttl = typeof auth.TTL === 'number' && auth.TTL > 0 ? auth.TTL : null;
    this.#expiresAt = ttl ? this.clock.now() + ttl * 1000 : null;
    if (this.#renewTimer !== null) this.clock.clearTimeout(this.#renewTimer);
    this.#renewTimer = null;
    if (ttl) this.#renewTimer = this.clock.setTimeout(() => void this.#renew(), (ttl * 1000) / 2);
  }

  /** Renews the token (`auth/check` answers a fresh one) halfway through its life. */
  async #renew(): Promise<void> {
    this.#renewTimer = null;
    if (!this.#token || this.#disposed) return;
    try {
      this.#adopt(await this.#rest('auth/check', { token: this.#token }));
      if (this.#registered) this.#emit({ type: 'signed-in', expiresAt: this.#expiresAt });
    } catch (err) {
      const error = CcError.from(err, 'session');
      if (error.code === 'token-expired') this.#expired();
      else this.#renewTimer = this.clock.setTimeout(() => void this.#renew(), this.#delays[0]);
    }
  }

  #expired(): void {
    this.#token = null;
    this.#close();
    this.#emit({ type: 'auth-expired' });
    this.#emit({ type: 'connection', status: 'offline' });
  }

  /** Opens the socket with the current token and waits for `LoggedOn` (or `LoggedOnError`). */
  #open(): Promise<void> {
    const url = this.#url('cti', this.#base.protocol === 'https:' ? 'wss:' : 'ws:');
    url.searchParams.set('token', this.#token ?? '');
    return new Promise<void>((resolve, reject) => {
      let ws: WebSocket;
      try {
        ws = new this.#WS(url.href);
      } catch {
        reject(new CcError('offline', 'The XiVO server cannot be reached.', 'connect'));
        return;
      }
      this.#ws = ws;
      let settled = false;
      const fail = (error: CcError) => {
        if (settled) return;
        settled = true;
        this.clock.clearTimeout(timer);
        if (this.#ws === ws) this.#ws = null;
        ws.close();
        reject(error);
      };
      const timer = this.clock.setTimeout(() => fail(new CcError('timeout', 'The XiVO server did not open the session in time.', 'connect')), this.#timeoutMs);
      ws.addEventListener('message', (e) => {
        const frame = parseFrame(e.data);
        if (!settled && frame?.msgType === 'LoggedOn') {
          settled = true;
          this.clock.clearTimeout(timer);
          this.#link = 'up';
          this.#attempt = 0;
          this.#startHeartbeat();
          resolve();
          return;
        }
        if (!settled && frame?.msgType === 'LoggedOnError') {
          const reason = isRecord(frame.ctiMessage) ? text(frame.ctiMessage.Error) : '';
          fail(new CcError('auth-failed', `XiVO refused the session${reason ? ` (${reason})` : ''}. Try again, or ask your administrator.`, 'connect'));
          return;
        }
        if (this.#ws === ws) this.#onFrame(e.data);
      });
      ws.addEventListener('close', () => {
        if (!settled) {
          fail(new CcError('offline', 'The XiVO server closed the connection.', 'connect'));
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
      if (this.#missed >= this.#missedPings) {
        // Silent for too long: the link is dead, whatever the socket says.
        const ws = this.#ws;
        this.#ws = null;
        ws?.close();
        this.#lost();
        return;
      }
      this.#missed += 1;
      if (this.#ws?.readyState === 1) this.#ws.send(PING);
    }, this.#heartbeatMs);
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

  /** The link dropped: reconnect with a renewed token, backing off. */
  #lost(): void {
    this.#stopHeartbeat();
    this.#ws = null;
    if (this.#disposed || !this.#signedIn || this.#link === 'reconnecting') return;
    this.#link = 'reconnecting';
    for (const w of [...this.#waiters]) w.reject(new CcError('offline', 'The connection to XiVO was lost.'));
    this.#emit({ type: 'connection', status: 'reconnecting' });
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const delay = this.#delays[Math.min(this.#attempt, this.#delays.length - 1)];
    this.#attempt += 1;
    this.#reconnectTimer = this.clock.setTimeout(() => void this.#reconnect(), delay);
  }

  async #reconnect(): Promise<void> {
    this.#reconnectTimer = null;
    if (this.#disposed || !this.#token) return;
    try {
      // A fresh token before every new socket: the one in the last URL may be the one that expired.
      this.#adopt(await this.#rest('auth/check', { token: this.#token }));
      await this.#open();
    } catch (err) {
      const error = CcError.from(err, 'connection');
      if (error.code === 'token-expired') {
        this.#link = 'down';
        this.#expired();
        this.#emit({ type: 'error', error: { action: 'connection', code: 'token-expired', message: 'The XiVO session expired while the connection was down. Sign in again.' } });
        return;
      }
      if (!this.#disposed) this.#scheduleReconnect();
      return;
    }
    try {
      await this.#resync();
    } catch {
      // The sync is re-requested on the next reconnect; the link itself is up.
    }
    this.#emit({ type: 'connection', status: 'connected' });
  }

  /** Asks for the agent state and the current calls, and sends the whole picture as one `sync`. */
  async #resync(): Promise<void> {
    const state = this.#expect('AgentStateEvent', (m) => (isRecord(m) && m.agentId === this.#agentId ? m : undefined), 'connection');
    const calls = this.#expect('CurrentCallsPhoneEvents', (m) => (isRecord(m) && Array.isArray(m.events) ? m.events : undefined), 'connection');
    this.#send('getAgentStates');
    this.#send('getCurrentCallsPhoneEvents');
    // Both answers have been through #route already: the station and the agent's state are current.
    const xucState = (await state) as XucAgentState;
    const events = (await calls) as XucPhoneEvent[];
    const live = new Set(events.map((e) => text(e.linkedId)));
    for (const [id, t] of [...this.#tasks]) {
      if (live.has(id) || t.snapshot.state === 'wrapup') continue;
      // Ended while the link was down: owed a wrap-up if XiVO put the agent in its after-call state.
      this.#endTask(id, t, t.acd && t.answered && xucState.name === 'AgentOnWrapup');
    }
    for (const e of events) this.#onPhoneEvent(e, false);
    this.#emit({ type: 'sync', station: this.#station, agent: this.#agent, tasks: [...this.#tasks.values()].map((t) => t.snapshot) });
  }

  #send(name: string, fields: Readonly<Record<string, unknown>> = {}): void {
    if (this.#ws?.readyState !== 1) throw new CcError('offline', 'No connection to XiVO. Try again once it is back.');
    this.#ws.send(command(name, fields));
  }

  /** Waits for the first message of `types` that `match` accepts (its value), or times out. */
  #expect(types: string | readonly string[], match: (message: unknown, type: string) => unknown, action = ''): Promise<unknown> {
    const wanted = typeof types === 'string' ? [types] : types;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: (type, message) => (wanted.includes(type) ? match(message, type) : undefined),
        resolve: (value) => {
          this.clock.clearTimeout(waiter.timer);
          this.#waiters.delete(waiter);
          resolve(value);
        },
        reject: (error) => {
          this.clock.clearTimeout(waiter.timer);
          this.#waiters.delete(waiter);
          reject(action && !error.action ? new CcError(error.code, error.message, action) : error);
        },
        timer: this.clock.setTimeout(
          () => waiter.reject(new CcError('timeout', 'XiVO did not confirm the request in time. Check your phone and try again.', action)),
          this.#timeoutMs,
        ),
      };
      this.#waiters.add(waiter);
    });
  }

  #phone(uniqueId: string, eventTypes: readonly string[], action: string): Promise<unknown> {
    return this.#expect('PhoneEvent', (m) => (isRecord(m) && text(m.uniqueId) === uniqueId && eventTypes.includes(text(m.eventType)) ? m : undefined), action);
  }

  #onFrame(data: unknown): void {
    this.#missed = 0;
    const frame = parseFrame(data);
    if (!frame) {
      this.#emit({ type: 'error', error: { action: 'connection', code: 'backend-error', message: 'XiVO sent a message this desk cannot read; it was ignored.' } });
      return;
    }
    const { msgType, ctiMessage } = frame;
    try {
      this.#route(msgType, ctiMessage);
    } catch {
      this.#emit({ type: 'error', error: { action: 'connection', code: 'backend-error', message: `XiVO sent a ${msgType} message this desk cannot read; it was ignored.` } });
    }
    for (const w of [...this.#waiters]) {
      const value = w.match(msgType, ctiMessage);
      if (value !== undefined) w.resolve(value);
    }
  }

  #route(msgType: string, m: unknown): void {
    switch (msgType) {
      case 'UserConfigUpdate':
        if (isRecord(m)) {
          if (typeof m.agentId === 'number') this.#agentId = m.agentId;
          const name = text(m.fullName) || `${text(m.firstName)} ${text(m.lastName)}`.trim();
          if (name) this.#agentName = name;
        }
        return;
      case 'LineConfig':
        if (isRecord(m) && text(m.number)) this.#line = text(m.number);
        return;
      case 'UsersStatuses':
        if (Array.isArray(m)) this.#statuses = m.filter((s): s is XucUserStatus => isRecord(s) && typeof s.name === 'string');
        return;
      case 'AgentStateEvent':
        if (isRecord(m) && m.agentId === this.#agentId && this.#registered) this.#onAgentState(m as unknown as XucAgentState);
        else if (isRecord(m) && m.agentId === this.#agentId) this.#xucState = m as unknown as XucAgentState;
        return;
      case 'AgentError':
        return;
      case 'PhoneEvent':
        if (isRecord(m) && this.#registered) this.#onPhoneEvent(m as unknown as XucPhoneEvent, true);
        return;
      case 'Sheet':
        this.#onSheet(m);
        return;
      case 'QueueStatistics':
        this.#onQueueStats(m as XucQueueStatistics);
        return;
      case 'AgentStatistics':
        if (isRecord(m) && m.id === this.#agentId && Array.isArray(m.statistics)) {
          for (const s of m.statistics) if (isRecord(s) && typeof s.value === 'number') this.#agentStats[text(s.name)] = s.value;
        }
        return;
      default:
        // Message types differ between XuC releases: what this desk does not use is ignored.
        return;
    }
  }

  // ---- agent state --------------------------------------------------------------------------------

  #snapshotOf(s: XucAgentState, by: ChangeSource): AgentStateSnapshot | null {
    const since = this.clock.now() - (typeof s.since === 'number' ? s.since * 1000 : 0);
    if (s.name === 'AgentReady') return { state: 'Available', auxCodeId: '0', since, by };
    if (s.name === 'AgentOnPause') {
      const cause = text(s.cause);
      const status = this.#statuses.find((x) => x.name === cause);
      return { state: 'Idle', auxCodeId: cause, ...(status?.longName ? { reason: status.longName } : {}), since, by };
    }
    if (s.name === 'AgentLogin') return { state: 'Idle', auxCodeId: '', since, by: 'system' };
    // Ringing, dialing, on a call, in wrap-up: the calls show it; the chosen state stays.
    return null;
  }

  #onAgentState(s: XucAgentState): void {
    const before = this.#xucState;
    this.#xucState = s;
    if (s.name === 'AgentLoggedOut') {
      if (this.#station) {
        const reason = this.#logoutReason ?? (this.#requested === 'AgentLoggedOut' ? 'User requested logout' : 'Logged out from elsewhere (a supervisor, or another agent logged in on this line)');
        this.#requested = null;
        this.#logoutReason = null;
        this.#station = null;
        this.#agent = null;
        this.#emit({ type: 'station-logout', reason });
      }
      return;
    }
    if (!this.#station && s.phoneNb) this.#setStation({ teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: text(s.phoneNb) });
    if (!this.#station) return;
    // Recording follows `monitorState` of the agent's call.
    if (s.name === 'AgentOnCall' && typeof s.monitorState === 'string') {
      this.#monitorState = s.monitorState;
      for (const [id, t] of this.#tasks) {
        if (t.snapshot.state !== 'connected') continue;
        const paused = s.monitorState === 'PAUSED';
        if (t.snapshot.recordingPaused !== paused || !t.snapshot.recording) this.#update(id, { recording: true, recordingPaused: paused });
      }
    }
    // The after-call state ended (the queue's timer, or the agent): calls waiting for wrap-up are wrapped up.
    if (s.name !== 'AgentOnWrapup' && before?.name === 'AgentOnWrapup') {
      for (const [id, t] of [...this.#tasks]) {
        if (t.snapshot.state !== 'wrapup' || this.#wrapping.has(id)) continue;
        this.#tasks.delete(id);
        this.#emit({ type: 'task-wrapped-up', task: t.snapshot, auxCodeId: '', notes: '' });
      }
    }
    const key = s.name === 'AgentOnPause' ? `AgentOnPause:${text(s.cause)}` : s.name;
    const by: ChangeSource = s.name === 'AgentLogin' ? 'system' : this.#requested === key ? 'agent' : before?.name === 'AgentOnWrapup' || before?.name === 'AgentLogin' ? 'system' : 'remote';
    if (this.#requested === key) this.#requested = null;
    const snapshot = this.#snapshotOf(s, by);
    if (!snapshot) return;
    const a = this.#agent;
    if (a && a.state === snapshot.state && a.auxCodeId === snapshot.auxCodeId) return;
    this.#agent = snapshot;
    this.#emit({ type: 'agent-state', agent: snapshot });
  }

  #setStation(station: Station): void {
    this.#station = station;
    this.#emit({ type: 'station-login', station });
  }

  // ---- calls --------------------------------------------------------------------------------------

  #onPhoneEvent(e: XucPhoneEvent, live: boolean): void {
    const uniqueId = text(e.uniqueId);
    const taskId = text(e.linkedId) || uniqueId;
    if (!uniqueId) return;
    const type = text(e.eventType);
    const t = this.#tasks.get(taskId);
    const leg = this.#legs.get(uniqueId);
    if (!t) {
      if (type === 'EventReleased') return;
      this.#newTask(taskId, uniqueId, e, type);
      return;
    }
    // A second leg of the same call: the consulted party.
    if (uniqueId !== t.customerLeg) {
      if (type === 'EventReleased') {
        this.#legs.delete(uniqueId);
        // A completed transfer releases the consulted leg first: the transfer, not a consult end, is the news.
        if (t.consultLeg === uniqueId && this.#transferring.has(taskId)) t.consultLeg = null;
        if (t.consultLeg === uniqueId) {
          t.consultLeg = null;
          this.#update(taskId, { consult: null });
        }
        return;
      }
      if (!leg) this.#legs.set(uniqueId, { uniqueId, taskId, consult: true });
      const destination = this.#pendingConsult.get(taskId) ?? { type: 'dialNumber' as const, to: text(e.otherDN) };
      this.#pendingConsult.delete(taskId);
      t.consultLeg = uniqueId;
      const state = type === 'EventEstablished' ? 'connected' : 'ringing';
      const consult = t.snapshot.consult;
      if (!consult) this.#update(taskId, { consult: { destination, state, startedAt: this.clock.now() } });
      else if (consult.state !== state) this.#update(taskId, { consult: { ...consult, state } });
      return;
    }
    const now = this.clock.now();
    switch (type) {
      case 'EventEstablished': {
        t.answered = true;
        const wasOffered = t.snapshot.state === 'offered';
        const recording = wasOffered && this.#monitorState !== null ? { recording: true, recordingPaused: this.#monitorState === 'PAUSED' } : {};
        const next = { ...t.snapshot, ...recording, state: 'connected' as const, ronaAt: null, connectedAt: t.snapshot.connectedAt ?? now, held: false, heldAt: null };
        t.snapshot = next;
        this.#emit({ type: wasOffered ? 'task-assigned' : 'task-updated', task: next });
        return;
      }
      case 'EventOnHold':
        if (!t.snapshot.held) this.#update(taskId, { held: true, heldAt: now, state: 'connected' });
        return;
      case 'EventReleased':
        this.#endTask(taskId, t, t.acd && t.answered && live);
        return;
      default:
        return;
    }
  }

  #newTask(taskId: string, uniqueId: string, e: XucPhoneEvent, type: string): void {
    const now = this.clock.now();
    const data = isRecord(e.userData) ? e.userData : {};
    const cad: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) if (k.startsWith('USR_') && v !== null && v !== undefined) cad[k.slice(4)] = String(v);
    const queue = e.queueName ? this.#queues.find((q) => q.name === e.queueName) : undefined;
    const inbound = type === 'EventRinging' || (type !== 'EventDialing' && Boolean(e.queueName));
    const connected = type === 'EventEstablished' || type === 'EventOnHold';
    const name = text(data[this.#nameVariable]);
    const snapshot: TaskSnapshot = {
      id: taskId,
      mediaType: 'telephony',
      direction: inbound ? 'inbound' : 'outbound',
      state: type === 'EventRinging' ? 'offered' : 'connected',
      ani: text(e.otherDN),
      ...(name ? { customerName: name } : {}),
      ...(e.queueName ? { queue: { id: queue ? String(queue.id) : text(e.queueName), name: queue?.displayName || text(e.queueName) } } : {}),
      offeredAt: now,
      ronaAt: null,
      connectedAt: connected ? now : null,
      endedAt: null,
      held: type === 'EventOnHold',
      heldAt: type === 'EventOnHold' ? now : null,
      muted: false,
      recording: false,
      recordingPaused: false,
      consult: null,
      wrapupRequired: false,
      autoWrapupAt: null,
      cad,
    };
    this.#tasks.set(taskId, { snapshot, customerLeg: uniqueId, consultLeg: null, acd: Boolean(e.queueName), answered: connected });
    this.#legs.set(uniqueId, { uniqueId, taskId, consult: false });
    if (type === 'EventRinging') this.#emit({ type: 'task-offered', task: snapshot });
    else this.#emit({ type: connected ? 'task-hydrated' : 'task-assigned', task: snapshot });
  }

  #endTask(taskId: string, t: TaskState, wrapup: boolean): void {
    for (const id of [t.customerLeg, t.consultLeg]) if (id) this.#legs.delete(id);
    if (t.snapshot.state === 'offered') {
      this.#tasks.delete(taskId);
      const declined = this.#declining.delete(taskId);
      this.#emit({ type: 'task-rejected', task: { ...t.snapshot, ronaAt: null }, reason: declined ? 'declined' : 'cancelled' });
      return;
    }
    if (this.#transferring.delete(taskId)) this.#emit({ type: 'task-updated', task: t.snapshot, transferred: true });
    const ended: TaskSnapshot = { ...t.snapshot, held: false, heldAt: null, consult: null, endedAt: this.clock.now(), wrapupRequired: wrapup, ...(wrapup ? { state: 'wrapup' as const } : {}) };
    if (wrapup) {
      t.snapshot = ended;
      t.consultLeg = null;
    } else {
      this.#tasks.delete(taskId);
    }
    this.#emit({ type: 'task-ended', task: ended });
  }

  #update(taskId: string, patch: Partial<TaskSnapshot>): void {
    const t = this.#tasks.get(taskId);
    if (!t) return;
    t.snapshot = { ...t.snapshot, ...patch };
    this.#emit({ type: 'task-updated', task: t.snapshot });
  }

  /** `Sheet` (a CTI sheet configured on XiVO): its entries join the call data of the call ringing now. */
  #onSheet(m: unknown): void {
    const info = isRecord(m) && isRecord(m.payload) && isRecord(m.payload.profile) && isRecord(m.payload.profile.user) ? m.payload.profile.user.sheetInfo : undefined;
    if (!Array.isArray(info)) return;
    const offered = [...this.#tasks.entries()].reverse().find(([, t]) => t.snapshot.state === 'offered');
    if (!offered) return;
    const cad = { ...offered[1].snapshot.cad };
    for (const entry of info) if (isRecord(entry) && text(entry.name)) cad[text(entry.name)] = text(entry.value);
    this.#update(offered[0], { cad });
  }

  #onQueueStats(m: XucQueueStatistics): void {
    if (!isRecord(m) || !Array.isArray(m.counters)) return;
    // Some messages name the queue (`queueRef`) instead of its id.
    const id = typeof m.queueId === 'number' ? String(m.queueId) : String(this.#queues.find((q) => q.name === m.queueRef)?.id ?? m.queueRef ?? '');
    if (!id) return;
    const counters = { ...(this.#stats.get(id) ?? {}) };
    for (const c of m.counters) if (isRecord(c) && typeof c.value === 'number') counters[text(c.statName)] = c.value;
    this.#stats.set(id, counters);
  }

  async #monitor(taskId: string, pause: boolean): Promise<void> {
    const action = pause ? 'task-recording-pause' : 'task-recording-resume';
    const t = this.#connected(taskId, action);
    if (t.snapshot.recordingPaused === pause) throw new CcError('invalid-state', pause ? 'The recording is already paused.' : 'The recording is not paused.', action);
    const want = pause ? 'PAUSED' : 'ACTIVE';
    const done = this.#expect('AgentStateEvent', (m) => (isRecord(m) && m.agentId === this.#agentId && m.monitorState === want ? m : undefined), action);
    this.#send(pause ? 'monitorPause' : 'monitorUnpause', { agentid: this.#agentId });
    await done;
  }

  #numberOf(destination: Destination): string {
    if (destination.type === 'queue') {
      const q = this.#queues.find((x) => String(x.id) === destination.to || x.name === destination.to);
      return text(q?.number) || destination.to;
    }
    if (destination.type === 'agent') {
      const a = this.#agents.find((x) => String(x.id) === destination.to);
      return text(a?.number) || destination.to;
    }
    return destination.to.trim();
  }

  // ---- guards and plumbing ------------------------------------------------------------------------

  #guard(action: string, needRegistered = true): void {
    if (!this.#signedIn) throw new CcError('not-signed-in', 'Sign in first.', action);
    if (!this.#token) throw new CcError('token-expired', 'The XiVO session expired. Sign in again.', action);
    if (this.#link !== 'up' || this.#ws?.readyState !== 1) throw new CcError('offline', 'No connection to XiVO. Try again once it is back.', action);
    if (needRegistered && !this.#registered) throw new CcError('not-registered', 'The agent is not registered yet.', action);
  }

  #task(taskId: string, action: string): TaskState {
    this.#guard(action);
    const t = this.#tasks.get(taskId);
    if (!t) throw new CcError('unknown-task', `There is no call ${taskId}.`, action);
    return t;
  }

  #connected(taskId: string, action: string): TaskState {
    const t = this.#task(taskId, action);
    if (t.snapshot.state !== 'connected') throw new CcError('invalid-state', 'This call is not connected.', action);
    return t;
  }

  #buildProfile(): Profile {
    const idleCodes: AuxCode[] = this.#statuses
      .filter((s) => s.actions?.some((a) => a.name === 'queuepause_all'))
      .map((s) => ({ id: s.name, name: s.longName || s.name }));
    return {
      agentId: this.#agentId === null ? this.#login : String(this.#agentId),
      agentName: this.#agentName || this.#login,
      teams: [XUC_TEAM],
      loginOptions: ['EXTENSION'],
      dialRules: { EXTENSION: { ...EXTENSION_RULE, ...(this.#line ? { example: this.#line } : {}) } },
      ...(this.#line ? { defaultDialNumber: this.#line } : {}),
      idleCodes,
      wrapupCodes: [],
      autoWrapupSeconds: null,
    };
  }

  #signOut(reason: string): void {
    const was = this.#signedIn;
    this.#signedIn = false;
    this.#registered = false;
    this.#token = null;
    this.#close();
    this.#clearTimers();
    this.#tasks.clear();
    this.#legs.clear();
    this.#station = null;
    this.#agent = null;
    if (was) this.#emit({ type: 'signed-out', reason });
  }

  #clearTimers(): void {
    if (this.#renewTimer !== null) this.clock.clearTimeout(this.#renewTimer);
    if (this.#reconnectTimer !== null) this.clock.clearTimeout(this.#reconnectTimer);
    this.#renewTimer = null;
    this.#reconnectTimer = null;
    this.#stopHeartbeat();
  }

  #emit(event: BackendEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

/** `AgentError` in words an agent can act on, next to the line field. */
function agentError(m: Record<string, unknown>, requested: string): CcError {
  const error = text(m.Error);
  let code: CcErrorCode = 'rejected';
  let message = `XiVO refused the login on line ${requested} (${error || 'no reason given'}).`;
  if (error === 'PhoneNumberUnknown') {
    code = 'invalid-dial-number';
    message = `Line ${requested} does not exist on XiVO. Check the number of your phone.`;
  } else if (error === 'LoggedInOnAnotherPhone') {
    message = `You are logged in on line ${text(m.phoneNb) || 'another phone'}. Log out there first, or log in on that line.`;
  }
  return new CcError(code, message, 'station-login');
}
