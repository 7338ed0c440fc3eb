import type { Clock } from './clock.js';
import type { CcErrorInfo } from './errors.js';
import type {
  AgentStateSnapshot,
  AgentStats,
  Capabilities,
  ChosenAgentState,
  ConversationMessage,
  ConnectionStatus,
  Credentials,
  Destination,
  DestinationKind,
  DestinationOption,
  LoginOption,
  LogoutReason,
  OutgoingMessage,
  OutdialOrigin,
  Profile,
  QueueStats,
  RejectReason,
  SignInDescriptor,
  Station,
  TaskSnapshot,
} from './types.js';

/** The normalized events every backend emits. Tasks always travel as whole snapshots. */
export type BackendEvent =
  | { readonly type: 'connection'; readonly status: ConnectionStatus }
  | { readonly type: 'signed-in'; readonly expiresAt: number | null }
  | { readonly type: 'registered'; readonly profile: Profile }
  | { readonly type: 'signed-out'; readonly reason: string }
  | { readonly type: 'auth-expiring'; readonly expiresAt: number }
  | { readonly type: 'auth-expired' }
  | { readonly type: 'station-login'; readonly station: Station }
  | { readonly type: 'station-logout'; readonly reason: string }
  | { readonly type: 'agent-state'; readonly agent: AgentStateSnapshot }
  | { readonly type: 'task-offered'; readonly task: TaskSnapshot }
  | { readonly type: 'task-hydrated'; readonly task: TaskSnapshot }
  | { readonly type: 'task-assigned'; readonly task: TaskSnapshot }
  /**
   * `transferred`: the agent handed the task on (a transfer, a conference transfer); `left`: the agent left a
   * conference that goes on without them. Either way the task's end follows.
   */
  | { readonly type: 'task-updated'; readonly task: TaskSnapshot; readonly transferred?: boolean; readonly left?: boolean }
  | { readonly type: 'task-ended'; readonly task: TaskSnapshot }
  | { readonly type: 'task-wrapped-up'; readonly task: TaskSnapshot; readonly auxCodeId: string; readonly notes: string }
  | { readonly type: 'task-rejected'; readonly task: TaskSnapshot; readonly reason: RejectReason }
  | { readonly type: 'task-media'; readonly taskId: string; readonly track: MediaStreamTrack | null }
  /** Figures of one or more queues; each replaces what the store had for its queue. */
  | { readonly type: 'queue-stats'; readonly queues: readonly QueueStats[] }
  /** The agent's own figures, replacing the previous ones. */
  | { readonly type: 'agent-stats'; readonly stats: AgentStats }
  /**
   * A message of a task's conversation (a chat line), from the customer, the agent or the system. `history`:
   * the message was written before this session took up the conversation (re-sent when a session picks up after
   * a reload or another tab): the store keeps it, the page is not told again (no `cc-message`).
   */
  | { readonly type: 'message'; readonly message: ConversationMessage; readonly history?: boolean }
  /** The customer of a conversation started (`typing: true`) or stopped typing; a message from them stops it too. */
  | { readonly type: 'typing'; readonly taskId: string; readonly typing: boolean }
  /**
   * What the backend can do, sent whenever it changes (after the profile, say). With `taskId`, what it can do
   * for that task only (a call whose recording cannot be paused): that task gets these AND the backend's.
   * The kit turns off, in either, what the backend has no method for.
   */
  | { readonly type: 'capabilities'; readonly capabilities: Capabilities; readonly taskId?: string }
  /** The whole picture after a reconnect: tasks missing from it are gone. */
  | {
      readonly type: 'sync';
      readonly station: Station | null;
      readonly agent: AgentStateSnapshot | null;
      readonly tasks: readonly TaskSnapshot[];
    }
  | { readonly type: 'error'; readonly error: CcErrorInfo };

export type BackendEventType = BackendEvent['type'];
export type BackendListener = (event: BackendEvent) => void;

export interface StationLoginArgs {
  readonly teamId: string;
  readonly loginOption: LoginOption;
  readonly dialNumber?: string;
}

export interface AgentStateArgs {
  readonly state: ChosenAgentState;
  readonly auxCodeId: string;
  readonly reason?: string;
}

export interface WrapupArgs {
  readonly auxCodeId: string;
  readonly notes?: string;
}

