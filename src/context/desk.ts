import type { Backend, BackendEvent } from '../core/backend.js';
import { CcError, type CcErrorCode } from '../core/errors.js';
import { redeemToken } from '../core/sealed-token.js';
import { checkDialNumber, dialNumberMessage } from '../core/dial.js';
import { normalizeEvent } from '../core/normalize.js';
import { Store, type DeskState, type StoreAction, type StoreListener } from '../core/store.js';
import type { Destination, DestinationOption } from '../core/types.js';
import { outcome, type CcOutcomeEvent, type CcRequestEvent, type RequestDetails, type RequestName } from '../events/events.js';
import { eventCatalog } from '../events/catalog.js';
import { outcomesFor } from '../events/outcomes.js';
import { checkDetail, excerpt, isRequestName } from '../events/request-check.js';

/** The task a detail names, when it names one as text; never throws, whatever the detail is. */
export function taskIdOf(detail: unknown): string | undefined {
  try {
    const taskId = typeof detail === 'object' && detail !== null ? (detail as { taskId?: unknown }).taskId : undefined;
    return typeof taskId === 'string' ? taskId : undefined;
  } catch {
    return undefined;
  }
}

/** The key under which a request's pending flag and error are kept: one per action, and per task. */
export function requestKey(name: RequestName, detail?: unknown): string {
  const taskId = taskIdOf(detail);
  return taskId !== undefined ? `${name}:${taskId}` : name;
}

/**
 * Where a widget's request belongs, taken before the page could change its detail: a refusal of a detail a
 * page listener spoiled is still shown next to the control the agent used.
 */
export interface RequestOrigin {
  readonly key: string;
  readonly taskId?: string;
}

/** `cc-task-hold-request` → `task-hold`: the `action` of a `cc-error`. */
export const actionOf = (name: string): string => name.replace(/^cc-/, '').replace(/-request$/, '');

type Refusal = readonly [CcErrorCode, string] | null;
type Validator<N extends RequestName> = (detail: RequestDetails[N], state: DeskState) => Refusal;
type Handler<N extends RequestName> = (backend: Backend, detail: RequestDetails[N], state: DeskState) => Promise<unknown>;

const taskAction =
  (method: 'accept' | 'decline' | 'hold' | 'resume' | 'toggleMute' | 'end' | 'pauseRecording' | 'resumeRecording' | 'endConsult' | 'consultTransfer') =>
  (backend: Backend, detail: { taskId: string }) =>
    backend[method](detail.taskId);

/** Prototype-less lookups: only the kit's request names find anything here. */
const lookup = <T extends object>(table: T): T => Object.freeze(Object.assign(Object.create(null) as T, table));

