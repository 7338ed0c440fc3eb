import { realClock, type Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import type { AgentStateSnapshot, Station } from '../../core/types.js';
import { BackendEvents, Cleanup, ConnectionState, withTimeout } from '../kit/index.js';
import type { TcccAgent } from './agent.js';
import type { TcccCalls } from './calls.js';
import { callSdk, type TcccSdk, type TcccVerb } from './sdk.js';

/** A skill group or an agent a call may be transferred to (TCCC's Web SDK lists neither: the host says). */
export interface TcccTarget {
  readonly id: string;
  readonly name: string;
}

export interface TcccBackendOptions {
  /** The host's route that returns `{SdkURL}` (POST, same-origin cookies): `/loginTCCC`. */
  readonly sdkUrlEndpoint?: string;
  /** Or a function of the host's that resolves to the SdkURL (or `{SdkURL}`). */
  readonly getSdkUrl?: () => unknown;
  /** How long `ready` may take after the script is injected (default 20000 ms). */
  readonly readyTimeoutMs?: number;
  /** How long an action waits for the event that confirms it (default 8000 ms). */
  readonly requestTimeoutMs?: number;
  /** The break reasons configured in TCCC's admin console (the SDK cannot list them). */
  readonly restReasons?: readonly string[];
  /** Skill groups and agents to transfer to. */
  readonly skillGroups?: readonly TcccTarget[];
  readonly agents?: readonly TcccTarget[];
  /**
   * The names shown for TCCC's own statuses (the break reasons are named by `restReasons`): `notReady`
   * ("Not ready"), `rest` ("Rest") and `arrange` ("After-call work"), e.g. in the agents' language.
   */
  readonly statusNames?: Readonly<Partial<Record<'notReady' | 'rest' | 'arrange', string>>>;
  /** The agent's account, when the SdkURL does not carry it (`userid=`). */
  readonly agentId?: string;
  /** The agent's name as shown (TCCC's Web SDK does not tell it). */
  readonly agentName?: string;
  readonly clock?: Clock;
}

interface Waiter {
  readonly done: () => boolean;
  readonly resolve: () => void;
}

/**
 * What the parts of the TCCC backend share: the options, the SDK once ready, the session, the station and the
 * agent's state as last announced, TCCC's own last status, the event stream, and the waits for a confirming
 * event (checked after every SDK event the backend handles).
 */
export class TcccContext {
  readonly clock: Clock;
  readonly readyTimeoutMs: number;
  readonly timeoutMs: number;
  readonly events = new BackendEvents();
  readonly emit = this.events.emit;
  readonly connection = new ConnectionState(this.emit);
  /** The listeners added to the SDK, removed on sign-out and dispose. */
  readonly listeners = new Cleanup();

  sdk: TcccSdk | null = null;
  signedIn = false;
  registered = false;
  agentId = '';
  station: Station | null = null;
  agent: AgentStateSnapshot | null = null;
  /** TCCC's last `AgentStatus` (`free`, `busy`, `arrange`, `notReady`, `rest`, `offline`). */
  status = 'offline';
  /** The status the agent asked for (`free`, `notReady`, `rest`, `rest:Meal`, `online`, `offline`). */
  requested: string | null = null;

  agentPart!: TcccAgent;
  calls!: TcccCalls;

  #waiters = new Set<Waiter>();

  constructor(readonly options: TcccBackendOptions) {
    this.clock = options.clock ?? realClock;
    this.readyTimeoutMs = options.readyTimeoutMs ?? 20000;
    this.timeoutMs = options.requestTimeoutMs ?? 8000;
  }

  /** Refuses an action the session is not ready for: only the backend knows these. */
  guard(action: string, needRegistered = true): TcccSdk {
    if (!this.signedIn || !this.sdk) throw CcError.of('not-signed-in', { key: 'notSignedIn' }, action);
    if (needRegistered && !this.registered) throw CcError.of('not-registered', { key: 'notRegistered' }, action);
    return this.sdk;
  }

  /** `tccc.<ns>.<method>(args)`, within the request time limit. */
  call(ns: 'Call' | 'Agent', method: string, args: Readonly<Record<string, unknown>> | undefined, action: string, verb: TcccVerb) {
    const sdk = this.guard(action);
    return withTimeout(this.clock, callSdk(sdk, ns, method, args, action, verb), this.timeoutMs, () => this.#late(action, verb));
  }

  /** Resolves once `done()` holds (checked now and after every SDK event), or rejects at the request time limit. */
  until(done: () => boolean, action: string, verb: TcccVerb): Promise<void> {
    if (done()) return Promise.resolve();
    let waiter!: Waiter;
    const settled = new Promise<void>((resolve) => {
      waiter = { done, resolve };
      this.#waiters.add(waiter);
    });
    return withTimeout(this.clock, settled, this.timeoutMs, () => this.#late(action, verb)).finally(() => this.#waiters.delete(waiter));
  }

  /** After an SDK event: the waits it satisfied go on. */
  settle(): void {
    for (const w of [...this.#waiters]) {
      if (!w.done()) continue;
      this.#waiters.delete(w);
      w.resolve();
    }
  }

  #late(action: string, verb: TcccVerb): CcError {
    return CcError.of('timeout', { key: 'tcccLate', values: { verb: { key: verb } } }, action);
  }
}
