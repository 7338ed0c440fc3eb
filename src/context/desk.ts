import { REFUSALS, actionOf, actionSpec, refusal, refusalOf, taskIdOf, type Refusal } from '../core/actions.js';
import type { Backend, BackendEvent } from '../core/backend.js';
import { CcError } from '../core/errors.js';
import { withMethods } from '../core/capabilities.js';
import { englishMessage, type MessageRef } from '../core/messages.js';
import { capabilitiesOf, normalizeEvent } from '../core/normalize.js';
import { DEFAULT_PREFLIGHT, type PreflightPlan, type PreflightReport } from '../core/preflight.js';
import { Store, type DeskState, type StoreAction, type StoreListener } from '../core/store.js';
import type { Capabilities, DestinationKind, DestinationOption, OutdialOrigin, SignInDescriptor } from '../core/types.js';
import { outcome, type CcOutcomeEvent, type CcRequestEvent, type RequestName } from '../events/events.js';
import { eventCatalog } from '../events/catalog.js';
import { outcomesFor } from '../events/outcomes.js';
import { checkDetail, excerpt, isRequestName, type DetailCheck } from '../events/request-check.js';

export { actionOf, taskIdOf };

/** The key under which a request's pending flag and error are kept: one per action, and per task. */
export function requestKey(name: RequestName, detail?: unknown): string {
  const taskId = taskIdOf(detail);
  // Each message is its own request: a second one sent while the first is on its way is not a double click.
  const messageId = messageIdOf(detail);
  const base = messageId !== undefined ? `${name}#${messageId}` : name;
  return taskId !== undefined ? `${base}:${taskId}` : base;
}