const handlers: { [N in RequestName]: Handler<N> } = lookup({
  'cc-sign-in-request': async (b, { credential, ...credentials }) => {
    // A token sealed by <cc-auth> is redeemed here, once, and goes to the backend only.
    if (credential !== undefined) {
      const accessToken = redeemToken(credential);
      if (!accessToken) throw new CcError('auth-failed', 'This sign-in was already used or did not come from this page. Sign in again.');
      credentials = { ...credentials, accessToken };
    }
    await b.connect(credentials);
    await b.register();
  },
  'cc-sign-out-request': async (b, _d, state) => {
    if (state.station) {
      try {
        await b.stationLogout('User requested logout');
      } catch (err) {
        // The backend refuses the station logout; the agent asked to sign out, and is told so in those words.
        const error = CcError.from(err, 'sign-out');
        if (error.code === 'task-active') throw new CcError('task-active', 'You cannot sign out while you have a task or a wrap-up open.', 'sign-out');
        throw error;
      }
    }
    await b.deregister();
  },
  'cc-station-login-request': (b, d) => b.stationLogin(d),
  'cc-station-logout-request': (b) => b.stationLogout('User requested logout'),
  'cc-agent-state-request': (b, d) => b.setAgentState(d),
  'cc-task-accept-request': taskAction('accept'),
  'cc-task-decline-request': taskAction('decline'),
  'cc-task-hold-request': taskAction('hold'),
  'cc-task-resume-request': taskAction('resume'),
  'cc-task-mute-request': taskAction('toggleMute'),
  'cc-task-recording-pause-request': taskAction('pauseRecording'),
  'cc-task-recording-resume-request': taskAction('resumeRecording'),
  'cc-task-consult-request': (b, d) => b.consult(d.taskId, d.destination),
  'cc-task-consult-end-request': taskAction('endConsult'),
  'cc-task-transfer-request': (b, d) => b.transfer(d.taskId, d.destination),
  'cc-task-consult-transfer-request': taskAction('consultTransfer'),
  'cc-task-end-request': taskAction('end'),
  'cc-wrapup-request': (b, d) => b.wrapup(d.taskId, { auxCodeId: d.auxCodeId, notes: d.notes }),
  'cc-outdial-request': (b, d) => {
    if (!b.outdial) throw new CcError('unsupported', `The ${b.name} backend cannot place outbound calls.`);
    return b.outdial(d.number);
  },
  'cc-upload-logs-request': (b) => {
    if (!b.uploadLogs) throw new CcError('unsupported', `The ${b.name} backend cannot upload logs.`);
    return b.uploadLogs();
  },
});

const checkDestination = (destination: Destination): Refusal => {
  if (!destination.to.trim()) return ['invalid-request', 'Choose who to consult or transfer to.'];
  const problem = destination.type === 'dialNumber' ? dialNumberMessage(destination.to) : null;
  if (problem) return ['invalid-request', problem];
  return null;
};

/** Checks made before any backend call: bad input never reaches the backend. */
const validators: { [N in RequestName]?: Validator<N> } = lookup({
  'cc-sign-in-request': (d, s) =>
    d.accessToken?.trim() || d.credential || (d.username?.trim() && d.password) || d.oauth?.clientId || s.capabilities?.externalSession ? null : ['invalid-request', 'Enter an access token.'],
  'cc-station-login-request': (d, s) => {
    if (!s.profile) return ['not-registered', 'The profile is not loaded yet.'];
    if (!s.profile.teams.some((t) => t.id === d.teamId)) return ['invalid-request', 'Choose a team.'];
    if (!s.profile.loginOptions.includes(d.loginOption)) return ['invalid-request', 'Choose how to take calls.'];
    const problem = checkDialNumber(s.profile, d.loginOption, d.dialNumber);
    return problem ? ['invalid-dial-number', problem] : null;
  },
  'cc-agent-state-request': (d, s) => {
    if (!s.station) return ['not-logged-in', 'Log in to a station first.'];
    if (d.state === 'Idle' && !s.profile?.idleCodes.some((c) => c.id === d.auxCodeId)) {
      return ['invalid-request', 'Choose an idle reason.'];
    }
    if (d.state !== 'Idle' && d.state !== 'Available') return ['invalid-request', `${excerpt(d.state)} is not a state an agent can choose.`];
    return null;
  },
  'cc-task-consult-request': (d) => checkDestination(d.destination),
  'cc-task-transfer-request': (d) => checkDestination(d.destination),
  'cc-wrapup-request': (d, s) => {
    if (s.capabilities?.wrapupCodes === false) return null;
    return s.profile?.wrapupCodes.some((c) => c.id === d.auxCodeId) ? null : ['invalid-request', 'Choose a wrap-up code.'];
  },
  'cc-outdial-request': (d) => {
    const problem = dialNumberMessage(d.number);
    return problem ? ['invalid-request', problem] : null;
  },
});

