/**
 * The one table of the kit's actions. Every request a widget or a script can send is one entry here: its event
 * name (the key), the shape and type of its detail, the backend method it calls and how the detail maps to its
 * arguments, the capability that gates it, its scope, the checks made before the backend is called (with their
 * refusal code and message key; the words of its refusals, `verb:` and `cannot:` keys, are in messages.ts), the widget that offers it, and the words the catalog
 * and the README show. Everything else is derived from it: the request names and detail types (events.ts),
 * the shape checks (request-check.ts), the catalog (catalog.ts), the provider's runner (desk.ts), the React
 * props (react/index.ts), the task panel's controls (`taskControls`) and which capabilities a backend really
 * has (capabilities.ts). Adding an action is adding an entry here, plus the backend method it calls.
 */
import type { AgentStateArgs, Backend, StationLoginArgs } from './backend.js';
import { dialNumberLoginProblem, dialNumberMessageRef } from './dial.js';
import { CcError, type CcErrorCode } from './errors.js';
import { englishMessage, isMessageKey, type MessageKey, type MessageRef, type MessageValue } from './messages.js';
import { redeemToken, type SealedToken } from './sealed-token.js';
import { signInProblemKey } from './sign-in.js';
import type { DeskState } from './store.js';
import type { Capabilities, ConversationMessage, Credentials, Destination, OutgoingMessage, TaskSnapshot, TaskState } from './types.js';

// ---- refusals ---------------------------------------------------------------------------------------

/**
 * Why an action is not sent: a stable code, a message for the agent in English, and (when the kit made it)
 * the message's key and values, so a widget can word it in the agent's language (see messages.ts).
 */
