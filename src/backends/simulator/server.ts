import type { BackendEvent, StationLoginArgs, AgentStateArgs, WrapupArgs } from '../../core/backend.js';
import { Customers, hasConversation, reply, seededRandom, type CustomerTiming } from './conversations.js';
import { realClock, type Clock } from '../../core/clock.js';
import { DTMF_KEYS, MESSAGE_MAX_LENGTH, REFUSALS, actionOf, actionSpec, dialNumberRefusal, mediaRefusal, phaseRefusal, refusal, refusalError, requestByMethod, unknownTaskRefusal, type BackendMethod } from '../../core/actions.js';
import { CcError, ERROR_CODES, type CcErrorCode } from '../../core/errors.js';
import { dialNumberLoginProblem } from '../../core/dial.js';
import { PREFLIGHT_CHECKS, PREFLIGHT_CODES, isPreflightCode, type PreflightCheckId, type PreflightCode, type PreflightSelf } from '../../core/preflight.js';
import type {
  AgentStateSnapshot,
  AgentStats,
  ConversationMessage,
  OutgoingMessage,
  QueueStats,
  ChangeSource,
  Destination,
  MediaType,
  Participant,
  Profile,
  Station,
  TaskSnapshot,
} from '../../core/types.js';
import { AVAILABLE_CODE } from '../../core/types.js';
import {
  channelCapacity,
  knownExtension,
  simulatorAddressBook,
  simulatorBuddies,
  simulatorCustomers,
  simulatorEntryPoints,
  simulatorOutdialOrigins,
  simulatorProfile,
  simulatorQueues,
} from './data.js';
import { SimulatorStats, STATS_INTERVAL_MS } from './stats.js';
import { durationProblem, offerProblem, parseScenario, shown, type OfferSpec, type ScenarioStep } from './scenarios.js';

export interface SimulatorTiming {
  /** How long an offer rings before RONA. */
  ringMs: number;
  /** How long a consulted agent or dial number takes to answer. */
  consultAnswerMs: number;
  /** How long the network stays down when the connection drops, unless told otherwise. */
  reconnectMs: number;
  /** How long an access token lives. */
  tokenLifetimeMs: number;
  /** How long before expiry the agent is warned. */
  tokenWarningMs: number;
}

export interface SimulatorServerOptions {
  clock?: Clock;
  profile?: Profile;
  timing?: Partial<SimulatorTiming>;
  /** Keep the contact center's state in this storage (sessionStorage on the sample page), so a reload finds it. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  storageKey?: string;
  /** How many tasks of each media the agent may hold at once (benchmarks raise it). */
  capacity?: Partial<Record<MediaType, number>>;
  /**
   * Other agents' traffic on the simulated queues (their waiting contacts, agents and counts, changing over
   * time), on by default; off, the queue figures are the agent's own contacts only (tests that count).
   */
  queueActivity?: boolean;
  /**
   * The customers of chat, social and email contacts: they write first, answer the agent after thinking and
   * typing, and go quiet. `replies: false` keeps them silent but for what a test or scenario makes them say
   * (`customerSays`, `customerTyping`); `seed` replays the same conversations (random by default).
   */
  conversations?: { replies?: boolean; seed?: number; timing?: Partial<CustomerTiming>; quietChance?: number };
}

/**
 * Every action a simulator session checks for an injected fault, named as the backend method is (`toggleMute`,
 * not "mute"): what `failNext({action})` accepts.
 */
export const SIMULATOR_ACTIONS = [
  'connect',
  'register',
  'deregister',
  'uploadLogs',
  'stationLogin',
  'stationLogout',
  'setAgentState',
  'accept',
  'decline',
  'hold',
  'resume',
  'toggleMute',
  'end',
  'pauseRecording',
  'resumeRecording',
  'consult',
  'endConsult',
  'transfer',
  'consultTransfer',
  'conference',
  'leaveConference',
  'transferConference',
  'sendDtmf',
  'sendMessage',
  'wrapup',
  'cancelAutoWrapup',
  'outdial',
  'destinations',
] as const;

export type SimulatorAction = (typeof SIMULATOR_ACTIONS)[number];

/** The error codes an injected fault may carry: the kit's own (`cc-error`'s `detail.code`). */
export const FAULT_CODES: readonly CcErrorCode[] = ERROR_CODES;

export interface Fault {
  /** The backend method to fail (`stationLogin`, `hold`, `toggleMute`, …: one of `SIMULATOR_ACTIONS`), or any when left out. */
  readonly action?: SimulatorAction;
  readonly code: CcErrorCode;
  readonly message: string;
}

/** The part of a client the server talks to. */
export interface SimulatorClient {
  deliver(event: BackendEvent): void;
  networkChanged(up: boolean): void;
  expireAt(at: number): void;
}

interface PersistedState {
  station: Station | null;
  agent: AgentStateSnapshot | null;
  tasks: TaskSnapshot[];
  queued: OfferSpec[];
  seq: number;
  /** The conversations of chat, social and email tasks, by task id. */
  messages?: Record<string, ConversationMessage[]>;
}

const DEFAULT_TIMING: SimulatorTiming = {
  ringMs: 20_000,
  consultAnswerMs: 2_500,
  reconnectMs: 4_000,
  tokenLifetimeMs: 12 * 60 * 60 * 1000,
  tokenWarningMs: 5 * 60 * 1000,
};

const isActive = (t: TaskSnapshot) => t.state !== 'wrapup';

/** Bad input at the simulator's own API (from a test, a page's controls or a scenario): a clear error, no change. */
const refuse = (message: string): never => {
  throw new CcError('invalid-request', message, 'simulator');
};

/**
 * A short random tag for one simulated contact center: two of them on one page (two desks) never number their
 * tasks alike, and a page reloaded with `persist` never reuses an id.
 */
