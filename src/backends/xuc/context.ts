import { realClock, type Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import type { AgentStateSnapshot, Station } from '../../core/types.js';
import { BackendEvents, ConnectionState } from '../kit/index.js';
import type { XucAgent } from './agent.js';
import type { XucCalls } from './calls.js';
import type { XucLink } from './link.js';
import type { XucAgentConfig, XucAgentState, XucQueue, XucUserStatus } from './protocol.js';

export interface XucBackendOptions {
  /** The XuC base URL (`https://xivo.example.com`); the socket uses `wss:` for `https:`, `ws:` for `http:`. */
  readonly server: string;
  /** Milliseconds between pings (XuC's own client: 5000). */
  readonly heartbeatMs?: number;
  /** Silent intervals after which the link is declared dead (XuC's own client: 3). */
  readonly missedPings?: number;
  /** How long an action waits for the event that confirms it (default 8000 ms). */
  readonly requestTimeoutMs?: number;
  /** Delays between reconnection attempts; the last one repeats (default 1 s, 2 s, 5 s, 10 s, 30 s). */
  readonly reconnectDelaysMs?: readonly number[];
  /** The call variable that names the customer (default `USR_customerName`). */
  readonly customerNameVariable?: string;
  readonly clock?: Clock;
  /** A WebSocket class (tests). */
  readonly WebSocket?: typeof WebSocket;
}

/**
 * What the parts of the XuC backend share: the session (signed in, registered), what XiVO said of the agent
 * (its id, name, line, pause statuses, queues, colleagues, its XuC state), the station and the agent's state,
 * and the event stream. The link (REST and socket), the agent part and the calls part each hold this object.
 */
export class XucContext {
  readonly base: URL;
  readonly clock: Clock;
  readonly heartbeatMs: number;
  readonly missedPings: number;
  readonly timeoutMs: number;
  readonly delays: readonly number[];
  readonly nameVariable: string;
  readonly WS: typeof WebSocket;
  readonly events = new BackendEvents();
  readonly emit = this.events.emit;
  readonly connection = new ConnectionState(this.emit);

  signedIn = false;
  registered = false;
  login = '';
  agentId: number | null = null;
  agentName = '';
  line = '';
  statuses: XucUserStatus[] = [];
  queues: XucQueue[] = [];
  agents: XucAgentConfig[] = [];
  xucState: XucAgentState | null = null;
  station: Station | null = null;
  agent: AgentStateSnapshot | null = null;
  /** The state change the agent asked for (`AgentReady`, `AgentOnPause:lunch`), so its confirmation is the agent's. */
  requested: string | null = null;

  link!: XucLink;
  agentPart!: XucAgent;
  calls!: XucCalls;

  constructor(options: XucBackendOptions) {
    let base: URL;
    try {
      base = new URL(options.server);
    } catch {
      throw CcError.of('invalid-request', { key: 'xucServerUrl' }, 'connect');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw CcError.of('invalid-request', { key: 'xucServerHttp' }, 'connect');
    }
    this.base = base;
    this.clock = options.clock ?? realClock;
    this.heartbeatMs = options.heartbeatMs ?? 5000;
    this.missedPings = options.missedPings ?? 3;
    this.timeoutMs = options.requestTimeoutMs ?? 8000;
    this.delays = options.reconnectDelaysMs?.length ? options.reconnectDelaysMs : [1000, 2000, 5000, 10000, 30000];
    this.nameVariable = options.customerNameVariable ?? 'USR_customerName';
    this.WS = options.WebSocket ?? globalThis.WebSocket;
  }

  /** Whether a message is about this agent. */
  mine(m: unknown): m is Record<string, unknown> & { agentId: number } {
    return typeof m === 'object' && m !== null && (m as { agentId?: unknown }).agentId === this.agentId;
  }
}