export interface Refusal {
  readonly code: CcErrorCode;
  readonly message: string;
  readonly key?: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** A refusal of the kit's own: its English message is made from the key and values (messages.ts). */
export const refusal = (code: CcErrorCode, key: MessageKey, values?: Readonly<Record<string, MessageValue>>): Refusal => ({
  code,
  message: englishMessage(values ? { key, values } : { key }),
  key,
  ...(values ? { values } : {}),
});

/** The code of each fixed refusal; its words are the message of the same key. */
const REFUSAL_CODES = {
  noBackend: 'unknown-backend',
  notSignedIn: 'not-signed-in',
  noToken: 'invalid-request',
  usedToken: 'auth-failed',
  signOutWithTasks: 'task-active',
  noProfile: 'not-registered',
  chooseTeam: 'invalid-request',
  chooseLoginOption: 'invalid-request',
  changeStationWithTasks: 'task-active',
  notOnStation: 'not-logged-in',
  logoutWithTasks: 'task-active',
  noStation: 'not-logged-in',
  chooseIdleReason: 'invalid-request',
  alreadyHeld: 'invalid-state',
  notHeld: 'invalid-state',
  resumeDuringConsult: 'invalid-state',
  muteOnPhone: 'unsupported',
  recordingNotRunning: 'invalid-state',
  recordingNotPaused: 'invalid-state',
  consultUnderWay: 'invalid-state',
  noConsult: 'invalid-state',
  transferDuringConsult: 'invalid-state',
  consultNotAnswered: 'invalid-state',
  noConsultToJoin: 'invalid-state',
  alreadyConference: 'invalid-state',
  notInConference: 'invalid-state',
  noAgentToTakeConference: 'invalid-state',
  dtmfKeys: 'invalid-request',
  chooseDestination: 'invalid-request',
  chooseWrapupCode: 'invalid-request',
  noQueueConsult: 'unsupported',
  noEndConsult: 'unsupported',
  emptyMessage: 'invalid-request',
  longMessage: 'invalid-request',
  noMessageId: 'invalid-request',
  noConversation: 'unsupported',
  noEntryPoints: 'unsupported',
  noAutoWrapup: 'invalid-state',
} as const satisfies Readonly<Partial<Record<MessageKey, CcErrorCode>>>;

type FixedRefusals = { readonly [K in keyof typeof REFUSAL_CODES]: Refusal & { readonly code: (typeof REFUSAL_CODES)[K]; readonly key: K } };

/**
 * The refusals the kit and its simulated contact center share, each written once (their words in
 * messages.ts, by the same key). The core checks them against the store's snapshots before any backend call;
 * a backend that still meets one (its own state moved on) throws the same words with `refusalError`.
 */
export const REFUSALS: FixedRefusals = Object.freeze(
  Object.fromEntries(Object.entries(REFUSAL_CODES).map(([key, code]) => [key, Object.freeze(refusal(code, key as MessageKey))])),
) as FixedRefusals;

/** How a task in `phase` is named in "Cannot hold: the task is still ringing." */
const PHASE_KEYS: Readonly<Record<TaskState, MessageKey>> = { offered: 'taskRinging', connected: 'taskInProgress', wrapup: 'taskEnded' };

/** The words of an action in a refusal: "hold" in "Cannot hold: …" (`action`: `task-hold`, see `actionOf`). */
const verbOf = (action: string): MessageRef => ({ key: `verb:${action}` as MessageKey });

/** "Cannot hold: the task is still ringing.": an action (`task-hold`) asked of a task in the wrong phase. */
export const phaseRefusal = (action: string, now: TaskState): Refusal => refusal('invalid-state', PHASE_KEYS[now] ?? 'taskInProgress', { verb: verbOf(action) });

/** "Cannot hold a chat task.": a voice action (`task-hold`) asked of another media. */
export const mediaRefusal = (action: string, media: string): Refusal =>
  refusal('unsupported', 'notThisMedia', { verb: verbOf(action), media: isMessageKey(`media:${media}`) ? { key: `media:${media}` as MessageKey } : excerpt(media) });

/**
 * "The xuc backend cannot mute calls.": an action (`task-mute`) whose capability is off. For a campaign's preview
 * offer, the words for a preview (`cannot:task-decline-preview`) where there are some.
 */
export const unsupportedRefusal = (backend: string, action: string, task?: TaskSnapshot): Refusal => {
  const preview = `cannot:${action}-preview`;
  const key = task?.preview && isMessageKey(preview) ? preview : (`cannot:${action}` as MessageKey);
  return refusal('unsupported', 'unsupported', { backend, cannot: { key } });
};

/** "There is no task t-9.": a request that names a task the desk does not have. */
export const unknownTaskRefusal = (taskId: string): Refusal => refusal('unknown-task', 'unknownTask', { taskId: excerpt(taskId) });

/** A refusal as the error a backend throws (`action` is the backend's name for it; the desk renames it). */
export const refusalError = (refused: Refusal, action = ''): CcError => new CcError(refused.code, refused.message, action, messageRefOf(refused));

/** The key and values of a refusal or an error, when it has a key. */
export const messageRefOf = (from: { readonly key?: MessageKey; readonly values?: Readonly<Record<string, MessageValue>> }): MessageRef | undefined =>
  from.key ? (from.values ? { key: from.key, values: from.values } : { key: from.key }) : undefined;

/** Why a consult, transfer or outdial number does not fit the rule (dial.ts), as a refusal; null when it fits. */
export function dialNumberRefusal(value: unknown): Refusal | null {
  const problem = dialNumberMessageRef(value);
  return problem ? refusal('invalid-request', problem.key, problem.values) : null;
}

/** A short, printable excerpt of any value, for a message: never the whole of a long or odd input. */
export function excerpt(value: unknown, max = 40): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  // Control and direction characters are what this strips: the pattern names them on purpose.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---- detail shapes ----------------------------------------------------------------------------------

/** One field of a detail, as data: request-check.ts reads details by it, the docs can print it. */
export type FieldShape =
  | { readonly kind: 'text' }
  | { readonly kind: 'text-list' }
  | { readonly kind: 'one-of'; readonly values: readonly string[] }
  | { readonly kind: 'object'; readonly fields: Fields }
  | { readonly kind: 'optional'; readonly field: FieldShape };
export type Fields = Readonly<Record<string, FieldShape>>;

/** The fields of a detail the kit reads, with the detail's type carried along (phantom: never set at run time). */
export interface DetailShape<D> {
  readonly fields: Fields;
  readonly type?: D;
}

const text: FieldShape = { kind: 'text' };
const optional = (field: FieldShape): FieldShape => ({ kind: 'optional', field });
const shape = <D>(fields: Fields): DetailShape<D> => ({ fields });

const DESTINATION: FieldShape = {
  kind: 'object',
  fields: { type: { kind: 'one-of', values: ['agent', 'queue', 'dialNumber', 'entryPoint'] }, to: text, name: optional(text) },
};

export interface TaskRef {
  readonly taskId: string;
}
type Nothing = Record<string, never>;

const NOTHING = shape<Nothing>({});
const TASK = shape<TaskRef>({ taskId: text });

// ---- the entries ------------------------------------------------------------------------------------

/** What a check sees: the request's detail (already of the right shape), the store, and the task it names. */
export interface CheckContext<D> {
  readonly detail: D;
  readonly state: DeskState;
  /** The task the detail names (task scope; the core has refused a task it does not have already). */
  readonly task: TaskSnapshot;
}

/** A check made before the backend is called: the refusal, or null to go on. */
export type Check<D> = (context: CheckContext<D>) => Refusal | null;

/** A fixed refusal when `refuses` holds: the common kind of check. */
const refuseIf =
  <D>(refuses: (context: CheckContext<D>) => unknown, refusal: Refusal): Check<D> =>
  (context) =>
    refuses(context) ? refusal : null;

/** The capabilities that switch an action on or off (the boolean ones; an optional one is on unless `false`). */
export type CapabilityKey = { [K in keyof Capabilities]-?: NonNullable<Capabilities[K]> extends boolean ? K : never }[keyof Capabilities];

/** The backend methods an action may call. */
export type BackendMethod = Exclude<
  { [K in keyof Backend]-?: NonNullable<Backend[K]> extends (...args: never[]) => unknown ? K : never }[keyof Backend],
  'subscribe' | 'dispose' | 'destinations' | 'outdialOrigins'
>;

/** The elements that send requests. */
export type WidgetTag = 'cc-auth' | 'cc-station-login' | 'cc-state-select' | 'cc-task-panel' | 'cc-wrapup' | 'cc-conversation';

/**
 * Where the task panel shows a control: on an offer, on a connected task, behind a destination picker, in the
 * New call form, behind the keypad.
 */
export type ControlPlace = 'offer' | 'task' | 'picker' | 'new-call' | 'keypad';

export interface ActionSpec<D> {
  /** One line, for the catalog, the README and the JSDoc. */
  readonly summary: string;
  /** What `detail` holds, in words (the catalog's `detail`). */
  readonly detailText: string;
  /** The fields the kit reads, checked before anything else. */
  readonly detail: DetailShape<D>;
  /** Whose action it is: the session's, the agent's (station, state, outbound call) or one task's. */
  readonly scope: 'session' | 'agent' | 'task';
  /** The backend method it calls. */
  readonly method: BackendMethod;
  /** The call itself: how the detail maps to the method's arguments. */
  readonly call: (backend: Required<Backend>, detail: D, state: DeskState) => Promise<unknown>;
  /** The capability that gates it: off (or the method absent), it is refused with `unsupported`. */
  readonly capability?: CapabilityKey;
  /** The phase the task must be in (task scope). */
  readonly phase?: TaskState;
  /** The media the task must be (voice actions). */
  readonly media?: 'telephony';
  /** Checks of the input, first (before the capability). */
  readonly input?: readonly Check<D>[];
  /** Checks of the state, last (after the capability, the phase and the media). */
  readonly when?: readonly Check<D>[];
  /** The widget that offers it; null when only scripts send it. */
  readonly offeredBy: WidgetTag | null;
  /** Where the task panel shows its control. */
  readonly place?: ControlPlace;
  /**
   * The message the request puts in its task's conversation while it runs (an agent's line, `pending`): the
   * desk adds it before calling the backend and marks it `sent` or `failed` when the call settles.
   */
  readonly outbox?: (detail: D, state: DeskState, now: number) => ConversationMessage;
}

/**
 * Types one entry: the detail's type flows from its shape into its call and checks, and the widget that
 * offers it stays a literal type (the React props are typed from it).
 */
const action = <D, const W extends WidgetTag | null>(spec: ActionSpec<D> & { readonly offeredBy: W }): ActionSpec<D> & { readonly offeredBy: W } => spec;

/** The backend methods a task's id is enough for (hold, end…). */
type TaskMethod = { [K in BackendMethod]-?: Required<Backend>[K] extends (taskId: string) => Promise<unknown> ? K : never }[BackendMethod];

/**
 * An entry whose detail is `{taskId}` and whose call is its method on that task (most of the table): only what
 * differs is written, the detail, its scope and the call are the same for all of them.
 */
const taskAction = <const W extends WidgetTag | null>(
  spec: Omit<ActionSpec<TaskRef>, 'detailText' | 'detail' | 'scope' | 'call' | 'method'> & { readonly method: TaskMethod; readonly offeredBy: W },
): ActionSpec<TaskRef> & { readonly offeredBy: W } =>
  action({
    ...spec,
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    call: (b, d) => (b[spec.method] as (taskId: string) => Promise<unknown>).call(b, d.taskId),
  });

const checkDestination: Check<{ readonly destination: Destination }> = ({ detail: { destination } }) => {
  if (!destination.to.trim()) return REFUSALS.chooseDestination;
  return destination.type === 'dialNumber' ? dialNumberRefusal(destination.to) : null;
};

/** The longest message an agent may send, in characters. */
export const MESSAGE_MAX_LENGTH = 4000;

/** The keys a DTMF request may send: the twelve of a phone's keypad, 1 to 32 of them. */
export const DTMF_KEYS = /^[0-9*#]{1,32}$/;

const hasTaskOpen = (state: DeskState) => state.tasks.length > 0;

/** An entry point is a destination only where the backend lists entry points. */
const checkEntryPoint: Check<{ readonly destination: Destination }> = ({ detail, state, task }) =>
  detail.destination.type === 'entryPoint' && capabilitiesFor(state, task.id)?.entryPoints !== true ? REFUSALS.noEntryPoints : null;

/** The table. Its order is the catalog's, the README's and the React props'. */
export const ACTIONS = {
  'cc-sign-in-request': action({
    summary: 'Sign in.',
    detailText:
      "{credential} (from <cc-auth>: the token sealed in a handle), {accessToken} (from a script, or <cc-auth expose-token>), {username, credential} (the password sealed; a script may send it as password), {oauth: {clientId, redirectUri, scopes, state}} or {} (a session the host's server issues or the page has), as the backend's sign-in descriptor declares; frozen",
    detail: shape<Credentials & { readonly credential?: SealedToken }>({
      accessToken: optional(text),
      oauth: optional({ kind: 'object', fields: { clientId: text, redirectUri: text, scopes: optional({ kind: 'text-list' }) } }),
    }),
    scope: 'session',
    method: 'connect',
    // A secret sealed by <cc-auth> is redeemed here, once, and goes to the backend only: the password when a
    // username comes with it, else the access token.
    call: async (b, { credential, ...credentials }) => {
      if (credential !== undefined) {
        const secret = redeemToken(credential);
        if (!secret) throw refusalError(REFUSALS.usedToken);
        credentials = credentials.username !== undefined ? { ...credentials, password: secret } : { ...credentials, accessToken: secret };
      }
      await b.connect(credentials);
      await b.register();
    },
    // The credentials must fit a way in the backend declares (its SignInDescriptor): "Enter an access token."
    // or the words of its own way in.
    input: [
      ({ detail: d, state: s }) => {
        const problem = signInProblemKey(d, s.signIn, s.capabilities);
        return problem ? refusal('invalid-request', problem) : null;
      },
    ],
    offeredBy: 'cc-auth',
  }),
  'cc-sign-out-request': action({
    summary: 'Sign out: station logout, then deregister.',
    detailText: '{}',
    detail: NOTHING,
    scope: 'session',
    method: 'deregister',
    call: async (b, _d, state) => {
      if (state.station) {
        try {
          await b.stationLogout('requested');
        } catch (err) {
          // The backend refuses the station logout; the agent asked to sign out, and is told so in those words.
          const error = CcError.from(err, 'sign-out');
          if (error.code === 'task-active') throw refusalError(REFUSALS.signOutWithTasks, 'sign-out');
          throw error;
        }
      }
      await b.deregister();
    },
    when: [refuseIf(({ state }) => state.station && hasTaskOpen(state), REFUSALS.signOutWithTasks)],
    offeredBy: 'cc-auth',
  }),
  'cc-station-login-request': action({
    summary: 'Log in to a station.',
    detailText: '{teamId, loginOption, dialNumber}',
    detail: shape<StationLoginArgs>({ teamId: text, loginOption: text, dialNumber: optional(text) }),
    scope: 'agent',
    method: 'stationLogin',
    call: (b, d) => b.stationLogin(d),
    input: [
      ({ detail: d, state: s }) => {
        if (!s.profile) return REFUSALS.noProfile;
        if (!s.profile.teams.some((t) => t.id === d.teamId)) return REFUSALS.chooseTeam;
        if (!s.profile.loginOptions.includes(d.loginOption)) return REFUSALS.chooseLoginOption;
        const problem = dialNumberLoginProblem(s.profile, d.loginOption, d.dialNumber);
        return problem ? refusal('invalid-dial-number', problem.key, problem.values) : null;
      },
    ],
    // Changing station mid-call is refused; logging back in after a remote logout, mid-call, is not a change.
    when: [refuseIf(({ state }) => state.station && state.tasks.some((t) => t.state !== 'wrapup'), REFUSALS.changeStationWithTasks)],
    offeredBy: 'cc-station-login',
  }),
  'cc-station-logout-request': action({
    summary: 'Log out of the station.',
    detailText: '{}',
    detail: NOTHING,
    scope: 'agent',
    method: 'stationLogout',
    call: (b) => b.stationLogout('requested'),
    when: [refuseIf(({ state }) => !state.station, REFUSALS.notOnStation), refuseIf(({ state }) => hasTaskOpen(state), REFUSALS.logoutWithTasks)],
    offeredBy: 'cc-station-login',
  }),
  'cc-agent-state-request': action({
    summary: "Change the agent's state.",
    detailText: "{state: 'Available'|'Idle', auxCodeId}",
    detail: shape<AgentStateArgs>({ state: text, auxCodeId: text, reason: optional(text) }),
    scope: 'agent',
    method: 'setAgentState',
    call: (b, d) => b.setAgentState(d),
    input: [
      ({ detail: d, state: s }) => {
        if (!s.station) return REFUSALS.noStation;
        if (d.state === 'Idle' && !s.profile?.idleCodes.some((c) => c.id === d.auxCodeId)) return REFUSALS.chooseIdleReason;
        if (d.state !== 'Idle' && d.state !== 'Available') return refusal('invalid-request', 'notAState', { state: excerpt(d.state) });
        return null;
      },
    ],
    offeredBy: 'cc-state-select',
  }),
  'cc-task-accept-request': taskAction({
    summary: 'Accept an offer.',
    method: 'accept',
    capability: 'accept',
    phase: 'offered',
    offeredBy: 'cc-task-panel',
    place: 'offer',
  }),
  'cc-task-decline-request': taskAction({
    summary: 'Decline an offer.',
    method: 'decline',
    capability: 'decline',
    phase: 'offered',
    offeredBy: 'cc-task-panel',
    place: 'offer',
  }),
  'cc-task-hold-request': taskAction({
    summary: 'Put a call on hold.',
    method: 'hold',
    capability: 'hold',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => task.held, REFUSALS.alreadyHeld)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-resume-request': taskAction({
    summary: 'Resume a held call.',
    method: 'resume',
    capability: 'hold',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.held, REFUSALS.notHeld), refuseIf(({ task }) => task.consult, REFUSALS.resumeDuringConsult)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-mute-request': taskAction({
    summary: 'Mute or unmute the agent.',
    method: 'toggleMute',
    capability: 'mute',
    phase: 'connected',
    media: 'telephony',
    // Mute belongs to a browser call. On a phone station, a call whose audio is not in this page is a phone
    // call; with no station (a remote logout) the backend knows whether the call was a browser call.
    when: [
      refuseIf(
        ({ state, task }) => state.station && state.station.loginOption !== 'BROWSER' && !state.media[task.id] && !task.muted,
        REFUSALS.muteOnPhone,
      ),
    ],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-recording-pause-request': taskAction({
    summary: 'Pause the recording.',
    method: 'pauseRecording',
    capability: 'recording',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.recording || task.recordingPaused, REFUSALS.recordingNotRunning)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-recording-resume-request': taskAction({
    summary: 'Resume the recording.',
    method: 'resumeRecording',
    capability: 'recording',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.recordingPaused, REFUSALS.recordingNotPaused)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-consult-request': action({
    summary: 'Consult an agent, a queue, an entry point or a dial number.',
    detailText: "{taskId, destination: {type: 'agent'|'queue'|'entryPoint'|'dialNumber', to}}",
    detail: shape<TaskRef & { readonly destination: Destination }>({ taskId: text, destination: DESTINATION }),
    scope: 'task',
    method: 'consult',
    call: (b, d) => b.consult(d.taskId, d.destination),
    capability: 'consult',
    input: [checkDestination],
    phase: 'connected',
    when: [
      refuseIf(({ task }) => task.consult, REFUSALS.consultUnderWay),
      refuseIf(({ detail, state, task }) => detail.destination.type === 'queue' && capabilitiesFor(state, task.id)?.consultQueue === false, REFUSALS.noQueueConsult),
      checkEntryPoint,
    ],
    offeredBy: 'cc-task-panel',
    place: 'picker',
  }),
  'cc-task-consult-end-request': taskAction({
    summary: 'End the consult.',
    method: 'endConsult',
    capability: 'consult',
    phase: 'connected',
    when: [
      refuseIf(({ task }) => !task.consult, REFUSALS.noConsult),
      refuseIf(({ state, task }) => capabilitiesFor(state, task.id)?.endConsult === false, REFUSALS.noEndConsult),
    ],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-transfer-request': action({
    summary: 'Transfer the task.',
    detailText: "{taskId, destination: {type: 'agent'|'queue'|'entryPoint'|'dialNumber', to}}",
    detail: shape<TaskRef & { readonly destination: Destination }>({ taskId: text, destination: DESTINATION }),
    scope: 'task',
    method: 'transfer',
    call: (b, d) => b.transfer(d.taskId, d.destination),
    capability: 'transfer',
    input: [checkDestination],
    phase: 'connected',
    when: [refuseIf(({ task }) => task.consult, REFUSALS.transferDuringConsult), checkEntryPoint],
    offeredBy: 'cc-task-panel',
    place: 'picker',
  }),
  'cc-task-consult-transfer-request': taskAction({
    summary: 'Transfer to the consulted party.',
    method: 'consultTransfer',
    capability: 'consultTransfer',
    phase: 'connected',
    when: [refuseIf(({ task }) => task.consult?.state !== 'connected', REFUSALS.consultNotAnswered)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-conference-request': taskAction({
    summary: 'Join the consulted party and the customer into a three-way conference.',
    method: 'conference',
    capability: 'conference',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => task.conference, REFUSALS.alreadyConference), refuseIf(({ task }) => task.consult?.state !== 'connected', REFUSALS.noConsultToJoin)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-conference-leave-request': taskAction({
    summary: 'Leave the conference: the customer and the others stay connected; the task ends for the agent.',
    method: 'leaveConference',
    capability: 'conferenceLeave',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.conference, REFUSALS.notInConference)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-conference-transfer-request': taskAction({
    summary: 'Hand the conference to the consulted agent and leave it; the task ends for the agent.',
    method: 'transferConference',
    capability: 'conferenceTransfer',
    phase: 'connected',
    media: 'telephony',
    when: [
      refuseIf(({ task }) => !task.conference, REFUSALS.notInConference),
      // Someone must take it over: the consulted party, still in the conference.
      refuseIf(({ task }) => task.participants !== undefined && !task.participants.some((p) => p.role === 'consulted'), REFUSALS.noAgentToTakeConference),
    ],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-dtmf-request': action({
    summary: 'Send keys as DTMF tones on a call (an IVR menu, a PIN).',
    detailText: "{taskId, digits} (digits: 0-9, * and #, 1 to 32 of them)",
    detail: shape<TaskRef & { readonly digits: string }>({ taskId: text, digits: text }),
    scope: 'task',
    method: 'sendDtmf',
    call: (b, d) => b.sendDtmf(d.taskId, d.digits),
    capability: 'dtmf',
    input: [refuseIf(({ detail }) => !DTMF_KEYS.test(detail.digits), REFUSALS.dtmfKeys)],
    phase: 'connected',
    media: 'telephony',
    offeredBy: 'cc-task-panel',
    place: 'keypad',
  }),
  'cc-task-message-request': action({
    summary: 'Send the agent\'s message in a chat, social or email conversation (a retry sends the same messageId).',
    detailText: '{taskId, messageId, text, subject?} (messageId: the sender\'s id of the message; text: 1 to 4,000 characters; subject: an email reply\'s)',
    detail: shape<TaskRef & OutgoingMessage>({ taskId: text, messageId: text, text, subject: optional(text) }),
    scope: 'task',
    method: 'sendMessage',
    call: (b, d) => b.sendMessage(d.taskId, { messageId: d.messageId, text: d.text, ...(d.subject !== undefined ? { subject: d.subject } : {}) }),
    capability: 'messaging',
    input: [
      refuseIf(({ detail }) => !detail.messageId.trim(), REFUSALS.noMessageId),
      refuseIf(({ detail }) => !detail.text.trim(), REFUSALS.emptyMessage),
      refuseIf(({ detail }) => detail.text.length > MESSAGE_MAX_LENGTH, REFUSALS.longMessage),
    ],
    phase: 'connected',
    when: [refuseIf(({ task }) => task.mediaType === 'telephony', REFUSALS.noConversation)],
    offeredBy: 'cc-conversation',
    outbox: (d, state, now) => ({
      id: d.messageId,
      taskId: d.taskId,
      from: 'agent',
      ...(state.profile?.agentName ? { author: state.profile.agentName } : {}),
      text: d.text,
      ...(d.subject !== undefined ? { subject: d.subject } : {}),
      at: now,
      delivery: 'pending',
    }),
  }),
  'cc-task-end-request': taskAction({
    summary: 'End the task.',
    method: 'end',
    capability: 'end',
    phase: 'connected',
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-wrapup-request': action({
    summary: 'Wrap up a task with a code and notes.',
    detailText: '{taskId, auxCodeId, notes}',
    detail: shape<TaskRef & { readonly auxCodeId: string; readonly notes: string }>({ taskId: text, auxCodeId: text, notes: text }),
    scope: 'task',
    method: 'wrapup',
    call: (b, d) => b.wrapup(d.taskId, { auxCodeId: d.auxCodeId, notes: d.notes }),
    input: [
      ({ detail: d, state: s }) =>
        s.capabilities?.wrapupCodes === false || s.profile?.wrapupCodes.some((c) => c.id === d.auxCodeId) ? null : REFUSALS.chooseWrapupCode,
    ],
    phase: 'wrapup',
    offeredBy: 'cc-wrapup',
  }),
  'cc-task-auto-wrapup-cancel-request': taskAction({
    summary: 'Stop the automatic wrap-up of a task: the agent wraps it up when ready.',
    method: 'cancelAutoWrapup',
    capability: 'cancelAutoWrapup',
    phase: 'wrapup',
    when: [refuseIf(({ task }) => task.autoWrapupAt === null, REFUSALS.noAutoWrapup)],
    offeredBy: 'cc-wrapup',
  }),
  'cc-outdial-request': action({
    summary: 'Place an outbound call.',
    detailText: '{number, origin?} (origin: the number shown to the customer, one of the backend\'s outdial origins)',
    detail: shape<{ readonly number: string; readonly origin?: string }>({ number: text, origin: optional(text) }),
    scope: 'agent',
    method: 'outdial',
    call: (b, d) => (d.origin ? b.outdial(d.number, d.origin) : b.outdial(d.number)),
    capability: 'outdial',
    input: [
      ({ detail: d }) => dialNumberRefusal(d.number),
    ],
    when: [refuseIf(({ state }) => !state.station, REFUSALS.noStation)],
    offeredBy: 'cc-task-panel',
    place: 'new-call',
  }),
  'cc-upload-logs-request': action({
    summary: "Upload the backend's logs for support.",
    detailText: '{}',
    detail: NOTHING,
    scope: 'session',
    method: 'uploadLogs',
    call: (b) => b.uploadLogs(),
    capability: 'uploadLogs',
    offeredBy: null,
  }),
} as const;

