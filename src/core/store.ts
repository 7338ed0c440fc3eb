import type { BackendEvent } from './backend.js';
import type { CcErrorInfo } from './errors.js';
import type {
  AgentStateSnapshot,
  AgentStats,
  Capabilities,
  ConnectionStatus,
  ConversationMessage,
  MessageDelivery,
  Profile,
  QueueStats,
  SessionSnapshot,
  SignInDescriptor,
  Station,
  TaskSnapshot,
} from './types.js';

/** Everything the widgets render from. Replaced, never mutated: compare by reference. */
export interface DeskState {
  readonly backend: string | null;
  /** What the backend can do (what it declares, and has methods for); null with no backend. */
  readonly capabilities: Capabilities | null;
  /** What the backend can do for a task, where it said so for that task (see `capabilitiesFor`), by task id. */
  readonly taskCapabilities: Readonly<Record<string, Capabilities>>;
  readonly connection: ConnectionStatus;
  readonly session: SessionSnapshot;
  readonly profile: Profile | null;
  readonly station: Station | null;
  readonly agent: AgentStateSnapshot | null;
  /** Offered, connected and wrap-up tasks, oldest offer first. */
  readonly tasks: readonly TaskSnapshot[];
  /** Actions under way, by request key (see `requestKey`). */
  readonly pending: Readonly<Record<string, true>>;
  /** The last failure of each action, by request key, until it is retried or succeeds. */
  readonly errors: Readonly<Record<string, CcErrorInfo>>;
  /** Tasks whose remote audio has arrived (browser login); the tracks themselves are on the Desk. */
  readonly media: Readonly<Record<string, true>>;
  /**
   * How an agent signs in to the backend `<cc-sdk>` runs (or is loading): `<cc-auth>` renders it. Null until
   * `<cc-sdk>` has chosen a backend.
   */
  readonly signIn: SignInDescriptor | null;
  /** The latest figures of each queue the backend reports, in the order they first arrived. */
  readonly queueStats: readonly QueueStats[];
  /** The agent's own latest figures; null until the backend reports them. */
  readonly agentStats: AgentStats | null;
  /** The conversation of each task that has one (chat, social, email), oldest message first, by task id. */
  readonly messages: Readonly<Record<string, readonly ConversationMessage[]>>;
  /** The tasks whose customer is typing now (as the backend reports it), by task id. */
  readonly typing: Readonly<Record<string, true>>;
  /**
   * The task the agent has selected (the task panel's selected tab), so that other widgets (the conversation)
   * follow it; null when none is. A page's own choice, never a backend's: no outcome is announced for it.
   */
  readonly selectedTaskId: string | null;
}

/** What the store reduces: a backend event, or the bookkeeping of `<cc-sdk>` around a request. */
export type StoreAction =
  | BackendEvent
  /** A new backend: everything starts afresh; the sign-in descriptor is the new one's, or stays when not given. */
  | {
      readonly type: 'reset';
      readonly backend: string | null;
      readonly capabilities: Capabilities | null;
      readonly signIn?: SignInDescriptor | null;
    }
  /** How the agent signs in to the backend being loaded (before it is built) or attached. */
  | { readonly type: 'sign-in-methods'; readonly signIn: SignInDescriptor | null }
  | { readonly type: 'pending'; readonly key: string }
  /** A request finished; a failure is kept under its key, unless its task is gone by now. */
  | { readonly type: 'settled'; readonly key: string; readonly taskId?: string; readonly error?: CcErrorInfo }
  | { readonly type: 'dismiss-error'; readonly key: string }
  /** The agent discarded a message of theirs that failed to send: out of the transcript, with its error (`key`). */
  | { readonly type: 'message-discard'; readonly taskId: string; readonly messageId: string; readonly key: string }
  /**
   * An agent's message changed delivery state (the request sending it settled): applied only while the
   * message is still `pending`, so the backend's own report of it wins.
   */
  | { readonly type: 'message-delivery'; readonly taskId: string; readonly messageId: string; readonly delivery: MessageDelivery }
  /** The agent selected a task (a widget's choice: see `selectedTaskId`). */
  | { readonly type: 'select-task'; readonly taskId: string | null };

