/**
 * Domain types of the kit. Every value here is plain, serialisable data: the store holds them frozen,
 * widgets render them, and outcome events carry them in `detail`. No backend's own objects ever appear here.
 */

/** `other` stands for any media a backend names that the kit does not know (shown as a generic task). */
export type MediaType = 'telephony' | 'chat' | 'email' | 'social' | 'other';
export type LoginOption = 'BROWSER' | 'AGENT_DN' | 'EXTENSION';
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Who caused an agent-state change. */
export type ChangeSource = 'agent' | 'remote' | 'system';

/**
 * The kit's agent states. `Available` and `Idle` (with a reason: an idle code) are chosen by the agent; the
 * others are set by the contact center: `RONA` when an offer goes unanswered, `AfterCall` while it holds the
 * agent in after-call work (a backend that has such a state, such as XiVO's wrap-up). A backend maps its own
 * states and codes to these; widgets and host pages see only these.
 */
export type AgentStateName = 'Available' | 'Idle' | 'RONA' | 'AfterCall';

/** The states an agent chooses (`cc-agent-state-request`); the others are set by the contact center. */
export type ChosenAgentState = 'Available' | 'Idle';

/**
 * The kit's `auxCodeId` for `Available`, in requests (`{state: 'Available', auxCodeId: '0'}`) and in
 * `cc-agent-state-change`. A public value of the kit: a backend whose contact center codes Available
 * otherwise translates at its edge. It lives here only; nobody else writes `'0'`.
 */
export const AVAILABLE_CODE = '0';

/**
 * Why an agent leaves the station, in the kit's words. Each backend maps it to its contact center's own
 * (Webex: `User requested logout`, `Inactivity Logout`, `User requested agent profile update`).
 * - `requested`: the agent asked (Log out, Sign out);
 * - `inactivity`: the page logs an idle agent out;
 * - `profile-update`: the agent's profile changes and a new login follows.
 */
export type LogoutReason = 'requested' | 'inactivity' | 'profile-update';
export const LOGOUT_REASONS: readonly LogoutReason[] = Object.freeze(['requested', 'inactivity', 'profile-update'] as const);

/** What `cc-station-logout` says (its `reason`) after a logout for each of the kit's reasons. */
const LOGOUT_REASON_TEXT: Readonly<Record<LogoutReason, string>> = Object.freeze({
  requested: 'User requested logout',
  inactivity: 'Logged out for inactivity',
  'profile-update': 'Logged out to update the profile',
});

/** Whether a logout reason is one of the kit's (else it is text of the page's own). */
export const isLogoutReason = (reason: unknown): reason is LogoutReason => (LOGOUT_REASONS as readonly unknown[]).includes(reason);

/**
 * The text a backend announces in `station-logout` for a logout it was asked for: the kit's words for one of
 * its reasons, a page's own reason as it is, the kit's `requested` words when none was given.
 */
export function logoutReasonText(reason?: string): string {
  if (reason === undefined || reason === '') return LOGOUT_REASON_TEXT.requested;
  return isLogoutReason(reason) ? LOGOUT_REASON_TEXT[reason] : reason;
}

export interface Team {
  readonly id: string;
  readonly name: string;
}

/** An idle code or a wrap-up code. */
export interface AuxCode {
  readonly id: string;
  readonly name: string;
  readonly isDefault?: boolean;
}

/** How a dial number for a login option must look, as the contact center checks it. */
export interface DialRule {
  /** A regular expression source, matched against the whole dial number. */
  readonly pattern: string;
  /** An example shown to the agent, e.g. `+14155550123`. */
  readonly example: string;
}

export interface Profile {
  readonly agentId: string;
  readonly agentName: string;
  readonly email?: string;
  readonly teams: readonly Team[];
  readonly loginOptions: readonly LoginOption[];
  /** The dial-number rules per login option that needs one (AGENT_DN, EXTENSION). */
  readonly dialRules: Readonly<Partial<Record<LoginOption, DialRule>>>;
  readonly defaultDialNumber?: string;
  readonly idleCodes: readonly AuxCode[];
  readonly wrapupCodes: readonly AuxCode[];
  /** Seconds after a task ends before it is wrapped up automatically; null when there is no auto wrap-up. */
  readonly autoWrapupSeconds: number | null;
  /**
   * Whether the contact center offers new contacts while a wrap-up is owed. Contact centers usually do not
   * (the agent is in wrap-up, not available); false or absent means no routing until every wrap-up is done.
   */
  readonly routeDuringWrapup?: boolean;
}

export interface Station {
  readonly teamId: string;
  readonly loginOption: LoginOption;
  readonly dialNumber?: string;
}

