import { CcError, type CcErrorCode } from '../../core/errors.js';

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

/** What each action is called in a message to the agent. */
const VERBS: Readonly<Record<string, string>> = {
  connect: 'Signing in',
  register: 'Loading your profile',
  deregister: 'Signing out',
  stationLogin: 'Logging in to the station',
  stationLogout: 'Logging out of the station',
  setAgentState: 'Changing your state',
  accept: 'Accepting the task',
  decline: 'Declining the task',
  hold: 'Putting the call on hold',
  resume: 'Resuming the call',
  toggleMute: 'Muting',
  end: 'Ending the task',
  pauseRecording: 'Pausing the recording',
  resumeRecording: 'Resuming the recording',
  consult: 'Starting the consult',
  endConsult: 'Ending the consult',
  transfer: 'Transferring',
  consultTransfer: 'Transferring to the consulted party',
  conference: 'Starting the conference',
  leaveConference: 'Leaving the conference',
  transferConference: 'Transferring the conference',
  wrapup: 'Wrapping up',
  outdial: 'Placing the call',
  destinations: 'Loading agents and queues',
  uploadLogs: 'Uploading logs',
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
  if (err instanceof CcError) return err.action ? err : new CcError(err.code, err.message, action);
  const e: SdkErrorLike = err && typeof err === 'object' ? (err as SdkErrorLike) : { message: String(err ?? '') };
  const verb = VERBS[action] ?? 'The action';
  const reason = reasonOf(e);
  const status = statusOf(e);
  const all = `${text(e.name)} ${reason} ${text(e.message)}`;
  const make = (code: CcErrorCode, message: string) => new CcError(code, message, action);

  if (status === 401 || status === 403 || AUTH.test(all)) {
    return make('auth-failed', 'Webex refused the access token: it is malformed or has expired. Sign in again.');
  }
  const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (status === 0 || browserOffline || NETWORK.test(all) || (err instanceof TypeError && /fetch/i.test(reason))) {
    return make('offline', `${verb} failed: Webex Contact Center cannot be reached. Check the network connection and try again.`);
  }
  if (NO_CATALOG.test(all)) {
    return make(
      'offline',
      `${verb} failed: Webex's service catalog could not be loaded. Check the network connection; if it works, the access token may have been refused.`,
    );
  }
  if (TIMEOUT.test(all) || status === 408 || status === 504) {
    return make('timeout', `${verb} failed: Webex Contact Center did not answer in time. Try again.`);
  }
  if (DIAL_NUMBER.test(all) || text(e.data?.fieldName) === 'AGENT_DN' || text(e.data?.fieldName) === 'EXTENSION') {
    const message = text(e.data?.message);
    return make('invalid-dial-number', message && !/^[A-Z_]+$/.test(message) ? message : 'Webex refused the dial number: check it, or use another one.');
  }
  // The contact center answered with a reason: it refused the action.
  const refused = Boolean(e.data || e.details || (status !== null && status >= 400));
  if (refused && reason) return make('rejected', `${verb} failed: ${humanize(reason)}`);
  if (reason) return make('backend-error', `${verb} failed: ${humanize(reason)}`);
  return make('backend-error', `${verb} failed for an unknown reason.`);
}

/** `AGENT_NOT_FOUND` → `agent not found.`; anything else is kept, with a full stop. */
function humanize(reason: string): string {
  const words = /^[A-Z][A-Z0-9_]+$/.test(reason) ? reason.toLowerCase().replace(/_/g, ' ') : reason;
  return /[.!?]$/.test(words) ? words : `${words}.`;
}
