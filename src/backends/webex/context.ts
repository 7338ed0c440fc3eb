import type { ITask, Profile as SdkProfile } from '@webex/contact-center';
import type { BackendEvent } from '../../core/backend.js';
import { ALL_CAPABILITIES } from '../../core/capabilities.js';
import { realClock, type Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import type { AgentStateSnapshot, Capabilities, Profile, Station } from '../../core/types.js';
import { BackendEvents, ConnectionState, text } from '../kit/index.js';
import type { WebexAgentEvents } from './agent.js';
import type { WebexCalls } from './calls.js';
import type { WebexDirectory } from './directory.js';
import type { SdkLoader, WebexCc, WebexCcInternals, WebexConfig, WebexInstance } from './sdk.js';
import type { WebexSession } from './session.js';
import type { WebexTasks } from './tasks.js';

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
  /**
   * Let the agent stay signed in elsewhere (Agent Desktop in another window): the SDK's `allowMultiLogin`.
   * Off by default, as in the SDK: signing in here closes the agent's other sessions (webex-sdk.md #14).
   */
  readonly multiLogin?: boolean;
  /** The number outbound calls show (E.164). Default: the first entry of the profile's outdial ANI list. */
  readonly outdialAni?: string;
  /** The clock snapshots are stamped with, and timers run on (the real one by default). */
  readonly clock?: Clock;
  /**
   * The host server's token route (cc-elements/server's `/cc/webex/token`): signing in takes the token it hands
   * out (with the page's cookies), and the backend renews it silently `renewBeforeMs` before it expires (default
   * 6 minutes, before the 5-minute warning). When the server says its session is gone, signing in sends the
   * agent to the server's sign-in page (`navigate`, by default `location.assign`).
   */
  readonly tokenEndpoint?: string;
  readonly renewBeforeMs?: number;
  readonly navigate?: (url: string) => void;
}

// Webex does all the contract asks but messaging. The SDK mutes browser (WebRTC) calls only: toggleMute
// refuses other logins with `unsupported`, and the task panel shows Mute for a browser login only. Chat, social
// and email tasks are offered, accepted, ended and wrapped up through the SDK, but their messages travel through
// Webex's digital channels (Webex Connect), outside the contact-center SDK: the kit has no transcript or reply
// for them, and <cc-conversation> says so.
// Entry points are listed by the SDK (`getEntryPoints`) for every agent; the address book once the profile names one.
const BASE_CAPABILITIES: Capabilities = Object.freeze<Capabilities>({ ...ALL_CAPABILITIES, messaging: false, entryPoints: true });

const HOST_SESSION_CAPABILITIES: Capabilities = Object.freeze<Capabilities>({ ...BASE_CAPABILITIES, externalSession: true });

/**
 * What the parts of the Webex backend share: the session's SDK objects, the profile, the station and the
 * agent's state, and the event stream. Each part (session, agent events, task events, directory, calls) holds
 * this one object and reaches the others through it.
 */
export class WebexContext {
  readonly options: WebexBackendOptions;
  readonly clock: Clock;
  readonly events = new BackendEvents();
  readonly emit = this.events.emit;
  readonly connection = new ConnectionState(this.emit);

  webex: WebexInstance | null = null;
  cc: WebexCc | null = null;
  /** The backend made the instance (it was not given one): it may drop it and deregister it. */
  ownsInstance = false;
  raw: SdkProfile | null = null;
  profile: Profile | null = null;
  /** Every idle code, system codes included, by id. */
  codes: ReadonlyMap<string, string> = new Map();
  registered = false;
  station: Station | null = null;
  agent: AgentStateSnapshot | null = null;

  // The parts, set by the front class once each is built.
  session!: WebexSession;
  agents!: WebexAgentEvents;
  tasks!: WebexTasks;
  directory!: WebexDirectory;
  calls!: WebexCalls;

  constructor(options: WebexBackendOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
  }

  /**
   * What Webex can do: outdial follows the agent's profile once it is loaded, and what the tenant forbids
   * (webex-sdk.md #13: consulting a queue, ending a consult) is off, so the desk hides it.
   */
  capabilities(): Capabilities {
    const base = this.options.webex ? HOST_SESSION_CAPABILITIES : BASE_CAPABILITIES;
    const raw = this.raw;
    if (!raw) return base;
    const outdial = raw.isOutboundEnabledForTenant !== false && raw.isOutboundEnabledForAgent !== false && Boolean(text(raw.outDialEp));
    const wrapUp = raw.wrapUpData?.wrapUpProps;
    const forbidden = {
      ...(raw.allowConsultToQueue === false ? { consultQueue: false } : {}),
      ...(raw.isEndConsultEnabled === false ? { endConsult: false } : {}),
      // The SDK's own switch (`allowCancelAutoWrapup`, from the profile's `allowAutoWrapUpExtension`).
      ...(wrapUp?.autoWrapup === true && wrapUp.allowCancelAutoWrapup !== true ? { cancelAutoWrapup: false } : {}),
      ...(text(raw.addressBookId) ? { addressBook: true } : {}),
    };
    if (outdial === base.outdial && Object.keys(forbidden).length === 0) return base;
    return Object.freeze({ ...base, outdial, ...forbidden });
  }

  #announced: Capabilities | null = null;

  /** Sends the capabilities as an event when they differ from what the desk has (read at attach, or last sent). */
  announceCapabilities(): void {
    const now = this.capabilities();
    const before = this.#announced ?? (this.options.webex ? HOST_SESSION_CAPABILITIES : BASE_CAPABILITIES);
    if (JSON.stringify(now) === JSON.stringify(before)) return;
    this.#announced = now;
    this.emit({ type: 'capabilities', capabilities: now });
  }

  get agentId(): string {
    return this.profile?.agentId ?? '';
  }

  emitAgent(agent: AgentStateSnapshot): void {
    this.agent = agent;
    this.emit({ type: 'agent-state', agent });
  }

  alive(action: string): void {
    if (this.events.disposed) throw CcError.of('backend-error', { key: 'backendHasBeenDisposed' }, action);
  }

  /** The cc to act on, once signed in, registered and connected. */
  ready(action: string): WebexCc {
    this.alive(action);
    if (!this.cc) throw CcError.of('not-signed-in', { key: 'notSignedIn' }, action);
    if (!this.registered || !this.profile) throw CcError.of('not-registered', { key: 'notRegistered' }, action);
    if (this.connection.down) {
      throw CcError.of('offline', { key: 'webexOffline' }, action);
    }
    return this.cc;
  }

  /** The SDK's own collection of tasks (empty when it has none to show). */
  sdkTasks(): Record<string, ITask> {
    try {
      return (this.cc as (WebexCc & WebexCcInternals) | null)?.taskManager?.getAllTasks?.() ?? {};
    } catch {
      return {};
    }
  }

  emitError(action: string, error: CcError): void {
    this.emit({ type: 'error', error: { action, code: error.code, message: error.message } } satisfies BackendEvent);
  }
}