export interface AgentStateSnapshot {
  readonly state: AgentStateName;
  /** `AVAILABLE_CODE` (`'0'`) for Available, an idle code's id for Idle, the backend's own code otherwise. */
  readonly auxCodeId: string;
  readonly reason?: string;
  /** Epoch milliseconds (backend clock) when this state began. */
  readonly since: number;
  readonly by: ChangeSource;
}

/** Where a consult or a transfer goes. `entryPoint`: a contact center's entry point (its flow takes the call on). */
export type DestinationType = 'agent' | 'queue' | 'dialNumber' | 'entryPoint';

/**
 * The lists a backend's `destinations` may be asked for: available agents, queues, entry points, and the
 * address book (named numbers, each a `dialNumber` destination). A backend lists agents and queues; entry
 * points and the address book only when its capabilities say so (`entryPoints`, `addressBook`).
 */
export type DestinationKind = 'agent' | 'queue' | 'entryPoint' | 'addressBook';

/** A number an outbound call may show the customer (an outdial ANI entry), by name. */
export interface OutdialOrigin {
  /** The number as the contact center takes it (E.164). */
  readonly number: string;
  readonly name: string;
}

export interface Destination {
  readonly type: DestinationType;
  /** Agent id, queue id, entry point id or the dial number itself. */
  readonly to: string;
  /** A display name, when known. */
  readonly name?: string;
}

/** A destination the agent may pick (an available agent, a queue). */
export interface DestinationOption extends Destination {
  readonly name: string;
  readonly detail?: string;
}

export interface Consult {
  readonly destination: Destination;
  readonly state: 'ringing' | 'connected';
  readonly startedAt: number;
}

/**
 * One party of a conference, as the contact center reports it.
 * - `customer`: the caller (or the called party of an outbound call);
 * - `agent`: an agent on the call: the signed-in agent (`self`), or another who was on it before;
 * - `consulted`: the party the agent consulted and joined in (an agent, a queue's agent, a dial number).
 */
export interface Participant {
  readonly id: string;
  readonly role: 'customer' | 'agent' | 'consulted';
  /** A display name, when known. */
  readonly name?: string;
  /** A phone number (the customer's ANI, a dialled number), when known. */
  readonly number?: string;
  /** The signed-in agent. */
  readonly self?: boolean;
  /** On mute or on hold, when the contact center says so (absent: unknown). */
  readonly muted?: boolean;
  readonly held?: boolean;
}

/**
 * - `offered`: ringing, may be accepted or declined;
 * - `connected`: the agent is on it (held or not);
 * - `wrapup`: it has ended and a wrap-up is owed.
 * A task that is wrapped up, rejected or ended without wrap-up leaves the store.
 */
export type TaskState = 'offered' | 'connected' | 'wrapup';

export interface TaskSnapshot {
  readonly id: string;
  readonly mediaType: MediaType;
  readonly direction: 'inbound' | 'outbound';
  readonly state: TaskState;
  /** Caller number, chat handle or email address. */
  readonly ani: string;
  readonly customerName?: string;
  /** An email subject or a chat's first line. */
  readonly subject?: string;
  readonly queue?: { readonly id: string; readonly name: string };
  readonly offeredAt: number;
  /** When an unanswered offer is withdrawn (RONA); null when it is not ringing. */
  readonly ronaAt: number | null;
  readonly connectedAt: number | null;
  readonly endedAt: number | null;
  readonly held: boolean;
  readonly heldAt: number | null;
  readonly muted: boolean;
  /** Whether the call is being recorded at all, and whether the recording is paused. */
  readonly recording: boolean;
  readonly recordingPaused: boolean;
  readonly consult: Consult | null;
  /** The agent, the customer and a consulted party are in one three-way conference. */
  readonly conference?: boolean;
  /** Everyone on the call while it is a conference (the agent included), in the order they joined; absent otherwise. */
  readonly participants?: readonly Participant[];
  readonly wrapupRequired: boolean;
  /** When the task is wrapped up automatically; null when no auto wrap-up runs. */
  readonly autoWrapupAt: number | null;
  /** Call-associated data, as text. */
  readonly cad: Readonly<Record<string, string>>;
  /**
   * An outbound campaign's preview offer: the contact center reserved this customer for the agent, and the
   * call is placed only when the agent accepts it (`cc-task-accept-request`). Absent on any other task.
   */
  readonly preview?: { readonly campaign: string };
}

export type TaskChange =
  | 'held'
  | 'resumed'
  | 'muted'
  | 'unmuted'
  | 'recording-paused'
  | 'recording-resumed'
  | 'consult-started'
  | 'consult-answered'
  | 'consult-ended'
  | 'conference-started'
  | 'conference-ended'
  /** The agent left a conference; the others stay on the call (`cc-task-end` follows for the agent). */
  | 'conference-left'
  /** Someone joined or left the conference (its `participants` changed). */
  | 'participants'
  | 'transferred';

