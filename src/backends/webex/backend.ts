import { ALL_CAPABILITIES } from '../../core/capabilities.js';
import { watchTokenExpiry } from '../../core/token-expiry.js';
import type { ITask, Profile as SdkProfile } from '@webex/contact-center';
import type { AgentStateArgs, Backend, BackendEvent, BackendListener, StationLoginArgs, WrapupArgs } from '../../core/backend.js';
import { realClock, type Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import type {
  AgentStateSnapshot,
  Capabilities,
  ChangeSource,
  ConnectionStatus,
  Credentials,
  Destination,
  DestinationOption,
  Profile,
  RejectReason,
  Station,
  TaskSnapshot,
  TaskState,
} from '../../core/types.js';
import { toCcError } from './errors.js';
import { DEFAULT_SCOPES } from './oauth.js';
import { agentStateOf, allIdleCodes, isRonaCode, stationOf, toProfile, type StateData } from './profile.js';
import {
  loadContactCenterSdk,
  type ConnectionLostDetails,
  type SdkLoader,
  type WebexCc,
  type WebexCcInternals,
  type WebexConfig,
  type WebexInstance,
  type WebexListener,
} from './sdk.js';
import { consultOf, mainMedia, mainMediaResourceId, mediaTypeOf, phaseOf, toSnapshot, type TaskMemo } from './snapshot.js';

export interface WebexBackendOptions {
  /**
   * A Webex SDK instance the host page already has (`Webex.init(...)` of `@webex/contact-center` or of the full
   * `webex` package), ready or about to be. The backend then uses its session: no SDK is loaded and the
   * credentials given to `connect()` are not used. The backend never deregisters or disposes an instance it
   * was given, only its own listeners.
   */
  readonly webex?: WebexInstance;
  /** How to get the SDK's `Webex` class when the backend makes its own instance. Default: `import('@webex/contact-center')`. */
  readonly loadSdk?: SdkLoader;
  /** Extra `config` for `Webex.init` (merged over the defaults: logger, `cc`). */
  readonly config?: WebexConfig;
  /** OAuth defaults, used when `connect()` is given `{oauth}` without them, or nothing at all. */
  readonly oauth?: { readonly clientId: string; readonly redirectUri: string; readonly scopes?: readonly string[] };
  /** How long to wait for the SDK's `ready` event (default 20 s). */
  readonly readyTimeoutMs?: number;
  /** How long `register()` and `deregister()` may take (default 30 s). */
  readonly requestTimeoutMs?: number;
  /**
   * After an outage longer than the SDK's 50 s it stops reconnecting for good (webex-sdk.md #5); the backend
   * then registers again by itself, trying every this many ms (default 5000) until it works.
   */
  readonly reRegisterEveryMs?: number;
  /** The number outbound calls show (E.164). Default: the first entry of the profile's outdial ANI list. */
  readonly outdialAni?: string;
  /** The clock snapshots are stamped with (the real one by default). */
  readonly clock?: Clock;
}

// Webex does all the contract asks. The SDK mutes browser (WebRTC) calls only: toggleMute refuses other
// logins with `unsupported`, and the task panel shows Mute for a browser login only.
const BASE_CAPABILITIES: Capabilities = ALL_CAPABILITIES;

const HOST_SESSION_CAPABILITIES: Capabilities = Object.freeze<Capabilities>({ ...BASE_CAPABILITIES, externalSession: true });

const LOGOUT_REASONS = ['User requested logout', 'Inactivity Logout', 'User requested agent profile update'] as const;
type LogoutReason = (typeof LOGOUT_REASONS)[number];

/** Raw websocket types re-emitted on a task when it is transferred away. */
const TRANSFERRED = ['AgentBlindTransferred', 'AgentVteamTransferred', 'AgentConsultTransferred'] as const;

/** Task events that change nothing the adapter tracks itself: the snapshot is simply rebuilt from `task.data`. */
const PLAIN_UPDATES = [
  'task:recordingPaused',
  'task:recordingResumed',
  'task:autoAnswered',
  'task:participantJoined',
  'task:participantLeft',
  'task:conferenceEstablishing',
  'task:conferenceStarted',
  'task:conferenceEnded',
  'task:conferenceTransferred',
  'task:postCallActivity',
  'task:consultQueueFailed',
] as const;

/**
 * The Webex instance the backend made in this page, by the SDK class that made it. The SDK binds its services,
 * request layer and task manager to the first instance of the page (webex-sdk.md #2): a second `Webex.init`
 * keeps sending the first instance's token, so an agent whose first token expired could never sign in again.
 * Every later sign-in in the page reuses this instance with the new token instead; its config is the first one's.
 */
const pageInstances = new WeakMap<object, WebexInstance>();

/** The SDK's own time limit on a request answered on the socket (`TIMEOUT_REQ`). */
const SDK_REQUEST_TIMEOUT_MS = 20_000;

/** How long a queue consult may take to be refused before the desk shows it waiting in the queue. */
const QUEUE_CONSULT_GRACE_MS = 400;

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

interface TaskRecord {
  task: ITask;
  memo: TaskMemo;
  off: () => void;
  /** The destination of the consult the agent started, by name when known. */
  consultTarget: Destination | null;
  transferred: boolean;
  /** A consult to a queue that no queue agent has taken yet. */
  queueConsultWaiting: boolean;
  pendingWrapup: { auxCodeId: string; notes: string } | null;
  hasMedia: boolean;
  /** Ended without a wrap-up but still in the SDK's collection: listened to, not shown. */
  gone: boolean;
}

/**
 * The Webex Contact Center backend: the real SDK (`webex.cc`) behind the kit's Backend contract. It maps the
 * SDK's string-named events and raw payloads (see webex-sdk.md) to normalized BackendEvents carrying whole,
 * plain TaskSnapshots, keeps one ITask per task id for actions, and turns every SDK failure into a CcError.
 */
export class WebexBackend implements Backend {
  readonly name = 'webex';
  readonly clock: Clock;
  readonly #options: WebexBackendOptions;
  readonly #loadSdk: SdkLoader;
  #listeners = new Set<BackendListener>();

  #webex: WebexInstance | null = null;
  #cc: WebexCc | null = null;
  #ownsInstance = false;
  #offCc: (() => void)[] = [];
  #raw: SdkProfile | null = null;
  #profile: Profile | null = null;
  #codes: ReadonlyMap<string, string> = new Map();
  #registered = false;
  #connection: ConnectionStatus = 'idle';
  #station: Station | null = null;
  #agent: AgentStateSnapshot | null = null;
  #tasks = new Map<string, TaskRecord>();
  #destinationNames = new Map<string, string>();
  #outdialOrigin: string | null = null;

  /** `*Failed` outcomes seen on the socket, newest last: the SDK's errors drop their reason (webex-sdk.md #1). */
  #refusals: { type: string; reason: string; interactionId: string; at: number }[] = [];
  #frames = 0;

  #pendingLogin: StationLoginArgs | null = null;
  #pendingLogout = false;
  #pendingState: string | null = null;
  #disposed = false;

  constructor(options: WebexBackendOptions = {}) {
    this.#options = options;
    this.#loadSdk = options.loadSdk ?? loadContactCenterSdk;
    this.clock = options.clock ?? realClock;
  }

  /** What Webex can do; outdial follows the agent's profile once it is loaded. */
  get capabilities(): Capabilities {
    const raw = this.#raw;
    const base = this.#options.webex ? HOST_SESSION_CAPABILITIES : BASE_CAPABILITIES;
    if (!raw) return base;
    const outdial = raw.isOutboundEnabledForTenant !== false && raw.isOutboundEnabledForAgent !== false && Boolean(str(raw.outDialEp));
    return outdial === base.outdial ? base : Object.freeze({ ...base, outdial });
  }

  /** The SDK instance in use, for a host that wants to reach what the kit does not wrap. */
  get webex(): WebexInstance | null {
    return this.#webex;
  }

  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- session ------------------------------------------------------------------------------------

  async connect(credentials: Credentials): Promise<void> {
    this.#alive('connect');
    if (this.#registered) return;
    const given = this.#options.webex;
    let webex: WebexInstance;
    if (given) {
      webex = given;
    } else {
      this.#dropInstance();
      webex = await this.#createInstance(credentials);
    }
    this.#webex = webex;
    this.#ownsInstance = !given;
    try {
      await this.#whenReady(webex);
      if (!webex.cc || typeof webex.cc.register !== 'function') {
        throw new CcError(
          'backend-error',
          'This Webex instance has no contact-center plugin (webex.cc). Use @webex/contact-center, or webex 3.x, which includes it.',
          'connect',
        );
      }
      if (webex.canAuthorize === false) {
        if (given) throw new CcError('auth-failed', 'The Webex instance has no credentials: sign it in first.', 'connect');
        await this.#redirectToLogin(webex, credentials.oauth?.state);
      }
      this.#cc = webex.cc;
    } catch (err) {
      if (!given) this.#dropInstance();
      this.#webex = given ?? null;
      throw toCcError(err, 'connect');
    }
  }

  async register(): Promise<Profile> {
    this.#alive('register');
    const cc = this.#cc;
    if (!cc) throw new CcError('not-signed-in', 'Sign in first.', 'register');
    if (this.#registered && this.#profile) {
      this.#emit({ type: 'registered', profile: this.#profile });
      return this.#profile;
    }
    this.#listenToCc(cc);
    let raw: SdkProfile;
    try {
      raw = await this.#limit(cc.register(), 'register');
      if ((raw as unknown) instanceof Error || !raw || typeof raw !== 'object') throw raw ?? new Error('register() returned no profile');
    } catch (err) {
      this.#forgetCc();
      if (this.#ownsInstance) this.#dropInstance();
      throw toCcError(err, 'register');
    }
    if (this.#cc !== cc) throw new CcError('not-signed-in', 'The session was closed while signing in.', 'register');
    this.#raw = raw;
    this.#profile = toProfile(raw);
    this.#codes = allIdleCodes(raw);
    this.#registered = true;
    this.#setConnection('connected');
    this.#emit({ type: 'signed-in', expiresAt: this.#expiresAt() });
    this.#emit({ type: 'registered', profile: this.#profile });
    // Warn before the token expires; a token the SDK refreshes (OAuth) moves the warning along.
    this.#stopExpiryWatch?.();
    this.#stopExpiryWatch = watchTokenExpiry(this.clock, () => this.#expiresAt(true), (event) => this.#emit(event));
    // An agent still logged in (a reload, another tab): pick up the station, the state and the tasks.
    if (raw.isAgentLoggedIn) {
      this.#sync(
        { auxCodeId: raw.lastStateAuxCodeId, lastStateChangeTimestamp: raw.lastStateChangeTimestamp },
        stationOf(raw.currentTeamId, raw.deviceType, raw.dn ?? raw.defaultDn),
        null,
      );
    }
    return this.#profile;
  }

  async deregister(): Promise<void> {
    const cc = this.#cc;
    if (!cc) {
      this.#endSession('Signed out');
      return;
    }
    try {
      if (this.#registered) await this.#limit(cc.deregister(), 'deregister');
    } catch (err) {
      throw toCcError(err, 'deregister');
    }
    this.#endSession('Signed out');
  }

  async uploadLogs(): Promise<{ trackingId?: string }> {
    const cc = this.#cc;
    if (!cc) throw new CcError('not-signed-in', 'Sign in first.', 'uploadLogs');
    const result = await this.#sdk('uploadLogs', () => cc.uploadLogs());
    const id = str(result?.trackingid) || str(result?.feedbackId) || str(result?.correlationId);
    return id ? { trackingId: id } : {};
  }

  // ---- station and agent --------------------------------------------------------------------------

  async stationLogin(args: StationLoginArgs): Promise<void> {
    const cc = this.#ready('stationLogin');
    const profile = this.#profile!;
    if (!profile.loginOptions.includes(args.loginOption)) {
      throw new CcError(
        'invalid-request',
        args.loginOption === 'BROWSER'
          ? 'Browser calling (WebRTC) is not enabled for this agent or organisation.'
          : `${args.loginOption} login is not allowed for this agent.`,
        'stationLogin',
      );
    }
    if (this.#activeTasks().length > 0) {
      throw new CcError('task-active', 'Finish your active tasks before changing station.', 'stationLogin');
    }
    const dialNumber = args.loginOption === 'BROWSER' ? undefined : args.dialNumber?.trim();
    const login = { teamId: args.teamId, loginOption: args.loginOption, ...(dialNumber ? { dialNumber } : {}) };
    // Changing station is the SDK's updateAgentProfile (a logout "User requested agent profile update", then a
    // login), not a second login (webex-sdk.md #9); its logout is not a station logout for the page.
    const changing = this.#station !== null && typeof cc.updateAgentProfile === 'function';
    this.#pendingLogin = args;
    if (changing) this.#pendingLogout = true;
    try {
      const response = await this.#sdk('stationLogin', (): Promise<unknown> => (changing ? cc.updateAgentProfile(login) : cc.stationLogin(login)));
      const station: Station = { teamId: args.teamId, loginOption: args.loginOption, ...(dialNumber ? { dialNumber } : {}) };
      this.#station = station;
      this.#emit({ type: 'station-login', station });
      if (response && typeof response === 'object') this.#emitAgent(agentStateOf(response as StateData, 'system', this.#codes, this.clock.now()));
    } finally {
      this.#pendingLogin = null;
      if (changing) this.#pendingLogout = false;
    }
  }

  async stationLogout(reason?: string): Promise<void> {
    const cc = this.#ready('stationLogout');
    if (!this.#station) throw new CcError('not-logged-in', 'You are not logged in to a station.', 'stationLogout');
    if (this.#tasks.size > 0 && [...this.#tasks.values()].some((r) => !r.gone)) {
      throw new CcError('task-active', 'You cannot log out while you have a task or a wrap-up open.', 'stationLogout');
    }
    const logoutReason: LogoutReason = LOGOUT_REASONS.find((r) => r === reason) ?? 'User requested logout';
    this.#pendingLogout = true;
    try {
      await this.#sdk('stationLogout', () => cc.stationLogout({ logoutReason }));
    } finally {
      this.#pendingLogout = false;
    }
    this.#station = null;
    this.#agent = null;
    this.#emit({ type: 'station-logout', reason: reason ?? logoutReason });
  }

  async setAgentState(args: AgentStateArgs): Promise<void> {
    const cc = this.#ready('setAgentState');
    if (!this.#station) throw new CcError('not-logged-in', 'Log in to a station first.', 'setAgentState');
    const auxCodeId = args.state === 'Available' ? '0' : args.auxCodeId;
    this.#pendingState = auxCodeId;
    try {
      const response = await this.#sdk('setAgentState', () =>
        cc.setAgentState({ state: args.state, auxCodeId, ...(args.reason ? { lastStateChangeReason: args.reason } : {}) }),
      );
      const data = ((response as { data?: StateData } | undefined)?.data ?? {}) as StateData;
      this.#emitAgent(
        agentStateOf({ ...data, auxCodeId: str(data.auxCodeId) || auxCodeId, subStatus: data.subStatus ?? args.state }, 'agent', this.#codes, this.clock.now()),
      );
    } finally {
      this.#pendingState = null;
    }
  }

  // ---- tasks --------------------------------------------------------------------------------------

  async accept(taskId: string): Promise<void> {
    const rec = this.#taskIn(taskId, 'offered', 'accept');
    await this.#sdk('accept', () => rec.task.accept(), taskId);
  }

  async decline(taskId: string): Promise<void> {
    const rec = this.#taskIn(taskId, 'offered', 'decline');
    if (mediaTypeOf(rec.task.data) !== 'telephony' || this.#station?.loginOption !== 'BROWSER') {
      throw new CcError('unsupported', 'Only a browser call can be declined: let the offer ring out, or answer it on your phone.', 'decline');
    }
    await this.#sdk('decline', () => rec.task.decline(), taskId);
    if (this.#tasks.get(taskId) === rec) this.#reject(rec, 'declined');
  }

  async hold(taskId: string): Promise<void> {
    const rec = this.#voice(taskId, 'hold', 'hold');
    if (this.#snapshot(rec).held) throw new CcError('invalid-state', 'The call is already on hold.', 'hold');
    await this.#sdk('hold', () => rec.task.hold(mainMediaResourceId(rec.task.data)), taskId);
  }

  async resume(taskId: string): Promise<void> {
    const rec = this.#voice(taskId, 'resume', 'resume');
    if (!this.#snapshot(rec).held) throw new CcError('invalid-state', 'The call is not on hold.', 'resume');
    if (rec.memo.consult) throw new CcError('invalid-state', 'End the consult before resuming the customer.', 'resume');
    await this.#sdk('resume', () => rec.task.resume(mainMediaResourceId(rec.task.data)), taskId);
  }

  async toggleMute(taskId: string): Promise<void> {
    const rec = this.#voice(taskId, 'mute', 'toggleMute');
    if (this.#station?.loginOption !== 'BROWSER') {
      throw new CcError('unsupported', 'Mute works for browser calls only; use your phone to mute.', 'toggleMute');
    }
    await this.#sdk('toggleMute', () => rec.task.toggleMute(), taskId);
    if (this.#tasks.get(taskId) !== rec) return;
    rec.memo.muted = !rec.memo.muted;
    this.#update(rec);
  }

  async end(taskId: string): Promise<void> {
    const rec = this.#taskIn(taskId, 'connected', 'end');
    // The tenant's settings (webex-sdk.md #13): what it forbids is refused here, before Webex is asked.
    if (this.#raw?.isEndCallEnabled === false && mediaTypeOf(rec.task.data) === 'telephony') {
      throw new CcError('unsupported', 'Your contact center does not let agents end calls from the desk: the customer ends the call.', 'end');
    }
    await this.#sdk('end', () => rec.task.end(), taskId);
  }

  async pauseRecording(taskId: string): Promise<void> {
    const rec = this.#voice(taskId, 'pause recording', 'pauseRecording');
    if (str(rec.task.data.interaction?.callProcessingDetails?.pauseResumeEnabled) === 'false') {
      throw new CcError('unsupported', 'The recording of this call cannot be paused.', 'pauseRecording');
    }
    const now = this.#snapshot(rec);
    if (!now.recording || now.recordingPaused) throw new CcError('invalid-state', 'The recording is not running.', 'pauseRecording');
    await this.#sdk('pauseRecording', () => rec.task.pauseRecording(), taskId);
  }

  async resumeRecording(taskId: string): Promise<void> {
    const rec = this.#voice(taskId, 'resume recording', 'resumeRecording');
    if (!this.#snapshot(rec).recordingPaused) throw new CcError('invalid-state', 'The recording is not paused.', 'resumeRecording');
    await this.#sdk('resumeRecording', () => rec.task.resumeRecording({ autoResumed: false }), taskId);
  }

  async consult(taskId: string, destination: Destination): Promise<void> {
    const rec = this.#taskIn(taskId, 'connected', 'consult');
    if (rec.memo.consult) throw new CcError('invalid-state', 'A consult is already under way.', 'consult');
    if (destination.type === 'queue' && this.#raw?.allowConsultToQueue === false) {
      throw new CcError('unsupported', 'Your contact center does not let agents consult a queue: consult an agent instead.', 'consult');
    }
    const target = this.#named(destination);
    rec.consultTarget = target;
    rec.queueConsultWaiting = target.type === 'queue';
    const call = this.#sdk('consult', () => rec.task.consult({ to: target.to, destinationType: target.type }), taskId);
    const giveUp = (err: unknown) => {
      if (rec.consultTarget !== target) return;
      rec.consultTarget = null;
      rec.queueConsultWaiting = false;
      if (rec.memo.consult) {
        rec.memo.consult = null;
        this.#update(rec);
      }
      throw err;
    };
    if (target.type === 'queue') {
      // A queue consult has no time limit: the SDK resolves it only when a queue agent takes it, or when it is
      // cancelled (webex-sdk.md #4). Report it as ringing once it has not been refused at once; a later
      // refusal or failure ends it and is announced as an error.
      const first = await Promise.race([
        call.then(() => 'created' as const, giveUp),
        new Promise<'waiting'>((resolve) => globalThis.setTimeout(() => resolve('waiting'), QUEUE_CONSULT_GRACE_MS)),
      ]);
      if (first === 'waiting') {
        call.catch((err: unknown) => {
          try {
            giveUp(err);
          } catch (error) {
            const e = error instanceof CcError ? error : toCcError(error, 'consult');
            this.#emit({ type: 'error', error: { action: 'consult', code: e.code, message: e.message } });
          }
        });
      }
    } else {
      await call.catch(giveUp);
    }
    // The SDK resolves on AgentConsultCreated, whose event normally came first; if not, say so now.
    if (this.#tasks.get(taskId) === rec && !rec.memo.consult) {
      rec.memo.consult = { destination: target, state: 'ringing', startedAt: this.clock.now() };
      this.#update(rec);
    }
  }

  async endConsult(taskId: string): Promise<void> {
    const rec = this.#taskIn(taskId, 'connected', 'end the consult', 'endConsult');
    const consult = rec.memo.consult;
    if (!consult) throw new CcError('invalid-state', 'There is no consult to end.', 'endConsult');
    if (this.#raw?.isEndConsultEnabled === false) {
      throw new CcError('unsupported', 'Your contact center does not let agents end a consult from the desk: transfer, or let the consulted party hang up.', 'endConsult');
    }
    // While a queue consult waits in the queue it is cancelled with its queue id; once a queue agent has taken
    // it, it is ended like any consult (webex-sdk.md #4).
    const queueId = consult.destination.type === 'queue' && rec.queueConsultWaiting ? consult.destination.to : undefined;
    await this.#sdk('endConsult', () => rec.task.endConsult({ isConsult: true, taskId, ...(queueId ? { queueId } : {}) }), taskId);
    if (this.#tasks.get(taskId) === rec && rec.memo.consult) {
      rec.memo.consult = null;
      rec.consultTarget = null;
      this.#update(rec);
    }
  }

  async transfer(taskId: string, destination: Destination): Promise<void> {
    const rec = this.#taskIn(taskId, 'connected', 'transfer');
    if (rec.memo.consult) throw new CcError('invalid-state', 'End the consult or use consult transfer.', 'transfer');
    const target = this.#named(destination);
    await this.#sdk('transfer', () => rec.task.transfer({ to: target.to, destinationType: target.type }), taskId);
  }

  async consultTransfer(taskId: string): Promise<void> {
    const rec = this.#taskIn(taskId, 'connected', 'transfer', 'consultTransfer');
    const consult = rec.memo.consult;
    if (consult?.state !== 'connected') throw new CcError('invalid-state', 'The consulted party has not answered yet.', 'consultTransfer');
    await this.#sdk('consultTransfer', () =>
      rec.task.consultTransfer({ to: consult.destination.to, destinationType: consult.destination.type }),
      taskId,
    );
  }

  async wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    const rec = this.#taskIn(taskId, 'wrapup', 'wrap up', 'wrapup');
    const code = this.#profile?.wrapupCodes.find((c) => c.id === args.auxCodeId);
    if (!code) throw new CcError('invalid-request', `Unknown wrap-up code ${args.auxCodeId}.`, 'wrapup');
    rec.pendingWrapup = { auxCodeId: code.id, notes: args.notes ?? '' };
    try {
      // Notes stay with the kit (cc-task-wrapup carries them): Webex takes only the code and its name.
      await this.#sdk('wrapup', () => rec.task.wrapup({ wrapUpReason: code.name, auxCodeId: code.id }), taskId);
    } catch (err) {
      rec.pendingWrapup = null;
      throw err;
    }
    // The SDK resolves on AgentWrappedUp, whose event normally came first; if not, finish now.
    if (this.#tasks.get(taskId) === rec) this.#wrappedUp(rec, null);
  }

  async outdial(number: string): Promise<void> {
    const cc = this.#ready('outdial');
    if (!this.#station) throw new CcError('not-logged-in', 'Log in to a station first.', 'outdial');
    if (!this.capabilities.outdial) {
      throw new CcError('unsupported', 'Outbound calls are not enabled for this agent (or no outdial entry point is set).', 'outdial');
    }
    const origin = await this.#origin(cc);
    await this.#sdk('outdial', () => cc.startOutdial(number.trim(), origin));
  }

  async destinations(kind: 'agent' | 'queue'): Promise<readonly DestinationOption[]> {
    const cc = this.#ready('destinations');
    const options = kind === 'agent' ? await this.#buddies(cc) : await this.#queues(cc);
    for (const option of options) this.#destinationNames.set(`${option.type}:${option.to}`, option.name);
    return options;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#reRegisterTimer !== null) globalThis.clearTimeout(this.#reRegisterTimer);
    this.#reRegisterTimer = null;
    this.#stopExpiryWatch?.();
    this.#stopExpiryWatch = null;
    const cc = this.#cc;
    const owned = this.#ownsInstance && this.#registered;
    this.#forgetTasks();
    this.#forgetCc();
    if (owned && cc) void cc.deregister().catch(() => undefined);
    this.#registered = false;
    this.#cc = null;
    this.#webex = null;
    this.#listeners.clear();
  }

  // ---- the SDK's events ---------------------------------------------------------------------------

  #listenToCc(cc: WebexCc): void {
    this.#forgetCc();
    const listen = (source: { on(e: string, l: WebexListener): unknown; off(e: string, l: WebexListener): unknown }, event: string, listener: WebexListener) => {
      source.on(event, listener);
      this.#offCc.push(() => source.off(event, listener));
    };
    const internals = cc as WebexCc & WebexCcInternals;
    const tasks = internals.taskManager;
    const socket = internals.services?.webSocketManager;
    if (tasks && typeof tasks.on === 'function' && typeof tasks.off === 'function' && socket && typeof socket.on === 'function') {
      // The real SDK: listen where its events start. `webex.cc` relays them, but after a `deregister()` it never
      // relays tasks or agent events again (webex-sdk.md #3), and after each reconnect it relays agent events
      // once more per reconnect (#7). One listener here sees every frame once.
      const source = tasks as Required<Pick<typeof tasks, 'on' | 'off'>>;
      listen(source, 'task:incoming', (task: ITask) => this.#onIncoming(task));
      listen(source, 'task:hydrate', (task: ITask) => this.#onHydrate(task));
      listen(source, 'task:merged', (task: ITask) => this.#onMerged(task));
      listen(socket, 'message', (frame: unknown) => this.#onFrame(frame));
      // The SDK says the connection is lost only after 8 s without a frame; a closed socket is lost at once.
      listen(socket, 'socketClose', () => this.#registered && this.#setConnection('reconnecting'));
    } else {
      listen(cc, 'task:incoming', (task: ITask) => this.#onIncoming(task));
      listen(cc, 'task:hydrate', (task: ITask) => this.#onHydrate(task));
      listen(cc, 'task:merged', (task: ITask) => this.#onMerged(task));
      listen(cc, 'agent:stateChange', (data: unknown) => this.#onStateChange(data));
      listen(cc, 'agent:stationLoginSuccess', (data: unknown) => this.#onStationLogin(data));
      listen(cc, 'agent:reloginSuccess', (data: unknown) => this.#onRelogin(data));
      listen(cc, 'agent:logoutSuccess', (data: unknown) => this.#onLogout(data));
      listen(cc, 'agent:multiLogin', (data: unknown) => this.#onMultiLogin(data));
    }
    const connection = internals.services?.connectionService;
    if (connection && typeof connection.on === 'function') {
      const onLost = (details: ConnectionLostDetails) => {
        this.#setConnection(details?.isRestoreFailed ? 'offline' : details?.isConnectionLost ? 'reconnecting' : 'connected');
        if (details?.isRestoreFailed) this.#reRegisterLater(cc);
      };
      connection.on('connectionLost', onLost);
      this.#offCc.push(() => connection.off('connectionLost', onLost));
    }
  }

  #forgetCc(): void {
    for (const off of this.#offCc.splice(0)) {
      try {
        off();
      } catch {
        // A half-torn-down SDK may throw on off(); the listener is gone with it.
      }
    }
  }

  /** One frame of the SDK's notification websocket (the real SDK only): agent events, and refusals' reasons. */
  #onFrame(frame: unknown): void {
    let message: { type?: unknown; keepalive?: unknown; data?: Record<string, unknown> } | null = null;
    try {
      message = typeof frame === 'string' ? JSON.parse(frame) : null;
    } catch {
      return;
    }
    if (!message || typeof message !== 'object' || message.keepalive === 'true') return;
    const top = str(message.type);
    const data = message.data && typeof message.data === 'object' ? message.data : {};
    const type = str(data.type);
    if (/Failed$/.test(type)) {
      this.#refusals.push({ type, reason: str(data.reason), interactionId: str(data.interactionId), at: this.#frames++ });
      if (this.#refusals.length > 20) this.#refusals.shift();
    }
    if (top === 'AGENT_MULTI_LOGIN') this.#onMultiLogin(data);
    else if (top === 'AgentStateChange') this.#onStateChange(data);
    else if (type === 'AgentStationLoginSuccess') this.#onStationLogin(data);
    else if (type === 'AgentReloginSuccess') this.#onRelogin(data);
    else if (type === 'AgentLogoutSuccess') this.#onLogout(data);
  }

  #onMultiLogin(data: unknown): void {
    if ((data as { type?: unknown } | null)?.type === 'AgentMultiLoginCloseSession') {
      this.#endSession('This session was closed because you signed in somewhere else.');
    }
  }

  #onIncoming(task: ITask): void {
    this.#prune();
    const id = str(task?.data?.interactionId);
    if (!id) return;
    const known = this.#tasks.get(id);
    const rec = this.#track(task, 'offered');
    if (!rec) return;
    if (known && !known.gone) this.#update(rec);
    else this.#emit({ type: 'task-offered', task: this.#snapshot(rec) });
  }

  #onHydrate(task: ITask): void {
    const rec = this.#track(task, 'hydrated');
    if (rec) this.#emit({ type: 'task-hydrated', task: this.#snapshot(rec) });
  }

  #onMerged(task: ITask): void {
    const child = str(task?.data?.childInteractionId);
    const childRec = child ? this.#tasks.get(child) : undefined;
    if (childRec && childRec.task !== task) this.#finish(childRec, false);
    const known = this.#tasks.has(str(task?.data?.interactionId));
    const rec = this.#track(task, 'hydrated');
    if (!rec) return;
    if (known) this.#update(rec);
    else this.#emit({ type: 'task-hydrated', task: this.#snapshot(rec) });
  }

  #onStateChange(data: unknown): void {
    const d = data as (StateData & { type?: unknown; changedById?: unknown; changedBy?: unknown }) | null;
    if (!d || d.type !== 'AgentStateChangeSuccess') return;
    const aux = str(d.auxCodeId) || '0';
    const agentId = this.#profile?.agentId ?? '';
    const who = str(d.changedById) || str(d.changedBy);
    let by: ChangeSource = 'system';
    if (this.#pendingState === aux) by = 'agent';
    else if (/^system$/i.test(who)) by = 'system';
    else if (who && agentId && who !== agentId) by = 'remote';
    else if (who) by = 'agent';
    this.#emitAgent(agentStateOf(d, by, this.#codes, this.clock.now()));
  }

  #onStationLogin(data: unknown): void {
    const d = (data ?? {}) as { teamId?: unknown; deviceType?: unknown; dialNumber?: unknown; dn?: unknown } & StateData;
    const pending = this.#pendingLogin;
    const station = pending
      ? stationOf(pending.teamId, pending.loginOption, pending.dialNumber)
      : stationOf(d.teamId, d.deviceType, d.dialNumber ?? d.dn);
    if (!station) return;
    this.#station = station;
    this.#emit({ type: 'station-login', station });
    this.#emitAgent(agentStateOf(d, 'system', this.#codes, this.clock.now()));
  }

  #onRelogin(data: unknown): void {
    // A relogin inside register() (an agent already logged in, webex-sdk.md #6) is already in the profile
    // register() resolves with; it is reported from there, after the profile.
    if (!this.#registered || this.#reRegistering) return;
    const d = (data ?? {}) as StateData & { teamId?: unknown; deviceType?: unknown; dn?: unknown; dialNumber?: unknown; interactionIds?: unknown };
    this.#setConnection('connected');
    const ids = Array.isArray(d.interactionIds) ? d.interactionIds.map(str) : null;
    this.#sync(d, stationOf(d.teamId, d.deviceType, d.dialNumber ?? d.dn) ?? this.#station, ids);
  }

  #onLogout(data: unknown): void {
    if (this.#pendingLogout || !this.#station) return;
    const d = (data ?? {}) as { logoutReason?: unknown; loggedOutBy?: unknown };
    const by = str(d.loggedOutBy);
    const reason = str(d.logoutReason) || (by && by !== this.#profile?.agentId ? 'Logged out by a supervisor' : 'Logged out');
    this.#station = null;
    this.#agent = null;
    this.#emit({ type: 'station-logout', reason });
  }

  /** The whole picture after a reconnect or on registering as an agent already logged in. */
  #sync(state: StateData, station: Station | null, interactionIds: readonly string[] | null): void {
    const all = this.#sdkTasks();
    for (const [id, task] of Object.entries(all)) {
      if (!interactionIds || interactionIds.includes(id)) this.#track(task, 'hydrated');
    }
    if (interactionIds) {
      for (const rec of [...this.#tasks.values()]) {
        if (!interactionIds.includes(str(rec.task.data?.interactionId))) this.#untrack(rec);
      }
    }
    this.#station = station;
    let agent: AgentStateSnapshot | null = null;
    if (station) {
      const next = agentStateOf(state, 'system', this.#codes, this.clock.now());
      const same = this.#agent && this.#agent.state === next.state && this.#agent.auxCodeId === next.auxCodeId;
      agent = same ? this.#agent : next;
    }
    this.#agent = agent;
    const tasks = [...this.#tasks.values()].filter((r) => !r.gone).map((r) => this.#snapshot(r));
    this.#emit({ type: 'sync', station, agent, tasks });
  }

  // ---- one task -----------------------------------------------------------------------------------

  #track(task: ITask, how: 'offered' | 'hydrated'): TaskRecord | null {
    const data = task?.data;
    const id = str(data?.interactionId);
    if (!id || typeof task.on !== 'function') return null;
    const known = this.#tasks.get(id);
    if (known && !known.gone) {
      if (known.task !== task) {
        known.off();
        known.task = task;
        known.off = this.#listenToTask(task, id);
      }
      return known;
    }
    known?.off();
    const now = this.clock.now();
    const agentId = this.#profile?.agentId ?? '';
    const phase: TaskState = how === 'offered' ? 'offered' : phaseOf(data, agentId);
    const created = Number(data.interaction?.createdTimestamp);
    const since = how === 'hydrated' && Number.isFinite(created) && created > 0 ? created : now;
    const me = data.interaction?.participants?.[agentId] as { joinTimestamp?: unknown } | undefined;
    const joined = Number(me?.joinTimestamp);
    const rec: TaskRecord = {
      task,
      memo: {
        phase,
        offeredAt: since,
        connectedAt: phase === 'offered' ? null : Number.isFinite(joined) && joined > 0 ? joined : since,
        endedAt: phase === 'wrapup' ? now : null,
        heldAt: null,
        muted: data.isWebCallMute === true,
        consult: phase === 'connected' ? consultOf(data, agentId, now) : null,
        autoWrapupAt: phase === 'wrapup' ? this.#autoWrapupAt(task) : null,
      },
      off: () => undefined,
      consultTarget: null,
      transferred: false,
      queueConsultWaiting: false,
      pendingWrapup: null,
      hasMedia: false,
      gone: false,
    };
    rec.off = this.#listenToTask(task, id);
    this.#tasks.set(id, rec);
    return rec;
  }

  #listenToTask(task: ITask, id: string): () => void {
    const offs: (() => void)[] = [];
    const on = (event: string, handler: (rec: TaskRecord, payload: unknown) => void) => {
      const listener = (payload: unknown) => {
        const rec = this.#tasks.get(id);
        if (rec && rec.task === task) handler(rec, payload);
      };
      task.on(event, listener);
      offs.push(() => task.off(event, listener));
    };
    on('task:assigned', (rec) => this.#assigned(rec));
    on('task:hold', (rec) => this.#held(rec));
    on('task:resume', (rec) => this.#held(rec));
    for (const event of PLAIN_UPDATES) on(event, (rec) => !rec.gone && this.#update(rec));
    on('task:consultCreated', (rec) => {
      rec.queueConsultWaiting = false;
      const fromData = consultOf(rec.task.data, this.#profile?.agentId ?? '', this.clock.now());
      const destination = rec.consultTarget ?? fromData?.destination ?? { type: 'agent', to: str(rec.task.data.destAgentId) };
      rec.memo.consult = { destination, state: 'ringing', startedAt: rec.memo.consult?.startedAt ?? this.clock.now() };
      this.#update(rec);
    });
    on('task:consulting', (rec) => {
      const destination = rec.memo.consult?.destination ?? rec.consultTarget ?? { type: 'agent', to: str(rec.task.data.destAgentId) };
      rec.memo.consult = { destination, state: 'connected', startedAt: rec.memo.consult?.startedAt ?? this.clock.now() };
      this.#update(rec);
    });
    on('task:offerConsult', (rec) => this.#update(rec));
    on('task:consultAccepted', (rec) => this.#assigned(rec));
    const consultOver = (rec: TaskRecord) => {
      if (rec.task.data.isConsulted === true) {
        this.#finish(rec, false);
        return;
      }
      rec.memo.consult = null;
      rec.consultTarget = null;
      this.#update(rec);
    };
    on('task:consultEnd', consultOver);
    on('task:consultQueueCancelled', (rec) => {
      rec.queueConsultWaiting = false;
      rec.memo.consult = null;
      rec.consultTarget = null;
      this.#update(rec);
    });
    on('task:end', (rec) => this.#ended(rec));
    on('task:wrappedup', (rec, payload) => this.#wrappedUp(rec, payload));
    // A ring-out comes as `AgentOfferContactRona` (now the task's data.type); its reason is a code.
    on('task:rejected', (rec, reason) =>
      this.#reject(rec, str(rec.task.data?.type) === 'AgentOfferContactRona' || /rona/i.test(str(reason)) ? 'rona' : 'cancelled'),
    );
    on('task:outdialFailed', (rec, reason) => {
      this.#emit({
        type: 'error',
        error: { action: 'outdial', code: 'rejected', message: `The call could not be placed: ${str(reason).toLowerCase().replace(/_/g, ' ') || 'unknown reason'}.` },
      });
      if (rec.memo.phase === 'offered') this.#reject(rec, 'cancelled');
      else this.#finish(rec, false);
    });
    on('task:media', (rec, track) => {
      const live = typeof MediaStreamTrack !== 'undefined' && track instanceof MediaStreamTrack ? track : null;
      rec.hasMedia = live !== null;
      this.#emit({ type: 'task-media', taskId: id, track: live });
    });
    // Every task message also reaches the task under its outer type, `RoutingMessage`, with the real type in
    // `data.type`: the only way to see what the SDK has no task event for.
    on('RoutingMessage', (rec, payload) => {
      const data = payload as (ITask['data'] & { type?: unknown }) | null;
      if (!data || typeof data !== 'object') return;
      const type = str(data.type);
      if ((TRANSFERRED as readonly string[]).includes(type)) this.#transferred(rec);
      else if (type === 'AgentWrappedUp') this.#wrappedUp(rec, data);
      else if (type === 'AgentContact' && str(data.interactionId) === id) {
        // A fresh copy of the contact, as the server sends it after a reconnect: the SDK does not apply it to
        // a task it already has, so the adapter does.
        // As the SDK does for a contact it did not have: the agent owes a wrap-up when marked so in it.
        const me = this.#profile?.agentId ?? '';
        const owed = data.interaction?.participants?.[me]?.isWrapUp === true || (data.agentsPendingWrapUp ?? []).includes(me);
        if (typeof rec.task.updateTaskData === 'function' && data !== rec.task.data) rec.task.updateTaskData({ ...data, wrapUpRequired: owed });
        const phase = phaseOf(rec.task.data, this.#profile?.agentId ?? '');
        if (phase === 'wrapup' && rec.memo.phase !== 'wrapup') this.#ended(rec);
        else if (phase === 'connected' && rec.memo.phase === 'offered') this.#assigned(rec);
        else if (!rec.gone) this.#update(rec);
      }
    });
    return () => {
      for (const off of offs.splice(0)) {
        try {
          off();
        } catch {
          // ignore: the task is gone
        }
      }
    };
  }

  #assigned(rec: TaskRecord): void {
    const wasOffered = rec.memo.phase === 'offered';
    rec.memo.phase = 'connected';
    rec.memo.connectedAt ??= this.clock.now();
    if (wasOffered) this.#emit({ type: 'task-assigned', task: this.#snapshot(rec) });
    else this.#update(rec);
  }

  #held(rec: TaskRecord): void {
    const held = mainMedia(rec.task.data)?.isHold === true;
    rec.memo.heldAt = held ? (rec.memo.heldAt ?? this.clock.now()) : null;
    this.#update(rec);
  }

  #transferred(rec: TaskRecord): void {
    if (rec.transferred || rec.gone) return;
    rec.transferred = true;
    this.#emit({ type: 'task-updated', task: this.#snapshot(rec), transferred: true });
  }

  #ended(rec: TaskRecord): void {
    const data = rec.task.data;
    const wrapup = data.wrapUpRequired === true;
    if (!rec.transferred && (TRANSFERRED as readonly string[]).includes(str(data.type))) this.#transferred(rec);
    if (rec.memo.phase === 'wrapup') {
      rec.memo.autoWrapupAt = this.#autoWrapupAt(rec.task) ?? rec.memo.autoWrapupAt;
      this.#update(rec);
      return;
    }
    if (rec.memo.phase === 'offered' && !wrapup) {
      this.#reject(rec, 'cancelled');
      return;
    }
    if (!wrapup) {
      this.#finish(rec, false);
      return;
    }
    rec.gone = false;
    rec.memo.phase = 'wrapup';
    rec.memo.endedAt = this.clock.now();
    rec.memo.consult = null;
    rec.memo.heldAt = null;
    rec.memo.muted = false;
    rec.consultTarget = null;
    rec.memo.autoWrapupAt = this.#autoWrapupAt(rec.task);
    this.#emit({ type: 'task-ended', task: this.#snapshot(rec) });
    this.#dropMedia(rec);
  }

  /** The task ended and owes no wrap-up: announce it, and stop listening once the SDK has let it go. */
  #finish(rec: TaskRecord, wrapupRequired: false): void {
    if (rec.gone) return;
    rec.memo.endedAt = this.clock.now();
    rec.memo.consult = null;
    const snapshot = { ...this.#snapshot(rec), wrapupRequired, autoWrapupAt: null };
    if (rec.memo.phase === 'offered') this.#emit({ type: 'task-rejected', task: { ...snapshot, ronaAt: null }, reason: 'cancelled' });
    else this.#emit({ type: 'task-ended', task: { ...snapshot, state: 'connected' as const } });
    this.#dropMedia(rec);
    const id = str(rec.task.data?.interactionId);
    if (this.#sdkTasks()[id] === rec.task) rec.gone = true;
    else this.#untrack(rec);
  }

  #wrappedUp(rec: TaskRecord, payload: unknown): void {
    const data = (payload && typeof payload === 'object' && 'data' in payload ? (payload as { data: unknown }).data : payload) as
      | { wrapUpAuxCodeId?: unknown; auxCodeId?: unknown }
      | null
      | undefined;
    const auxCodeId =
      rec.pendingWrapup?.auxCodeId ||
      str(data?.wrapUpAuxCodeId) ||
      str(data?.auxCodeId) ||
      (this.#profile?.wrapupCodes.find((c) => c.isDefault) ?? this.#profile?.wrapupCodes[0])?.id ||
      '';
    const notes = rec.pendingWrapup?.notes ?? '';
    if (rec.memo.phase !== 'wrapup') {
      rec.memo.phase = 'wrapup';
      rec.memo.endedAt ??= this.clock.now();
    }
    const task = { ...this.#snapshot(rec), autoWrapupAt: null };
    this.#untrack(rec);
    this.#dropMedia(rec);
    this.#emit({ type: 'task-wrapped-up', task, auxCodeId, notes });
  }

  #reject(rec: TaskRecord, reason: RejectReason): void {
    const task = { ...this.#snapshot(rec), state: 'offered' as const, ronaAt: null, connectedAt: null };
    this.#untrack(rec);
    this.#dropMedia(rec);
    this.#emit({ type: 'task-rejected', task, reason });
    if (reason === 'rona' && this.#station) {
      const rona = [...this.#codes.entries()].find(([id]) => isRonaCode(this.#codes, id))?.[0];
      this.#emitAgent({
        state: 'RONA',
        auxCodeId: rona ?? this.#agent?.auxCodeId ?? 'RONA',
        since: this.clock.now(),
        by: 'system',
      });
    }
  }

  #update(rec: TaskRecord): void {
    if (rec.gone) return;
    this.#emit({ type: 'task-updated', task: this.#snapshot(rec) });
  }

  #dropMedia(rec: TaskRecord): void {
    if (!rec.hasMedia) return;
    rec.hasMedia = false;
    this.#emit({ type: 'task-media', taskId: str(rec.task.data?.interactionId), track: null });
  }

  #untrack(rec: TaskRecord): void {
    rec.off();
    const id = str(rec.task.data?.interactionId);
    if (this.#tasks.get(id) === rec) this.#tasks.delete(id);
    else for (const [key, value] of this.#tasks) if (value === rec) this.#tasks.delete(key);
  }

  /** Stops listening to tasks that ended without a wrap-up once the SDK has dropped them too. */
  #prune(): void {
    const all = this.#sdkTasks();
    for (const rec of [...this.#tasks.values()]) {
      if (rec.gone && all[str(rec.task.data?.interactionId)] !== rec.task) this.#untrack(rec);
    }
  }

  #forgetTasks(): void {
    for (const rec of [...this.#tasks.values()]) this.#untrack(rec);
    this.#tasks.clear();
  }

  #snapshot(rec: TaskRecord): TaskSnapshot {
    return toSnapshot(rec.task.data, rec.memo);
  }

  #autoWrapupAt(task: ITask): number | null {
    const timer = task.autoWrapup;
    try {
      if (timer && typeof timer.isRunning === 'function' && timer.isRunning()) return this.clock.now() + Math.max(0, timer.getTimeLeft());
    } catch {
      // no timer to read
    }
    return null;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  #emit(event: BackendEvent): void {
    if (this.#disposed) return;
    for (const listener of [...this.#listeners]) listener(event);
  }

  #emitAgent(agent: AgentStateSnapshot): void {
    this.#agent = agent;
    this.#emit({ type: 'agent-state', agent });
  }

  #setConnection(status: ConnectionStatus): void {
    if (this.#connection === status) return;
    this.#connection = status;
    this.#emit({ type: 'connection', status });
  }

  #endSession(reason: string): void {
    const was = this.#registered;
    if (this.#reRegisterTimer !== null) globalThis.clearTimeout(this.#reRegisterTimer);
    this.#reRegisterTimer = null;
    this.#stopExpiryWatch?.();
    this.#stopExpiryWatch = null;
    this.#forgetTasks();
    this.#forgetCc();
    this.#registered = false;
    this.#station = null;
    this.#agent = null;
    this.#connection = 'idle';
    this.#raw = null;
    this.#profile = null;
    this.#outdialOrigin = null;
    if (this.#ownsInstance) this.#dropInstance();
    else this.#cc = this.#webex?.cc ?? null;
    if (was) this.#emit({ type: 'signed-out', reason });
  }

  #dropInstance(): void {
    this.#webex = null;
    this.#cc = null;
    this.#ownsInstance = false;
  }

  #activeTasks(): TaskRecord[] {
    return [...this.#tasks.values()].filter((r) => !r.gone && r.memo.phase !== 'wrapup');
  }

  #sdkTasks(): Record<string, ITask> {
    try {
      return (this.#cc as (WebexCc & WebexCcInternals) | null)?.taskManager?.getAllTasks?.() ?? {};
    } catch {
      return {};
    }
  }

  /** When the SDK's token expires (past times too when `evenPast`, so the watcher can say it has). */
  #expiresAt(evenPast = false): number | null {
    const expires = Number(this.#webex?.credentials?.supertoken?.expires);
    return Number.isFinite(expires) && expires > 0 && (evenPast || expires > this.clock.now()) ? expires : null;
  }

  #stopExpiryWatch: (() => void) | null = null;
  #reRegisterTimer: ReturnType<typeof setTimeout> | null = null;
  #reRegistering = false;

  /** The SDK gave up reconnecting: register again (a new socket, a silent relogin), then re-sync the desk. */
  #reRegisterLater(cc: WebexCc): void {
    if (this.#reRegisterTimer !== null || this.#disposed || !this.#registered) return;
    this.#reRegisterTimer = globalThis.setTimeout(async () => {
      this.#reRegisterTimer = null;
      if (this.#disposed || !this.#registered || this.#cc !== cc || this.#connection !== 'offline') return;
      this.#reRegistering = true;
      let raw: SdkProfile;
      try {
        raw = await this.#limit(cc.register(), 'register');
        if ((raw as unknown) instanceof Error || !raw || typeof raw !== 'object') throw raw ?? new Error('register() returned no profile');
      } catch (err) {
        this.#reRegistering = false;
        // An expired token will not get better by trying: the token watcher and the next action say so.
        if (toCcError(err, 'register').code !== 'auth-failed') this.#reRegisterLater(cc);
        return;
      }
      this.#reRegistering = false;
      if (this.#disposed || this.#cc !== cc) return;
      this.#raw = raw;
      this.#setConnection('connected');
      this.#sync(
        { auxCodeId: raw.lastStateAuxCodeId, lastStateChangeTimestamp: raw.lastStateChangeTimestamp },
        raw.isAgentLoggedIn ? stationOf(raw.currentTeamId, raw.deviceType, raw.dn ?? raw.defaultDn) : null,
        null,
      );
    }, this.#options.reRegisterEveryMs ?? 5_000);
  }

  #alive(action: string): void {
    if (this.#disposed) throw new CcError('backend-error', 'This backend has been disposed.', action);
  }

  /** The cc to act on, once signed in, registered and connected. */
  #ready(action: string): WebexCc {
    this.#alive(action);
    if (!this.#cc) throw new CcError('not-signed-in', 'Sign in first.', action);
    if (!this.#registered || !this.#profile) throw new CcError('not-registered', 'The agent is not registered yet.', action);
    if (this.#connection === 'reconnecting' || this.#connection === 'offline') {
      throw new CcError('offline', 'No connection to Webex Contact Center; reconnecting. Try again once it is back.', action);
    }
    return this.#cc;
  }

  #taskIn(taskId: string, phase: TaskState, verb: string, action = verb): TaskRecord {
    this.#ready(action);
    const rec = this.#tasks.get(taskId);
    if (!rec || rec.gone) throw new CcError('unknown-task', `There is no task ${taskId}.`, action);
    if (rec.memo.phase !== phase) {
      const now = rec.memo.phase === 'offered' ? 'still ringing' : rec.memo.phase === 'wrapup' ? 'already ended' : 'in progress';
      throw new CcError('invalid-state', `Cannot ${verb}: the task is ${now}.`, action);
    }
    return rec;
  }

  #voice(taskId: string, verb: string, action: string): TaskRecord {
    const rec = this.#taskIn(taskId, 'connected', verb, action);
    const media = mediaTypeOf(rec.task.data);
    if (media !== 'telephony') throw new CcError('unsupported', `Cannot ${verb} a ${media} task.`, action);
    return rec;
  }

  /**
   * Runs an SDK call: an `Error` it returns or throws becomes a CcError; state changes only through events.
   * The SDK's errors say only "Error while performing hold" (webex-sdk.md #1): when the contact center refused
   * the call, its `*Failed` outcome (for this task, when `taskId` is given) came on the socket first, and its
   * reason is what the agent is told.
   */
  async #sdk<T>(action: string, run: () => Promise<T> | T, taskId?: string): Promise<Exclude<T, Error>> {
    const since = this.#frames;
    const started = Date.now();
    let result: T;
    try {
      result = await run();
    } catch (err) {
      throw await this.#explain(err, action, since, started, taskId);
    }
    if (result instanceof Error) throw await this.#explain(result, action, since, started, taskId);
    return result as Exclude<T, Error>;
  }

  /**
   * Why an SDK call failed. A refusal's reason comes from the socket; otherwise the SDK says only "Error while
   * performing hold" for an expired token, a network failure and its 20 s time limit alike (webex-sdk.md #1).
   * The time it took tells a timeout; a cheap read the SDK does not wrap (`getQueues`, which keeps its HTTP
   * error) tells an expired token or a network down from a failure on the contact center's side.
   */
  async #explain(err: unknown, action: string, since: number, started: number, taskId?: string): Promise<CcError> {
    const reasoned = this.#withReason(err, since, taskId);
    if (reasoned !== err || err instanceof CcError) return toCcError(reasoned, action);
    const said = `${str((err as { message?: unknown } | null)?.message)} ${str((err as { data?: { message?: unknown } } | null)?.data?.message)}`;
    if (!/Error while performing/i.test(said)) return toCcError(err, action);
    if (Date.now() - started >= SDK_REQUEST_TIMEOUT_MS - 500) return toCcError(new Error('timed out'), action);
    const cc = this.#cc;
    if (cc && typeof cc.getQueues === 'function') {
      try {
        await cc.getQueues({ page: 0, pageSize: 1 });
      } catch (probe) {
        const why = toCcError(probe, action);
        if (why.code === 'auth-failed' || why.code === 'offline') return why;
      }
    }
    return toCcError(err, action);
  }

  /** The SDK's error, with the reason of the refusal seen on the socket since frame `since`, if any. */
  #withReason(err: unknown, since: number, taskId?: string): unknown {
    const refusal = [...this.#refusals].reverse().find((r) => r.at >= since && (!taskId || !r.interactionId || r.interactionId === taskId));
    if (!refusal) return err;
    return { name: refusal.type, message: refusal.reason || refusal.type, details: { data: { reason: refusal.reason || refusal.type } } };
  }

  /** Rejects with `timeout` when the SDK takes longer than the request time limit. */
  #limit<T>(promise: Promise<T>, action: string): Promise<T> {
    const ms = this.#options.requestTimeoutMs ?? 30_000;
    return new Promise<T>((resolve, reject) => {
      const timer = globalThis.setTimeout(() => {
        reject(new CcError('timeout', `Webex Contact Center did not answer within ${Math.round(ms / 1000)} s. Check the network connection and try again.`, action));
      }, ms);
      promise.then(
        (value) => {
          globalThis.clearTimeout(timer);
          resolve(value);
        },
        (err: unknown) => {
          globalThis.clearTimeout(timer);
          reject(err);
        },
      );
    });
  }

  #whenReady(webex: WebexInstance): Promise<void> {
    if (webex.ready) return Promise.resolve();
    const ms = this.#options.readyTimeoutMs ?? 20_000;
    return new Promise<void>((resolve, reject) => {
      const onReady = () => {
        globalThis.clearTimeout(timer);
        resolve();
      };
      const timer = globalThis.setTimeout(() => {
        try {
          webex.off?.('ready', onReady);
        } catch {
          // ignore
        }
        reject(
          new CcError(
            'timeout',
            `The Webex SDK did not become ready within ${Math.round(ms / 1000)} s. Check the network connection and the SDK configuration, then try again.`,
            'connect',
          ),
        );
      }, ms);
      webex.once('ready', onReady);
      if (webex.ready) onReady();
    });
  }

  async #createInstance(credentials: Credentials): Promise<WebexInstance> {
    const token = credentials.accessToken?.trim().replace(/^Bearer\s+/i, '');
    const oauth = credentials.oauth ?? (token ? undefined : this.#options.oauth);
    if (!token && !oauth) throw new CcError('auth-failed', 'An access token is required.', 'connect');
    // A Webex user access token is three parts joined by "_" (the token, its region, the org id); the SDK
    // refuses anything else. Saying so here spares loading the SDK for a mistyped token.
    if (token && (!/^[A-Za-z0-9._~+/=-]{20,}$/.test(token) || token.split('_').length !== 3 || token.split('_').some((part) => !part))) {
      throw new CcError(
        'auth-failed',
        'The access token is malformed: paste the whole token, three parts joined by "_", with no spaces.',
        'connect',
      );
    }
    if (oauth && (!oauth.clientId?.trim() || !oauth.redirectUri?.trim())) {
      throw new CcError('invalid-request', 'OAuth needs a client id and a redirect URI.', 'connect');
    }
    const Webex = await this.#loadSdk();
    const base = this.#options.config ?? {};
    const config: WebexConfig = {
      ...base,
      logger: { level: 'info', bufferLogLevel: 'log', ...base.logger },
      cc: { allowMultiLogin: false, allowAutomatedRelogin: true, clientType: 'WebexCCSDK', isKeepAliveEnabled: false, force: true, ...base.cc },
      ...(oauth
        ? {
            credentials: {
              client_id: oauth.clientId.trim(),
              redirect_uri: oauth.redirectUri.trim(),
              scope: (oauth.scopes?.length ? oauth.scopes : DEFAULT_SCOPES).join(' '),
            },
          }
        : {}),
    };
    const existing = pageInstances.get(Webex);
    if (existing) {
      if (token && existing.credentials?.supertoken?.access_token !== token) {
        if (typeof existing.credentials?.set !== 'function') {
          throw new CcError('backend-error', 'The Webex SDK in this page cannot take a new access token: reload the page to sign in again.', 'connect');
        }
        existing.credentials.set({ supertoken: { access_token: token } });
      }
      return existing;
    }
    try {
      const webex = Webex.init(token ? { config, credentials: { access_token: token } } : { config });
      pageInstances.set(Webex, webex);
      return webex;
    } catch (err) {
      throw toCcError(err, 'connect');
    }
  }

  /** OAuth, first visit: send the agent to Webex to sign in. On the way back the SDK picks the token up itself. */
  async #redirectToLogin(webex: WebexInstance, state?: string): Promise<never> {
    if (!webex.authorization || typeof webex.authorization.initiateLogin !== 'function') {
      throw new CcError('auth-failed', 'The Webex instance has no credentials and cannot start an OAuth sign-in.', 'connect');
    }
    // The SDK adds its own CSRF token to the state object and sends it base64url-encoded; `cc` carries the
    // round trip's state of <cc-auth> (see finishOAuthRoundTrip), which it checks on the way back.
    await webex.authorization.initiateLogin(state ? { state: { cc: state } } : undefined);
    // The page is leaving for Webex's sign-in page; if it has not gone after the time limit, say so.
    const ms = this.#options.readyTimeoutMs ?? 20_000;
    await new Promise((resolve) => globalThis.setTimeout(resolve, ms));
    throw new CcError('timeout', 'The Webex sign-in page did not open. Check that pop-ups and redirects are allowed, then try again.', 'connect');
  }

  #named(destination: Destination): Destination {
    const to = destination.to.trim();
    const name = destination.name ?? this.#destinationNames.get(`${destination.type}:${to}`);
    return { type: destination.type, to, ...(name ? { name } : {}) };
  }

  async #buddies(cc: WebexCc): Promise<DestinationOption[]> {
    const response = await this.#sdk('destinations', () => cc.getBuddyAgents({ mediaType: 'telephony', state: 'Available' }));
    const list = (response as { data?: { agentList?: unknown } } | undefined)?.data?.agentList;
    const me = this.#profile?.agentId;
    const teams = new Map((this.#profile?.teams ?? []).map((t) => [t.id, t.name]));
    return (Array.isArray(list) ? list : [])
      .map((b: { agentId?: unknown; agentName?: unknown; teamId?: unknown }) => {
        const to = str(b.agentId);
        const team = teams.get(str(b.teamId));
        return { type: 'agent' as const, to, name: str(b.agentName) || to, ...(team ? { detail: team } : {}) };
      })
      .filter((b) => b.to && b.to !== me);
  }

  async #queues(cc: WebexCc): Promise<DestinationOption[]> {
    const out: DestinationOption[] = [];
    for (let page = 0; page < 20; page++) {
      const response = await this.#sdk('destinations', () => cc.getQueues({ page, pageSize: 100 }));
      const items: unknown[] = Array.isArray(response) ? response : Array.isArray(response?.data) ? response.data : [];
      for (const q of items as { id?: unknown; name?: unknown; active?: unknown; description?: unknown }[]) {
        const to = str(q.id);
        if (!to || q.active === false) continue;
        const detail = str(q.description);
        out.push({ type: 'queue', to, name: str(q.name) || to, ...(detail ? { detail } : {}) });
      }
      const pages = Number((response as { meta?: { totalPages?: unknown } } | undefined)?.meta?.totalPages);
      if (Array.isArray(response) || !Number.isFinite(pages) || page + 1 >= pages || items.length === 0) break;
    }
    return out;
  }

  async #origin(cc: WebexCc): Promise<string> {
    if (this.#options.outdialAni) return this.#options.outdialAni;
    if (this.#outdialOrigin !== null) return this.#outdialOrigin;
    const aniId = str(this.#raw?.outdialANIId);
    let origin = '';
    if (aniId) {
      try {
        const entries = await cc.getOutdialAniEntries({ outdialANI: aniId });
        origin = Array.isArray(entries) ? str(entries[0]?.number) : '';
      } catch {
        origin = '';
      }
    }
    this.#outdialOrigin = origin;
    return origin;
  }
}
