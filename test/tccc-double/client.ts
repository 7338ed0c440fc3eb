/**
 * The browser side of the TCCC double (server.mjs): makes a site and scripts the contact center, the customer and
 * an administrator through web-test-runner's server commands.
 */
import { commandsOf } from '../loopback/client.js';

export interface TcccSiteInfo {
  readonly site: string;
  /** The host's sign-in route on this site (`POST` → `{SdkURL}`). */
  readonly endpoint: string;
  readonly origin: string;
  readonly user: { readonly userId: string; readonly name: string };
  readonly skillGroups: readonly { id: string; name: string }[];
  readonly agents: readonly { id: string; name: string }[];
}

export interface TcccSiteState {
  readonly status: string;
  readonly muted: boolean;
  readonly calls: readonly { sessionId: string; phase: string; held: boolean; direction: string }[];
  /** Every method the script called, as `{method, args}` (UI methods too). */
  readonly received: readonly { method: string; args: Record<string, unknown> }[];
  /** Requests to the sign-in route. */
  readonly rest: readonly string[];
  readonly links: number;
  readonly tokens: readonly { used: boolean }[];
  /** The login tokens of every SdkURL minted (to look for where they must not be). */
  readonly secrets: readonly string[];
}

export type EndpointMode = 'ok' | 'fail' | 'forbidden' | 'no-url' | 'used' | 'expired' | 'missing-script';

export interface RingOptions {
  caller?: string;
  callee?: string;
  location?: string;
  remark?: string;
  ivrPath?: { key: string; label: string }[];
  timeout?: number;
  type?: string;
}

const run = commandsOf('tccc-double');

/** One TCCC tenant of the double. */
export class TcccSite {
  constructor(readonly info: TcccSiteInfo) {}

  static async create(options: { wrap?: 'data' | 'flat'; urlSeconds?: number } = {}): Promise<TcccSite> {
    return new TcccSite(await run<TcccSiteInfo>({ action: 'site', options }));
  }

  get endpoint(): string {
    return this.info.endpoint;
  }

  #run<T = Record<string, never>>(action: string, rest: Record<string, unknown> = {}): Promise<T> {
    return run<T>({ action, site: this.info.site, ...rest });
  }

  /** A customer's call rings the agent (`callIn`); returns its sessionId. */
  async ring(options: RingOptions = {}): Promise<string> {
    return (await this.#run<{ sessionId: string }>('ring', { ...options })).sessionId;
  }

  /** What the next request to the sign-in route answers. */
  endpointMode = (mode: EndpointMode) => this.#run('endpoint', { mode });
  customerHangsUp = (sessionId: string) => this.#run('customer-hangs-up', { sessionId });
  customerAnswers = (sessionId: string) => this.#run('customer-answers', { sessionId });
  ringOut = (sessionId: string) => this.#run('ring-out', { sessionId });
  /** An administrator (or the server API SetStaffStatus / ForceMemberOffline) changes the agent's status. */
  adminStatus = (status: string) => this.#run('admin-status', { status });
  arrangeEnds = () => this.#run('arrange-ends');
  completeTransfer = (sessionId: string) => this.#run('complete-transfer', { sessionId });
  expireUrls = () => this.#run('expire-urls');
  /** The next call of `method` (`Call.hold`, `Agent.setStatus`, …) is refused with `errorMsg`. */
  refuseNext = (method: string, errorMsg: string) => this.#run('refuse-next', { method, errorMsg });
  neverReady = (on = true) => this.#run('never-ready', { on });
  holdTransfers = (on = true) => this.#run('hold-transfers', { on });
  /** Sends any event, with its payload as given (not wrapped). */
  rawEvent = (event: string, payload: unknown) => this.#run('raw-event', { event, payload });
  state = () => this.#run<TcccSiteState>('state');
  close = () => this.#run('close');
}