export type RejectReason = 'declined' | 'rona' | 'cancelled';

/**
 * One way of signing in that a backend offers, for `<cc-auth>` to render. Labels are keys of the widget's
 * `strings`; their default texts come with the descriptor (`SignInDescriptor.strings`), so a backend names
 * itself ("Sign in with Webex") and a page can still replace every word.
 * - `token`: an access token pasted into a field (`{accessToken}`, sealed by `<cc-auth>`);
 * - `oauth`: a redirect to the contact center's sign-in page (`{oauth: {clientId, redirectUri, scopes, state}}`);
 * - `password`: a username and a password (`{username, password}`); the password is never kept;
 * - `server`: a token or URL the host's server issues: the backend fetches it itself (`{}`);
 * - `external`: a session the page already has (a signed-in SDK instance): nothing to enter (`{}`).
 */
export type SignInMethod =
  | { readonly kind: 'token' }
  | { readonly kind: 'oauth'; readonly label: string }
  | { readonly kind: 'password' }
  | { readonly kind: 'server'; readonly label: string }
  | { readonly kind: 'external'; readonly label: string };

export type SignInKind = SignInMethod['kind'];

/** How an agent signs in to a backend; known before the backend is built (see `registerBackend`). */
export interface SignInDescriptor {
  /** The ways offered, in the order shown (the first is the main one). */
  readonly methods: readonly SignInMethod[];
  /** Default texts of the labels and messages this backend names (replaced by `<cc-auth>`'s `strings`). */
  readonly strings?: Readonly<Record<string, string>>;
  /**
   * Texts of `<cc-auth>` this backend words its own way: the widget's key → the key of the backend's text in
   * `strings` (`{oauthFailed: 'oauthFailedWebex'}`), so locale bundles translate both. A page's own `strings`
   * for the widget's key still win.
   */
  readonly replaces?: Readonly<Record<string, string>>;
  /** Ways a script may also sign in with (`sdk.request('cc-sign-in-request', …)`), not offered on screen. */
  readonly scripted?: readonly SignInKind[];
}

/** A queue's figures, as the contact center reports them. */
export interface QueueStats {
  readonly queueId: string;
  readonly queueName: string;
  /** Contacts waiting in the queue now. */
  readonly waiting: number;
  /** How long the oldest waiting contact has waited, in seconds, when it was reported (0 when none waits). */
  readonly longestWaitSeconds: number;
  /** Agents ready to take a contact of this queue, when the backend knows (Webex's reporting APIs do not say). */
  readonly agentsAvailable?: number;
  /** Agents on a contact of this queue, when the backend knows. */
  readonly agentsTalking?: number;
  /** Contacts answered and abandoned today (or over the backend's window), when the backend knows. */
  readonly answered?: number;
  readonly abandoned?: number;
  /** Epoch milliseconds (backend clock) of the report. */
  readonly at: number;
}

/** The signed-in agent's own figures. */
export interface AgentStats {
  /**
   * Contacts handled (connected and ended) in this session or today; absent when the contact center does not
   * count them (TCCC's real-time metrics): the widget shows "–", never a made-up 0.
   */
  readonly handled?: number;
  /** The average handle time in seconds (talk, hold and wrap-up), null before the first contact. */
  readonly averageHandleSeconds: number | null;
  /** Offers missed (RONA), when the backend knows. */
  readonly missed?: number;
  /**
   * Seconds spent in each state today (or over the backend's window) up to `at`, when the backend knows; the
   * current state's time since `at` is not in it (a widget adds it as the clock runs).
   */
  readonly stateSeconds?: Readonly<Partial<Record<AgentStateName, number>>>;
  /** Epoch milliseconds (backend clock) of the report. */
  readonly at: number;
}

/** Why statistics are old, and how old (seconds), as the server that sent them says. */
export interface StatsStaleness {
  readonly reason: string;
  readonly ageSeconds: number;
}

/**
 * What a statistics endpoint answers: the server companion's stats route (cc-elements/server) sends it, and
 * `<cc-queue-stats>`/`<cc-agent-stats>` with `stats-endpoint` read it. Every field is normalised on arrival.
 */
export interface StatsReport {
  readonly queues: readonly QueueStats[];
  /** The signed-in agent's own figures, or null when the server does not know whose they are. */
  readonly agent: AgentStats | null;
  /** Queue ids asked for that the server knows nothing of. */
  readonly unknownQueues?: readonly string[];
  /** Epoch milliseconds (server clock) of the oldest figures in the answer. */
  readonly at?: number;
  /** Present when the server serves older figures (a rate limit, a timeout): `true`, or why and how old. */
  readonly stale?: true | StatsStaleness;
}