function instanceTag(): string {
  const bytes = new Uint8Array(3);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An in-page contact center: it routes offers to the agent, rings and withdraws them, keeps every task's
 * state, and lets a test or the sample page inject what a real one does from elsewhere: a supervisor's state
 * change, a remote logout, a dropped network, an expiring token, a refused action.
 */
export class SimulatorServer {
  readonly clock: Clock;
  readonly profile: Profile;
  readonly timing: SimulatorTiming;
  #storage?: SimulatorServerOptions['storage'];
  #storageKey: string;
  #state: PersistedState = { station: null, agent: null, tasks: [], queued: [], seq: 0 };
  #clients = new Set<SimulatorClient>();
  #faults: Fault[] = [];
  #timers = new Map<string, unknown>();
  /** Calls taken on a browser station (their audio is in the page, whatever happens to the station later). */
  #browserCalls = new Set<string>();
  /** Keys sent on each call (DTMF), in order. */
  #dtmf = new Map<string, string>();
  /** The number each outbound call showed the customer. */
  #origins = new Map<string, string>();
  #networkUp = true;
  #customerIndex = 0;
  #capacity: Readonly<Record<MediaType, number>>;
  readonly #tag = instanceTag();
  readonly #stats: SimulatorStats;
  readonly #customers: Customers;
  /** The seed of the customers' random choices (what to say, how long to think and type). */
  readonly seed: number;

  constructor(options: SimulatorServerOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.profile = options.profile ?? simulatorProfile;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.#storage = options.storage;
    this.#storageKey = options.storageKey ?? 'cc-elements-simulator';
    this.#capacity = { ...channelCapacity, ...options.capacity };
    this.#stats = new SimulatorStats(() => this.clock.now(), options.queueActivity ?? true);
    const chat = options.conversations ?? {};
    if (chat.seed !== undefined && !Number.isInteger(chat.seed)) refuse(`SimulatorServer: conversations.seed must be a whole number, not ${shown(chat.seed)}.`);
    this.seed = chat.seed ?? new Uint32Array(globalThis.crypto.getRandomValues(new Uint32Array(1)))[0];
    const random = seededRandom(this.seed);
    this.#customers = new Customers(
      {
        now: () => this.clock.now(),
        setTimer: (name, ms, fn) => this.#setTimer(name, ms, fn),
        clearTimer: (name) => this.#clearTimer(name),
        broadcast: (event) => this.#broadcast(event),
        random,
        task: (taskId) => this.#state.tasks.find((t) => t.id === taskId),
        changed: () => this.#save(),
      },
      { replies: chat.replies ?? true, timing: chat.timing, quietChance: chat.quietChance },
    );
    for (const [key, value] of Object.entries(this.timing)) {
      const problem = durationProblem(value, `timing.${key}`);
      if (problem) refuse(`SimulatorServer: ${problem}`);
    }
    for (const [media, value] of Object.entries(this.#capacity)) {
      if (!Number.isInteger(value) || value < 0) refuse(`SimulatorServer: capacity.${media} must be a whole number ≥ 0, not ${shown(value)}.`);
    }
    this.#restore();
  }

  // ---- what clients and tests read --------------------------------------------------------------

  get station(): Station | null {
    return this.#state.station;
  }

  get agent(): AgentStateSnapshot | null {
    return this.#state.agent;
  }

  get tasks(): readonly TaskSnapshot[] {
    return this.#state.tasks;
  }

  /** Offers waiting for the agent to become Available (or to have room). */
  get queued(): readonly OfferSpec[] {
    return this.#state.queued;
  }

  get networkUp(): boolean {
    return this.#networkUp;
  }

  task(taskId: string): TaskSnapshot {
    const task = this.#state.tasks.find((t) => t.id === taskId);
    if (!task) throw refusalError(unknownTaskRefusal(shown(taskId)));
    return task;
  }

  attach(client: SimulatorClient): void {
    this.#clients.add(client);
    if (!this.#timers.has('stats')) this.reportStats();
  }

  detach(client: SimulatorClient): void {
    this.#clients.delete(client);
    if (this.#clients.size === 0) this.#clearTimer('stats');
  }

  /** The queue and agent figures now (what the next report will say). */
  get stats(): { queues: QueueStats[]; agent: AgentStats } {
    return { queues: this.#stats.queueStats(this.#state.queued, this.#state.tasks, this.#state.agent), agent: this.#stats.agentStats(this.#state.agent) };
  }

  /** Reports the figures to every client now, and again every 10 s (simulator clock) while any is attached. */
  reportStats(): void {
    if (this.#clients.size === 0) return;
    const { queues, agent } = this.stats;
    this.#broadcast({ type: 'queue-stats', queues });
    this.#broadcast({ type: 'agent-stats', stats: agent });
    this.#setTimer('stats', STATS_INTERVAL_MS, () => this.reportStats());
  }

  // ---- fault injection ----------------------------------------------------------------------------

  /**
   * Makes the next action (or the next call of `fault.action`) fail with the given code and message. Throws
   * `invalid-request`, arming nothing, for an action the simulator does not have (a fault that could never fire)
   * or a code that is not one of the kit's.
   */
  failNext(fault: Fault): void {
    const { action, code, message } = (fault ?? {}) as Partial<Record<keyof Fault, unknown>>;
    if (action !== undefined && !(SIMULATOR_ACTIONS as readonly unknown[]).includes(action)) {
      throw new CcError(
        'invalid-request',
        `${JSON.stringify(action)} is not an action of the simulator, so that fault would never fire. Use one of: ${SIMULATOR_ACTIONS.join(', ')}.`,
      );
    }
    if (!(FAULT_CODES as readonly unknown[]).includes(code)) {
      throw new CcError('invalid-request', `${JSON.stringify(code)} is not an error code of the kit. Use one of: ${FAULT_CODES.join(', ')}.`);
    }
    if (typeof message !== 'string' || !message.trim()) {
      throw new CcError('invalid-request', 'A fault needs a message: the text the agent will see.');
    }
    this.#faults.push({ action: action as SimulatorAction | undefined, code: code as CcErrorCode, message });
  }

  /** Takes the first queued fault that applies to `action`; throws it. Called by clients before acting. */
  checkFault(action: SimulatorAction): void {
    const index = this.#faults.findIndex((f) => !f.action || f.action === action);
    if (index < 0) return;
    const [fault] = this.#faults.splice(index, 1);
    throw new CcError(fault.code, fault.message, action);
  }

  /** Drops the network; it comes back after `reconnectAfterMs` (simulator clock), or never when null. */
  dropConnection(reconnectAfterMs: number | null = this.timing.reconnectMs): void {
    if (reconnectAfterMs !== null) {
      const problem = durationProblem(reconnectAfterMs, 'dropConnection: reconnectAfterMs');
      if (problem) refuse(`${problem} Use null for a network that stays down.`);
    }
    this.#networkUp = false;
    for (const client of this.#clients) client.networkChanged(false);
    this.#clearTimer('network');
    if (reconnectAfterMs !== null) this.#setTimer('network', reconnectAfterMs, () => this.restoreConnection());
  }

  restoreConnection(): void {
    this.#clearTimer('network');
    if (this.#networkUp) return;
    this.#networkUp = true;
    for (const client of this.#clients) client.networkChanged(true);
  }

  /** The token of every signed-in client expires in `inMs` (warned first when there is time to). */
  expireToken(inMs = 0): void {
    const problem = durationProblem(inMs, 'expireToken: inMs');
    if (problem) refuse(problem);
    for (const client of this.#clients) client.expireAt(this.clock.now() + inMs);
  }

  // ---- preflight ------------------------------------------------------------------------------------

  #preflightForced: Readonly<Partial<Record<PreflightCheckId, PreflightCode>>> = Object.freeze({});
  #clockSkewMs = 0;

  /**
   * This contact center answering `<cc-preflight>`: it is reached while its network is up (see
   * `dropConnection`), its time is the computer's plus the skew set with `setPreflight`, and any finding forced
   * there is reported instead of running its check.
   */
  readonly preflight: PreflightSelf = ((server: SimulatorServer): PreflightSelf => ({
    ping: () => (server.#networkUp ? Promise.resolve() : Promise.reject(new Error('The simulated contact center is unreachable.'))),
    serverTime: () => Date.now() + server.#clockSkewMs,
    get forced() {
      return server.#preflightForced;
    },
  }))(this);

  /**
   * Sets what the preflight checks find against this contact center: `forced`, a finding per check (by its
   * code: `{microphone: 'micDenied', reach: 'reachSlow'}`; a check left out runs for real), and `clockSkewMs`,
   * how far this contact center's clock is ahead of the computer's (negative: behind). Replaces the previous
   * settings; `setPreflight({})` runs every check for real. Throws `invalid-request`, changing nothing, for a
   * check or code that does not exist or a code of another check.
   */
  setPreflight(settings: { forced?: Partial<Record<PreflightCheckId, PreflightCode>>; clockSkewMs?: number }): void {
    const forced = settings?.forced ?? {};
    for (const [check, code] of Object.entries(forced)) {
      if (!(PREFLIGHT_CHECKS as readonly string[]).includes(check)) {
        throw new CcError('invalid-request', `${JSON.stringify(check)} is not a preflight check. Use one of: ${PREFLIGHT_CHECKS.join(', ')}.`);
      }
      if (!isPreflightCode(code) || PREFLIGHT_CODES[code].check !== check) {
        const codes = Object.keys(PREFLIGHT_CODES).filter((c) => PREFLIGHT_CODES[c as PreflightCode].check === check);
        throw new CcError('invalid-request', `${JSON.stringify(code)} is not a finding of the ${check} check. Use one of: ${codes.join(', ')}.`);
      }
    }
    const skew = settings?.clockSkewMs ?? 0;
    if (typeof skew !== 'number' || !Number.isFinite(skew)) throw new CcError('invalid-request', `clockSkewMs must be a number of milliseconds, not ${shown(skew)}.`);
    this.#preflightForced = Object.freeze({ ...forced });
    this.#clockSkewMs = skew;
  }

  // ---- events from elsewhere ----------------------------------------------------------------------

  /** A supervisor changes the agent's state. */
  supervisorSetState(state: 'Available' | 'Idle', auxCodeId?: string): void {
    if (state !== 'Available' && state !== 'Idle') refuse(`supervisorSetState: the state must be Available or Idle, not ${shown(state)}.`);
    if (auxCodeId !== undefined && !this.profile.idleCodes.some((c) => c.id === auxCodeId)) {
      refuse(`supervisorSetState: ${shown(auxCodeId)} is not an idle code of this agent.`);
    }
    if (!this.#state.station) return;
    const code = state === 'Available' ? AVAILABLE_CODE : (auxCodeId ?? this.#defaultIdleCode());
    this.#setAgent(state, code, 'remote', 'Changed by a supervisor');
  }

  /** The agent is logged out from elsewhere (a supervisor, another desktop). */
  /**
   * The agent is logged out from elsewhere (a supervisor, another desktop).
   *
   * What a contact center does with the agent's work, modelled here: a remote logout ends the agent's
   * availability, not the customer's call. Contact centers (Webex CC among them) do not hang up on a customer
   * because a supervisor signed the agent out: the call stays connected, its media with it, and the agent can
   * still unmute, hold, transfer or end it; a wrap-up that is owed stays owed. What stops is routing: offers
   * still ringing are withdrawn (`cancelled`) and no new one arrives until the agent logs in again, which the
   * agent may do mid-call (it is not a change of station while on a call: there is no station any more).
   */
  remoteLogout(reason = 'Logged out by a supervisor'): void {
    if (!this.#state.station) return;
    this.#state.station = null;
    this.#stats.stateChanged(this.#state.agent);
    this.#state.agent = null;
    this.#save();
    this.#broadcast({ type: 'station-logout', reason });
    for (const task of this.#state.tasks.filter((t) => t.state === 'offered')) this.#reject(task, 'cancelled');
  }

  /** The customer hangs up (the first connected task when no id is given). */
  customerHangup(taskId?: string): void {
    if (taskId !== undefined && typeof taskId !== 'string') refuse(`customerHangup: the task id must be text, not ${shown(taskId)}.`);
    const task = taskId ? this.task(taskId) : this.#state.tasks.find((t) => t.state === 'connected');
    if (task && task.state === 'connected' && hasConversation(task.mediaType)) {
      this.#customers.system(task.id, `${task.customerName ?? task.ani} left the conversation.`);
    }
    if (task && task.state === 'connected') this.#endTask(task);
    else if (task && task.state === 'offered') this.#reject(task, 'cancelled');
  }

  /**
   * The customer of a chat, social or email task writes `text` now (the first such task that is connected when
   * no id is given). Returns the message, or null when there is no such task.
   */
  customerSays(text: string, options: { taskId?: string; subject?: string } = {}): ConversationMessage | null {
    if (typeof text !== 'string' || !text) refuse(`customerSays: the text must be non-empty text, not ${shown(text)}.`);
    const task = this.#conversationTask(options.taskId, 'customerSays');
    return task ? this.#customers.say(task.id, text, options.subject !== undefined ? { subject: options.subject } : {}) : null;
  }

  /** The customer of a chat or social task starts (or, with `false`, stops) typing. */
  customerTyping(typing = true, options: { taskId?: string } = {}): void {
    const task = this.#conversationTask(options.taskId, 'customerTyping');
    if (task) this.#customers.typing(task.id, typing === true);
  }

  /** The conversation of a task so far (every message, the agent's too), oldest first. */
  messagesOf(taskId: string): readonly ConversationMessage[] {
    return this.#customers.thread(taskId);
  }

  /** The task a customer action names, or the first connected (else offered) chat, social or email task. */
  #conversationTask(taskId: unknown, what: string): TaskSnapshot | undefined {
    if (taskId !== undefined && typeof taskId !== 'string') refuse(`${what}: the task id must be text, not ${shown(taskId)}.`);
    if (typeof taskId === 'string') return this.task(taskId);
    const digital = this.#state.tasks.filter((t) => hasConversation(t.mediaType));
    return digital.find((t) => t.state === 'connected') ?? digital.find((t) => t.state === 'offered');
  }

  /** A new contact arrives: offered at once when the agent is Available and has room, else queued. */
  offer(spec: OfferSpec = {}): void {
    const problem = offerProblem(spec);
    if (problem) refuse(`offer: ${problem}`);
    const queued = { ...spec, ...(spec.cad ? { cad: { ...spec.cad } } : {}) };
    this.#stats.queued(queued);
    this.#state.queued = [...this.#state.queued, queued];
    this.#save();
    this.#routeQueued();
    this.reportStats();
  }

  /** Runs a scenario: a name, a JSON text or an array of steps. Throws `invalid-scenario` before running any. */
  runScenario(input: unknown): void {
    const steps = parseScenario(input);
    steps.forEach((step, i) => this.#setTimer(`scenario-${this.#state.seq}-${i}`, step.at, () => this.#runStep(step)));
  }

  // ---- agent and station --------------------------------------------------------------------------

  stationLogin(args: StationLoginArgs): void {
    const { profile } = this;
    if (!profile.teams.some((t) => t.id === args.teamId)) throw CcError.of('invalid-request', { key: 'simulatorUnknownTeam', values: { value: shown(args.teamId) } });
    if (!profile.loginOptions.includes(args.loginOption)) {
      throw CcError.of('invalid-request', { key: 'simulatorLoginNotAllowed', values: { value: shown(args.loginOption) } });
    }
    const problem = dialNumberLoginProblem(profile, args.loginOption, args.dialNumber);
    if (problem) throw refusalError(refusal('invalid-dial-number', problem.key, problem.values));
    const dialNumber = args.dialNumber?.trim();
    if (args.loginOption === 'EXTENSION' && dialNumber && !knownExtension(dialNumber)) {
      throw CcError.of('invalid-dial-number', { key: 'simulatorNoExtension', values: { value: shown(dialNumber) } });
    }
    if (args.loginOption === 'AGENT_DN' && dialNumber && simulatorBuddyNumbers.includes(dialNumber)) {
      throw CcError.of('invalid-dial-number', { key: 'simulatorExtensionTaken', values: { value: dialNumber } });
    }
    // Changing station mid-call is refused; logging back in after a remote logout, mid-call, is not a change.
    if (this.#state.station && this.#state.tasks.some(isActive)) throw refusalError(REFUSALS.changeStationWithTasks);
    const station: Station = {
      teamId: args.teamId,
      loginOption: args.loginOption,
      ...(args.loginOption === 'BROWSER' ? {} : { dialNumber }),
    };
    this.#state.station = station;
    this.#save();
    this.#broadcast({ type: 'station-login', station });
    if (!this.#state.agent) this.#setAgent('Idle', this.#defaultIdleCode(), 'system');
  }

  stationLogout(reason = 'User requested logout'): void {
    if (!this.#state.station) throw refusalError(REFUSALS.notOnStation);
    if (this.#state.tasks.length > 0) throw refusalError(REFUSALS.logoutWithTasks);
    this.#state.station = null;
    this.#stats.stateChanged(this.#state.agent);
    this.#state.agent = null;
    this.#save();
    this.#broadcast({ type: 'station-logout', reason });
  }

  setAgentState(args: AgentStateArgs): void {
    if (!this.#state.station) throw refusalError(REFUSALS.noStation);
    if (args.state === 'Idle' && !this.profile.idleCodes.some((c) => c.id === args.auxCodeId)) {
      throw CcError.of('invalid-request', { key: 'simulatorUnknownIdleCode', values: { value: shown(args.auxCodeId) } });
    }
    this.#setAgent(args.state, args.state === 'Available' ? AVAILABLE_CODE : args.auxCodeId, 'agent', args.reason);
  }

  // ---- tasks --------------------------------------------------------------------------------------

  accept(taskId: string): TaskSnapshot {
    const task = this.#expect(taskId, 'accept');
    this.#clearTimer(`rona-${taskId}`);
    const next = this.#update(task, {
      state: 'connected',
      ronaAt: null,
      connectedAt: this.clock.now(),
      recording: task.mediaType === 'telephony',
    });
    if (this.#state.station?.loginOption === 'BROWSER' && next.mediaType === 'telephony') this.#browserCalls.add(taskId);
    this.#broadcast({ type: 'task-assigned', task: next });
    this.#customers.connected(next);
    this.#stats.answered(next);
    this.reportStats();
    return next;
  }

  decline(taskId: string): void {
    this.#reject(this.#expect(taskId, 'decline'), 'declined');
  }

  hold(taskId: string): void {
    const task = this.#expect(taskId, 'hold');
    if (task.held) throw refusalError(REFUSALS.alreadyHeld);
    this.#broadcastUpdate(this.#update(task, { held: true, heldAt: this.clock.now() }));
  }

  resume(taskId: string): void {
    const task = this.#expect(taskId, 'resume');
    if (!task.held) throw refusalError(REFUSALS.notHeld);
    if (task.consult) throw refusalError(REFUSALS.resumeDuringConsult);
    this.#broadcastUpdate(this.#update(task, { held: false, heldAt: null }));
  }

  toggleMute(taskId: string): void {
    const task = this.#expect(taskId, 'toggleMute');
    // A browser call stays a browser call after a remote logout: its microphone is still the agent's.
    if (this.#state.station?.loginOption !== 'BROWSER' && !this.#browserCalls.has(taskId)) {
      throw refusalError(REFUSALS.muteOnPhone);
    }
    const muted = !task.muted;
    const participants = task.participants?.map((p) => (p.self ? { ...p, muted } : p));
    this.#broadcastUpdate(this.#update(task, { muted, ...(participants ? { participants } : {}) }));
  }

  pauseRecording(taskId: string): void {
    const task = this.#expect(taskId, 'pauseRecording');
    if (!task.recording || task.recordingPaused) throw refusalError(REFUSALS.recordingNotRunning);
    this.#broadcastUpdate(this.#update(task, { recordingPaused: true }));
  }

  resumeRecording(taskId: string): void {
    const task = this.#expect(taskId, 'resumeRecording');
    if (!task.recordingPaused) throw refusalError(REFUSALS.recordingNotPaused);
    this.#broadcastUpdate(this.#update(task, { recordingPaused: false }));
  }

  consult(taskId: string, destination: Destination): void {
    const task = this.#expect(taskId, 'consult');
    if (task.consult) throw refusalError(REFUSALS.consultUnderWay);
    const named = this.#checkDestination(destination);
    const next = this.#update(task, {
      consult: { destination: named, state: 'ringing', startedAt: this.clock.now() },
      // The customer waits on hold while the agent consults.
      ...(task.mediaType === 'telephony' && !task.held ? { held: true, heldAt: this.clock.now() } : {}),
    });
    this.#broadcastUpdate(next);
    this.#setTimer(`consult-${taskId}`, this.timing.consultAnswerMs, () => {
      const current = this.#state.tasks.find((t) => t.id === taskId);
      if (current?.consult?.state === 'ringing') {
        this.#broadcastUpdate(this.#update(current, { consult: { ...current.consult, state: 'connected' } }));
      }
    });
  }

  endConsult(taskId: string): void {
    const task = this.#expect(taskId, 'endConsult');
    if (!task.consult) throw refusalError(REFUSALS.noConsult);
    this.#clearTimer(`consult-${taskId}`);
    this.#broadcastUpdate(this.#update(task, { consult: null }));
  }

  transfer(taskId: string, destination: Destination): void {
    const task = this.#expect(taskId, 'transfer');
    if (task.consult) throw refusalError(REFUSALS.transferDuringConsult);
    this.#checkDestination(destination);
    this.#transferAway(task);
  }

  consultTransfer(taskId: string): void {
    const task = this.#expect(taskId, 'consultTransfer');
    if (task.consult?.state !== 'connected') throw refusalError(REFUSALS.consultNotAnswered);
    this.#clearTimer(`consult-${taskId}`);
    this.#transferAway(task);
  }

  /** Joins the answered consult and the customer: the three talk, nobody waits on hold. */
  conference(taskId: string): void {
    const task = this.#expect(taskId, 'conference');
    if (task.conference) throw refusalError(REFUSALS.alreadyConference);
    if (task.consult?.state !== 'connected') throw refusalError(REFUSALS.noConsultToJoin);
    this.#clearTimer(`consult-${taskId}`);
    const participants = this.#participants(task, task.consult.destination);
    this.#broadcastUpdate(this.#update(task, { consult: null, conference: true, held: false, heldAt: null, participants }));
  }

  /** The agent leaves the conference: the customer and the consulted party talk on; the task ends for the agent. */
  leaveConference(taskId: string): void {
    const task = this.#expect(taskId, 'leaveConference');
    if (!task.conference) throw refusalError(REFUSALS.notInConference);
    this.#broadcast({ type: 'task-updated', task, left: true });
    this.#endTask(task);
  }

  /** The consulted party takes the conference over; the agent leaves it and the task ends for the agent. */
  transferConference(taskId: string): void {
    const task = this.#expect(taskId, 'transferConference');
    if (!task.conference) throw refusalError(REFUSALS.notInConference);
    if (!task.participants?.some((p) => p.role === 'consulted')) throw refusalError(REFUSALS.noAgentToTakeConference);
    this.#transferAway(task);
  }

  /**
   * A party other than the agent leaves the conference (hangs up), as a test or the simulator's page says:
   * with the consulted party gone the agent is back with the customer alone; with the customer gone the
   * agent and the consulted party are left, still a conference of two.
   */
  participantLeaves(taskId: string, role: 'customer' | 'consulted'): void {
    const task = this.task(taskId);
    if (task.state !== 'connected' || !task.conference) refuse(`Task ${shown(taskId)} is not a conference.`);
    const participants = (task.participants ?? []).filter((p) => p.role !== role);
    if (role === 'consulted') {
      this.#broadcastUpdate(this.#update(task, { conference: false, participants: undefined }));
      return;
    }
    this.#broadcastUpdate(this.#update(task, { participants }));
  }

  /** Who is on a conference: the customer, the agent (self) and the consulted party, in the order they joined. */
  #participants(task: TaskSnapshot, consulted: Destination): Participant[] {
    return [
      { id: `${task.id}-customer`, role: 'customer', name: task.customerName, number: task.ani },
      { id: this.profile.agentId, role: 'agent', name: this.profile.agentName, self: true, muted: task.muted, held: false },
      {
        id: `${consulted.type}:${consulted.to}`,
        role: 'consulted',
        name: consulted.name,
        ...(consulted.type === 'dialNumber' ? { number: consulted.to } : {}),
        muted: false,
        held: false,
      },
    ];
  }

  /** Keys pressed on a call: kept, in order, with the call (`dtmfOf`); nothing else changes. */
  sendDtmf(taskId: string, digits: string): void {
    this.#expect(taskId, 'sendDtmf');
    if (!DTMF_KEYS.test(digits)) throw refusalError(REFUSALS.dtmfKeys);
    this.#dtmf.set(taskId, `${this.#dtmf.get(taskId) ?? ''}${digits}`);
  }

  /** The agent writes in a chat, social or email conversation: the customer reads it, and may answer. */
  sendMessage(taskId: string, message: OutgoingMessage): ConversationMessage {
    const task = this.#expect(taskId, 'sendMessage');
    if (!hasConversation(task.mediaType)) throw refusalError(REFUSALS.noConversation);
    if (!message.text.trim()) throw refusalError(REFUSALS.emptyMessage);
    if (message.text.length > MESSAGE_MAX_LENGTH) throw refusalError(REFUSALS.longMessage);
    const subject = task.mediaType === 'email' ? (message.subject?.trim() || reply(task.subject ?? '')) : undefined;
    const sent: ConversationMessage = {
      id: message.messageId,
      taskId,
      from: 'agent',
      author: this.profile.agentName,
      text: message.text,
      ...(subject !== undefined ? { subject } : {}),
      at: this.clock.now(),
      delivery: 'sent',
    };
    this.#customers.agentWrote(task, sent);
    return sent;
  }

  /** The keys sent on a call so far, for a test or the simulator's page. */
  dtmfOf(taskId: string): string {
    return this.#dtmf.get(taskId) ?? '';
  }

  end(taskId: string): void {
    const task = this.#expect(taskId, 'end');
    this.#clearTimer(`consult-${taskId}`);
    this.#endTask(task);
  }

  wrapup(taskId: string, args: WrapupArgs): void {
    const task = this.#expect(taskId, 'wrapup');
    if (!this.profile.wrapupCodes.some((c) => c.id === args.auxCodeId)) {
      throw CcError.of('invalid-request', { key: 'simulatorUnknownWrapupCode', values: { value: shown(args.auxCodeId) } });
    }
    this.#wrapup(task, args.auxCodeId, args.notes ?? '');
  }

  /** Stops the automatic wrap-up of a task in wrap-up: the agent wraps it up when ready. */
  cancelAutoWrapup(taskId: string): void {
    const task = this.#expect(taskId, 'cancelAutoWrapup');
    if (task.autoWrapupAt === null) throw refusalError(REFUSALS.noAutoWrapup);
    this.#clearTimer(`wrapup-${taskId}`);
    this.#broadcastUpdate(this.#update(task, { autoWrapupAt: null }));
  }

  /** The number an outbound call showed the customer (an outdial origin's), for a test or the simulator's page. */
  originOf(taskId: string): string | undefined {
    return this.#origins.get(taskId);
  }

  outdial(number: string, origin?: string): void {
    if (!this.#state.station) throw refusalError(REFUSALS.noStation);
    const problem = dialNumberRefusal(number);
    if (problem) throw refusalError(problem);
    if (origin !== undefined && !simulatorOutdialOrigins.some((o) => o.number === origin)) {
      throw CcError.of('invalid-request', { key: 'simulatorOriginNotAllowed', values: { value: shown(origin) } });
    }
    if (this.#busy('telephony')) throw CcError.of('invalid-state', { key: 'simulatorCallUnderWay' });
    const customer = simulatorCustomers.find((c) => c.phone === number.trim());
    const task = this.#newTask({ mediaType: 'telephony', ani: number.trim(), customerName: customer?.name }, 'outbound');
    const connected = { ...task, state: 'connected' as const, ronaAt: null, connectedAt: this.clock.now(), recording: true };
    this.#origins.set(connected.id, origin ?? simulatorOutdialOrigins[0].number);
    this.#state.tasks = [...this.#state.tasks, connected];
    this.#save();
    if (this.#state.station.loginOption === 'BROWSER') this.#browserCalls.add(connected.id);
    this.#broadcast({ type: 'task-assigned', task: connected });
  }

  /** Drops every timer (for tests and when the page goes away). State stays in storage. */
  dispose(): void {
    for (const handle of this.#timers.values()) this.clock.clearTimeout(handle);
    this.#timers.clear();
    this.#clients.clear();
  }

  get timerCount(): number {
    return this.#timers.size;
  }

  /** The names of the timers that are set (`rona-<taskId>`, `consult-<taskId>`, `wrapup-<taskId>`, …). */
  get timerNames(): string[] {
    return [...this.#timers.keys()];
  }

  // ---- internals ----------------------------------------------------------------------------------

  #runStep(step: ScenarioStep): void {
    switch (step.action) {
      case 'offer':
        return this.offer(step.offer);
      case 'supervisor-state':
        return this.supervisorSetState(step.state, step.auxCodeId);
      case 'remote-logout':
        return this.remoteLogout(step.reason);
      case 'drop-connection':
        return this.dropConnection(step.reconnectAfterMs);
      case 'expire-token':
        return this.expireToken(step.inMs);
      case 'customer-hangup':
        return this.customerHangup(step.taskId);
      case 'customer-message':
        return void this.customerSays(step.text, { ...(step.taskId !== undefined ? { taskId: step.taskId } : {}), ...(step.subject !== undefined ? { subject: step.subject } : {}) });
      case 'customer-typing':
        return this.customerTyping(step.typing ?? true, step.taskId !== undefined ? { taskId: step.taskId } : {});
    }
  }

  #defaultIdleCode(): string {
    return (this.profile.idleCodes.find((c) => c.isDefault) ?? this.profile.idleCodes[0])?.id ?? 'idle';
  }

  #setAgent(state: AgentStateSnapshot['state'], auxCodeId: string, by: ChangeSource, reason?: string): void {
    const agent: AgentStateSnapshot = { state, auxCodeId, by, since: this.clock.now(), ...(reason ? { reason } : {}) };
    this.#stats.stateChanged(this.#state.agent);
    this.#state.agent = agent;
    this.#save();
    this.#broadcast({ type: 'agent-state', agent });
    // The time in the state just left is counted now, not at the next periodic report.
    this.reportStats();
    if (state === 'Available') this.#routeQueued();
  }

  #busy(media: MediaType): boolean {
    const open = this.#state.tasks.filter((t) => t.mediaType === media && isActive(t)).length;
    return open >= this.#capacity[media];
  }

  /**
   * Whether a new contact may be offered now, as a contact center routes: not while a wrap-up is owed (unless
   * the profile's `routeDuringWrapup` allows it), and not on a channel at its capacity (one call at a time).
   */
  #routable(media: MediaType): boolean {
    if (!this.profile.routeDuringWrapup && this.#state.tasks.some((t) => t.state === 'wrapup')) return false;
    return !this.#busy(media);
  }

  #routeQueued(): void {
    if (!this.#state.station || this.#state.agent?.state !== 'Available') return;
    const waiting = this.#state.queued;
    const routed: OfferSpec[] = [];
    for (const spec of waiting) {
      const media = spec.mediaType ?? 'telephony';
      if (!this.#routable(media)) continue;
      routed.push(spec);
      // A campaign's preview is an outbound call the agent places by accepting it.
      const task = this.#newTask(spec, spec.campaign ? 'outbound' : 'inbound');
      this.#state.tasks = [...this.#state.tasks, task];
      this.#scheduleRona(task);
      this.#broadcast({ type: 'task-offered', task });
      this.#customerWrites(task);
    }
    this.#state.queued = waiting.filter((s) => !routed.includes(s));
    this.#save();
    if (routed.length) this.reportStats();
  }

  /** A chat, social or email contact opens with the customer's first message (a chat's first line, an email). */
  #customerWrites(task: TaskSnapshot): void {
    this.#customers.opened(task);
  }

  #newTask(spec: OfferSpec, direction: 'inbound' | 'outbound'): TaskSnapshot {
    const mediaType = spec.mediaType ?? 'telephony';
    // A known caller is recognised by number, address or handle; otherwise the next customer calls.
    const known = spec.ani ? simulatorCustomers.find((c) => [c.phone, c.email, c.handle].includes(spec.ani!)) : undefined;
    const customer = known ?? simulatorCustomers[this.#customerIndex++ % simulatorCustomers.length];
    const queue = simulatorQueues.find((q) => q.to === spec.queueId) ?? simulatorQueues[0];
    const ani =
      spec.ani ?? (mediaType === 'telephony' ? customer.phone : mediaType === 'email' ? customer.email : customer.handle);
    const recognised = !spec.ani || !!known;
    const now = this.clock.now();
    this.#state.seq += 1;
    return {
      id: `sim-${this.#tag}-${mediaType}-${this.#state.seq}`,
      mediaType,
      direction,
      state: 'offered',
      ani,
      customerName: spec.customerName ?? (recognised ? customer.name : undefined),
      subject: spec.subject ?? defaultSubject(mediaType),
      queue: { id: queue.to, name: queue.name },
      offeredAt: now,
      ronaAt: now + this.timing.ringMs,
      connectedAt: null,
      endedAt: null,
      held: false,
      heldAt: null,
      muted: false,
      recording: false,
      recordingPaused: false,
      consult: null,
      wrapupRequired: true,
      autoWrapupAt: null,
      cad: { ...(recognised ? { accountNumber: customer.account } : {}), ...spec.cad },
      ...(spec.campaign ? { preview: { campaign: spec.campaign } } : {}),
    };
  }

  #scheduleRona(task: TaskSnapshot): void {
    if (task.ronaAt === null) return;
    this.#setTimer(`rona-${task.id}`, task.ronaAt - this.clock.now(), () => {
      const current = this.#state.tasks.find((t) => t.id === task.id);
      if (current?.state !== 'offered') return;
      this.#reject(current, 'rona');
      this.#setAgent('RONA', 'rona', 'system', 'Offer not answered in time');
    });
  }

  #scheduleAutoWrapup(task: TaskSnapshot): void {
    if (task.autoWrapupAt === null) return;
    this.#setTimer(`wrapup-${task.id}`, task.autoWrapupAt - this.clock.now(), () => {
      const current = this.#state.tasks.find((t) => t.id === task.id);
      if (current?.state !== 'wrapup') return;
      const code = (this.profile.wrapupCodes.find((c) => c.isDefault) ?? this.profile.wrapupCodes[0])?.id ?? '';
      this.#wrapup(current, code, 'Wrapped up automatically');
    });
  }

  #reject(task: TaskSnapshot, reason: 'declined' | 'rona' | 'cancelled'): void {
    this.#clearTimer(`rona-${task.id}`);
    this.#customers.stop(task.id, true);
    this.#state.tasks = this.#state.tasks.filter((t) => t.id !== task.id);
    this.#save();
    this.#broadcast({ type: 'task-rejected', task: { ...task, ronaAt: null }, reason });
    this.#stats.rejected(task, reason);
    this.reportStats();
  }

  #endTask(task: TaskSnapshot): void {
    this.#browserCalls.delete(task.id);
    this.#customers.stop(task.id);
    const now = this.clock.now();
    const seconds = this.profile.autoWrapupSeconds;
    const ended = this.#update(task, {
      state: 'wrapup',
      endedAt: now,
      held: false,
      heldAt: null,
      muted: false,
      consult: null,
      conference: false,
      participants: undefined,
      autoWrapupAt: seconds === null ? null : now + seconds * 1000,
    });
    this.#broadcast({ type: 'task-ended', task: ended });
    this.#broadcast({ type: 'task-media', taskId: task.id, track: null });
    this.#scheduleAutoWrapup(ended);
    // The line is free; a profile that routes during wrap-up offers the next contact now.
    this.#routeQueued();
  }

  #transferAway(task: TaskSnapshot): void {
    this.#broadcast({ type: 'task-updated', task, transferred: true });
    this.#endTask(task);
  }

  #wrapup(task: TaskSnapshot, auxCodeId: string, notes: string): void {
    this.#clearTimer(`wrapup-${task.id}`);
    this.#customers.stop(task.id, true);
    this.#state.tasks = this.#state.tasks.filter((t) => t.id !== task.id);
    this.#save();
    this.#broadcast({ type: 'task-wrapped-up', task, auxCodeId, notes });
    this.#stats.wrappedUp(task);
    this.reportStats();
    // The wrap-up done, the agent can take the next contact waiting.
    this.#routeQueued();
  }

  /**
   * The task, when it is in the phase (and of the media) the action table asks of `method`: a real contact
   * center refuses what its own state does not allow, whatever the desk checked first, in the table's words.
   */
  #expect(taskId: string, method: BackendMethod): TaskSnapshot {
    const task = this.task(taskId);
    const name = requestByMethod(method)!;
    const spec = actionSpec(name);
    if (spec.phase && task.state !== spec.phase) throw refusalError(phaseRefusal(actionOf(name), task.state));
    if (spec.media && task.mediaType !== spec.media) throw refusalError(mediaRefusal(actionOf(name), task.mediaType));
    return task;
  }

  #checkDestination(destination: Destination): Destination {
    const to = destination.to.trim();
    if (destination.type === 'agent') {
      const buddy = simulatorBuddies.find((b) => b.to === to);
      if (!buddy) throw CcError.of('invalid-request', { key: 'simulatorUnknownAgent', values: { value: shown(to) } });
      if (!buddy.available) throw CcError.of('rejected', { key: 'simulatorAgentAway', values: { name: buddy.name } });
      return { type: 'agent', to, name: buddy.name };
    }
    if (destination.type === 'queue') {
      const queue = simulatorQueues.find((q) => q.to === to);
      if (!queue) throw CcError.of('invalid-request', { key: 'simulatorUnknownQueue', values: { value: shown(to) } });
      return { type: 'queue', to, name: queue.name };
    }
    if (destination.type === 'entryPoint') {
      const entryPoint = simulatorEntryPoints.find((e) => e.to === to);
      if (!entryPoint) throw CcError.of('invalid-request', { key: 'simulatorUnknownEntryPoint', values: { value: shown(to) } });
      return { type: 'entryPoint', to, name: entryPoint.name };
    }
    const problem = dialNumberRefusal(to);
    if (problem) throw refusalError(problem);
    // A number of the address book goes by its name.
    return { type: 'dialNumber', to, name: simulatorAddressBook.find((e) => e.to === to)?.name ?? to };
  }

  #update(task: TaskSnapshot, patch: Partial<TaskSnapshot>): TaskSnapshot {
    const next: { -readonly [K in keyof TaskSnapshot]: TaskSnapshot[K] } = { ...task, ...patch };
    // A conference's participants go with it: the snapshot has none, rather than `participants: undefined`.
    if (next.participants === undefined) delete next.participants;
    this.#state.tasks = this.#state.tasks.map((t) => (t.id === task.id ? next : t));
    this.#save();
    return next;
  }

  #broadcastUpdate(task: TaskSnapshot): void {
    this.#broadcast({ type: 'task-updated', task });
  }

  #broadcast(event: BackendEvent): void {
    for (const client of [...this.#clients]) client.deliver(event);
  }

  #setTimer(name: string, ms: number, fn: () => void): void {
    this.#clearTimer(name);
    this.#timers.set(
      name,
      this.clock.setTimeout(() => {
        this.#timers.delete(name);
        fn();
      }, ms),
    );
  }

  #clearTimer(name: string): void {
    const handle = this.#timers.get(name);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.#timers.delete(name);
  }

  #save(): void {
    if (!this.#storage) return;
    try {
      this.#storage.setItem(this.#storageKey, JSON.stringify({ ...this.#state, messages: this.#customers?.saved ?? {} }));
    } catch {
      // Storage full or denied: the simulator keeps working in memory.
    }
  }

  /** Loads a previous page's state, and restarts its timers (ringing, auto wrap-up) from their due times. */
  #restore(): void {
    const text = this.#storage?.getItem(this.#storageKey);
    if (!text) return;
    try {
      const saved = JSON.parse(text) as PersistedState;
      if (!Array.isArray(saved.tasks)) return;
      // A saved queue holds only offers this version accepts: one bad entry must not block every later Available.
      const queued = Array.isArray(saved.queued) ? saved.queued.filter((spec) => offerProblem(spec) === null) : [];
      this.#state = { station: saved.station ?? null, agent: saved.agent ?? null, tasks: saved.tasks, queued, seq: saved.seq ?? 0 };
      this.#customers.restore(saved.messages);
      for (const task of this.#state.tasks) {
        if (task.state === 'offered') this.#scheduleRona(task);
        if (task.state === 'wrapup') this.#scheduleAutoWrapup(task);
      }
    } catch {
      this.#storage?.removeItem(this.#storageKey);
    }
  }
}

const simulatorBuddyNumbers: readonly string[] = ['+14155550100', '+14155550101'];

function defaultSubject(media: MediaType): string {
  switch (media) {
    case 'email':
      return 'Question about my last invoice';
    case 'chat':
      return 'Hi, my order has not arrived yet';
    case 'social':
      return 'DM: is the spring sale still on?';
    default:
      return '';
  }
}
