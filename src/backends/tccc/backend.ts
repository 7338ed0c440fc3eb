import type { AgentStateArgs, Backend, BackendListener, StationLoginArgs, WrapupArgs } from '../../core/backend.js';
import { ALL_CAPABILITIES } from '../../core/capabilities.js';
import type { Clock } from '../../core/clock.js';
import type { Capabilities, Destination, DestinationOption, Profile } from '../../core/types.js';
import { TcccAgent } from './agent.js';
import { TcccCalls } from './calls.js';
import { TcccContext, type TcccBackendOptions } from './context.js';
import { TcccSession } from './session.js';

export { TCCC_TEAM, NOT_READY_CODE, REST_CODE } from './agent.js';
export type { TcccBackendOptions, TcccTarget } from './context.js';

/**
 * What TCCC's Web SDK can do from the kit: voice calls with hold, mute, blind transfer and outbound calls. No
 * consult, attended transfer or conference (not in the documented Web SDK: the methods are absent), no recording
 * control, no wrap-up codes (after-call work is a timer), no log upload, no OAuth (the host's server signs in).
 */
const CAPABILITIES: Capabilities = Object.freeze<Capabilities>({
  ...ALL_CAPABILITIES,
  mediaTypes: Object.freeze(['telephony'] as const),
  recording: false,
  consult: false,
  consultTransfer: false,
  wrapupCodes: false,
  oauth: false,
  uploadLogs: false,
  // The Web SDK's IM sessions (`tccc.Chat`) can be accepted, ended and transferred, but it documents no call
  // that reads or sends their messages (TCCC's own workbench shows them): no conversation in the kit.
  messaging: false,
});

/**
 * The Tencent Cloud Contact Center backend: TCCC's Web SDK, injected from a single-use SdkURL the host's server
 * mints (tccc.md), run headless (its own UI hidden), driven through `tccc.Call` and `tccc.Agent` and heard through
 * its events. A thin front over the session (session.ts, loader.ts), the agent (agent.ts) and the calls
 * (calls.ts), sharing one TcccContext.
 */
export class TcccBackend implements Backend {
  readonly name = 'tccc';
  readonly capabilities = CAPABILITIES;
  readonly #ctx: TcccContext;
  readonly #session: TcccSession;

  constructor(options: TcccBackendOptions = {}) {
    const ctx = new TcccContext(options);
    ctx.agentPart = new TcccAgent(ctx);
    ctx.calls = new TcccCalls(ctx);
    this.#ctx = ctx;
    this.#session = new TcccSession(ctx, this);
  }

  get clock(): Clock {
    return this.#ctx.clock;
  }

  subscribe(listener: BackendListener): () => void {
    return this.#ctx.events.subscribe(listener);
  }

  // session: the credentials are the host's (its route or function): nothing is entered.
  connect(): Promise<void> {
    return this.#session.connect();
  }
  async register(): Promise<Profile> {
    return this.#session.register();
  }
  async deregister(): Promise<void> {
    this.#session.signOut('Signed out');
  }

  // station and agent
  stationLogin(args: StationLoginArgs): Promise<void> {
    return this.#ctx.agentPart.stationLogin(args);
  }
  stationLogout(reason?: string): Promise<void> {
    return this.#ctx.agentPart.stationLogout(reason);
  }
  setAgentState(args: AgentStateArgs): Promise<void> {
    return this.#ctx.agentPart.setAgentState(args);
  }

  // calls
  accept(taskId: string): Promise<void> {
    return this.#ctx.calls.accept(taskId);
  }
  decline(taskId: string): Promise<void> {
    return this.#ctx.calls.decline(taskId);
  }
  hold(taskId: string): Promise<void> {
    return this.#ctx.calls.hold(taskId, true);
  }
  resume(taskId: string): Promise<void> {
    return this.#ctx.calls.hold(taskId, false);
  }
  toggleMute(taskId: string): Promise<void> {
    return this.#ctx.calls.toggleMute(taskId);
  }
  /** The call's keypad: keys as DTMF with `tccc.Call.sendDigits`. */
  sendDtmf(taskId: string, digits: string): Promise<void> {
    return this.#ctx.calls.sendDigits(taskId, digits);
  }
  end(taskId: string): Promise<void> {
    return this.#ctx.calls.end(taskId);
  }
  transfer(taskId: string, destination: Destination): Promise<void> {
    return this.#ctx.calls.transfer(taskId, destination);
  }
  wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    return this.#ctx.calls.wrapup(taskId, args);
  }
  outdial(number: string): Promise<void> {
    return this.#ctx.calls.outdial(number);
  }
  /** DTMF to the call (`tccc.Call.sendDigits`). Not in the kit's contract yet: no widget or request sends it. */
  sendDigits(taskId: string, digits: string): Promise<void> {
    return this.#ctx.calls.sendDigits(taskId, digits);
  }
  async destinations(kind: 'agent' | 'queue'): Promise<readonly DestinationOption[]> {
    return this.#ctx.calls.destinations(kind);
  }

  dispose(): void {
    this.#session.dispose();
    this.#ctx.events.dispose();
  }
}
