import type { AgentStateArgs, Backend, BackendEvent, BackendListener, StationLoginArgs, WrapupArgs } from '../../core/backend.js';
import { ALL_CAPABILITIES } from '../../core/capabilities.js';
import { CcError } from '../../core/errors.js';
import { BackendEvents, ConnectionState, TokenWatch, syncEvent } from '../kit/index.js';
import {
  logoutReasonText,
  type OutgoingMessage,
  type Capabilities,
  type Credentials,
  type Destination,
  type DestinationKind,
  type DestinationOption,
  type OutdialOrigin,
  type Profile,
} from '../../core/types.js';
import { simulatorAddressBook, simulatorBuddies, simulatorEntryPoints, simulatorOutdialOrigins, simulatorQueues } from './data.js';
import { SimulatorServer, type SimulatorAction, type SimulatorClient } from './server.js';

export interface SimulatorBackendOptions {
  /** The contact center to connect to; a new one by default. */
  server?: SimulatorServer;
  /** Network latency of every action, in real milliseconds (0 by default; the sample page uses more). */
  latencyMs?: number;
  /** Dispose the server with this backend (its timers stop): for a server nobody else holds. */
  ownsServer?: boolean;
}

/** Everything, entry points and an address book to consult and transfer to included. */
const CAPABILITIES: Capabilities = Object.freeze<Capabilities>({ ...ALL_CAPABILITIES, entryPoints: true, addressBook: true });

/** Creates a silent audio track that stands in for the remote party of a browser call (simulators, test doubles). */
export function silentTrack(): MediaStreamTrack | null {
  try {
    const audio = new AudioContext();
    const track = audio.createMediaStreamDestination().stream.getAudioTracks()[0] ?? null;
    track?.addEventListener('ended', () => void audio.close());
    return track;
  } catch {
    return null;
  }
}

/**
 * The kit's embedded backend: a client session against an in-page SimulatorServer. It behaves as a real
 * contact center does from the agent's side: sign in, register, station login, offers, faults.
 */
export class SimulatorBackend implements Backend, SimulatorClient {
  readonly name = 'simulator';
  readonly capabilities = CAPABILITIES;
  readonly server: SimulatorServer;
  readonly latencyMs: number;
  readonly #ownsServer: boolean;
  readonly #events = new BackendEvents();
  readonly #emit = this.#events.emit;
  readonly #connection = new ConnectionState(this.#emit);
  readonly #token: TokenWatch;
  #signedIn = false;
  #registered = false;
  #tokenExpiresAt: number | null = null;

  constructor(options: SimulatorBackendOptions = {}) {
    this.server = options.server ?? new SimulatorServer();
    this.latencyMs = options.latencyMs ?? 0;
    this.#ownsServer = options.ownsServer ?? !options.server;
    this.#token = new TokenWatch(this.server.clock, this.#emit);
  }

  get clock() {
    return this.server.clock;
  }

  subscribe(listener: BackendListener): () => void {
    return this.#events.subscribe(listener);
  }

  // ---- SimulatorClient: what the server tells this session ---------------------------------------

