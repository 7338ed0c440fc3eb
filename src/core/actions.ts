/**
 * The one table of the kit's actions. Every request a widget or a script can send is one entry here: its event
 * name (the key), the shape and type of its detail, the backend method it calls and how the detail maps to its
 * arguments, the capability that gates it, its scope, the checks made before the backend is called (with their
 * refusal code and message), the verb its messages use, the widget that offers it, and the words the catalog
 * and the README show. Everything else is derived from it: the request names and detail types (events.ts),
 * the shape checks (request-check.ts), the catalog (catalog.ts), the provider's runner (desk.ts), the React
 * props (react/index.ts), the task panel's controls (`taskControls`) and which capabilities a backend really
 * has (capabilities.ts). Adding an action is adding an entry here, plus the backend method it calls.
 */
import type { AgentStateArgs, Backend, StationLoginArgs } from './backend.js';
import { checkDialNumber, dialNumberMessage } from './dial.js';
import { CcError, type CcErrorCode } from './errors.js';
import { redeemToken, type SealedToken } from './sealed-token.js';
import { signInProblem } from './sign-in.js';
import type { DeskState } from './store.js';
import type { Capabilities, ConversationMessage, Credentials, Destination, OutgoingMessage, TaskSnapshot, TaskState } from './types.js';

// ---- refusals ---------------------------------------------------------------------------------------

/** Why an action is not sent: a stable code and a message for the agent. */
export interface Refusal {
  readonly code: CcErrorCode;
  readonly message: string;
}

/**
 * The refusals the kit and its simulated contact center share, each written once. The core checks them
 * against the store's snapshots before any backend call; a backend that still meets one (its own state moved
 * on) throws the same words with `refusalError`.
 */
export const REFUSALS = {
  noBackend: { code: 'unknown-backend', message: 'No backend is connected.' },
  notSignedIn: { code: 'not-signed-in', message: 'Sign in first.' },
  noToken: { code: 'invalid-request', message: 'Enter an access token.' },
  usedToken: { code: 'auth-failed', message: 'This sign-in was already used or did not come from this page. Sign in again.' },
  signOutWithTasks: { code: 'task-active', message: 'You cannot sign out while you have a task or a wrap-up open.' },
  noProfile: { code: 'not-registered', message: 'The profile is not loaded yet.' },
  chooseTeam: { code: 'invalid-request', message: 'Choose a team.' },
  chooseLoginOption: { code: 'invalid-request', message: 'Choose how to take calls.' },
  changeStationWithTasks: { code: 'task-active', message: 'Finish your active tasks before changing station.' },
  notOnStation: { code: 'not-logged-in', message: 'You are not logged in to a station.' },
  logoutWithTasks: { code: 'task-active', message: 'You cannot log out while you have a task or a wrap-up open.' },
  noStation: { code: 'not-logged-in', message: 'Log in to a station first.' },
  chooseIdleReason: { code: 'invalid-request', message: 'Choose an idle reason.' },
  alreadyHeld: { code: 'invalid-state', message: 'The call is already on hold.' },
  notHeld: { code: 'invalid-state', message: 'The call is not on hold.' },
  resumeDuringConsult: { code: 'invalid-state', message: 'End the consult before resuming the customer.' },
  muteOnPhone: { code: 'unsupported', message: 'Mute works for browser calls only; use your phone to mute.' },
  recordingNotRunning: { code: 'invalid-state', message: 'The recording is not running.' },
  recordingNotPaused: { code: 'invalid-state', message: 'The recording is not paused.' },
  consultUnderWay: { code: 'invalid-state', message: 'A consult is already under way.' },
  noConsult: { code: 'invalid-state', message: 'There is no consult to end.' },
  transferDuringConsult: { code: 'invalid-state', message: 'End the consult or use consult transfer.' },
  consultNotAnswered: { code: 'invalid-state', message: 'The consulted party has not answered yet.' },
  noConsultToJoin: { code: 'invalid-state', message: 'There is no answered consult to join into a conference.' },
  alreadyConference: { code: 'invalid-state', message: 'The call is already a conference.' },
  notInConference: { code: 'invalid-state', message: 'The call is not a conference.' },
  noAgentToTakeConference: { code: 'invalid-state', message: 'The consulted party has left the conference: nobody can take it over.' },
  dtmfKeys: { code: 'invalid-request', message: 'Keys can only be 0 to 9, * and # (1 to 32 of them).' },
  chooseDestination: { code: 'invalid-request', message: 'Choose who to consult or transfer to.' },
  chooseWrapupCode: { code: 'invalid-request', message: 'Choose a wrap-up code.' },
  noQueueConsult: { code: 'unsupported', message: 'Your contact center does not let agents consult a queue: consult an agent instead.' },
  noEndConsult: { code: 'unsupported', message: 'Your contact center does not let agents end a consult from the desk.' },
  emptyMessage: { code: 'invalid-request', message: 'Write a message first.' },
  longMessage: { code: 'invalid-request', message: 'This message is too long (4,000 characters at most).' },
  noMessageId: { code: 'invalid-request', message: 'A message needs an id (messageId), so that a retry sends the same message.' },
  noConversation: { code: 'unsupported', message: 'A call has no conversation to write in.' },
  noEntryPoints: { code: 'unsupported', message: 'This contact center has no entry points to consult or transfer to.' },
  noAutoWrapup: { code: 'invalid-state', message: 'There is no automatic wrap-up to stop.' },
} as const satisfies Readonly<Record<string, Refusal>>;

