import type { AgentStateArgs, StationLoginArgs } from '../core/backend.js';
import type { CcErrorInfo } from '../core/errors.js';
import type { SealedToken } from '../core/sealed-token.js';
import type {
  ChangeSource,
  ConnectionStatus,
  Credentials,
  Destination,
  Profile,
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
  'cc-connection-change': { readonly status: ConnectionStatus };
  'cc-error': CcErrorInfo;
}

export interface TaskRef {
  readonly taskId: string;
}

/** `detail` of each request event a widget dispatches (bubbles, composed, cancelable). */
export interface RequestDetails {
  /**
   * `credential` is the access token sealed by `<cc-auth>` (only `<cc-sdk>` redeems it); `accessToken` is a
   * raw token, from a script's `sdk.request()` or a `<cc-auth expose-token>`.
   */
  'cc-sign-in-request': Credentials & { readonly credential?: SealedToken };
  'cc-sign-out-request': Record<string, never>;
  'cc-station-login-request': StationLoginArgs;
  'cc-station-logout-request': Record<string, never>;
  'cc-agent-state-request': AgentStateArgs;
  'cc-task-accept-request': TaskRef;
  'cc-task-decline-request': TaskRef;
  'cc-task-hold-request': TaskRef;
  'cc-task-resume-request': TaskRef;
  'cc-task-mute-request': TaskRef;
  'cc-task-recording-pause-request': TaskRef;
  'cc-task-recording-resume-request': TaskRef;
  'cc-task-consult-request': TaskRef & { readonly destination: Destination };
  'cc-task-consult-end-request': TaskRef;
  'cc-task-transfer-request': TaskRef & { readonly destination: Destination };
  'cc-task-consult-transfer-request': TaskRef;
  'cc-task-end-request': TaskRef;
  'cc-wrapup-request': TaskRef & { readonly auxCodeId: string; readonly notes: string };
  'cc-outdial-request': { readonly number: string };
  'cc-upload-logs-request': Record<string, never>;
}

export type OutcomeName = keyof OutcomeDetails;
export type RequestName = keyof RequestDetails;

/** An outcome: something that happened to the agent or a task, announced once by `<cc-sdk>`. */
export class CcOutcomeEvent<N extends OutcomeName = OutcomeName> extends Event {
  declare readonly type: N;
  readonly detail: OutcomeDetails[N];
  constructor(type: N, detail: OutcomeDetails[N]) {
    super(type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
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
export const outcome = <N extends OutcomeName>(type: N, detail: OutcomeDetails[N]) => new CcOutcomeEvent(type, detail);
/** Creates a typed request event. */
export const request = <N extends RequestName>(type: N, detail: RequestDetails[N]) => new CcRequestEvent(type, detail);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends CcEventMap {}
}
