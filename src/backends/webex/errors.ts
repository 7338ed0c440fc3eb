import { CcError, type CcErrorCode } from '../../core/errors.js';
import type { MessageKey, MessageRef, MessageValue } from '../../core/messages.js';

/** What the SDK's errors carry, as far as the adapter reads them (all optional: anything may be thrown). */
interface SdkErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly statusCode?: unknown;
  readonly status?: unknown;
  /** Task errors (`generateTaskErrorObject`): `{message, errorType, errorData, reasonCode, trackingId}`; agent errors (`getErrorDetails`): `{message, fieldName}`. */
  readonly data?: { readonly message?: unknown; readonly errorType?: unknown; readonly reasonCode?: unknown; readonly fieldName?: unknown };
  /** Raw failures (`Err.Details`): `{data: {reason}}` or `{msg}`. */
  readonly details?: { readonly data?: { readonly reason?: unknown }; readonly msg?: unknown };
  readonly body?: { readonly message?: unknown };
}

/** What each action is called in a message to the agent (`doing:*` in messages.ts). */
const DOING: Readonly<Record<string, MessageKey>> = {
  connect: 'doing:connect',
  register: 'doing:register',
  deregister: 'doing:deregister',
  stationLogin: 'doing:stationLogin',
  stationLogout: 'doing:stationLogout',
  setAgentState: 'doing:setAgentState',
  accept: 'doing:accept',
  decline: 'doing:decline',
  hold: 'doing:hold',
  resume: 'doing:resume',
  toggleMute: 'doing:toggleMute',
  end: 'doing:end',
  pauseRecording: 'doing:pauseRecording',
  resumeRecording: 'doing:resumeRecording',
  consult: 'doing:consult',
  endConsult: 'doing:endConsult',
  transfer: 'doing:transfer',
  consultTransfer: 'doing:consultTransfer',
  conference: 'doing:conference',
  leaveConference: 'doing:leaveConference',
  transferConference: 'doing:transferConference',
  wrapup: 'doing:wrapup',
  outdial: 'doing:outdial',
  destinations: 'doing:destinations',
  uploadLogs: 'doing:uploadLogs',
};

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The most useful words an SDK error has for a person. */
function reasonOf(err: SdkErrorLike): string {
  return (
    text(err.data?.message) ||
    text(err.details?.data?.reason) ||
    text(err.body?.message) ||
    text(err.message) ||
    text(err.data?.errorType)
  );
}

function statusOf(err: SdkErrorLike): number | null {
  const status = Number(err.statusCode ?? err.status);
  return Number.isFinite(status) ? status : null;
}

const AUTH =
  /unauthori[sz]ed|\b401\b|\b403\b|invalid[_ ]?(access[_ ]?)?token|token (is )?(expired|invalid)|expired[_ ]token|not authori[sz]ed|token is not a valid format|does not contain an orgid/i;
const NETWORK = /failed to fetch|network ?error|networkorcors|net::|offline|socket (closed|not connected)|websocket.*(closed|not open)|econn|enotfound/i;
/** The SDK could not load Webex's service catalog (u2c): no network, or a token the catalog refused. */
const NO_CATALOG = /is not a known service|failed to init initial services/i;
const TIMEOUT = /time ?out|timed out/i;
const DIAL_NUMBER = /INVALID_DIAL_NUMBER|DUPLICATE_LOCATION|dial number|extension is already in use/i;

/**
 * Turns anything the SDK throws (or returns as an `Error`) into a CcError with a stable code and a message an
 * agent can act on: `auth-failed` for a refused or expired token, `offline` when Webex cannot be reached,
 * `timeout`, `invalid-dial-number`, `rejected` when the contact center refused the action with a reason, and
 * `backend-error` for anything else.
 */
export function toCcError(err: unknown, action: string): CcError {
  if (err instanceof CcError) return CcError.from(err, action);
  const e: SdkErrorLike = err && typeof err === 'object' ? (err as SdkErrorLike) : { message: String(err ?? '') };
  const doing: MessageRef = { key: DOING[action] ?? 'doing:other' };
  const reason = reasonOf(e);
  const status = statusOf(e);
  const all = `${text(e.name)} ${reason} ${text(e.message)}`;
  const make = (code: CcErrorCode, key: MessageKey, values?: Record<string, MessageValue>) => CcError.of(code, values ? { key, values } : { key }, action);

  if (status === 401 || status === 403 || AUTH.test(all)) {
    return make('auth-failed', 'webexTokenRefused');
  }
  const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (status === 0 || browserOffline || NETWORK.test(all) || (err instanceof TypeError && /fetch/i.test(reason))) {
    return make('offline', 'webexUnreachable', { doing });
  }
  if (NO_CATALOG.test(all)) {
    return make('offline', 'webexNoCatalog', { doing });
  }
  if (TIMEOUT.test(all) || status === 408 || status === 504) {
    return make('timeout', 'webexTimedOut', { doing });
  }
  if (DIAL_NUMBER.test(all) || text(e.data?.fieldName) === 'AGENT_DN' || text(e.data?.fieldName) === 'EXTENSION') {
    const message = text(e.data?.message);
    return message && !/^[A-Z_]+$/.test(message) ? new CcError('invalid-dial-number', message, action) : make('invalid-dial-number', 'webexDialNumberRefused');
  }
  // The contact center answered with a reason: it refused the action.
  const refused = Boolean(e.data || e.details || (status !== null && status >= 400));
  if (refused && reason) return make('rejected', 'webexFailedBecause', { doing, reason: humanize(reason) });
  if (reason) return make('backend-error', 'webexFailedBecause', { doing, reason: humanize(reason) });
  return make('backend-error', 'webexFailedUnknown', { doing });
}

/** `AGENT_NOT_FOUND` → `agent not found.`; anything else is kept, with a full stop. */
function humanize(reason: string): string {
  const words = /^[A-Z][A-Z0-9_]+$/.test(reason) ? reason.toLowerCase().replace(/_/g, ' ') : reason;
  return /[.!?]$/.test(words) ? words : `${words}.`;
}