/**
 * A record without a prototype, for maps keyed by names from outside (request keys, task ids): a task called
 * `constructor` or `__proto__` finds nothing it did not put there.
 */
const dict = <T>(entries: Readonly<Record<string, T>> = {}): Readonly<Record<string, T>> =>
  Object.assign(Object.create(null) as Record<string, T>, entries);

const SIGNED_OUT: SessionSnapshot = Object.freeze({ status: 'signed-out', expiresAt: null, expired: false });

export const initialState: DeskState = deepFreeze({
  backend: null,
  capabilities: null,
  taskCapabilities: dict<Capabilities>(),
  connection: 'idle',
  session: SIGNED_OUT,
  profile: null,
  station: null,
  agent: null,
  tasks: [],
  pending: dict<true>(),
  errors: dict<CcErrorInfo>(),
  media: dict<true>(),
  signIn: null,
  queueStats: [],
  agentStats: null,
  messages: dict<readonly ConversationMessage[]>(),
  typing: dict<true>(),
  selectedTaskId: null,
});

/** True when two plain-data values are equal all the way down. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function without<T>(record: Readonly<Record<string, T>>, drop: (key: string) => boolean): Readonly<Record<string, T>> {
  const keys = Object.keys(record).filter(drop);
  if (keys.length === 0) return record;
  const copy = dict(record) as Record<string, T>;
  for (const k of keys) delete copy[k];
  return copy;
}

function forgetTask(state: DeskState, taskId: string): DeskState {
  const mine = (key: string) => key.endsWith(`:${taskId}`);
  return {
    ...state,
    pending: without(state.pending, mine),
    errors: without(state.errors, mine),
    media: without(state.media, (k) => k === taskId),
    taskCapabilities: without(state.taskCapabilities, (k) => k === taskId),
    messages: without(state.messages, (k) => k === taskId),
    typing: without(state.typing, (k) => k === taskId),
    selectedTaskId: state.selectedTaskId === taskId ? null : state.selectedTaskId,
  };
}

/** Queue figures with each reported queue's replaced (or added at the end). */
function mergeQueueStats(current: readonly QueueStats[], reported: readonly QueueStats[]): readonly QueueStats[] {
  const next = [...current];
  for (const queue of reported) {
    const index = next.findIndex((q) => q.queueId === queue.queueId);
    if (index >= 0) next[index] = queue;
    else next.push(queue);
  }
  return next;
}

/** A task's conversation with one more message (a message repeated by id replaces the earlier one). */
function addMessage(state: DeskState, message: ConversationMessage): DeskState {
  // A message of a task the desk does not hold (ended, never offered here) has nowhere to go.
  if (!state.tasks.some((t) => t.id === message.taskId)) return state;
  const thread = state.messages[message.taskId] ?? [];
  const index = thread.findIndex((m) => m.id === message.id);
  if (index >= 0 && equal(thread[index], message)) return state;
  const next = index >= 0 ? thread.map((m, i) => (i === index ? message : m)) : [...thread, message];
  const messages = dict({ ...state.messages, [message.taskId]: next });
  // The customer's message is what their typing was for.
  const typing = message.from === 'customer' ? without(state.typing, (k) => k === message.taskId) : state.typing;
  return { ...state, messages, typing };
}

/** A failed message of the agent's, out of its task's transcript, with the error of its send (only a failed one). */
function discardMessage(state: DeskState, taskId: string, messageId: string, key: string): DeskState {
  const thread = state.messages[taskId];
  const message = thread?.find((m) => m.id === messageId);
  if (!message || message.from !== 'agent' || message.delivery !== 'failed') return state;
  const messages = dict({ ...state.messages, [taskId]: thread.filter((m) => m !== message) });
  return { ...state, messages, errors: without(state.errors, (k) => k === key) };
}

/** An agent's message whose send settled: marked sent or failed, unless the backend said otherwise first. */
function markDelivery(state: DeskState, taskId: string, messageId: string, delivery: MessageDelivery): DeskState {
  const thread = state.messages[taskId];
  const index = thread?.findIndex((m) => m.id === messageId) ?? -1;
  if (index < 0 || thread[index].delivery !== 'pending' || delivery === 'pending') return state;
  const next = thread.map((m, i) => (i === index ? { ...m, delivery } : m));
  return { ...state, messages: dict({ ...state.messages, [taskId]: next }) };
}

