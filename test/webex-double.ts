/**
 * A test double of the Webex Contact Center SDK as it behaves at RUN TIME (see shared/webex-sdk.md), and of
 * the contact center behind it. No network, no SDK code.
 *
 * - `webex` is what `Webex.init()` returns: `once('ready')`, `ready`, `canAuthorize`, `cc`, `authorization`.
 * - `webex.cc` is an event emitter with string-named events (`'task:incoming'`, `'agent:stateChange'`, …) and
 *   the SDK's methods, answering with the SDK's raw payload shapes (including what its types leave out, such
 *   as `interaction.callAssociatedDetails`), and its private `taskManager` and `services.connectionService`.
 * - A task is an emitter with `data` and the ITask methods. As in the SDK's TaskManager, every server message
 *   updates `task.data`, emits the `task:*` event, then re-emits the raw websocket type on the task.
 * - The "server" side (`offer`, `rona`, `hangup`, `supervisorState`, `dropConnection`, `failNext`, …) plays
 *   the contact center and the customer.
 */
import { silentTrack } from '../src/backends/simulator/backend.js';

type Listener = (...args: any[]) => void;

/** An emitter with the methods both Node's EventEmitter (tasks) and Ampersand events (`webex.cc`) have. */
export class Emitter {
  #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      listener(...args);
    };
    (wrapped as { original?: Listener }).original = listener;
    return this.on(event, wrapped);
  }
  off(event: string, listener?: Listener): this {
    if (!listener) {
      this.#listeners.delete(event);
      return this;
    }
    const list = (this.#listeners.get(event) ?? []).filter((l) => l !== listener && (l as { original?: Listener }).original !== listener);
    if (list.length) this.#listeners.set(event, list);
    else this.#listeners.delete(event);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    return this.off(event, listener);
  }
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.#listeners.get(event);
    if (!list) return false;
    for (const listener of [...list]) listener(...args);
    return true;
  }
  trigger(event: string, ...args: unknown[]): this {
    this.emit(event, ...args);
    return this;
  }
  listenerCount(event?: string): number {
    if (event) return this.#listeners.get(event)?.length ?? 0;
    return [...this.#listeners.values()].reduce((n, l) => n + l.length, 0);
  }
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const AGENT_ID = 'agent-dana';
export const ORG_ID = 'org-1';

/** The profile `register()` resolves with, as the SDK builds it at run time (teams as `{id, name, …}`). */
export function rawProfile(overrides: Record<string, unknown> = {}) {
  const wrapupCodes = [
    { id: 'wrap-resolved', name: 'Resolved', isSystem: false, isDefault: true },
    { id: 'wrap-followup', name: 'Follow-up needed', isSystem: false, isDefault: false },
    { id: 'wrap-escalated', name: 'Escalated', isSystem: false, isDefault: false },
  ];
  return {
    agentId: AGENT_ID,
    agentName: 'Dana Whitfield',
    agentMailId: 'dana.whitfield@example.com',
    agentProfileID: 'agent-profile-1',
    agentDbId: 'db-1',
    orgId: ORG_ID,
    siteId: 'site-1',
    enterpriseId: 'ent-1',
    multimediaProfileId: 'mm-1',
    skillProfileId: null,
    teams: [
      { id: 'team-support', name: 'Customer Support', teamType: 'AGENT', teamStatus: 'IN_SERVICE', active: true, siteId: 'site-1', siteName: 'HQ' },
      { id: 'team-billing', name: 'Billing', teamType: 'AGENT', teamStatus: 'IN_SERVICE', active: true, siteId: 'site-1', siteName: 'HQ' },
    ],
    loginVoiceOptions: ['AGENT_DN', 'EXTENSION', 'BROWSER'],
    webRtcEnabled: true,
    defaultDn: '+14155550199',
    dn: '+14155550199',
    forceDefaultDn: false,
    forceDefaultDnForAgent: false,
    regexUS: '1[0-9]{3}[2-9][0-9]{6}',
    regexOther: '\\+[1-9][0-9]{7,14}',
    dialPlan: {
      type: 'adhocDial',
      dialPlanEntity: [{ regex: '^\\+?[1-9][0-9]{7,14}$', prefix: '', strippedChars: '', name: 'E.164' }],
    },
    idleCodes: [
      { id: 'idle-break', name: 'Break', isSystem: false, isDefault: true },
      { id: 'idle-lunch', name: 'Lunch', isSystem: false, isDefault: false },
      { id: 'idle-meeting', name: 'Meeting', isSystem: false, isDefault: false },
      { id: 'idle-rona', name: 'RONA', isSystem: true, isDefault: false },
      { id: '0', name: 'Available', isSystem: false, isDefault: false },
    ],
    wrapupCodes,
    defaultWrapupCode: 'wrap-resolved',
    wrapUpData: {
      wrapUpProps: { autoWrapup: false, autoWrapupInterval: 0, lastAgentRoute: false, wrapUpReasonList: wrapupCodes, allowCancelAutoWrapup: false },
    },
    isOutboundEnabledForTenant: true,
    isOutboundEnabledForAgent: true,
    isAdhocDialingEnabled: true,
    isAgentAvailableAfterOutdial: false,
    isCampaignManagementEnabled: false,
    outDialEp: 'ep-outdial',
    outdialANIId: 'ani-list-1',
    isEndCallEnabled: true,
    isEndConsultEnabled: true,
    allowConsultToQueue: true,
    agentPersonalStatsEnabled: false,
    privacyShieldVisible: false,
    isTimeoutDesktopInactivityEnabled: false,
    lostConnectionRecoveryTimeout: 120000,
    isAgentLoggedIn: false,
    ...overrides,
  };
}

export const CUSTOMERS = [
  { name: 'Priya Raman', phone: '+14155550142', account: 'AC-10442' },
  { name: 'Marcus Oyelaran', phone: '+442071838750', account: 'AC-20871' },
];

export const BUDDIES = [
  { agentId: 'agent-sam', agentName: 'Sam Okafor', state: 'Available', teamId: 'team-support', dn: '+14155550100', siteId: 'site-1' },
  { agentId: 'agent-ines', agentName: 'Inés Moreau', state: 'Available', teamId: 'team-billing', dn: '+14155550101', siteId: 'site-1' },
];

export const QUEUES = [
  { id: 'queue-support', name: 'Support queue', channelType: 'TELEPHONY', queueType: 'INBOUND', active: true },
  { id: 'queue-billing', name: 'Billing queue', channelType: 'TELEPHONY', queueType: 'INBOUND', active: true },
  { id: 'queue-escalations', name: 'Escalations', channelType: 'TELEPHONY', queueType: 'INBOUND', active: true },
];

export interface OfferSpec {
  mediaType?: 'telephony' | 'chat' | 'email' | 'social';
  direction?: 'INBOUND' | 'OUTBOUND';
  ani?: string;
}

type FaultKind = 'refuse' | 'auth' | 'network' | 'timeout';
interface Fault {
  method: string;
  kind: FaultKind;
  message: string;
}

/** What the SDK throws: task errors (`generateTaskErrorObject`), agent errors (`getErrorDetails`), HTTP errors. */
export function sdkError(kind: FaultKind, message: string, method = ''): Error {
  if (kind === 'auth') return Object.assign(new Error('Unauthorized: the access token is invalid or expired'), { statusCode: 401, name: 'Unauthorized' });
  if (kind === 'network') return Object.assign(new Error('Failed to fetch'), { statusCode: 0, name: 'NetworkOrCORSError' });
  if (kind === 'timeout') return new Error(`Service.aqm.reqs.Timeout: ${method} timed out`);
  const err = new Error(`AGENT_ACTION_NOT_ALLOWED: ${message}`) as Error & { data: Record<string, unknown> };
  err.data = { message, errorType: 'AGENT_ACTION_NOT_ALLOWED', errorData: '', reasonCode: 1134, trackingId: 'track-1' };
  return err;
}

/** One task, as the SDK's `Task`: an emitter with `data` and the ITask methods. */
export class FakeTask extends Emitter {
  data: any;
  autoWrapup?: { isRunning(): boolean; getTimeLeft(): number; getTimeLeftSeconds(): number };
  webCallMap = {};
  readonly calls: { method: string; args: unknown[] }[] = [];

  constructor(
    private readonly server: WebexDouble,
    data: any,
  ) {
    super();
    this.data = data;
    server.track(this);
  }

  updateTaskData(newData: any): this {
    this.data = newData;
    return this;
  }
  cancelAutoWrapupTimer(): void {
    this.autoWrapup = undefined;
  }
  unregisterWebCallListeners(): void {}

  get id(): string {
    return this.data.interactionId;
  }

  async accept() {
    return this.server.act(this, 'accept', [], async () => {
      const browser = this.server.station?.loginOption === 'BROWSER' && this.data.interaction.mediaType === 'telephony';
      if (browser) {
        // WebRTC answer: resolves at once; the assignment and the remote audio follow.
        setTimeout(() => this.server.assign(this.id), 0);
        return undefined;
      }
      if (this.data.interaction.mediaType === 'telephony') return undefined; // answered on the phone
      this.server.assign(this.id);
      return this.server.contactResponse(this.id, 'AgentContactAssigned');
    });
  }
  async decline() {
    return this.server.act(this, 'decline', [], async () => {
      this.server.forget(this.id);
      return undefined;
    });
  }
  async hold(mediaResourceId?: string) {
    return this.server.act(this, 'hold', [mediaResourceId], async () => this.server.setHold(this.id, true));
  }
  async resume(mediaResourceId?: string) {
    return this.server.act(this, 'resume', [mediaResourceId], async () => this.server.setHold(this.id, false));
  }
  async toggleMute() {
    return this.server.act(this, 'toggleMute', [], async () => undefined);
  }
  async end() {
    return this.server.act(this, 'end', [], async () => this.server.endContact(this.id));
  }
  async pauseRecording() {
    return this.server.act(this, 'pauseRecording', [], async () => this.server.setPaused(this.id, true));
  }
  async resumeRecording(payload: { autoResumed: boolean }) {
    return this.server.act(this, 'resumeRecording', [payload], async () => this.server.setPaused(this.id, false));
  }
  async consult(payload: { to: string; destinationType: string; holdParticipants?: boolean }) {
    return this.server.act(this, 'consult', [payload], async () => this.server.startConsult(this.id, payload));
  }
  async endConsult(payload: { isConsult: boolean; taskId: string; queueId?: string }) {
    return this.server.act(this, 'endConsult', [payload], async () => this.server.stopConsult(this.id));
  }
  async transfer(payload: { to: string; destinationType: string }) {
    return this.server.act(this, 'transfer', [payload], async () => this.server.transferAway(this.id, payload.destinationType === 'queue' ? 'AgentVteamTransferred' : 'AgentBlindTransferred'));
  }
  async consultTransfer(payload?: { to: string; destinationType: string }) {
    return this.server.act(this, 'consultTransfer', [payload], async () => this.server.transferAway(this.id, 'AgentConsultTransferred'));
  }
  async wrapup(payload: { wrapUpReason: string; auxCodeId: string }) {
    return this.server.act(this, 'wrapup', [payload], async () => {
      if (!payload.auxCodeId) throw new Error('AuxCodeId is required');
      if (!payload.wrapUpReason) throw new Error('WrapUpReason is required');
      return this.server.wrapUp(this.id, payload.auxCodeId);
    });
  }
}

/** `webex.cc` at run time. */
export class FakeCc extends Emitter {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly services = { connectionService: new Emitter() };
  readonly taskManager: { getAllTasks(): Record<string, FakeTask> };

  constructor(private readonly server: WebexDouble) {
    super();
    this.taskManager = { getAllTasks: () => server.collection };
  }

  register() {
    return this.server.act(this, 'register', [], async () => this.server.register());
  }
  deregister() {
    return this.server.act(this, 'deregister', [], async () => {
      this.server.registered = false;
    });
  }
  stationLogin(data: { teamId: string; loginOption: string; dialNumber?: string }) {
    return this.server.act(this, 'stationLogin', [data], async () => this.server.stationLogin(data));
  }
  stationLogout(data: { logoutReason?: string }) {
    return this.server.act(this, 'stationLogout', [data], async () => this.server.stationLogout());
  }
  setAgentState(data: { state: string; auxCodeId: string; lastStateChangeReason?: string }) {
    return this.server.act(this, 'setAgentState', [data], async () => this.server.setState(data.state, data.auxCodeId, null));
  }
  getBuddyAgents(data: { mediaType: string; state?: string }) {
    return this.server.act(this, 'getBuddyAgents', [data], async () => ({
      type: 'BuddyAgents',
      orgId: ORG_ID,
      trackingId: 'track-buddies',
      data: { eventType: 'AgentDesktopMessage', type: 'BuddyAgents', agentId: AGENT_ID, agentList: clone(BUDDIES.filter((b) => !data.state || b.state === data.state)) },
    }));
  }
  getQueues(params: { page?: number; pageSize?: number } = {}) {
    return this.server.act(this, 'getQueues', [params], async () => {
      // Two pages, as the API paginates: {data, meta}.
      const page = params.page ?? 0;
      return { data: clone(page === 0 ? QUEUES.slice(0, 2) : QUEUES.slice(2)), meta: { page, pageSize: 2, totalPages: 2, totalRecords: QUEUES.length } };
    });
  }
  startOutdial(destination: string, origin: string) {
    return this.server.act(this, 'startOutdial', [destination, origin], async () => {
      const id = this.server.offer({ direction: 'OUTBOUND', ani: destination });
      return this.server.contactResponse(id, 'AgentOfferContact');
    });
  }
  getOutdialAniEntries(params: { outdialANI: string }) {
    return this.server.act(this, 'getOutdialAniEntries', [params], async () => [{ id: 'ani-1', name: 'Main line', number: '+18005550100', links: [] }]);
  }
  uploadLogs() {
    return this.server.act(this, 'uploadLogs', [], async () => ({ trackingid: 'logs-track-1', feedbackId: 'feedback-1' }));
  }
}

/** What `Webex.init()` returns. */
export class FakeWebex extends Emitter {
  ready = false;
  canAuthorize = true;
  readonly cc: FakeCc;
  readonly authorization = { initiateLogin: async () => void this.loginRequests++ };
  loginRequests = 0;
  credentials = {
    supertoken: { expires: Date.now() + 3_600_000, access_token: undefined as string | undefined },
    /** As webex-core's: a new supertoken replaces the old one. */
    set: (attrs: { supertoken: { access_token: string } }) => {
      this.credentials.supertoken = { expires: Date.now() + 3_600_000, access_token: attrs.supertoken.access_token };
    },
  };

  constructor(server: WebexDouble) {
    super();
    this.cc = new FakeCc(server);
  }

  /** Fires `ready` as webex-core does: on a later tick. */
  becomeReady(): void {
    setTimeout(() => {
      this.ready = true;
      this.emit('ready');
    }, 0);
  }
}

export interface WebexDoubleOptions {
  /** Never fire `ready` (a broken SDK or network). */
  neverReady?: boolean;
  /** `register()` refuses the token (401), as Webex does for a fake or expired token. */
  /** Refuse every token, or the tokens this returns true for (the double reads the instance's current token). */
  refuseToken?: boolean | ((token: string | undefined) => boolean);
  /** The instance holds no credentials (OAuth before the redirect). */
  unauthorized?: boolean;
  profile?: Record<string, unknown>;
  /** Already logged in to a station (a reload): register() says so and hydrates these tasks. */
  loggedIn?: { teamId: string; loginOption: string; dialNumber?: string };
}

/** The contact center and the SDK in one: `double.webex` goes into the backend; the rest drives it. */
export class WebexDouble {
  readonly webex: FakeWebex;
  readonly cc: FakeCc;
  /** The SDK's task collection (`taskManager.getAllTasks()`). */
  collection: Record<string, FakeTask> = {};
  /** The server's truth for every interaction, which reaches `task.data` only through events. */
  readonly contacts = new Map<string, any>();
  station: { teamId: string; loginOption: string; dialNumber?: string } | null = null;
  agentState = { auxCodeId: 'idle-break', subStatus: 'Idle', lastStateChangeTimestamp: Date.now() };
  registered = false;
  networkUp = true;
  #faults: Fault[] = [];
  #seq = 0;
  #profile: Record<string, unknown>;
  readonly options: WebexDoubleOptions;

  constructor(options: WebexDoubleOptions = {}) {
    this.options = options;
    this.webex = new FakeWebex(this);
    this.cc = this.webex.cc;
    this.webex.canAuthorize = !options.unauthorized;
    this.#profile = rawProfile(options.profile);
    if (options.loggedIn) this.station = { ...options.loggedIn };
    if (!options.neverReady) this.webex.becomeReady();
  }

  // ---- the SDK's plumbing ---------------------------------------------------------------------------

  /** Runs one SDK method as the SDK does: refused offline or by an injected fault, else after a network hop. */
  async act<T>(target: FakeCc | FakeTask, method: string, args: unknown[], run: () => Promise<T>): Promise<T> {
    target.calls.push({ method, args });
    await tick();
    if (!this.networkUp && method !== 'deregister') throw sdkError('network', '', method);
    const index = this.#faults.findIndex((f) => f.method === method);
    if (index >= 0) {
      const [fault] = this.#faults.splice(index, 1);
      throw sdkError(fault.kind, fault.message, method);
    }
    return run();
  }

  /** The next call of `method` (an SDK method name: `hold`, `stationLogin`, …) fails. */
  failNext(method: string, kind: FaultKind = 'refuse', message = 'Not allowed right now.'): void {
    this.#faults.push({ method, kind, message });
  }

  get profile() {
    return this.#profile;
  }

  async register() {
    if (!this.networkUp) throw sdkError('network', '');
    const refuse = this.options.refuseToken;
    if (typeof refuse === 'function' ? refuse(this.webex.credentials.supertoken.access_token) : refuse) throw sdkError('auth', '');
    this.registered = true;
    const profile: Record<string, unknown> = clone(this.#profile);
    if (this.station) {
      Object.assign(profile, {
        isAgentLoggedIn: true,
        currentTeamId: this.station.teamId,
        deviceType: this.station.loginOption,
        dn: this.station.dialNumber ?? profile.defaultDn,
        lastStateAuxCodeId: this.agentState.auxCodeId,
        lastStateChangeTimestamp: this.agentState.lastStateChangeTimestamp,
      });
      // After the silent relogin, the server sends each open contact: the SDK hydrates them.
      setTimeout(() => {
        for (const id of this.contacts.keys()) {
          if (this.collection[id]) continue;
          const task = new FakeTask(this, clone(this.contacts.get(id)));
          this.collection[id] = task;
          this.cc.emit('task:hydrate', task);
          task.emit('RoutingMessage', { ...clone(this.contacts.get(id)), type: 'AgentContact' });
        }
      }, 0);
    }
    return profile;
  }

  stationLogin(data: { teamId: string; loginOption: string; dialNumber?: string }) {
    if (data.loginOption === 'AGENT_DN' && !/^\+?[1-9][0-9]{7,14}$/.test(data.dialNumber ?? '')) {
      const err = new Error('INVALID_DIAL_NUMBER') as Error & { data: Record<string, unknown> };
      err.data = { message: 'Enter a valid dial number. For help, reach out to your administrator or support team.', fieldName: 'AGENT_DN' };
      throw err;
    }
    this.station = { teamId: data.teamId, loginOption: data.loginOption, ...(data.dialNumber ? { dialNumber: data.dialNumber } : {}) };
    this.agentState = { auxCodeId: 'idle-break', subStatus: 'Idle', lastStateChangeTimestamp: Date.now() };
    const payload = {
      eventType: 'AgentDesktopMessage',
      type: 'AgentStationLoginSuccess',
      agentId: AGENT_ID,
      orgId: ORG_ID,
      trackingId: 'track-login',
      agentSessionId: 'session-1',
      teamId: data.teamId,
      deviceType: data.loginOption,
      dialNumber: data.loginOption === 'BROWSER' ? AGENT_ID : data.dialNumber,
      interactionIds: [],
      status: 'LoggedIn',
      siteId: 'site-1',
      profileType: 'BLENDED',
      lastIdleCodeChangeTimestamp: this.agentState.lastStateChangeTimestamp,
      ...this.agentState,
      mmProfile: { chat: 3, email: 2, social: 2, telephony: 1 },
      notifsTrackingId: 'notifs-1',
    };
    this.cc.emit('agent:stationLoginSuccess', clone(payload));
    return payload;
  }

  stationLogout() {
    if (this.contacts.size > 0) {
      const err = new Error('AGENT_HAS_ACTIVE_INTERACTIONS') as Error & { details: unknown };
      err.details = { data: { reason: 'AGENT_HAS_ACTIVE_INTERACTIONS' } };
      throw err;
    }
    this.station = null;
    const payload = { type: 'AgentLogoutSuccess', eventType: 'AgentDesktopMessage', agentId: AGENT_ID, loggedOutBy: AGENT_ID, status: 'LoggedOut', subStatus: '' };
    this.cc.emit('agent:logoutSuccess', clone(payload));
    return { type: 'AgentLogoutSuccess', orgId: ORG_ID, trackingId: 'track-logout', data: payload };
  }

  setState(state: string, auxCodeId: string, changedBy: { id: string; name: string } | null, reason = '') {
    this.agentState = { auxCodeId, subStatus: state === 'Available' ? 'Available' : 'Idle', lastStateChangeTimestamp: Date.now() };
    const data = {
      eventType: 'AgentDesktopMessage',
      type: 'AgentStateChangeSuccess',
      agentId: AGENT_ID,
      orgId: ORG_ID,
      trackingId: 'track-state',
      agentSessionId: 'session-1',
      status: 'LoggedIn',
      ...this.agentState,
      lastIdleCodeChangeTimestamp: this.agentState.lastStateChangeTimestamp,
      changedBy: changedBy ? changedBy.name : AGENT_ID,
      changedById: changedBy ? changedBy.id : AGENT_ID,
      changedByName: changedBy ? changedBy.name : 'Dana Whitfield',
      lastStateChangeReason: reason,
    };
    if (this.networkUp) this.cc.emit('agent:stateChange', clone(data));
    return { type: 'AgentStateChange', orgId: ORG_ID, trackingId: 'track-state', data };
  }

  /** A server message about a contact: applied to the SDK's task, then `task:*` and the raw type emitted. */
  #message(id: string, rawType: string, event: string | null, payload?: unknown): void {
    if (!this.networkUp) return;
    const task = this.collection[id];
    if (!task) return;
    const data = clone(this.contacts.get(id) ?? task.data);
    data.type = rawType;
    task.updateTaskData(data);
    if (event) task.emit(event, payload === undefined ? task : payload);
    task.emit('RoutingMessage', clone(data));
  }

  contactResponse(id: string, type: string) {
    return { type, orgId: ORG_ID, trackingId: `track-${type}`, data: clone(this.contacts.get(id) ?? {}) };
  }

  // ---- the contact center and the customer -----------------------------------------------------------

  /** A contact is offered to the agent (`AgentContactReserved` → `task:incoming`). Returns its id. */
  offer(spec: OfferSpec = {}): string {
    const n = ++this.#seq;
    const id = `wx-interaction-${n}`;
    const mediaType = spec.mediaType ?? 'telephony';
    const customer = CUSTOMERS[(n - 1) % CUSTOMERS.length];
    const outbound = spec.direction === 'OUTBOUND';
    const ani = spec.ani ?? (mediaType === 'telephony' ? customer.phone : `${customer.name.split(' ')[0].toLowerCase()}@example.org`);
    const data = {
      mediaResourceId: id,
      eventType: 'RoutingMessage',
      eventTime: Date.now(),
      agentId: AGENT_ID,
      destAgentId: AGENT_ID,
      trackingId: `track-${id}`,
      consultMediaResourceId: '',
      interactionId: id,
      orgId: ORG_ID,
      owner: AGENT_ID,
      queueMgr: 'aqm',
      queueName: 'Support queue',
      type: 'AgentContactReserved',
      ronaTimeout: 20,
      isConsulted: false,
      isConferencing: false,
      wrapUpRequired: false,
      isAutoAnswering: false,
      interaction: {
        interactionId: id,
        orgId: ORG_ID,
        mediaType,
        mediaChannel: mediaType === 'telephony' ? 'broadcloud' : mediaType,
        state: 'new',
        isTerminated: false,
        isFcManaged: false,
        currentVTeam: 'queue-support',
        previousVTeams: [],
        owner: AGENT_ID,
        createdTimestamp: Date.now() - 4000,
        contactDirection: { type: outbound ? 'OUTBOUND' : 'INBOUND' },
        ...(outbound ? { outboundType: 'OUTDIAL' } : {}),
        participants: {
          [AGENT_ID]: { pType: 'Agent', name: 'Dana Whitfield', hasJoined: false, isWrapUp: false, id: AGENT_ID },
          [`customer-${n}`]: { pType: 'Customer', name: customer.name, hasJoined: true, id: `customer-${n}` },
        },
        media: {
          [id]: {
            mediaResourceId: id,
            mediaType,
            mediaMgr: 'callmm',
            participants: [`customer-${n}`, AGENT_ID],
            mType: 'mainCall',
            isHold: false,
            holdTimestamp: null,
          },
        },
        callProcessingDetails: {
          QMgrName: 'aqm',
          ani: outbound ? '+18005550100' : ani,
          displayAni: outbound ? '+18005550100' : ani,
          dnis: outbound ? ani : '+18005550100',
          tenantId: 'tenant-1',
          QueueId: 'queue-support',
          vteamId: 'queue-support',
          virtualTeamName: 'Support queue',
          customerName: customer.name,
          ronaTimeout: '20',
          pauseResumeEnabled: 'true',
          isPaused: 'false',
          recordInProgress: 'false',
          recordingStarted: 'false',
        },
        // Not in the SDK's types, but in every payload: what the widgets read.
        callAssociatedDetails: {
          ani: outbound ? '+18005550100' : ani,
          dn: outbound ? ani : '+18005550100',
          customerName: customer.name,
          virtualTeamName: 'Support queue',
          ronaTimeout: '20',
        },
        callAssociatedData: {
          accountNumber: { name: 'accountNumber', value: customer.account, type: 'STRING', agentEditable: false, displayName: 'Account' },
          tier: { name: 'tier', value: 'Gold', type: 'STRING', agentEditable: false, displayName: 'Tier' },
        },
        callFlowParams: {},
      },
    };
    this.contacts.set(id, data);
    const task = new FakeTask(this, clone(data));
    this.collection[id] = task;
    if (this.networkUp) {
      this.cc.emit('task:incoming', task);
      task.emit('RoutingMessage', clone(data));
    }
    return id;
  }

  /** The agent is connected (`AgentContactAssigned` → `task:assigned`), with remote audio for a browser call. */
  assign(id: string): void {
    const data = this.contacts.get(id);
    if (!data) return;
    data.interaction.state = 'connected';
    data.interaction.participants[AGENT_ID].hasJoined = true;
    data.interaction.participants[AGENT_ID].joinTimestamp = Date.now();
    if (data.interaction.mediaType === 'telephony') {
      data.interaction.callProcessingDetails.recordInProgress = 'true';
      data.interaction.callProcessingDetails.recordingStarted = 'true';
    }
    this.#message(id, 'AgentContactAssigned', 'task:assigned');
    if (this.station?.loginOption === 'BROWSER' && data.interaction.mediaType === 'telephony') {
      // As the real SDK does (webex-sdk.md #10): every task listens to the one calling service, so the call's
      // remote track reaches every task in the collection, a chat's too.
      const track = silentTrack();
      for (const task of Object.values(this.collection)) task.emit('task:media', track);
    }
  }

  setHold(id: string, held: boolean) {
    const data = this.contacts.get(id);
    const main = data.interaction.media[data.mediaResourceId];
    main.isHold = held;
    main.holdTimestamp = held ? Date.now() : null;
    this.#message(id, held ? 'AgentContactHeld' : 'AgentContactUnheld', held ? 'task:hold' : 'task:resume');
    return this.contactResponse(id, held ? 'AgentContactHeld' : 'AgentContactUnheld');
  }

  setPaused(id: string, paused: boolean) {
    this.contacts.get(id).interaction.callProcessingDetails.isPaused = String(paused);
    this.#message(id, paused ? 'ContactRecordingPaused' : 'ContactRecordingResumed', paused ? 'task:recordingPaused' : 'task:recordingResumed');
    return this.contactResponse(id, paused ? 'ContactRecordingPaused' : 'ContactRecordingResumed');
  }

  startConsult(id: string, payload: { to: string; destinationType: string }) {
    const data = this.contacts.get(id);
    const consultId = `${id}-consult`;
    data.interaction.media[data.mediaResourceId].isHold = true;
    data.interaction.media[data.mediaResourceId].holdTimestamp = Date.now();
    data.interaction.media[consultId] = {
      mediaResourceId: consultId,
      mediaType: 'telephony',
      mediaMgr: 'callmm',
      participants: [AGENT_ID, payload.to],
      mType: 'consult',
      isHold: false,
      holdTimestamp: null,
    };
    data.consultMediaResourceId = consultId;
    data.destAgentId = payload.to;
    data.destinationType = payload.destinationType;
    data.isConsulted = false;
    this.#message(id, 'AgentConsultCreated', 'task:consultCreated');
    return this.contactResponse(id, 'AgentConsultCreated');
  }

  /** The consulted agent (or the queue's agent) answers: `AgentConsulting` → `task:consulting`. */
  answerConsult(id: string): void {
    const data = this.contacts.get(id);
    data.interaction.state = 'consulting';
    data.interaction.callProcessingDetails.consultDestinationAgentJoined = 'true';
    data.interaction.callProcessingDetails.consultDestinationAgentName = BUDDIES.find((b) => b.agentId === data.destAgentId)?.agentName ?? 'Queue agent';
    this.#message(id, 'AgentConsulting', 'task:consulting');
  }

  stopConsult(id: string) {
    const data = this.contacts.get(id);
    delete data.interaction.media[`${id}-consult`];
    data.interaction.state = 'connected';
    data.consultMediaResourceId = '';
    delete data.interaction.callProcessingDetails.consultDestinationAgentJoined;
    this.#message(id, 'AgentConsultEnded', 'task:consultEnd');
    return this.contactResponse(id, 'AgentConsultEnded');
  }

  #toWrapUp(id: string) {
    const data = this.contacts.get(id);
    data.interaction.state = 'wrapUp';
    data.wrapUpRequired = true;
    data.agentsPendingWrapUp = [AGENT_ID];
    data.interaction.participants[AGENT_ID].isWrapUp = true;
    for (const media of Object.values(data.interaction.media) as { isHold: boolean; holdTimestamp: number | null }[]) {
      media.isHold = false;
      media.holdTimestamp = null;
    }
    for (const key of Object.keys(data.interaction.media)) if (key.endsWith('-consult')) delete data.interaction.media[key];
  }

  /** The call ends for the agent, who owes a wrap-up: `ContactEnded`, then `AgentWrapup` (two `task:end`). */
  endContact(id: string) {
    this.#toWrapUp(id);
    this.#message(id, 'ContactEnded', 'task:end');
    this.#message(id, 'AgentWrapup', 'task:end');
    return this.contactResponse(id, 'ContactEnded');
  }

  transferAway(id: string, type: 'AgentVteamTransferred' | 'AgentBlindTransferred' | 'AgentConsultTransferred') {
    this.#toWrapUp(id);
    if (type === 'AgentVteamTransferred') {
      // TaskManager: update + `task:end` first, the raw type after.
      this.#message(id, type, 'task:end');
    } else {
      // Not in TaskManager's switch: only the task message (outer type RoutingMessage), then the wrap-up.
      const task = this.collection[id];
      if (this.networkUp) task?.emit('RoutingMessage', { ...clone(this.contacts.get(id)), type });
      this.#message(id, 'AgentWrapup', 'task:end');
    }
    return this.contactResponse(id, type);
  }

  wrapUp(id: string, auxCodeId: string) {
    const data = this.contacts.get(id);
    const task = this.collection[id];
    this.contacts.delete(id);
    delete this.collection[id];
    if (task && this.networkUp) {
      data.type = 'AgentWrappedUp';
      data.wrapUpAuxCodeId = auxCodeId;
      task.updateTaskData(clone(data));
      task.emit('task:wrappedup', task);
      task.emit('RoutingMessage', clone(data));
    }
    return { type: 'AgentWrappedUp', orgId: ORG_ID, trackingId: 'track-wrapped', data };
  }

  forget(id: string): void {
    this.contacts.delete(id);
    delete this.collection[id];
  }

  /** The offer is not answered in time: `AgentOfferContactRona` → `task:rejected('RONA')`, agent in RONA. */
  rona(id: string): void {
    const task = this.collection[id];
    const data = this.contacts.get(id);
    this.forget(id);
    if (task && data) {
      data.type = 'AgentOfferContactRona';
      data.reason = 'RONA';
      task.updateTaskData(clone(data));
      task.emit('task:rejected', 'RONA');
      task.emit('RoutingMessage', clone(data));
    }
    this.setState('Idle', 'idle-rona', null);
  }

  /** The customer hangs up: ringing → the offer is withdrawn; connected → the agent owes a wrap-up. */
  hangup(id: string): void {
    const data = this.contacts.get(id);
    if (!data) return;
    if (data.interaction.state === 'new') {
      const task = this.collection[id];
      this.forget(id);
      data.type = 'ContactEnded';
      data.interaction.isTerminated = true;
      if (task && this.networkUp) {
        task.updateTaskData(clone(data));
        task.emit('task:end', task);
        task.emit('ContactEnded', clone(data));
      }
      return;
    }
    this.#toWrapUp(id);
    this.#message(id, 'ContactEnded', 'task:end');
  }

  supervisorState(state: 'Available' | 'Idle', auxCodeId: string): void {
    this.setState(state, state === 'Available' ? '0' : auxCodeId, { id: 'supervisor-1', name: 'Sam Supervisor' }, 'Changed by a supervisor');
  }

  remoteLogout(): void {
    this.station = null;
    this.cc.emit('agent:logoutSuccess', { type: 'AgentLogoutSuccess', eventType: 'AgentDesktopMessage', agentId: AGENT_ID, loggedOutBy: 'supervisor-1', status: 'LoggedOut' });
  }

  multiLogin(): void {
    this.cc.emit('agent:multiLogin', { type: 'AgentMultiLoginCloseSession', agentId: AGENT_ID });
  }

  /** The websocket drops: the connection service reports it; nothing reaches the SDK until it is back. */
  dropConnection(): void {
    this.networkUp = false;
    this.cc.services.connectionService.emit('connectionLost', { isConnectionLost: true, isRestoreFailed: false, isSocketReconnected: false, isKeepAlive: false });
  }

  /** Down for longer than the SDK's 50 s: it reports the restore failed and stops reconnecting for good. */
  restoreFailed(): void {
    this.networkUp = false;
    this.cc.services.connectionService.emit('connectionLost', { isConnectionLost: true, isRestoreFailed: true, isSocketReconnected: false, isKeepAlive: false });
  }

  /** The network is back, but the SDK, having given up, does nothing by itself: only a new register() connects. */
  networkBack(): void {
    this.networkUp = true;
  }

  /** Back: the socket reconnects, the SDK relogs in silently, and the server re-sends each open contact. */
  restoreConnection(): void {
    this.networkUp = true;
    this.cc.services.connectionService.emit('connectionLost', { isConnectionLost: false, isRestoreFailed: false, isSocketReconnected: true, isKeepAlive: true });
    this.cc.emit('agent:reloginSuccess', {
      eventType: 'AgentDesktopMessage',
      type: 'AgentReloginSuccess',
      agentId: AGENT_ID,
      teamId: this.station?.teamId,
      deviceType: this.station?.loginOption,
      dn: this.station?.dialNumber ?? AGENT_ID,
      ...this.agentState,
      status: 'LoggedIn',
      interactionIds: [...this.contacts.keys()],
      mmProfile: { chat: 3, email: 2, social: 2, telephony: 1 },
    });
    for (const id of this.contacts.keys()) {
      const task = this.collection[id];
      // The SDK does not apply AgentContact to a task it has: it only re-emits it on the task, as RoutingMessage.
      if (task) task.emit('RoutingMessage', { ...clone(this.contacts.get(id)), type: 'AgentContact' });
    }
  }

  /** Listeners still attached to the SDK and its tasks: 0 after the backend lets go. */
  listenerCount(): number {
    const tasks = new Set([...Object.values(this.collection), ...this.everyTask]);
    return this.cc.listenerCount() + this.cc.services.connectionService.listenerCount() + [...tasks].reduce((n, t) => n + t.listenerCount(), 0);
  }

  /** Every task ever made, to check none keeps a listener. */
  get everyTask(): FakeTask[] {
    return this.#made;
  }
  #made: FakeTask[] = [];
  track(task: FakeTask): FakeTask {
    this.#made.push(task);
    return task;
  }
}

/** A fake `Webex` class for the token and OAuth paths: `init()` returns a double's instance. */
export function fakeWebexClass(make: (attrs: any) => WebexDouble) {
  const inits: any[] = [];
  return {
    inits,
    Webex: {
      init(attrs: any) {
        inits.push(attrs);
        const webex = make(attrs).webex;
        webex.credentials.supertoken.access_token = attrs?.credentials?.access_token;
        return webex;
      },
    },
  };
}