// ---- what is derived from it ------------------------------------------------------------------------

/** The name of each request (`cc-task-hold-request`, …). */
export type RequestName = keyof typeof ACTIONS;

/** The `detail` of each request, as its entry types it. */
export type RequestDetails = { [N in RequestName]: (typeof ACTIONS)[N] extends ActionSpec<infer D> ? D : never };

/** Every request name, in the table's order. */
export const REQUEST_NAMES = Object.freeze(Object.keys(ACTIONS) as RequestName[]);

/** An entry with its detail type widened, for code that walks the table. */
export type AnyActionSpec = ActionSpec<RequestDetails[RequestName]>;

/** The entry of a request name (the caller knows it is one: see `isRequestName`). */
export const actionSpec = (name: RequestName): AnyActionSpec => ACTIONS[name] as unknown as AnyActionSpec;

/** `cc-task-hold-request` → `task-hold`: the `action` of a `cc-error`. */
export const actionOf = (name: string): string => name.replace(/^cc-/, '').replace(/-request$/, '');

/** The requests a widget sends, as a type: `RequestsOf<'cc-auth'>` is `'cc-sign-in-request' | 'cc-sign-out-request'`. */
export type RequestsOf<W extends WidgetTag> = { [N in RequestName]: (typeof ACTIONS)[N]['offeredBy'] extends W ? N : never }[RequestName];

