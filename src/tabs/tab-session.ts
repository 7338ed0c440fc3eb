/**
 * One agent session across the tabs of a browser. The tabs of one origin whose `<cc-sdk>` has the same backend
 * and `session` key elect one leader with the Web Locks API (the lock is held for the tab's life, so the
 * browser hands it to the next waiting tab the moment the leader closes, reloads or crashes) and talk over a
 * BroadcastChannel of the same name. The leader owns the backend, the connection and the media, and sends every
 * change of its store to the others; a follower mirrors that store, announces the same outcomes (with
 * `detail.leader` false) and forwards its widgets' requests to the leader, which runs them as its own.
 *
 * What a new leader needs survives in the followers' memory only, never in storage: the store (so the tasks
 * and owed wrap-ups stay on screen while it reconnects), how the leader signed in (an access token, or a
 * username and password, sent over the same-origin channel; an OAuth sign-in is asked for again), and, for a
 * backend that lives in the page (the simulator), the state it saves (`HandoffStorage`).
 */
import type { Backend } from '../core/backend.js';
import { SealedToken, redeemToken, sealToken } from '../core/sealed-token.js';
import type { DeskState, StoreAction } from '../core/store.js';
import type { Credentials, DestinationOption, OutdialOrigin } from '../core/types.js';
import type { Desk, DeskLink, RequestOrigin } from '../context/desk.js';
import type { RequestName, TabRole } from '../events/events.js';
import type { DetailCheck } from '../events/request-check.js';
import { actionForWire, cloneable, reconcile, reusable, type TabMessage } from './wire.js';

/** What a `<cc-sdk>` lends its tab session. */
export interface TabHost {
  readonly desk: Desk;
  /** Builds this tab's backend, as the element would, over `handoff`; null when it cannot (it reports why). */
  build(handoff: HandoffStorage): Promise<Backend | null>;
  /** This tab's part changed (announced as `cc-tab-role`). */
  roleChanged(role: TabRole, previous: TabRole | null): void;
}

/** Whether this browser can share a session among tabs: Web Locks and BroadcastChannel (secure contexts). */
export function tabsSupported(): boolean {
  return typeof BroadcastChannel === 'function' && typeof globalThis.navigator?.locks?.request === 'function';
}

/**
 * Storage for a backend that lives in the page (the simulator keeps its contact center there): in memory, and
 * copied to every tab of the session, so the tab that takes over builds the same contact center. Never written
 * to the browser's storage.
 */
export class HandoffStorage {
  readonly #items = new Map<string, string>();
  constructor(private readonly share: (key: string, value: string | null) => void) {}

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
    this.share(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
    this.share(key, null);
  }
  /** @internal What the leader sends a follower that joins. */
  entries(): [string, string][] {
    return [...this.#items];
  }
  /** @internal What the leader sent (a follower's copy). */
  take(key: string, value: string | null): void {
    if (value === null) this.#items.delete(key);
    else this.#items.set(key, value);
  }
  /** @internal */
  replace(entries: readonly (readonly [string, string])[]): void {
    this.#items.clear();
    for (const [key, value] of entries) this.#items.set(key, value);
  }
}

/** The keys this document takes part in: a second `<cc-sdk>` of the same page with the same key stays on its own. */
const claims = new Map<string, TabSession>();

const newId = () => {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
};

interface Forwarded {
  readonly name: RequestName;
  readonly checked: DetailCheck<RequestName>;
  readonly origin: RequestOrigin;
  /** A sealed credential's secret, unsealed in this tab's memory for the trip to the leader. */
  readonly secret: string | null | undefined;
  readonly resolve: () => void;
}

/** The message that tells a follower's store where a whole picture came from: a re-sync, as after a reload. */
const resync = (state: DeskState): StoreAction => ({
  type: 'sync',
  station: state.station,
  agent: state.agent,
  tasks: state.tasks,
});

/** What the new leader tells the page when it cannot sign in again by itself. */
export const SIGN_IN_AGAIN = 'The tab that held the session closed. Sign in again.';

export class TabSession {
  /**
   * This document's session for `key`, or null when the browser cannot share one (no Web Locks or
   * BroadcastChannel: an insecure context) or another `<cc-sdk>` of this page takes part under that key.
   */
  static open(key: string, host: TabHost): TabSession | null {
    if (!tabsSupported() || claims.has(key)) return null;
    const session = new TabSession(key, host);
    claims.set(key, session);
    return session;
  }