/** The message a detail names (`cc-task-message-request`), when it names one as text; never throws. */
function messageIdOf(detail: unknown): string | undefined {
  try {
    const id = typeof detail === 'object' && detail !== null ? (detail as { messageId?: unknown }).messageId : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a widget's request belongs, taken before the page could change its detail: a refusal of a detail a
 * page listener spoiled is still shown next to the control the agent used.
 */
export interface RequestOrigin {
  readonly key: string;
  readonly taskId?: string;
}

/**
 * How a follower tab's Desk reaches its leader's (src/tabs): its requests, dismissals and destination lists go
 * there; the leader's store comes back through `Desk.mirror`.
 */
export interface DeskLink {
  run(name: RequestName, checked: DetailCheck<RequestName>, origin: RequestOrigin): Promise<void>;
  dismissError(key: string): void;
  discardMessage(taskId: string, messageId: string): void;
  destinations(kind: DestinationKind, taskId?: string): Promise<readonly DestinationOption[]>;
  outdialOrigins(): Promise<readonly OutdialOrigin[]>;
}

/** Hears every change of a leader's store, with the action behind it (src/tabs sends both to the followers). */
export type DeskTap = (action: StoreAction, state: DeskState) => void;

/** A detail of the wrong shape, refused in the words of its check (request-check.ts). */
const problemRefusal = ({ problem, text }: { readonly problem: string; readonly text?: MessageRef }): Refusal =>
  text ? { code: 'invalid-request', message: problem, ...text } : { code: 'invalid-request', message: problem };

/**
 * What `<cc-sdk>` shares with its widgets: the store, the backend behind it, and the one way to act on it.
 * It reduces backend events into the store and announces every outcome once, through `emit`.
 */
export class Desk {
  readonly store = new Store();
  #backend: Backend | null = null;
  #detach: (() => void) | null = null;
  #media = new Map<string, MediaStreamTrack>();
  #clockListeners = new Set<() => void>();
  #offClock: (() => void) | null = null;
  /** Set while this desk follows another tab's (src/tabs): its requests go there, its store mirrors that one. */
  #link: DeskLink | null = null;
  #tap: DeskTap | null = null;

  /** The language `<cc-sdk>` gives its widgets (its `locale` or `lang`); empty: the page's. */
  locale = '';

  /** Announce statistics as `cc-queue-stats` / `cc-agent-stats` (`<cc-sdk stats-events>`; off by default). */
  announceStats = false;

  constructor(private readonly emit: (event: CcOutcomeEvent) => void) {}

  /**
   * True when this desk owns its session: it runs the backend (a leader tab, or a `<cc-sdk>` on its own).
   * Every outcome it announces says so in `detail.leader`.
   */
  get leader(): boolean {
    return this.#link === null;
  }

  /**
   * Makes this desk a follower (src/tabs): it has no backend of its own, sends its requests through `link`,
   * and its store takes what `mirror` brings. `null` makes it lead again (its caller then gives it a backend).
   */
  follow(link: DeskLink | null): void {
    this.#link = link;
  }

  /** Hears every change of this desk's store while it leads (null stops it). */
  tap(listener: DeskTap | null): void {
    this.#tap = listener;
  }

  /**
   * Takes the leader's state (src/tabs), reached through `cause`, and announces what changed, once, as the
   * leader did: the outcomes are computed from the same action and the same two states. `next` keeps this
   * store's unchanged slices identical (src/tabs/wire.ts).
   */
  mirror(cause: StoreAction, next: DeskState): void {
    const before = this.store.state;
    const after = this.store.replace(next, cause);
    for (const event of outcomesFor(cause, before, after, { stats: this.announceStats })) this.#emit(event);
  }

  /**
   * Takes a backend over the store as it stands (a follower tab that became the leader: src/tabs): the tasks
   * on screen stay while the new backend signs in and re-syncs them. Nothing is announced here.
   */
  adopt(backend: Backend): void {
    this.#detach?.();
    this.#offClock?.();
    if (this.#backend !== backend) this.#backend?.dispose();
    this.#media.clear();
    this.#backend = backend;
    this.#apply({ type: 'capabilities', capabilities: this.#capabilitiesOf(backend, backend.capabilities) });
    // What the old backend was doing is gone with it: its controls stop waiting.
    for (const key of Object.keys(this.state.pending)) this.#apply({ type: 'settled', key });
    // Until the new backend has signed in and re-synced, the session is reconnecting.
    if (this.state.session.status === 'signed-in') this.#apply({ type: 'connection', status: 'reconnecting' });
    this.#detach = backend.subscribe((event) => this.#onBackendEvent(event));
    this.#offClock = backend.clock.onAdvance?.(() => this.#clockListeners.forEach((l) => l())) ?? null;
  }

  /** The session is gone and cannot be taken up again here (src/tabs): the agent is signed out, with `reason`. */
  lose(reason: string): void {
    if (this.state.session.status === 'signed-in') this.#apply({ type: 'signed-out', reason });
  }

  /** Announces an outcome, saying whether this desk owns the session. */
  #emit(event: CcOutcomeEvent): void {
    this.emit(this.#link ? outcome(event.type, event.detail as never, false) : event);
  }

  get state(): DeskState {
    return this.store.state;
  }

  get backend(): Backend | null {
    return this.#backend;
  }

  subscribe(listener: StoreListener): () => void {
    return this.store.subscribe(listener);
  }

  /**
   * Swaps the backend: the previous one is disposed and the store starts afresh. Nothing ended its tasks, so
   * no `cc-task-end` (or any other task event) is announced; an agent who was signed in is announced once as
   * `cc-signed-out` with `reason` (`'backend-changed'` by default). With `reason` null nothing at all is
   * announced (`<cc-sdk>` leaving the page: the session is let go of, not ended).
   */
  attach(backend: Backend | null, reason: string | null = 'backend-changed'): void {
    const wasSignedIn = this.state.session.status === 'signed-in';
    this.#detach?.();
    this.#offClock?.();
    this.#backend?.dispose();
    this.#media.clear();
    this.#backend = backend;
    const reset: StoreAction = { type: 'reset', backend: backend?.name ?? null, capabilities: backend ? this.#capabilitiesOf(backend, backend.capabilities) : null };
    this.store.dispatch(reset);
    this.#tap?.(reset, this.state);
    if (wasSignedIn && reason !== null) this.#emit(outcome('cc-signed-out', { reason }));
    this.#detach = backend ? backend.subscribe((event) => this.#onBackendEvent(event)) : null;
    this.#offClock = backend?.clock.onAdvance?.(() => this.#clockListeners.forEach((l) => l())) ?? null;
  }

  /** The backend's notion of now, for timers on screen. */
  now(): number {
    return this.#backend?.clock.now() ?? Date.now();
  }

  /** Called when a manual clock jumps, so timers repaint at once. */
  onClockAdvance(listener: () => void): () => void {
    this.#clockListeners.add(listener);
    return () => this.#clockListeners.delete(listener);
  }

  /** The remote audio of a task, for a browser login. */
  media(taskId: string): MediaStreamTrack | null {
    return this.#media.get(taskId) ?? null;
  }

  async destinations(kind: DestinationKind, taskId?: string): Promise<readonly DestinationOption[]> {
    if (this.#link) return this.#link.destinations(kind, taskId);
    return this.#backend ? this.#backend.destinations(kind, taskId) : [];
  }

  /** The numbers an outbound call may show the customer, the default first; none when the backend does not say. */
  async outdialOrigins(): Promise<readonly OutdialOrigin[]> {
    // A follower tab asks its leader, whose backend has the list.
    if (this.#link) return this.#link.outdialOrigins();
    const backend = this.#backend;
    return backend && typeof backend.outdialOrigins === 'function' ? backend.outdialOrigins() : [];
  }

  /** How the agent signs in to the backend being loaded or attached (`<cc-auth>` renders it). */
  describeSignIn(signIn: SignInDescriptor | null): void {
    // A follower shows what its leader's store says.
    if (this.#link) return;
    this.#apply({ type: 'sign-in-methods', signIn });
  }

  /**
   * What `<cc-preflight>` checks for this desk's backend (declared to the registry, see `preflightFor`): set by
   * `<cc-sdk>` when it chooses a backend, before the backend's code loads.
   */
  preflightPlan: PreflightPlan = DEFAULT_PREFLIGHT;

  /** Announces a finished preflight run as the `cc-preflight` outcome (from `<cc-sdk>`, like every outcome). */
  announcePreflight(report: PreflightReport): void {
    this.emit(outcome('cc-preflight', report));
  }

  /** Reports a problem that is no request's (a malformed scenario, an unknown backend). */
  report(error: CcError): void {
    this.#apply({ type: 'error', error: error.toJSON() });
  }

  /**
   * Takes a message of the agent's that failed to send out of its task's transcript (and its error with it):
   * the agent chose not to send it again. Only a failed message goes; a follower asks its leader.
   */
  discardMessage(taskId: string, messageId: string): void {
    if (this.#link) {
      this.#link.discardMessage(taskId, messageId);
      return;
    }
    this.#apply({ type: 'message-discard', taskId, messageId, key: requestKey('cc-task-message-request', { taskId, messageId }) });
  }

  dismissError(key: string): void {
    if (this.#link) {
      this.#link.dismissError(key);
      return;
    }
    this.#apply({ type: 'dismiss-error', key });
  }

  /**
   * True when `name` is one of the kit's requests. Anything else (an outcome such as `cc-ready`, `toString`,
   * a typo) is refused with a `cc-error` of code `unknown-request`, and nothing is dispatched or run.
   */
  accepts(name: unknown): name is RequestName {
    if (isRequestName(name)) return true;
    const shown = excerpt(name);
    const isOutcome = typeof name === 'string' && Object.hasOwn(eventCatalog, name);
    const text: MessageRef = { key: isOutcome ? 'outcomeNotRequest' : 'noSuchRequest', values: { name: shown } };
    this.#apply({ type: 'error', error: { action: actionOf(shown), code: 'unknown-request', message: englishMessage(text), ...text } });
    return false;
  }

  /**
   * Runs a request that nobody cancelled. A request already under way is not sent twice; bad input is
   * refused before the backend (a detail of the wrong shape with `invalid-request`); a failure is kept under
   * the request's key and announced as `cc-error`. Never rejects.
   */
  async run(request: CcRequestEvent, origin?: RequestOrigin): Promise<void> {
    const name: string = request.type;
    if (!this.accepts(name)) return;
    await this.runChecked(name, checkDetail(name, request.detail), origin);
  }

  /**
   * Runs a request whose detail was checked already: here, or in the follower tab whose widget sent it (the
   * leader runs it as its own). A follower sends it on to its leader and resolves when the leader has run it.
   */
  async runChecked(name: RequestName, checked: DetailCheck<RequestName>, origin?: RequestOrigin): Promise<void> {
    const action = actionOf(name);
    const detail = 'detail' in checked ? checked.detail : null;
    const key = detail ? requestKey(name, detail) : (origin?.key ?? name);
    const taskId = detail ? taskIdOf(detail) : origin?.taskId;
    if (this.state.pending[key]) return;
    if (this.#link) {
      await this.#link.run(name, checked, taskId === undefined ? { key } : { key, taskId });
      return;
    }
    // Every refusal is made here, once, against the store's snapshots (see the action table): bad input and
    // actions the state does not allow never reach the backend.
    let refused: Refusal | null;
    try {
      refused = !detail
        ? problemRefusal(checked as { problem: string; text?: MessageRef })
        : !this.#backend
          ? REFUSALS.noBackend
          : refusalOf(name, detail, this.state);
    } catch {
      refused = refusal('invalid-request', 'malformed');
    }
    if (refused) {
      this.#apply({ type: 'settled', key, taskId, error: { action, ...refused } });
      return;
    }
    const backend = this.#backend!;
    const stateAtStart = this.state;
    const spec = actionSpec(name);
    this.#apply({ type: 'pending', key });
    // A message goes into the transcript at once, on its way; the call's end says whether it went.
    const sent = spec.outbox ? spec.outbox(detail!, stateAtStart, backend.clock.now()) : null;
    if (sent) this.#apply({ type: 'message', message: sent });
    const delivered = (delivery: 'sent' | 'failed') => {
      if (sent) this.#apply({ type: 'message-delivery', taskId: sent.taskId, messageId: sent.id, delivery });
    };
    try {
      // A capability whose method the backend lacks is off (see capabilities.ts), so it was refused above.
      await spec.call(backend as Required<Backend>, detail!, stateAtStart);
      if (backend === this.#backend) {
        delivered('sent');
        this.#apply({ type: 'settled', key, taskId });
      }
    } catch (err) {
      // The error is reported under the kit's action name, whatever the backend called it.
      if (backend === this.#backend) {
        delivered('failed');
        this.#apply({ type: 'settled', key, taskId, error: { ...CcError.from(err, action).toJSON(), action } });
      }
    }
  }

  /**
   * Records the task the agent selected (the task panel's tab), for the widgets that follow it. A task the
   * store does not hold selects nothing.
   */
  selectTask(taskId: string | null): void {
    this.#apply({ type: 'select-task', taskId });
  }

  #onBackendEvent(raw: BackendEvent): void {
    // The contract's edge: whatever a backend sends, the store only ever holds data of the right shape.
    const event = normalizeEvent(raw);
    if ('dropped' in event) {
      this.report(new CcError('backend-error', event.dropped, 'backend-event'));
      return;
    }
    if (event.type === 'capabilities') {
      this.#apply({ ...event, capabilities: this.#capabilitiesOf(this.#backend!, event.capabilities) });
      return;
    }
    if (event.type === 'task-media') {
      if (event.track) this.#media.set(event.taskId, event.track);
      else this.#media.delete(event.taskId);
    }
    this.#apply(event);
    // The store says which calls still have audio; let go of the tracks of the others.
    for (const taskId of this.#media.keys()) if (!this.state.media[taskId]) this.#media.delete(taskId);
  }

  /** What the backend can do: what it declares (in the store's shape) AND what it has methods for. */
  #capabilitiesOf(backend: Backend, declared: unknown): Capabilities {
    return withMethods(capabilitiesOf(declared) ?? capabilitiesOf({})!, backend);
  }

  #apply(action: StoreAction): void {
    const before = this.store.state;
    const after = this.store.dispatch(action);
    const events = outcomesFor(action, before, after, { stats: this.announceStats });
    if (this.#tap && (after !== before || events.length > 0)) this.#tap(action, after);
    for (const event of events) this.#emit(event);
  }
}