/** How a task in `phase` is named in "Cannot hold: the task is still ringing." */
const PHASE_WORDS: Readonly<Record<TaskState, string>> = { offered: 'still ringing', connected: 'in progress', wrapup: 'already ended' };

/** "Cannot hold: the task is still ringing.": an action asked of a task in the wrong phase. */
export const phaseRefusal = (verb: string, now: TaskState): Refusal => ({
  code: 'invalid-state',
  message: `Cannot ${verb}: the task is ${PHASE_WORDS[now] ?? now}.`,
});

/** "Cannot hold a chat task.": a voice action asked of another media. */
export const mediaRefusal = (verb: string, media: string): Refusal => ({ code: 'unsupported', message: `Cannot ${verb} a ${media} task.` });

/** "The xuc backend cannot mute calls.": an action whose capability is off. */
export const unsupportedRefusal = (backend: string, cannot: string): Refusal => ({ code: 'unsupported', message: `The ${backend} backend cannot ${cannot}.` });

/** "There is no task t-9.": a request that names a task the desk does not have. */
export const unknownTaskRefusal = (taskId: string): Refusal => ({ code: 'unknown-task', message: `There is no task ${excerpt(taskId)}.` });

/** A refusal as the error a backend throws (`action` is the backend's name for it; the desk renames it). */
export const refusalError = (refusal: Refusal, action = ''): CcError => new CcError(refusal.code, refusal.message, action);

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
  /** What a backend without the capability cannot do, for "The xuc backend cannot mute calls." */
  readonly cannot?: string;
  /** The verb of its messages: "Cannot hold: the task is still ringing." */
  readonly verb: string;
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