  readonly id = newId();
  readonly key: string;
  readonly handoff: HandoffStorage;
  #host: TabHost;
  #channel: BroadcastChannel;
  #role: 'leader' | 'follower' | null = null;
  #started: Promise<'leader' | 'follower'> | null = null;
  #leaderId: string | null = null;
  #closed = false;
  #release!: () => void;
  readonly #held = new Promise<void>((resolve) => (this.#release = resolve));
  readonly #abort = new AbortController();
  /** How the session was signed in (leader) or how the leader signed in (follower): memory only. */
  #credentials: Credentials | null = null;
  #nextId = 0;
  /** A follower's requests sent to the leader and not yet answered, by id. */
  #outstanding = new Map<number, () => void>();
  /** A follower's requests made while no leader was known; a leader's that came before its backend was ready. */
  #waiting: Forwarded[] = [];
  #incoming: TabMessage[] = [];
  #ready = false;
  /** A follower's questions to the leader (destinations, outdial origins) not yet answered, by id. */
  #asked = new Map<number, (items: readonly never[]) => void>();

  private constructor(key: string, host: TabHost) {
    this.key = key;
    this.#host = host;
    this.#channel = new BroadcastChannel(this.#name);
    this.#channel.onmessage = (event: MessageEvent<TabMessage>) => this.#onMessage(event.data);
    this.handoff = new HandoffStorage((k, value) => {
      if (this.#role === 'leader') this.#post({ kind: 'handoff', from: this.id, key: k, value });
    });
  }

  get #name(): string {
    return `cc-elements/tabs/${this.key}`;
  }

  /** This tab's part, once known. */
  get role(): 'leader' | 'follower' | null {
    return this.#role;
  }

  /** Joins the session: resolves with this tab's part (leader when nobody holds the lock). */
  start(): Promise<'leader' | 'follower'> {
    this.#started ??= this.#start();
    return this.#started;
  }

  async #start(): Promise<'leader' | 'follower'> {
    const got = await new Promise<boolean>((resolve) => {
      navigator.locks
        .request(this.#name, { ifAvailable: true }, (lock) => {
          resolve(!!lock);
          return lock ? this.#held : undefined;
        })
        .catch(() => resolve(false));
    });
    if (this.#closed) return got ? 'leader' : 'follower';
    if (got) {
      this.#lead();
      return 'leader';
    }
    this.#follow();
    return 'follower';
  }