/** The requests each widget sends, from `offeredBy`, in the table's order. */
export const requestsOf = <W extends WidgetTag>(widget: W): RequestsOf<W>[] =>
  REQUEST_NAMES.filter((n): n is RequestsOf<W> => ACTIONS[n].offeredBy === widget);

/** A control of the task panel: the request it sends, where it sits, and what gates it. */
export interface TaskControl {
  readonly request: RequestName;
  /** `cc-task-hold-request` → `hold`, `cc-outdial-request` → `outdial`: the control's `data-action`. */
  readonly action: string;
  readonly place: ControlPlace;
  readonly capability: CapabilityKey | null;
  readonly phase: TaskState | null;
  readonly media: 'telephony' | null;
}

/** The task panel's controls, in the table's order (the panel places them by `place`). */
export const taskControls: readonly TaskControl[] = Object.freeze(
  REQUEST_NAMES.filter((n) => ACTIONS[n].offeredBy === 'cc-task-panel').map((request) => {
    const spec = actionSpec(request);
    return Object.freeze({
      request,
      action: actionOf(request).replace(/^task-/, ''),
      place: spec.place ?? 'task',
      capability: spec.capability ?? null,
      phase: spec.phase ?? null,
      media: spec.media ?? null,
    });
  }),
);

/** The task a detail names, when it names one as text; never throws, whatever the detail is. */
export function taskIdOf(detail: unknown): string | undefined {
  try {
    const taskId = typeof detail === 'object' && detail !== null ? (detail as { taskId?: unknown }).taskId : undefined;
    return typeof taskId === 'string' ? taskId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a request whose detail has the right shape (see `checkDetail`) is not sent to the backend, or null.
 * Every refusal of the kit is made here, once, against the store's snapshots, in this order: a backend and a
 * session, the task the detail names, the input, the capability, the task's phase and media, then the state.
 */
export function refusalOf<N extends RequestName>(name: N, detail: RequestDetails[N], state: DeskState): Refusal | null {
  const spec = actionSpec(name);
  if (state.backend === null) return REFUSALS.noBackend;
  if (name !== 'cc-sign-in-request' && state.session.status !== 'signed-in') return REFUSALS.notSignedIn;
  const taskId = taskIdOf(detail);
  const task = taskId === undefined ? undefined : state.tasks.find((t) => t.id === taskId);
  if (taskId !== undefined && !task) return unknownTaskRefusal(taskId);
  const context: CheckContext<RequestDetails[RequestName]> = { detail, state, task: task! };
  for (const check of spec.input ?? []) {
    const refused = check(context);
    if (refused) return refused;
  }
  if (spec.capability && capabilitiesFor(state, taskId)?.[spec.capability] === false) {
    return unsupportedRefusal(state.backend, actionOf(name), task);
  }
  if (task && spec.phase && task.state !== spec.phase) return phaseRefusal(actionOf(name), task.state);
  if (task && spec.media && task.mediaType !== spec.media) return mediaRefusal(actionOf(name), task.mediaType);
  for (const check of spec.when ?? []) {
    const refused = check(context);
    if (refused) return refused;
  }
  return null;
}

/** The capabilities that gate a task's actions (hold, mute, recording, consult, transfer, consult transfer). */
const TASK_GATES: ReadonlySet<CapabilityKey> = new Set<CapabilityKey>([
  ...REQUEST_NAMES.map(actionSpec)
    .filter((spec) => spec.scope === 'task' && spec.capability)
    .map((spec) => spec.capability!),
  // The switches the table's checks read for one task (consult a queue, end a consult).
  'consultQueue',
  'endConsult',
]);

/**
 * What the backend can do for one task: its capabilities AND the task's own, when it sent some (a call whose
 * recording cannot be paused). Without a task id, or for a task with none of its own, the backend's.
 */
export function capabilitiesFor(state: Pick<DeskState, 'capabilities' | 'taskCapabilities'>, taskId?: string): Capabilities | null {
  const own = taskId === undefined ? undefined : state.taskCapabilities[taskId];
  const all = state.capabilities;
  if (!own || !all) return all;
  const both: Record<string, unknown> = { ...all, mediaTypes: all.mediaTypes.filter((m) => own.mediaTypes.includes(m)) };
  // Only what gates a task's actions can differ per task; the session's (OAuth, an external session) cannot.
  // An optional switch the backend left unsaid is on; the task's own `false` turns it off.
  for (const key of TASK_GATES) if (all[key] !== false && own[key] === false) both[key] = false;
  return both as unknown as Capabilities;
}

/** The request whose backend method is `method` (the simulator names its actions by method). */
export const requestByMethod = (method: BackendMethod): RequestName | undefined => REQUEST_NAMES.find((name) => ACTIONS[name].method === method);

/** The entry whose backend method is `method`. */
export const actionByMethod = (method: BackendMethod): AnyActionSpec | undefined => {
  const name = requestByMethod(method);
  return name ? actionSpec(name) : undefined;
};