/**
 * Where an agent's message is on its way to the customer: `pending` while the contact center has not taken it,
 * `sent` once it has, `failed` when it refused it (the agent may send it again).
 */
export type MessageDelivery = 'pending' | 'sent' | 'failed';
export const MESSAGE_DELIVERIES: readonly MessageDelivery[] = Object.freeze(['pending', 'sent', 'failed'] as const);

/** One message of a conversation (a chat, a social thread, an email), as text. */
export interface ConversationMessage {
  readonly id: string;
  readonly taskId: string;
  readonly from: 'customer' | 'agent' | 'system';
  /** Who wrote it, as shown (the customer's or the agent's name), when known. */
  readonly author?: string;
  readonly text: string;
  /** An email's subject, when the message is an email. */
  readonly subject?: string;
  /** Epoch milliseconds (backend clock). */
  readonly at: number;
  /** An agent's message on its way (see `MessageDelivery`); absent: delivered (every customer and system line). */
  readonly delivery?: MessageDelivery;
}

/** What an agent sends in a conversation (`cc-task-message-request`, `Backend.sendMessage`). */
export interface OutgoingMessage {
  /**
   * The message's id, chosen by the sender: a retry of a failed message sends the same id, and the backend's
   * own report of the message (a `message` event) carries it, so the transcript shows the message once.
   */
  readonly messageId: string;
  readonly text: string;
  /** An email reply's subject. */
  readonly subject?: string;
}

/** What a backend can do. Widgets hide controls for what it cannot. */
export interface Capabilities {
  readonly mediaTypes: readonly MediaType[];
  readonly hold: boolean;
  readonly mute: boolean;
  readonly recording: boolean;
  readonly consult: boolean;
  readonly transfer: boolean;
  readonly consultTransfer: boolean;
  readonly wrapupCodes: boolean;
  readonly oauth: boolean;
  readonly outdial: boolean;
  readonly uploadLogs: boolean;
  /** Keys pressed during a call reach the far end as DTMF tones (an IVR's menu, a PIN). */
  readonly dtmf: boolean;
  /** A connected consult can be joined with the customer into a three-way conference. */
  readonly conference: boolean;
  /**
   * The agent can read and write the conversation of chat, social and email tasks from the desk
   * (`sendMessage`): off, `<cc-conversation>` says the conversation is handled elsewhere.
   */
  readonly messaging: boolean;
  /** The agent can leave a conference, the others staying on the call (on unless `false`). */
  readonly conferenceLeave?: boolean;
  /** The agent can hand a conference to the consulted agent and leave it (on unless `false`). */
  readonly conferenceTransfer?: boolean;
  /**
   * A running automatic wrap-up can be stopped from the desk (the backend's `cancelAutoWrapup`). Left out, it
   * is off (a backend written before it has no such method).
   */
  readonly cancelAutoWrapup?: boolean;
  /** The host page signed the backend in already (a Webex instance it made): sign-in takes no credentials. */
  readonly externalSession?: boolean;
  // Finer switches, on unless said `false` (by the backend, or for one task by its own capabilities); the
  // desk refuses what is off and the task panel hides it.
  /** Offers can be accepted from the desk; `false`: the call is answered elsewhere (on the agent's phone). */
  readonly accept?: boolean;
  /** Offers can be declined from the desk. */
  readonly decline?: boolean;
  /** The task can be ended from the desk (a tenant may leave ending a call to the customer). */
  readonly end?: boolean;
  /** A consult can be ended from the desk. */
  readonly endConsult?: boolean;
  /** A queue can be consulted (agents and dial numbers stay). */
  readonly consultQueue?: boolean;
  // Extras, off unless said `true`: lists a backend may have beside agents and queues.
  /** Entry points can be consulted and transferred to (`destinations('entryPoint')` lists them). */
  readonly entryPoints?: boolean;
  /** An address book of named numbers to consult and transfer to (`destinations('addressBook')`). */
  readonly addressBook?: boolean;
}

export interface Credentials {
  readonly accessToken?: string;
  readonly oauth?: {
    readonly clientId: string;
    readonly redirectUri: string;
    readonly scopes?: readonly string[];
    /**
     * The `state` of this round trip (see `beginOAuthRoundTrip`): a backend that redirects to a sign-in page
     * sends it along, so the page can tell, on the way back, that it started the sign-in.
     */
    readonly state?: string;
  };
  /** A username and password (XiVO XuC): exchanged for a token at sign-in, never kept. */
  readonly username?: string;
  readonly password?: string;
}

export interface SessionSnapshot {
  readonly status: 'signed-out' | 'signed-in';
  /** Epoch ms when the access token expires, when the backend knows. */
  readonly expiresAt: number | null;
  /** True once the backend has said the token expired: actions fail until the agent signs in again. */
  readonly expired: boolean;
}