function upsertTask(state: DeskState, task: TaskSnapshot): DeskState {
  const index = state.tasks.findIndex((t) => t.id === task.id);
  if (index >= 0 && equal(state.tasks[index], task)) return state;
  const tasks = index >= 0 ? state.tasks.map((t, i) => (i === index ? task : t)) : [...state.tasks, task];
  // Audio belongs to a connected call: however the end arrives (an event, a re-sync), it goes with it.
  const media = task.state === 'connected' ? state.media : without(state.media, (k) => k === task.id);
  return { ...state, tasks, media };
}

/** Drops the errors of one code: their cause is gone (the connection is back, the agent signed in again). */
const clearErrors = (state: DeskState, code: CcErrorInfo['code']): DeskState =>
  set(state, 'errors', without(state.errors, (k) => state.errors[k].code === code));

function removeTask(state: DeskState, taskId: string): DeskState {
  if (!state.tasks.some((t) => t.id === taskId)) return state;
  return forgetTask({ ...state, tasks: state.tasks.filter((t) => t.id !== taskId) }, taskId);
}

/** Replaces a slice only when its content changed, so unchanged slices keep their identity. */
function set<K extends keyof DeskState>(state: DeskState, key: K, value: DeskState[K]): DeskState {
  return equal(state[key], value) ? state : { ...state, [key]: value };
}

/** The key of the agent-state request (see `requestKey` in the context layer, which the core does not import). */
const AGENT_STATE_KEY = 'cc-agent-state-request';

/**
 * The pure reducer. Returns the very same object when nothing changed.
 *
 * A refused state change belongs to the state it tried to leave: once the agent's state or station changes
 * for any reason (a supervisor, RONA, a logout, a new login), its message goes.
 */
export function reduce(state: DeskState, action: StoreAction): DeskState {
  const next = reduceOnce(state, action);
  if (next !== state && next.errors[AGENT_STATE_KEY] && (next.agent !== state.agent || next.station !== state.station)) {
    return { ...next, errors: without(next.errors, (k) => k === AGENT_STATE_KEY) };
  }
  return next;
}

