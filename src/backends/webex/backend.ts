import type { AgentStateArgs, Backend, BackendListener, StationLoginArgs, WrapupArgs } from '../../core/backend.js';
import type { Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import type { Capabilities, Credentials, Destination, DestinationKind, DestinationOption, OutdialOrigin, Profile } from '../../core/types.js';
import { WebexAgentEvents } from './agent.js';
import { WebexCalls } from './calls.js';
import { WebexContext, type WebexBackendOptions } from './context.js';
import { WebexDirectory } from './directory.js';
import type { WebexInstance } from './sdk.js';
import { WebexSession } from './session.js';
import { WebexTasks } from './tasks.js';

export type { WebexBackendOptions } from './context.js';

/**
 * The Webex Contact Center backend: the real SDK (`webex.cc`) behind the kit's Backend contract. A thin front
 * over its parts, each in its own file: the session (session.ts), the agent's station and state (agent.ts), the
 * tasks (tasks.ts), agents and queues to consult or transfer to (directory.ts), and calls into the SDK that turn
 * its failures into CcErrors (calls.ts). They share one WebexContext.
 */
export class WebexBackend implements Backend {
  readonly name = 'webex';
  readonly #ctx: WebexContext;

  constructor(options: WebexBackendOptions = {}) {
    const ctx = new WebexContext(options);
    ctx.calls = new WebexCalls(ctx);
    ctx.session = new WebexSession(ctx);
    ctx.agents = new WebexAgentEvents(ctx);
    ctx.tasks = new WebexTasks(ctx);
    ctx.directory = new WebexDirectory(ctx);
    this.#ctx = ctx;
  }

  get clock(): Clock {
    return this.#ctx.clock;
  }

  /** What Webex can do now; a change (outdial follows the agent's profile) is also sent as a `capabilities` event. */
  get capabilities(): Capabilities {
    return this.#ctx.capabilities();
  }

  /** The SDK instance in use, for a host that wants to reach what the kit does not wrap. */
  get webex(): WebexInstance | null {
    return this.#ctx.webex;
  }

  subscribe(listener: BackendListener): () => void {
    return this.#ctx.events.subscribe(listener);
  }

  // session
  connect(credentials: Credentials): Promise<void> {
    return this.#ctx.session.connect(credentials);
  }
  register(): Promise<Profile> {
    return this.#ctx.session.register();
  }
  deregister(): Promise<void> {
    return this.#ctx.session.deregister();
  }
  uploadLogs(): Promise<{ trackingId?: string }> {
    return this.#ctx.session.uploadLogs();
  }

  // station and agent
  stationLogin(args: StationLoginArgs): Promise<void> {
    return this.#ctx.agents.stationLogin(args);
  }
  stationLogout(reason?: string): Promise<void> {
    return this.#ctx.agents.stationLogout(reason);
  }
  setAgentState(args: AgentStateArgs): Promise<void> {
    return this.#ctx.agents.setAgentState(args);
  }

  // tasks
  accept(taskId: string): Promise<void> {
    return this.#ctx.tasks.accept(taskId);
  }
  decline(taskId: string): Promise<void> {
    return this.#ctx.tasks.decline(taskId);
  }
  hold(taskId: string): Promise<void> {
    return this.#ctx.tasks.hold(taskId);
  }
  resume(taskId: string): Promise<void> {
    return this.#ctx.tasks.resume(taskId);
  }
  toggleMute(taskId: string): Promise<void> {
    return this.#ctx.tasks.toggleMute(taskId);
  }
  end(taskId: string): Promise<void> {
    return this.#ctx.tasks.end(taskId);
  }
  pauseRecording(taskId: string): Promise<void> {
    return this.#ctx.tasks.pauseRecording(taskId);
  }
  resumeRecording(taskId: string): Promise<void> {
    return this.#ctx.tasks.resumeRecording(taskId);
  }
  consult(taskId: string, destination: Destination): Promise<void> {
    return this.#ctx.tasks.consult(taskId, destination);
  }
  endConsult(taskId: string): Promise<void> {
    return this.#ctx.tasks.endConsult(taskId);
  }
  transfer(taskId: string, destination: Destination): Promise<void> {
    return this.#ctx.tasks.transfer(taskId, destination);
  }
  consultTransfer(taskId: string): Promise<void> {
    return this.#ctx.tasks.consultTransfer(taskId);
  }
  conference(taskId: string): Promise<void> {
    return this.#ctx.tasks.conference(taskId);
  }
  leaveConference(taskId: string): Promise<void> {
    return this.#ctx.tasks.leaveConference(taskId);
  }
  transferConference(taskId: string): Promise<void> {
    return this.#ctx.tasks.transferConference(taskId);
  }
  wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    return this.#ctx.tasks.wrapup(taskId, args);
  }
  cancelAutoWrapup(taskId: string): Promise<void> {
    return this.#ctx.tasks.cancelAutoWrapup(taskId);
  }

  outdialOrigins(): Promise<readonly OutdialOrigin[]> {
    return this.#ctx.directory.origins();
  }

  async outdial(number: string, origin?: string): Promise<void> {
    const ctx = this.#ctx;
    const cc = ctx.ready('outdial');
    // The tenant's and the agent's settings (the profile): what they forbid is refused before Webex is asked.
    if (!this.capabilities.outdial) {
      throw CcError.of('unsupported', { key: 'webexNoOutdial' }, 'outdial');
    }
    const from = origin?.trim() || (await ctx.directory.origin(cc));
    await ctx.calls.run('outdial', () => cc.startOutdial(number.trim(), from));
  }

  destinations(kind: DestinationKind, taskId?: string): Promise<readonly DestinationOption[]> {
    return this.#ctx.directory.destinations(kind, taskId);
  }

  dispose(): void {
    if (this.#ctx.events.disposed) return;
    this.#ctx.events.dispose();
    this.#ctx.session.dispose();
  }
}
