/**
 * The browser side of the Webex cloud double (server.mjs): loads the real, unpatched SDK from it, makes a
 * tenant, and scripts the contact center through web-test-runner's server commands.
 */
import { fixture, html } from '@open-wc/testing';
import { commandsOf } from '../loopback/client.js';
import { until } from '../helpers-no-define.js';
import { deskOn } from '../../testing/desk.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import type { WebexConfig, WebexStatic } from '../../src/backends/webex/sdk.js';
import type { BackendEvent } from '../../src/core/backend.js';
import type { DeskState } from '../../src/core/store.js';
import type { RequestDetails, RequestName } from '../../src/events/events.js';
import { WebexBackend, type WebexBackendOptions } from '../../src/backends/webex/backend.js';

export interface CloudTenant {
  readonly orgId: string;
  /** A valid access token for this tenant (three "_"-separated parts, the org id last). */
  readonly token: string;
  readonly agentId: string;
  /** `Webex.init` config that points the SDK at the cloud double. */
  readonly config: WebexConfig;
  readonly sdkUrl: string;
}

export interface CloudState {
  readonly agent: Record<string, unknown> | null;
  readonly contacts: readonly string[];
  readonly sockets: number;
  /** Every REST call the SDK made, as `METHOD /path`. */
  readonly calls: readonly string[];
  /** Agent Desktop in another window, when the test opened one. */
  readonly desktop: { readonly open: boolean; readonly closedBy?: string } | null;
  /** Whether the page's last subscribe allowed multi-login. */
  readonly pageAllowsMultiLogin: boolean | null;
  /** The body of each task action the SDK posted, in order. */
  readonly taskBodies: readonly { readonly call: string; readonly body: Record<string, unknown> }[];
  /** The outbound calls the SDK asked for, as it sent them. */
  readonly outdials: readonly { readonly destination: string; readonly origin: string; readonly entryPointId: string }[];
}

export type Refusable =
  | 'stationLogin'
  | 'setAgentState'
  | 'stationLogout'
  | 'hold'
  | 'resume'
  | 'end'
  | 'wrapup'
  | 'consult'
  | 'consultQueue'
  | 'endConsult'
  | 'transfer'
  | 'transferQueue'
  | 'consultTransfer'
  | 'pauseRecording'
  | 'resumeRecording'
  | 'accept'
  | 'acceptPreview'
  | 'conference'
  | 'leaveConference'
  | 'transferConference';

const command = commandsOf('webex-cloud');

/** A handle on one tenant of the cloud: what the contact center, the customer and a supervisor do. */
export class Cloud {
  constructor(readonly tenant: CloudTenant) {}

  /** A new tenant; `options` are its settings (all allowed by default). */
  /**
   * `autoWrapup`: the profile's automatic wrap-up, after `afterMs` (the SDK reads the profile's
   * `autoWrapAfterSeconds` as milliseconds), which agents may stop when `allowCancel`.
   */
  static async tenant(
    options: {
      webRtcEnabled?: boolean;
      endCallEnabled?: boolean;
      endConsultEnabled?: boolean;
      consultToQueue?: boolean;
      autoWrapup?: { afterMs: number; allowCancel: boolean };
    } = {},
  ): Promise<Cloud> {
    return new Cloud(await command<CloudTenant>({ action: 'tenant', options }));
  }