const checkDestination: Check<{ readonly destination: Destination }> = ({ detail: { destination } }) => {
  if (!destination.to.trim()) return REFUSALS.chooseDestination;
  const problem = destination.type === 'dialNumber' ? dialNumberMessage(destination.to) : null;
  return problem ? { code: 'invalid-request', message: problem } : null;
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
    verb: 'sign in',
    // The credentials must fit a way in the backend declares (its SignInDescriptor): "Enter an access token."
    // or the words of its own way in.
    input: [
      ({ detail: d, state: s }) => {
        const problem = signInProblem(d, s.signIn, s.capabilities);
        return problem ? { code: 'invalid-request', message: problem } : null;
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
    verb: 'sign out',
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
    verb: 'log in',
    input: [
      ({ detail: d, state: s }) => {
        if (!s.profile) return REFUSALS.noProfile;
        if (!s.profile.teams.some((t) => t.id === d.teamId)) return REFUSALS.chooseTeam;
        if (!s.profile.loginOptions.includes(d.loginOption)) return REFUSALS.chooseLoginOption;
        const problem = checkDialNumber(s.profile, d.loginOption, d.dialNumber);
        return problem ? { code: 'invalid-dial-number', message: problem } : null;
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
    verb: 'log out',
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
    verb: 'change state',
    input: [
      ({ detail: d, state: s }) => {
        if (!s.station) return REFUSALS.noStation;
        if (d.state === 'Idle' && !s.profile?.idleCodes.some((c) => c.id === d.auxCodeId)) return REFUSALS.chooseIdleReason;
        if (d.state !== 'Idle' && d.state !== 'Available') return { code: 'invalid-request', message: `${excerpt(d.state)} is not a state an agent can choose.` };
        return null;
      },
    ],
    offeredBy: 'cc-state-select',
  }),
  'cc-task-accept-request': action({
    summary: 'Accept an offer.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'accept',
    call: (b, d) => b.accept(d.taskId),
    capability: 'accept',
    cannot: 'accept this offer from the desk: answer it on your phone',
    verb: 'accept',
    phase: 'offered',
    offeredBy: 'cc-task-panel',
    place: 'offer',
  }),
  'cc-task-decline-request': action({
    summary: 'Decline an offer.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'decline',
    call: (b, d) => b.decline(d.taskId),
    capability: 'decline',
    cannot: 'decline this offer: let it ring out, or answer it on your phone',
    verb: 'decline',
    phase: 'offered',
    offeredBy: 'cc-task-panel',
    place: 'offer',
  }),
  'cc-task-hold-request': action({
    summary: 'Put a call on hold.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'hold',
    call: (b, d) => b.hold(d.taskId),
    capability: 'hold',
    cannot: 'hold calls',
    verb: 'hold',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => task.held, REFUSALS.alreadyHeld)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-resume-request': action({
    summary: 'Resume a held call.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'resume',
    call: (b, d) => b.resume(d.taskId),
    capability: 'hold',
    cannot: 'hold calls',
    verb: 'resume',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.held, REFUSALS.notHeld), refuseIf(({ task }) => task.consult, REFUSALS.resumeDuringConsult)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-mute-request': action({
    summary: 'Mute or unmute the agent.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'toggleMute',
    call: (b, d) => b.toggleMute(d.taskId),
    capability: 'mute',
    cannot: 'mute calls',
    verb: 'mute',
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
  'cc-task-recording-pause-request': action({
    summary: 'Pause the recording.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'pauseRecording',
    call: (b, d) => b.pauseRecording(d.taskId),
    capability: 'recording',
    cannot: 'pause recordings',
    verb: 'pause recording',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.recording || task.recordingPaused, REFUSALS.recordingNotRunning)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-recording-resume-request': action({
    summary: 'Resume the recording.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'resumeRecording',
    call: (b, d) => b.resumeRecording(d.taskId),
    capability: 'recording',
    cannot: 'pause recordings',
    verb: 'resume recording',
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
    cannot: 'consult',
    verb: 'consult',
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
  'cc-task-consult-end-request': action({
    summary: 'End the consult.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'endConsult',
    call: (b, d) => b.endConsult(d.taskId),
    capability: 'consult',
    cannot: 'consult',
    verb: 'end the consult',
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
    cannot: 'transfer tasks',
    verb: 'transfer',
    input: [checkDestination],
    phase: 'connected',
    when: [refuseIf(({ task }) => task.consult, REFUSALS.transferDuringConsult), checkEntryPoint],
    offeredBy: 'cc-task-panel',
    place: 'picker',
  }),
  'cc-task-consult-transfer-request': action({
    summary: 'Transfer to the consulted party.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'consultTransfer',
    call: (b, d) => b.consultTransfer(d.taskId),
    capability: 'consultTransfer',
    cannot: 'transfer to a consulted party',
    verb: 'transfer',
    phase: 'connected',
    when: [refuseIf(({ task }) => task.consult?.state !== 'connected', REFUSALS.consultNotAnswered)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-conference-request': action({
    summary: 'Join the consulted party and the customer into a three-way conference.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'conference',
    call: (b, d) => b.conference(d.taskId),
    capability: 'conference',
    cannot: 'hold conferences',
    verb: 'start a conference',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => task.conference, REFUSALS.alreadyConference), refuseIf(({ task }) => task.consult?.state !== 'connected', REFUSALS.noConsultToJoin)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-conference-leave-request': action({
    summary: 'Leave the conference: the customer and the others stay connected; the task ends for the agent.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'leaveConference',
    call: (b, d) => b.leaveConference(d.taskId),
    capability: 'conferenceLeave',
    cannot: 'leave conferences',
    verb: 'leave the conference',
    phase: 'connected',
    media: 'telephony',
    when: [refuseIf(({ task }) => !task.conference, REFUSALS.notInConference)],
    offeredBy: 'cc-task-panel',
    place: 'task',
  }),
  'cc-task-conference-transfer-request': action({
    summary: 'Hand the conference to the consulted agent and leave it; the task ends for the agent.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'transferConference',
    call: (b, d) => b.transferConference(d.taskId),
    capability: 'conferenceTransfer',
    cannot: 'transfer conferences',
    verb: 'transfer the conference',
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
    cannot: 'send keys',
    verb: 'send keys',
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
    cannot: 'send messages',
    verb: 'send a message',
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
  'cc-task-end-request': action({
    summary: 'End the task.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'end',
    call: (b, d) => b.end(d.taskId),
    capability: 'end',
    cannot: 'end this task from the desk',
    verb: 'end',
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
    verb: 'wrap up',
    input: [
      ({ detail: d, state: s }) =>
        s.capabilities?.wrapupCodes === false || s.profile?.wrapupCodes.some((c) => c.id === d.auxCodeId) ? null : REFUSALS.chooseWrapupCode,
    ],
    phase: 'wrapup',
    offeredBy: 'cc-wrapup',
  }),
  'cc-task-auto-wrapup-cancel-request': action({
    summary: 'Stop the automatic wrap-up of a task: the agent wraps it up when ready.',
    detailText: '{taskId}',
    detail: TASK,
    scope: 'task',
    method: 'cancelAutoWrapup',
    call: (b, d) => b.cancelAutoWrapup(d.taskId),
    capability: 'cancelAutoWrapup',
    cannot: 'stop an automatic wrap-up',
    verb: 'stop the automatic wrap-up',
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
    cannot: 'place outbound calls',
    verb: 'call out',
    input: [
      ({ detail: d }) => {
        const problem = dialNumberMessage(d.number);
        return problem ? { code: 'invalid-request', message: problem } : null;
      },
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
    cannot: 'upload logs',
    verb: 'upload logs',
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
    return unsupportedRefusal(state.backend, spec.cannot ?? `${spec.verb}`);
  }
  if (task && spec.phase && task.state !== spec.phase) return phaseRefusal(spec.verb, task.state);
  if (task && spec.media && task.mediaType !== spec.media) return mediaRefusal(spec.verb, task.mediaType);
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

/** The entry whose backend method is `method` (the simulator names its actions by method). */
export const actionByMethod = (method: BackendMethod): AnyActionSpec | undefined =>
  REQUEST_NAMES.map(actionSpec).find((spec) => spec.method === method);