/**
 * The contract every backend implements. Actions resolve when the contact center has accepted them and
 * reject with a CcError otherwise; the resulting state always arrives as events, never as return values.
 * A backend never touches the DOM.
 *
 * A method marked optional is one a backend may not have: a backend that cannot hold leaves `hold` and
 * `resume` out, and the kit then treats its `hold` capability as off (the action table, src/core/actions.ts,
 * says which capability each method serves). Nobody writes `throw unsupported` for what it cannot do.
 */
export interface Backend {
  readonly name: string;
  /**
   * What it can do, read once when `<cc-sdk>` takes the backend; later changes arrive as `capabilities`
   * events.
   */
  readonly capabilities: Capabilities;
  readonly clock: Clock;
  /** How an agent signs in, when it differs from what the registry declared for this backend's name. */
  readonly signIn?: SignInDescriptor;

  subscribe(listener: BackendListener): () => void;

  // session
  connect(credentials: Credentials): Promise<void>;
  register(): Promise<Profile>;
  deregister(): Promise<void>;
  uploadLogs?(): Promise<{ trackingId?: string }>;

  // station and agent
  stationLogin(args: StationLoginArgs): Promise<void>;
  /**
   * `reason` is one of the kit's `LogoutReason`s (the backend maps it to its own); any other text is a
   * reason of the page's own, mapped as `requested`. The `station-logout` event that follows carries a
   * reason to show.
   */
  stationLogout(reason?: LogoutReason | (string & {})): Promise<void>;
  setAgentState(args: AgentStateArgs): Promise<void>;

  // tasks
  accept(taskId: string): Promise<void>;
  decline(taskId: string): Promise<void>;
  hold?(taskId: string): Promise<void>;
  resume?(taskId: string): Promise<void>;
  toggleMute?(taskId: string): Promise<void>;
  end(taskId: string): Promise<void>;
  pauseRecording?(taskId: string): Promise<void>;
  resumeRecording?(taskId: string): Promise<void>;
  consult?(taskId: string, destination: Destination): Promise<void>;
  endConsult?(taskId: string): Promise<void>;
  transfer?(taskId: string, destination: Destination): Promise<void>;
  consultTransfer?(taskId: string): Promise<void>;
  /** Joins the connected consult and the customer into a three-way conference. */
  conference?(taskId: string): Promise<void>;
  /** Leaves the conference: the customer and the others stay connected; the task ends for the agent. */
  leaveConference?(taskId: string): Promise<void>;
  /** Hands the conference to the consulted agent and leaves it; the task ends for the agent. */
  transferConference?(taskId: string): Promise<void>;
  /** Sends keys (0-9, *, #) as DTMF tones on a connected call. */
  sendDtmf?(taskId: string, digits: string): Promise<void>;
  wrapup(taskId: string, args: WrapupArgs): Promise<void>;
  /** Stops the automatic wrap-up of a task in wrap-up: the agent wraps it up when ready. */
  cancelAutoWrapup?(taskId: string): Promise<void>;
  /** Places a call; `origin` is one of `outdialOrigins()`'s numbers, else the backend's default. */
  outdial?(number: string, origin?: string): Promise<void>;
  /** The numbers an outbound call may show the customer, the default first (none: the backend chooses). */
  outdialOrigins?(): Promise<readonly OutdialOrigin[]>;
  /**
   * Sends the agent's message in a chat, social or email conversation. Resolves once the contact center has
   * taken it; the backend then reports it (a `message` event whose id is `message.messageId`) or the kit
   * marks it sent. A backend without it has `messaging` off.
   */
  sendMessage?(taskId: string, message: OutgoingMessage): Promise<void>;
  /**
   * Agents, queues, entry points or address-book entries a task may be consulted or transferred to. `taskId`
   * names the task when the list is for one (the panel's picker sends it): a backend may list only what suits
   * its channel. Entry points and the address book are asked for only when the capabilities offer them.
   */
  destinations(kind: DestinationKind, taskId?: string): Promise<readonly DestinationOption[]>;

  /** Releases timers and listeners. */
  dispose(): void;
}

/** Builds a backend for `<cc-sdk backend="name">`. May load code lazily. */
export type BackendFactory = (options: Readonly<Record<string, unknown>>) => Backend | Promise<Backend>;