  #run<T = Record<string, never>>(action: string, rest: Record<string, unknown> = {}): Promise<T> {
    return command<T>({ action, tenant: this.tenant.orgId, ...rest });
  }

  /** Offers a contact; `pauseResumeEnabled: false` makes a call whose recording the agent may not pause. */
  async offer(mediaType = 'telephony', options: { pauseResumeEnabled?: boolean } = {}): Promise<string> {
    return (await this.#run<{ taskId: string }>('offer', { mediaType, ...options })).taskId;
  }

  /**
   * A campaign reserves a customer for the agent: a preview offer (`AgentOfferCampaignReservation`).
   * `newInteraction`: once accepted, the call goes on under a new interaction id (AgentContactAssigned with the
   * preview's id as `reservationInteractionId`), as the real dialer places it; otherwise it keeps the preview's id.
   */
  async preview(campaign: string, options: { newInteraction?: boolean } = {}): Promise<string> {
    return (await this.#run<{ taskId: string }>('preview', { campaign, ...options })).taskId;
  }

  /** The agent answers the phone (AGENT_DN / EXTENSION): `AgentContactAssigned`. */
  answer = (taskId: string) => this.#run('answer', { taskId });
  rona = (taskId: string) => this.#run('rona', { taskId });
  /** The service sends the contact again, whole (`AgentContact`), as it does after a relogin. */
  contactAgain = (taskId: string) => this.#run('contact-again', { taskId });
  answerConsult = (taskId: string) => this.#run('answer-consult', { taskId });
  hangup = (taskId: string) => this.#run('hangup', { taskId });
  /** Someone else leaves a conference: the customer hangs up, or the consulted agent does (the conference ends). */
  conferenceLeft = (taskId: string, who: 'customer' | 'consulted') => this.#run('conference-left', { taskId, who });
  supervisorState = (state: 'Available' | 'Idle', auxCodeId: string) => this.#run('supervisor-state', { state, auxCodeId });
  remoteLogout = () => this.#run('remote-logout');
  /** The next call of `what` is refused: its `*Failed` outcome carries `reason`. */
  refuse = (what: Refusable, reason: string) => this.#run('refuse', { what, reason });
  /** The next call of `what` is accepted but never answered: no outcome on the socket (the SDK's 20 s time limit runs out). */
  leaveUnanswered = (what: Refusable) => this.#run('refuse', { what, reason: '', unanswered: true });
  /** The sockets drop, and new ones (and REST calls) fail until `restore()`. */
  drop = () => this.#run('drop');
  restore = () => this.#run('restore');
  /** The cloud sends nothing at all (no keepalive, no outcome) until called again with `false`. */
  silent = (on = true) => this.#run('silent', { on });
  /** The current token is refused from now on (401). */
  expireToken = () => this.#run('expire-token');
  async newToken(): Promise<string> {
    return (await this.#run<{ token: string }>('new-token')).token;
  }
  /** The agent is logged in to a station already, Available (as after a page reload or in another tab). */
  loggedIn = (station: { teamId?: string; loginOption?: 'AGENT_DN' | 'EXTENSION'; dialNumber?: string; auxCodeId?: string } = {}) =>
    this.#run('logged-in', station);
  /** The agent has Agent Desktop open in another window. */
  desktopOpen = () => this.#run('desktop-open');
  /** Agent Desktop signs in again, which closes this page's session unless it allowed multi-login. */
  desktopSignsIn = () => this.#run('desktop-signs-in');
  /** Between tests: the agent signed out, no contacts, no faults, no sockets. */
  reset = () => this.#run('reset');
  state = () => this.#run<CloudState>('state');
}

/** A classic script from `url` (the cloud's), and the global it sets, read by `read` once it has run. */
function scriptGlobal<T>(url: string, read: () => T | undefined, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => {
      const value = read();
      if (value) resolve(value);
      else reject(new Error(`${what} loaded but set no global.`));
    };
    script.onerror = () => reject(new Error(`${what} could not be loaded from ${url}.`));
    document.head.append(script);
  });
}

let sdk: Promise<WebexStatic> | null = null;

/** The SDK's lean UMD build (`@webex/contact-center/umd/contact-center.min.js`), loaded once per page. */
export function loadRealSdk(url: string): Promise<WebexStatic> {
  sdk ??= scriptGlobal(
    url,
    () => {
      const Webex = (globalThis as { Webex?: WebexStatic }).Webex;
      return Webex && typeof Webex.init === 'function' ? Webex : undefined;
    },
    'The SDK',
  );
  return sdk;
}

type FakeTimersModule = typeof import('@sinonjs/fake-timers');
let fakeTimers: Promise<FakeTimersModule> | null = null;

/**
 * `@sinonjs/fake-timers`, served by the cloud as a classic script (the package is CommonJS). Install its clock
 * in a test page of its own before the SDK is loaded: the SDK's connection limits (8 s, 50 s) are fixed timers.
 */
function loadFakeTimers(cloud: Cloud): Promise<FakeTimersModule> {
  fakeTimers ??= scriptGlobal(
    `${new URL(cloud.tenant.sdkUrl).origin}/test/fake-timers.js`,
    () => {
      const loaded = (globalThis as { FakeTimers?: FakeTimersModule }).FakeTimers;
      return loaded && typeof loaded.withGlobal === 'function' ? loaded : undefined;
    },
    '@sinonjs/fake-timers',
  );
  return fakeTimers;
}

/**
 * For a test file of its own (its own page: the SDK's services are page-wide): `fakeClock(cloud)` installs a fake
 * clock in the page (page timers and Date; it also moves with real time, so everything else runs as usual)
 * before the SDK is first loaded, so that `tickAsync` drives the SDK's fixed connection limits; it is
 * uninstalled after each test. Call at the top of the `describe`.
 */