  deliver(event: BackendEvent): void {
    if (!this.#registered || !this.server.networkUp) return;
    if (event.type === 'task-assigned' && this.server.station?.loginOption === 'BROWSER' && event.task.mediaType === 'telephony') {
      this.#emit(event);
      this.#emit({ type: 'task-media', taskId: event.task.id, track: silentTrack() });
      return;
    }
    this.#emit(event);
  }

  networkChanged(up: boolean): void {
    if (!this.#signedIn) return;
    this.#connection.set(up ? 'connected' : 'reconnecting');
    if (up && this.#registered) this.#emitSync(false);
  }

  expireAt(at: number): void {
    if (!this.#signedIn) return;
    this.#scheduleExpiry(at);
  }

  // ---- session ------------------------------------------------------------------------------------

  async connect(credentials: Credentials): Promise<void> {
    await this.#latency();
    this.server.checkFault('connect');
    const token = credentials.accessToken?.trim();
    if (!token && !credentials.oauth) throw CcError.of('auth-failed', { key: 'tokenRequired' }, 'connect');
    if (token && /^(invalid|expired)/i.test(token)) {
      throw CcError.of('auth-failed', { key: 'simulatorTokenRefused' }, 'connect');
    }
    if (!this.server.networkUp) throw CcError.of('offline', { key: 'simulatorUnreachable' }, 'connect');
    this.#signedIn = true;
    this.#token.reset();
    this.server.attach(this);
    this.#connection.set('connected');
  }

  async register(): Promise<Profile> {
    await this.#latency();
    this.#guard('register', false);
    const profile = this.server.profile;
    this.#registered = true;
    // Signed in only once registered: a registration that fails leaves no half-open session.
    const expiresAt = this.clock.now() + this.server.timing.tokenLifetimeMs;
    this.#emit({ type: 'signed-in', expiresAt });
    this.#scheduleExpiry(expiresAt);
    this.#emit({ type: 'registered', profile });
    // A session that finds the agent already logged in picks up where the last one left off (a reload, or a
    // tab that took over from a closed one): its browser calls' audio comes to this page.
    if (this.server.station) {
      this.#emitSync(true);
      if (this.server.station.loginOption === 'BROWSER') {
        for (const task of this.server.tasks) {
          if (task.state === 'connected' && task.mediaType === 'telephony') this.#emit({ type: 'task-media', taskId: task.id, track: silentTrack() });
        }
      }
    }
    // The contact center's figures right away (then every 10 s): statistics widgets need not wait for the next report.
    this.server.reportStats();
    return profile;
  }

  async deregister(): Promise<void> {
    await this.#latency();
    this.server.checkFault('deregister');
    this.#signOut('Signed out');
  }

  async uploadLogs(): Promise<{ trackingId?: string }> {
    await this.#act('uploadLogs', () => undefined);
    return { trackingId: `sim-logs-${this.clock.now()}` };
  }

  // ---- station and agent --------------------------------------------------------------------------

  stationLogin(args: StationLoginArgs): Promise<void> {
    return this.#act('stationLogin', () => this.server.stationLogin(args));
  }

  stationLogout(reason?: string): Promise<void> {
    return this.#act('stationLogout', () => this.server.stationLogout(logoutReasonText(reason)));
  }

  setAgentState(args: AgentStateArgs): Promise<void> {
    return this.#act('setAgentState', () => this.server.setAgentState(args));
  }

  // ---- tasks --------------------------------------------------------------------------------------

  accept(taskId: string): Promise<void> {
    return this.#act('accept', () => void this.server.accept(taskId));
  }
  decline(taskId: string): Promise<void> {
    return this.#act('decline', () => this.server.decline(taskId));
  }
  hold(taskId: string): Promise<void> {
    return this.#act('hold', () => this.server.hold(taskId));
  }
  resume(taskId: string): Promise<void> {
    return this.#act('resume', () => this.server.resume(taskId));
  }
  toggleMute(taskId: string): Promise<void> {
    return this.#act('toggleMute', () => this.server.toggleMute(taskId));
  }
  end(taskId: string): Promise<void> {
    return this.#act('end', () => this.server.end(taskId));
  }
  pauseRecording(taskId: string): Promise<void> {
    return this.#act('pauseRecording', () => this.server.pauseRecording(taskId));
  }
  resumeRecording(taskId: string): Promise<void> {
    return this.#act('resumeRecording', () => this.server.resumeRecording(taskId));
  }
  consult(taskId: string, destination: Destination): Promise<void> {
    return this.#act('consult', () => this.server.consult(taskId, destination));
  }
  endConsult(taskId: string): Promise<void> {
    return this.#act('endConsult', () => this.server.endConsult(taskId));
  }
  transfer(taskId: string, destination: Destination): Promise<void> {
    return this.#act('transfer', () => this.server.transfer(taskId, destination));
  }
  consultTransfer(taskId: string): Promise<void> {
    return this.#act('consultTransfer', () => this.server.consultTransfer(taskId));
  }
  conference(taskId: string): Promise<void> {
    return this.#act('conference', () => this.server.conference(taskId));
  }
  leaveConference(taskId: string): Promise<void> {
    return this.#act('leaveConference', () => this.server.leaveConference(taskId));
  }
  transferConference(taskId: string): Promise<void> {
    return this.#act('transferConference', () => this.server.transferConference(taskId));
  }
  sendDtmf(taskId: string, digits: string): Promise<void> {
    return this.#act('sendDtmf', () => this.server.sendDtmf(taskId, digits));
  }
  sendMessage(taskId: string, message: OutgoingMessage): Promise<void> {
    return this.#act('sendMessage', () => void this.server.sendMessage(taskId, message));
  }
  wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    return this.#act('wrapup', () => this.server.wrapup(taskId, args));
  }
  cancelAutoWrapup(taskId: string): Promise<void> {
    return this.#act('cancelAutoWrapup', () => this.server.cancelAutoWrapup(taskId));
  }
  outdial(number: string, origin?: string): Promise<void> {
    return this.#act('outdial', () => this.server.outdial(number, origin));
  }

  async outdialOrigins(): Promise<readonly OutdialOrigin[]> {
    await this.#act('destinations', () => undefined);
    return simulatorOutdialOrigins;
  }

  async destinations(kind: DestinationKind): Promise<readonly DestinationOption[]> {
    await this.#act('destinations', () => undefined);
    if (kind === 'queue') return simulatorQueues;
    if (kind === 'entryPoint') return simulatorEntryPoints;
    if (kind === 'addressBook') return simulatorAddressBook;
    return simulatorBuddies.filter((b) => b.available).map(({ available: _, ...d }) => d);
  }

  dispose(): void {
    this.#token.stop();
    this.server.detach(this);
    // Its listeners go, but it stays usable: a desk may take the same backend again (attach disposes the old one).
    this.#events.clear();
    this.#signedIn = false;
    this.#registered = false;
    if (this.#ownsServer) this.server.dispose();
  }

  // ---- internals ----------------------------------------------------------------------------------

  /**
   * `pickUp`: this session takes up where an earlier one left off (a reload, a tab taking over), so the
   * conversations so far are history the page heard then; after a reconnect they are what was missed while away.
   */
  #emitSync(pickUp: boolean): void {
    const { station, agent, tasks } = this.server;
    this.#emit(syncEvent(station, agent, tasks));
    // The conversations as the contact center has them (the store keeps a message it already has as it is).
    for (const task of tasks) {
      for (const message of this.server.messagesOf(task.id)) this.#emit(pickUp ? { type: 'message', message, history: true } : { type: 'message', message });
    }
  }

  #signOut(reason: string): void {
    this.#token.stop();
    this.server.detach(this);
    const was = this.#signedIn;
    this.#signedIn = false;
    this.#registered = false;
    this.#connection.reset();
    if (was) this.#emit({ type: 'signed-out', reason });
  }

  #scheduleExpiry(at: number): void {
    this.#tokenExpiresAt = at;
    this.#token.watch(() => this.#tokenExpiresAt, this.server.timing.tokenWarningMs);
  }

  #guard(action: SimulatorAction, needRegistered = true): void {
    if (!this.#signedIn) throw CcError.of('not-signed-in', { key: 'notSignedIn' }, action);
    if (this.#token.expired) throw CcError.of('token-expired', { key: 'sessionExpired' }, action);
    if (!this.server.networkUp) throw CcError.of('offline', { key: 'simulatorOffline' }, action);
    if (needRegistered && !this.#registered) throw CcError.of('not-registered', { key: 'notRegistered' }, action);
    this.server.checkFault(action);
  }

  async #latency(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  /** Runs an action as the network would: after the latency, refused when offline, expired or faulted. */
  async #act(action: SimulatorAction, run: () => void): Promise<void> {
    await this.#latency();
    this.#guard(action);
    try {
      run();
    } catch (err) {
      throw CcError.from(err, action);
    }
  }
}
