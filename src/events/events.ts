import type { RequestDetails, RequestName } from '../core/actions.js';
import type { CcErrorInfo } from '../core/errors.js';
import type { PreflightReport } from '../core/preflight.js';
import type {
  AgentStats,
  ChangeSource,
  ConnectionStatus,
  ConversationMessage,
  Profile,
  QueueStats,
  RejectReason,
  Station,
  TaskChange,
  TaskSnapshot,
} from '../core/types.js';

/** `detail` of each outcome event `<cc-sdk>` dispatches (bubbles, composed, not cancelable). */
export interface OutcomeDetails {
  'cc-ready': { readonly backend: string };
  'cc-registered': { readonly profile: Profile };
  'cc-signed-out': { readonly reason: string };
  'cc-auth-expiring': { readonly expiresAt: number };
  'cc-station-login': Station;
  'cc-station-logout': { readonly reason: string };
  'cc-agent-state-change': {
    readonly state: string;
    readonly auxCodeId: string;
    readonly reason?: string;
    readonly by: ChangeSource;
  };
  'cc-task-incoming': { readonly task: TaskSnapshot };
  'cc-task-hydrate': { readonly task: TaskSnapshot };
  'cc-task-assigned': { readonly task: TaskSnapshot };
  'cc-task-change': { readonly task: TaskSnapshot; readonly change: TaskChange };
  'cc-task-end': { readonly task: TaskSnapshot; readonly wrapupRequired: boolean };
  'cc-task-wrapup': { readonly task: TaskSnapshot; readonly auxCodeId: string; readonly notes: string };
  'cc-task-rejected': { readonly task: TaskSnapshot; readonly reason: RejectReason };
  'cc-message': { readonly task: TaskSnapshot; readonly message: ConversationMessage };
  'cc-connection-change': { readonly status: ConnectionStatus };
  'cc-error': CcErrorInfo;
  'cc-tab-role': { readonly role: TabRole; readonly previous: TabRole | null };
  /** Every queue's latest figures, when a report changed them (opt-in: `<cc-sdk stats-events>`). */
  'cc-queue-stats': { readonly queues: readonly QueueStats[] };
  /** The agent's latest figures, when a report changed them (opt-in: `<cc-sdk stats-events>`). */
  'cc-agent-stats': { readonly stats: AgentStats };
  'cc-preflight': PreflightReport;
}

/**
 * The part a `<cc-sdk>` plays among the tabs of one agent session (src/tabs): the `leader` owns the backend,
 * the connection and the media; a `follower` mirrors the leader's store and forwards its requests to it; an
 * `independent` one has a session of its own (`tabs="independent"`, a Backend object, or a browser without
 * Web Locks or BroadcastChannel).
 */
export type TabRole = 'leader' | 'follower' | 'independent';

/**
 * What every outcome's `detail` carries besides its own fields: `leader` is true in the tab that owns the
 * session (the leader, or a `<cc-sdk>` on its own) and false in a follower tab. Every tab hears every outcome
 * once; a page that must act once per event (log a call, write a CRM record) acts where `detail.leader` holds.
 * It is not enumerable: `JSON.stringify(detail)` and `{...detail}` leave it out; read it as `detail.leader`.
 */
export type TabFlag = { readonly leader: boolean };

/**
 * `detail` of each request event a widget dispatches (bubbles, composed, cancelable), and the request names:
 * both come from the action table (src/core/actions.ts), where each request is one entry.
 */
export type { RequestDetails, RequestName, TaskRef } from '../core/actions.js';

export type OutcomeName = keyof OutcomeDetails;

/**
 * An outcome: something that happened to the agent or a task, announced once by `<cc-sdk>` (once in each tab
 * of a shared session, with `detail.leader` true in the tab that owns it).
 */
export class CcOutcomeEvent<N extends OutcomeName = OutcomeName> extends Event {
  declare readonly type: N;
  readonly detail: OutcomeDetails[N] & TabFlag;
  constructor(type: N, detail: OutcomeDetails[N], leader = true) {
    super(type, { bubbles: true, composed: true, cancelable: false });
    // `leader` is about the tab, not the event: readable, but not one of the detail's own (enumerable) fields,
    // so a detail compares, spreads and serialises as its documented fields.
    this.detail = Object.defineProperty({ ...detail }, 'leader', { value: leader, enumerable: false }) as OutcomeDetails[N] & TabFlag;
  }
}

/** A copy of a plain detail, frozen all the way down (the caller's own object is left as it was). */
function frozenCopy<T>(value: T): T {
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) copy[k] = Array.isArray(v) ? Object.freeze([...v]) : frozenCopy(v);
  return Object.freeze(copy) as T;
}

/**
 * A request: an agent's action in a widget. Cancel it with `preventDefault()` to stop it.
 * A sign-in request's `detail` is frozen and cannot be replaced: a listener sees it, and cannot change
 * whose credentials sign in.
 */
export class CcRequestEvent<N extends RequestName = RequestName> extends Event {
  declare readonly type: N;
  declare readonly detail: RequestDetails[N];
  constructor(type: N, detail: RequestDetails[N]) {
    super(type, { bubbles: true, composed: true, cancelable: true });
    if (type === 'cc-sign-in-request') {
      Object.defineProperty(this, 'detail', { value: frozenCopy(detail), enumerable: true, writable: false, configurable: false });
    } else {
      (this as { detail: RequestDetails[N] }).detail = detail;
    }
  }
}

export type CcEventMap = { [N in OutcomeName]: CcOutcomeEvent<N> } & { [N in RequestName]: CcRequestEvent<N> };

/** Creates a typed outcome event. */
export const outcome = <N extends OutcomeName>(type: N, detail: OutcomeDetails[N], leader = true) => new CcOutcomeEvent(type, detail, leader);
/** Creates a typed request event. */
export const request = <N extends RequestName>(type: N, detail: RequestDetails[N]) => new CcRequestEvent(type, detail);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends CcEventMap {}
}