export function fakeClockEachTest(): (cloud: Cloud) => Promise<import('@sinonjs/fake-timers').Clock> {
  let installed: { uninstall(): unknown } | null = null;
  afterEach(() => {
    installed?.uninstall();
    installed = null;
  });
  return async (cloud) => {
    const FakeTimers = await loadFakeTimers(cloud);
    const clock = FakeTimers.withGlobal(globalThis).install({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      shouldAdvanceTime: true,
      advanceTimeDelta: 10,
    });
    installed = clock;
    return clock;
  };
}

/** The SDK's own logging silenced: the tests read what the backend emits. */
export const QUIET = { logger: { level: 'silent', bufferLogLevel: 'log' } };

/**
 * A Webex backend that loads the real SDK from the cloud and makes its own Webex instance for `cloud`'s tenant,
 * with every event it emits.
 */
export function realSdkBackend(cloud: Cloud, options: Pick<WebexBackendOptions, 'readyTimeoutMs' | 'multiLogin'> = {}) {
  const backend = new WebexBackend({ loadSdk: () => loadRealSdk(cloud.tenant.sdkUrl), config: { ...cloud.tenant.config, ...QUIET }, ...options });
  const events: BackendEvent[] = [];
  backend.subscribe((e) => events.push(e));
  return { backend, events };
}

/** How far `signedInDesk` and `signedInSdk` take the agent before the test starts. */
export interface SignedInOptions {
  /** Go Available after the station login (default: yes). */
  readonly available?: boolean;
  /** Offer a contact of this media (with these settings), answered on the phone: a connected call to start with. */
  readonly call?: { readonly mediaType?: string; readonly pauseResumeEnabled?: boolean };
}

/** The station every real-SDK test logs in to: an extension, which needs no dial plan. */
export const EXTENSION_STATION = { teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: '1042' } as const;

type Run = <N extends RequestName>(name: N, detail: RequestDetails[N]) => Promise<unknown>;

/** Signs in, logs in to the extension, goes Available and answers a call, as `options` ask; the call's id. */
async function prologue(cloud: Cloud, run: Run, state: () => DeskState, options: SignedInOptions): Promise<string> {
  await run('cc-sign-in-request', { accessToken: cloud.tenant.token });
  await run('cc-station-login-request', EXTENSION_STATION);
  if (options.available !== false) await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  if (!options.call) return '';
  const { mediaType = 'telephony', ...settings } = options.call;
  const id = await cloud.offer(mediaType, settings);
  await until(() => state().tasks.some((t) => t.id === id), 5000, 'the offer');
  await cloud.answer(id);
  await until(() => state().tasks.find((t) => t.id === id)?.state === 'connected', 5000, 'the call');
  return id;
}

/** Ends what a test left: the cloud's open contacts hung up, the backend disposed, the tenant reset. */
async function closer(cloud: Cloud, backend: WebexBackend, detach: () => void): Promise<void> {
  for (const id of (await cloud.state()).contacts) await cloud.hangup(id).catch(() => undefined);
  detach();
  backend.dispose();
  await cloud.reset();
}

/**
 * A Desk with no element (testing/desk.ts) on the real SDK for `cloud`'s tenant, the agent signed in and on
 * the extension; `callId` is the connected call's when `options.call` asked for one.
 */
export async function signedInDesk(cloud: Cloud, options: SignedInOptions = {}) {
  const { backend } = realSdkBackend(cloud, { readyTimeoutMs: 5000 });
  const r = deskOn(backend);
  const callId = await prologue(cloud, r.run, () => r.desk.state, options);
  /** Every `cc-connection-change` status the desk announced, in order. */
  const connections = () => r.outcomes.filter((e) => e.type === 'cc-connection-change').map((e) => (e.detail as { status: string }).status);
  return { ...r, cloud, backend, callId, connections, close: () => closer(cloud, backend, () => r.desk.attach(null)) };
}

/**
 * `<cc-sdk>` with the widget `tag` inside (the test defines both tags), on the real SDK for `cloud`'s tenant,
 * the agent signed in and on the extension; `callId` is the connected call's when `options.call` asked for one.
 */
export async function signedInSdk<W extends HTMLElement & { updateComplete: Promise<unknown> }>(cloud: Cloud, tag: string, options: SignedInOptions = {}) {
  const { backend } = realSdkBackend(cloud, { readyTimeoutMs: 5000 });
  const sdk = await fixture<CcSdk>(html`<cc-sdk .backend=${backend}></cc-sdk>`);
  const el = sdk.appendChild(document.createElement(tag)) as W;
  await el.updateComplete;
  const callId = await prologue(cloud, (name, detail) => sdk.request(name, detail), () => sdk.state, options);
  await el.updateComplete;
  return { cloud, backend, sdk, el, root: el.shadowRoot!, callId, close: () => closer(cloud, backend, () => sdk.remove()) };
}
