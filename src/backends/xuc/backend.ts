import type { AgentStateArgs, Backend, BackendListener, StationLoginArgs, WrapupArgs } from '../../core/backend.js';
import { ALL_CAPABILITIES } from '../../core/capabilities.js';
import type { Clock } from '../../core/clock.js';
import type { Capabilities, Credentials, Destination, DestinationOption, Profile } from '../../core/types.js';
import { XucAgent } from './agent.js';
import { XucCalls } from './calls.js';
import { XucContext, type XucBackendOptions } from './context.js';
import { XucLink } from './link.js';

export { XUC_TEAM } from './agent.js';
export type { XucBackendOptions } from './context.js';

/**
 * What XuC can do from a desk whose agent takes calls on a XiVO line (a desk phone). Mute is off, and the backend
 * has no `toggleMute`: `toggleMicrophone` reaches only a WebRTC line, whose SIP stack this backend does not run.
 */
const CAPABILITIES: Capabilities = Object.freeze<Capabilities>({
  ...ALL_CAPABILITIES,
  mediaTypes: Object.freeze(['telephony'] as const),
  mute: false,
  wrapupCodes: false,
  oauth: false,
  uploadLogs: false,
  // XuC speaks voice only: no chat, social or email channel, so no conversation to read or write.
  messaging: false,
});

/**
 * The XiVO XuC backend: the REST sign-in and one WebSocket of JSON commands and events, spoken directly
 * (no cti.js). An agent signs in with a username and password (or a XuC token the host already has), logs in
 * on a XiVO line (EXTENSION), and its calls arrive as phone events. A thin front over its parts: the session
 * and its socket (link.ts), the agent (agent.ts) and the calls (calls.ts), sharing one XucContext.
 */
export class XucBackend implements Backend {
  readonly name = 'xuc';
  readonly capabilities = CAPABILITIES;
  readonly #ctx: XucContext;

  constructor(options: XucBackendOptions) {
    const ctx = new XucContext(options);
    ctx.link = new XucLink(ctx);
    ctx.agentPart = new XucAgent(ctx);
    ctx.calls = new XucCalls(ctx);
    this.#ctx = ctx;
  }

  get clock(): Clock {
    return this.#ctx.clock;
  }

  subscribe(listener: BackendListener): () => void {
    return this.#ctx.events.subscribe(listener);
  }

  /** Queue statistics by queue id (`WaitingCalls`, `LongestWaitingTime`, `AvailableAgents`, …) and the agent's own. */
  statistics(): ReturnType<XucCalls['statistics']> {
    return this.#ctx.calls.statistics();
  }

  // session
  connect(credentials: Credentials): Promise<void> {
    return this.#ctx.link.connect(credentials);
  }
  register(): Promise<Profile> {
    return this.#ctx.agentPart.register();
  }
  async deregister(): Promise<void> {
    this.#signOut('Signed out');
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
    return this.#ctx.calls.toggleHold(taskId, 'task-hold');
  }
  resume(taskId: string): Promise<void> {
    return this.#ctx.calls.toggleHold(taskId, 'task-resume');
  }
  end(taskId: string): Promise<void> {
    return this.#ctx.calls.end(taskId);
  }
  pauseRecording(taskId: string): Promise<void> {
    return this.#ctx.calls.monitor(taskId, true);
  }
  resumeRecording(taskId: string): Promise<void> {
    return this.#ctx.calls.monitor(taskId, false);
  }
  consult(taskId: string, destination: Destination): Promise<void> {
    return this.#ctx.calls.consult(taskId, destination);
  }
  endConsult(taskId: string): Promise<void> {
    return this.#ctx.calls.endConsult(taskId);
  }
  transfer(taskId: string, destination: Destination): Promise<void> {
    return this.#ctx.calls.transfer(taskId, destination);
  }
  consultTransfer(taskId: string): Promise<void> {
    return this.#ctx.calls.consultTransfer(taskId);
  }
  conference(taskId: string): Promise<void> {
    return this.#ctx.calls.conference(taskId);
  }
  sendDtmf(taskId: string, digits: string): Promise<void> {
    return this.#ctx.calls.sendDtmf(taskId, digits);
  }
  wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    return this.#ctx.calls.wrapup(taskId, args);
  }
  outdial(number: string): Promise<void> {
    return this.#ctx.calls.outdial(number);
  }
  async destinations(kind: 'agent' | 'queue'): Promise<readonly DestinationOption[]> {
    return this.#ctx.calls.destinations(kind);
  }

  dispose(): void {
    this.#ctx.link.close(true);
    this.#ctx.events.dispose();
  }

  #signOut(reason: string): void {
    const ctx = this.#ctx;
    const was = ctx.signedIn;
    ctx.signedIn = false;
    ctx.registered = false;
    ctx.link.close();
    ctx.connection.reset();
    ctx.calls.forget();
    ctx.agentPart.forget();
    ctx.station = null;
    ctx.agent = null;
    if (was) ctx.emit({ type: 'signed-out', reason });
  }
}