  /** The leader's backend is attached (or could not be built): requests from followers run from now on. */
  ready(): void {
    if (this.#role !== 'leader' || this.#ready) return;
    this.#ready = true;
    const waiting = this.#waiting.splice(0);
    for (const request of waiting) this.#runHere(request);
    const incoming = this.#incoming.splice(0);
    for (const message of incoming) this.#onMessage(message);
  }

  /**
   * The backend as the leader's desk holds it: the same object, except that a successful `connect` is
   * remembered (in memory) and shared with the followers, so whichever takes over can sign in again.
   */
  wrap(backend: Backend): Backend {
    const remember = (credentials: Credentials) => this.#signedInWith(credentials);
    return new Proxy(backend, {
      get(target, prop) {
        if (prop === 'connect') {
          return async (credentials: Credentials) => {
            await target.connect(credentials);
            remember(credentials);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Leaves the session: the lock goes to the next tab, the channel closes, and nothing of it is kept. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (claims.get(this.key) === this) claims.delete(this.key);
    this.#abort.abort();
    this.#release();
    this.#channel.close();
    this.#host.desk.tap(null);
    this.#host.desk.follow(null);
    this.#credentials = null;
    this.#settleOutstanding();
    for (const request of this.#waiting.splice(0)) request.resolve();
    for (const answer of this.#asked.values()) answer([]);
    this.#asked.clear();
  }

  // ---- roles ---------------------------------------------------------------------------------------

  #setRole(role: 'leader' | 'follower'): void {
    const previous = this.#role;
    this.#role = role;
    if (previous !== role) this.#host.roleChanged(role, previous);
  }

  #lead(): void {
    const desk = this.#host.desk;
    this.#leaderId = this.id;
    desk.follow(null);
    desk.tap((cause, state) => this.#onChange(cause, state));
    this.#setRole('leader');
    // Followers (after a takeover) learn who leads, and take its whole picture.
    this.#sendSnapshot(null);
  }

  #follow(): void {
    this.#host.desk.follow(this.#link);
    this.#setRole('follower');
    this.#post({ kind: 'hello', from: this.id });
    // Queued for the lock: granted when the leader goes, and held for this tab's life.
    navigator.locks
      .request(this.#name, { signal: this.#abort.signal }, () => {
        if (this.#closed) return undefined;
        void this.#takeOver();
        return this.#held;
      })
      .catch(() => undefined);
  }

  /** The leader went: this tab leads now, over the store it mirrored; it builds the backend and signs in again. */
  async #takeOver(): Promise<void> {
    const desk = this.#host.desk;
    // Requests the old leader had not answered are gone with it: their widgets stop waiting.
    this.#settleOutstanding();
    this.#ready = false;
    this.#lead();
    const backend = await this.#host.build(this.handoff);
    if (this.#closed) {
      backend?.dispose();
      return;
    }
    if (!backend) {
      this.ready();
      return;
    }
    const wrapped = this.wrap(backend);
    if (desk.state.backend === null) desk.attach(wrapped, null);
    else desk.adopt(wrapped);
    const wasSignedIn = desk.state.session.status === 'signed-in';
    const credentials = this.#credentials;
    // Sign in again before the requests that waited run: they need the session.
    if (wasSignedIn && credentials) {
      await desk.runChecked('cc-sign-in-request', { detail: sealed(credentials) as never });
      if (this.#closed) return;
      if (desk.state.errors['cc-sign-in-request']) desk.lose(SIGN_IN_AGAIN);
    } else if (wasSignedIn) {
      desk.lose(SIGN_IN_AGAIN);
    }
    this.ready();
  }

  // ---- the leader's side ---------------------------------------------------------------------------

  #onChange(cause: StoreAction, state: DeskState): void {
    if (cause.type === 'signed-out' || cause.type === 'auth-expired' || cause.type === 'reset') this.#forget();
    this.#post({ kind: 'change', from: this.id, cause: actionForWire(cause), state });
  }

  #signedInWith(credentials: Credentials): void {
    if (this.#closed) return;
    this.#credentials = reusable(credentials);
    this.#post({ kind: 'credentials', from: this.id, credentials: this.#credentials });
  }

  #forget(): void {
    if (!this.#credentials) return;
    this.#credentials = null;
    this.#post({ kind: 'credentials', from: this.id, credentials: null });
  }

  #sendSnapshot(to: string | null): void {
    this.#post({
      kind: 'snapshot',
      from: this.id,
      to,
      state: this.#host.desk.state,
      handoff: this.handoff.entries(),
      credentials: this.#credentials,
    });
  }

  /** Runs a request here, as the leader (a follower's, or one of this tab's made while no leader was known). */
  #runHere(request: Forwarded): void {
    let checked = request.checked;
    if (request.secret !== undefined && 'detail' in checked) {
      const credential = request.secret === null ? SealedToken.create() : sealToken(request.secret);
      checked = { detail: { ...(checked.detail as object), credential } as never };
    }
    void this.#host.desk.runChecked(request.name, checked, request.origin).finally(request.resolve);
  }

  // ---- the follower's side -------------------------------------------------------------------------

  readonly #link: DeskLink = {
    run: (name, checked, origin) => this.#forward(name, checked, origin),
    dismissError: (key) => {
      if (this.#leaderId) this.#post({ kind: 'dismiss', from: this.id, to: this.#leaderId, key });
    },
    discardMessage: (taskId, messageId) => {
      if (this.#leaderId) this.#post({ kind: 'discard', from: this.id, to: this.#leaderId, taskId, messageId });
    },
    destinations: (list, taskId) =>
      this.#ask<DestinationOption>((id, to) => ({ kind: 'destinations', from: this.id, to, id, list, ...(taskId === undefined ? {} : { taskId }) })),
    outdialOrigins: () => this.#ask<OutdialOrigin>((id, to) => ({ kind: 'outdial-origins', from: this.id, to, id })),
  };

  /** Asks the leader for a list its backend gives; an empty one with no leader, or once this tab closes. */
  #ask<T>(question: (id: number, to: string) => TabMessage): Promise<readonly T[]> {
    return new Promise((resolve) => {
      if (!this.#leaderId || this.#closed) return resolve([]);
      const id = ++this.#nextId;
      this.#asked.set(id, resolve);
      this.#post(question(id, this.#leaderId));
    });
  }

  #forward(name: RequestName, checked: DetailCheck<RequestName>, origin: RequestOrigin): Promise<void> {
    let secret: string | null | undefined;
    // A credential sealed by <cc-auth> cannot travel as a handle: its secret goes, in memory, to the leader.
    if (name === 'cc-sign-in-request' && 'detail' in checked) {
      const { credential, ...rest } = checked.detail as { credential?: unknown };
      if (credential !== undefined) {
        secret = redeemToken(credential);
        checked = { detail: rest as never };
      }
    }
    return new Promise<void>((resolve) => {
      const request: Forwarded = { name, checked: cloneable(checked), origin: cloneable(origin), secret, resolve };
      if (this.#closed) resolve();
      else if (this.#leaderId && this.#role === 'follower') this.#send(request);
      else this.#waiting.push(request);
    });
  }

  #send(request: Forwarded): void {
    const id = ++this.#nextId;
    this.#outstanding.set(id, request.resolve);
    const { name, checked, origin, secret } = request;
    this.#post({ kind: 'request', from: this.id, to: this.#leaderId!, id, name, checked, origin, ...(secret === undefined ? {} : { secret }) });
  }

  #settleOutstanding(): void {
    const answers = [...this.#outstanding.values()];
    this.#outstanding.clear();
    for (const answer of answers) answer();
  }

  // ---- messages ------------------------------------------------------------------------------------

  #post(message: TabMessage): void {
    if (this.#closed) return;
    try {
      this.#channel.postMessage(message);
    } catch {
      // Something a page added that cannot be copied: send a plain copy.
      this.#channel.postMessage(cloneable(message));
    }
  }

  /** The leader answers a follower's question with its backend's list (an empty one when that failed). */
  #answer(question: { readonly from: string; readonly id: number }, list: Promise<readonly (DestinationOption | OutdialOrigin)[]>): void {
    void list
      .catch(() => [])
      .then((items) => this.#post({ kind: 'list-result', from: this.id, to: question.from, id: question.id, items: cloneable(items) }));
  }

  #onMessage(message: TabMessage): void {
    if (this.#closed || !message || message.from === this.id) return;
    if ('to' in message && message.to !== null && message.to !== this.id) return;
    const desk = this.#host.desk;
    switch (message.kind) {
      case 'hello':
        if (this.#role === 'leader') this.#sendSnapshot(message.from);
        return;
      case 'snapshot':
        if (this.#role !== 'follower') return;
        // A new leader: what was sent to the old one is gone with it.
        if (this.#leaderId !== message.from) this.#settleOutstanding();
        this.#leaderId = message.from;
        this.handoff.replace(message.handoff);
        this.#credentials = message.credentials;
        desk.mirror(resync(message.state), reconcile(desk.state, message.state));
        for (const request of this.#waiting.splice(0)) this.#send(request);
        return;
      case 'change':
        if (this.#role === 'follower' && message.from === this.#leaderId) desk.mirror(message.cause, reconcile(desk.state, message.state));
        return;
      case 'handoff':
        if (this.#role === 'follower' && message.from === this.#leaderId) this.handoff.take(message.key, message.value);
        return;
      case 'credentials':
        if (this.#role === 'follower' && message.from === this.#leaderId) this.#credentials = message.credentials;
        return;
      case 'done':
        this.#outstanding.get(message.id)?.();
        this.#outstanding.delete(message.id);
        return;
      case 'list-result':
        this.#asked.get(message.id)?.(message.items as readonly never[]);
        this.#asked.delete(message.id);
        return;
    }
    // What only a leader answers; until its backend is attached, it waits.
    if (this.#role !== 'leader') return;
    if (!this.#ready) {
      this.#incoming.push(message);
      return;
    }
    switch (message.kind) {
      case 'request': {
        const { from, id, name, checked, origin, secret } = message;
        this.#runHere({ name, checked, origin, secret, resolve: () => this.#post({ kind: 'done', from: this.id, to: from, id }) });
        return;
      }
      case 'dismiss':
        desk.dismissError(message.key);
        return;
      case 'discard':
        desk.discardMessage(message.taskId, message.messageId);
        return;
      case 'destinations':
        this.#answer(message, desk.destinations(message.list, message.taskId));
        return;
      case 'outdial-origins':
        this.#answer(message, desk.outdialOrigins());
        return;
    }
  }
}

/** Credentials for a sign-in request, the secret sealed as `<cc-auth>` seals it. */
function sealed(credentials: Credentials): Record<string, unknown> {
  const { accessToken, password, ...rest } = credentials;
  if (password !== undefined) return { ...rest, credential: sealToken(password) };
  if (accessToken !== undefined) return { ...rest, credential: sealToken(accessToken) };
  return { ...rest };
}