/** Why a request whose detail has the right shape (see `checkDetail`) is not sent, or null. */
function refusal(name: RequestName, detail: RequestDetails[RequestName], state: DeskState, backend: Backend | null): Refusal {
  if (!backend) return ['unknown-backend', 'No backend is connected.'];
  if (name !== 'cc-sign-in-request' && state.session.status !== 'signed-in') {
    return ['not-signed-in', 'Sign in first.'];
  }
  const taskId = taskIdOf(detail);
  if (taskId !== undefined && !state.tasks.some((t) => t.id === taskId)) {
    return ['unknown-task', `There is no task ${excerpt(taskId)}.`];
  }
  const validate = Object.hasOwn(validators, name) ? (validators[name] as Validator<RequestName>) : undefined;
  return validate ? validate(detail, state) : null;
}

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

  constructor(private readonly emit: (event: CcOutcomeEvent) => void) {}

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
    this.store.dispatch({ type: 'reset', backend: backend?.name ?? null, capabilities: backend?.capabilities ?? null });
    if (wasSignedIn && reason !== null) this.emit(outcome('cc-signed-out', { reason }));
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

  async destinations(kind: 'agent' | 'queue'): Promise<readonly DestinationOption[]> {
    return this.#backend ? this.#backend.destinations(kind) : [];
  }

  /** Reports a problem that is no request's (a malformed scenario, an unknown backend). */
  report(error: CcError): void {
    this.#apply({ type: 'error', error: error.toJSON() });
  }

  dismissError(key: string): void {
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
    const message = isOutcome
      ? `${shown} is an outcome the kit announces, not a request.`
      : `There is no request named "${shown}".`;
    this.#apply({ type: 'error', error: { action: actionOf(shown), code: 'unknown-request', message } });
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
    const action = actionOf(name);
    const checked = checkDetail(name, request.detail);
    const detail = 'detail' in checked ? checked.detail : null;
    const key = detail ? requestKey(name, detail) : (origin?.key ?? name);
    const taskId = detail ? taskIdOf(detail) : origin?.taskId;
    if (this.state.pending[key]) return;
    let refused: Refusal;
    try {
      refused = detail ? refusal(name, detail, this.state, this.#backend) : ['invalid-request', (checked as { problem: string }).problem];
    } catch {
      refused = ['invalid-request', 'This request is malformed.'];
    }
    if (refused) {
      this.#apply({ type: 'settled', key, taskId, error: { action, code: refused[0], message: refused[1] } });
      return;
    }
    const backend = this.#backend!;
    const stateAtStart = this.state;
    this.#apply({ type: 'pending', key });
    try {
      const handler = handlers[name] as Handler<RequestName>;
      await handler(backend, detail!, stateAtStart);
      if (backend === this.#backend) this.#apply({ type: 'settled', key, taskId });
    } catch (err) {
      // The error is reported under the kit's action name, whatever the backend called it.
      if (backend === this.#backend) this.#apply({ type: 'settled', key, taskId, error: { ...CcError.from(err, action).toJSON(), action } });
    }
  }

  #onBackendEvent(raw: BackendEvent): void {
    // The contract's edge: whatever a backend sends, the store only ever holds data of the right shape.
    const event = normalizeEvent(raw);
    if ('dropped' in event) {
      this.report(new CcError('backend-error', event.dropped, 'backend-event'));
      return;
    }
    if (event.type === 'task-media') {
      if (event.track) this.#media.set(event.taskId, event.track);
      else this.#media.delete(event.taskId);
    }
    this.#apply(event);
    // The store says which calls still have audio; let go of the tracks of the others.
    for (const taskId of this.#media.keys()) if (!this.state.media[taskId]) this.#media.delete(taskId);
    // Some capabilities depend on the profile (Webex: outdial): read them again once it is known.
    if (event.type === 'registered' && this.#backend) this.#apply({ type: 'capabilities', capabilities: this.#backend.capabilities });
  }

  #apply(action: StoreAction): void {
    const before = this.store.state;
    const after = this.store.dispatch(action);
    for (const event of outcomesFor(action, before, after)) this.emit(event);
  }
}