function reduceOnce(state: DeskState, action: StoreAction): DeskState {
  switch (action.type) {
    case 'reset':
      return {
        ...initialState,
        backend: action.backend,
        capabilities: action.capabilities,
        signIn: action.signIn === undefined ? state.signIn : action.signIn,
      };
    case 'sign-in-methods':
      return set(state, 'signIn', action.signIn);
    case 'pending':
      if (state.pending[action.key]) return state;
      return { ...state, pending: dict({ ...state.pending, [action.key]: true }), errors: without(state.errors, (k) => k === action.key) };
    case 'settled': {
      const pending = without(state.pending, (k) => k === action.key);
      const keep = action.error && (!action.taskId || state.tasks.some((t) => t.id === action.taskId));
      const errors = keep ? dict({ ...state.errors, [action.key]: action.error }) : state.errors;
      return pending === state.pending && errors === state.errors ? state : { ...state, pending, errors };
    }
    case 'capabilities':
      if (action.taskId === undefined) return set(state, 'capabilities', action.capabilities);
      // A task's own capabilities live as long as the task: none are kept for a task the store does not have.
      if (!state.tasks.some((t) => t.id === action.taskId)) return state;
      return equal(state.taskCapabilities[action.taskId], action.capabilities)
        ? state
        : { ...state, taskCapabilities: dict({ ...state.taskCapabilities, [action.taskId]: action.capabilities }) };
    case 'dismiss-error':
      return set(state, 'errors', without(state.errors, (k) => k === action.key));
    case 'message-discard':
      return discardMessage(state, action.taskId, action.messageId, action.key);
    case 'connection': {
      const next = set(state, 'connection', action.status);
      return action.status === 'connected' ? clearErrors(next, 'offline') : next;
    }
    case 'signed-in':
      return clearErrors(set(state, 'session', { status: 'signed-in', expiresAt: action.expiresAt, expired: false }), 'token-expired');
    case 'auth-expiring':
      return set(state, 'session', { ...state.session, expiresAt: action.expiresAt });
    case 'auth-expired':
      return set(state, 'session', { ...state.session, expired: true });
    case 'registered':
      return set(state, 'profile', action.profile);
    case 'signed-out':
      return {
        ...initialState,
        backend: state.backend,
        capabilities: state.capabilities,
        signIn: state.signIn,
      };
    case 'station-login':
      return set(state, 'station', action.station);
    case 'station-logout': {
      const next = set(state, 'station', null);
      return set(next, 'agent', null);
    }
    case 'agent-state':
      // `since` moves with every report; only a change of state, code or reason is a change.
      if (
        state.agent &&
        state.agent.state === action.agent.state &&
        state.agent.auxCodeId === action.agent.auxCodeId &&
        state.agent.reason === action.agent.reason
      ) {
        return state;
      }
      return { ...state, agent: action.agent };
    case 'task-offered':
    case 'task-hydrated':
    case 'task-assigned':
    case 'task-updated':
      return upsertTask(state, action.task);
    case 'task-ended':
      return action.task.wrapupRequired
        ? upsertTask(state, { ...action.task, state: 'wrapup' })
        : removeTask(state, action.task.id);
    case 'task-wrapped-up':
    case 'task-rejected':
      return removeTask(state, action.task.id);
    case 'sync': {
      let next = set(state, 'station', action.station);
      next = set(next, 'agent', action.station ? (action.agent ?? next.agent) : null);
      for (const gone of next.tasks.filter((t) => !action.tasks.some((s) => s.id === t.id))) {
        next = removeTask(next, gone.id);
      }
      for (const task of action.tasks) next = upsertTask(next, task);
      return next;
    }
    case 'task-media':
      if (!state.tasks.some((t) => t.id === action.taskId)) return state;
      return action.track
        ? set(state, 'media', dict({ ...state.media, [action.taskId]: true }))
        : set(state, 'media', without(state.media, (k) => k === action.taskId));
    case 'queue-stats':
      return action.queues.length ? set(state, 'queueStats', mergeQueueStats(state.queueStats, action.queues)) : state;
    case 'agent-stats':
      return set(state, 'agentStats', action.stats);
    case 'message':
      return addMessage(state, action.message);
    case 'message-delivery':
      return markDelivery(state, action.taskId, action.messageId, action.delivery);
    case 'typing': {
      if (!state.tasks.some((t) => t.id === action.taskId)) return state;
      const typing = action.typing
        ? state.typing[action.taskId]
          ? state.typing
          : dict({ ...state.typing, [action.taskId]: true as const })
        : without(state.typing, (k) => k === action.taskId);
      return typing === state.typing ? state : { ...state, typing };
    }
    case 'select-task': {
      const taskId = action.taskId !== null && state.tasks.some((t) => t.id === action.taskId) ? action.taskId : null;
      return taskId === state.selectedTaskId ? state : { ...state, selectedTaskId: taskId };
    }
    case 'error':
      return state;
  }
}

export type StoreListener = (state: DeskState, previous: DeskState, action: StoreAction) => void;

/** Holds the current DeskState and tells subscribers when it changes. */
export class Store {
  #state: DeskState = initialState;
  #listeners = new Set<StoreListener>();

  get state(): DeskState {
    return this.#state;
  }

  dispatch(action: StoreAction): DeskState {
    const previous = this.#state;
    const next = reduce(previous, action);
    if (next !== previous) {
      this.#state = deepFreeze(next);
      for (const listener of [...this.#listeners]) listener(this.#state, previous, action);
    }
    return this.#state;
  }

  /**
   * Takes `next` as the whole state, as another tab's store reached it through `cause` (a follower tab mirrors
   * its leader: src/tabs). Listeners hear `cause`. The caller keeps unchanged slices identical (see
   * `src/tabs/wire.ts`), so that widgets re-render and outcomes fire for what changed only.
   */
  replace(next: DeskState, cause: StoreAction): DeskState {
    const previous = this.#state;
    if (next !== previous) {
      this.#state = deepFreeze(next);
      for (const listener of [...this.#listeners]) listener(this.#state, previous, cause);
    }
    return this.#state;
  }

  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
