/**
 * The browser side of the XuC double (server.mjs): makes a site and scripts XiVO through web-test-runner's
 * server commands.
 */
import { commandsOf } from '../loopback/client.js';

export interface XucUser {
  readonly login: string;
  readonly password: string;
  readonly agentId: number;
  readonly agentNumber: string;
  readonly line: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface XucSiteInfo {
  readonly site: string;
  /** The XuC base URL of this site (a path prefix of its own on the double). */
  readonly baseUrl: string;
  readonly users: readonly XucUser[];
  readonly queues: readonly { id: number; name: string; displayName: string; number: string }[];
  readonly statuses: readonly { name: string; longName: string }[];
}

export interface XucSiteState {
  readonly agent: { name: string; phoneNb: string; cause: string; monitorState: string };
  readonly calls: readonly { uniqueId: string; status: string; otherDN: string; dtmf: string; conference: boolean }[];
  readonly sockets: number;
  /** Every command the client sent, as XuC received it. */
  readonly received: readonly Record<string, unknown>[];
  /** REST calls, as `METHOD path`. */
  readonly rest: readonly string[];
}

const run = commandsOf('xuc-double');

/** One XiVO site of the double: what the PBX, the customer and a supervisor do. */
export class XucSite {
  constructor(readonly info: XucSiteInfo) {}

  static async create(options: { wrapupSeconds?: number; ttl?: number } = {}): Promise<XucSite> {
    return new XucSite(await run<XucSiteInfo>({ action: 'site', options }));
  }

  get baseUrl(): string {
    return this.info.baseUrl;
  }

  get alice(): XucUser {
    return this.info.users[0];
  }

  #run<T = Record<string, never>>(action: string, rest: Record<string, unknown> = {}): Promise<T> {
    return run<T>({ action, site: this.info.site, ...rest });
  }

  /** A queue call rings the agent's line; returns its uniqueId (also the task id: linkedId = uniqueId). */
  async offer(options: { from?: string; userData?: Record<string, string>; sheet?: unknown[]; queueId?: number } = {}): Promise<string> {
    return (await this.#run<{ uniqueId: string }>('offer', options)).uniqueId;
  }

  answerOnPhone = (uniqueId: string) => this.#run('answer-on-phone', { uniqueId });
  consultAnswers = () => this.#run('consult-answers');
  remoteAnswers = (uniqueId?: string) => this.#run('remote-answers', { uniqueId });
  customerHangsUp = (uniqueId: string) => this.#run('customer-hangs-up', { uniqueId });
  supervisorPause = (reason: string) => this.#run('supervisor-pause', { reason });
  supervisorReady = () => this.#run('supervisor-ready');
  remoteLogout = () => this.#run('remote-logout');
  wrapupEnds = () => this.#run('wrapup-ends');
  refuseLogOn = (error = 'loggedOnFailed') => this.#run('refuse-logon', { error });
  drop = () => this.#run('drop');
  restore = () => this.#run('restore');
  silent = (on = true) => this.#run('silent', { on });
  expireTokens = () => this.#run('expire-tokens');
  /** The next `command` is received and never answered. */
  ignoreNext = (command: string) => this.#run('ignore-next', { command });
  adoptToken = (token: string) => this.#run('adopt-token', { token });
  token = async () => (await this.#run<{ token: string }>('token')).token;
  /** The third party of a conference (the consulted leg) hangs up. */
  thirdPartyHangsUp = () => this.#run('third-party-hangs-up');
  /** Sends any text frame to the agent's sockets. */
  send = (text: string) => this.#run('send', { text });
  queueStats = (queueId: number, counters: Record<string, number>) => this.#run('queue-stats', { queueId, counters });
  state = () => this.#run<XucSiteState>('state');
  close = () => this.#run('close');
}
