// Calls to the regional Webex Contact Center API with a server-side token: a 401 refreshes the token and retries once.
import { HttpError, fetchWithTimeout, jsonOf, type Fetch } from './http.js';
import type { TokenSource } from './webex-auth.js';

/** The regions of Webex Contact Center's API gateway (`https://api.wxcc-<region>.cisco.com`). */
export const WEBEX_REGIONS = Object.freeze(['us1', 'eu1', 'eu2', 'anz1', 'ca1', 'jp1', 'sg1', 'in1'] as const);
export type WebexRegion = (typeof WEBEX_REGIONS)[number];

/** The API base URL of a region. The org's region is not in its token: it is configuration. */
export function webexApiBase(region: WebexRegion | string): string {
  if (!(WEBEX_REGIONS as readonly string[]).includes(region)) {
    throw new TypeError(`Unknown Webex Contact Center region "${region}" (one of ${WEBEX_REGIONS.join(', ')}).`);
  }
  return `https://api.wxcc-${region}.cisco.com`;
}

export interface WebexApiOptions {
  /** The org's region (default `us1`), or `apiBase` for another gateway (a stand-in in tests). */
  readonly region?: WebexRegion | string;
  readonly apiBase?: string;
  /** Upstream timeout in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  readonly fetch?: Fetch;
}

export interface WebexAnswer {
  readonly status: number;
  readonly body: unknown;
  /** `Retry-After` of a 429, in seconds, when given. */
  readonly retryAfter?: number;
}

/** One call: `token()` for the bearer; on 401 once more with `token({rejected})` (a refreshed token), never twice. */
export async function callWebex(
  options: WebexApiOptions,
  token: TokenSource,
  method: string,
  path: string,
  body?: unknown,
): Promise<WebexAnswer> {
  const base = (options.apiBase ?? webexApiBase(options.region ?? 'us1')).replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const send = async (bearer: string): Promise<Response> =>
    fetchWithTimeout(
      doFetch,
      `${base}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      options.timeoutMs ?? 10_000,
    );
  const first = await token();
  let response = await send(first);
  if (response.status === 401) {
    await response.body?.cancel();
    response = await send(await token({ rejected: first }));
  }
  const retry = Number(response.headers.get('retry-after'));
  return { status: response.status, body: await jsonOf(response), ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}) };
}

export interface AgentLogin {
  /** The agent's phone number or extension, or the agent id for a browser (WebRTC) device. */
  readonly dialNumber: string;
  readonly teamId: string;
  readonly deviceType?: 'AGENT_DN' | 'EXTENSION' | 'BROWSER';
  readonly isExtension?: boolean;
  readonly deviceId?: string;
  readonly roles?: readonly string[];
}

export interface AgentLogout {
  readonly logoutReason: string;
  /** The agent to log out (a supervisor's or service token logging out someone else). */
  readonly agentId?: string;
}

export interface WebexAgentCalls {
  /** `POST /v1/agents/login`. Accepted (202) means asked: the outcome arrives on the agent's notification socket. */
  login(token: TokenSource, login: AgentLogin): Promise<{ accepted: boolean; status: number; body: unknown }>;
  /** `PUT /v1/agents/logout` (or `POST` with `logoutMethod: 'POST'`), e.g. at the end of a shift. */
  logout(token: TokenSource, logout: AgentLogout): Promise<{ accepted: boolean; status: number; body: unknown }>;
}

/** Agent session calls for a CRM's server. Failures other than "accepted" come back as `HttpError`s. */
export function createWebexAgentCalls(options: WebexApiOptions & { readonly logoutMethod?: 'PUT' | 'POST' } = {}): WebexAgentCalls {
  const outcome = (answer: WebexAnswer, what: string) => {
    if (answer.status >= 200 && answer.status < 300) return { accepted: true, status: answer.status, body: answer.body };
    if (answer.status === 401) throw new HttpError(401, 'unauthorized', `Webex refused the token for ${what}, even after a refresh.`);
    throw new HttpError(502, 'upstream', `Webex answered ${answer.status} to ${what}.`, { upstreamStatus: answer.status });
  };
  return {
    async login(token, login) {
      const deviceType = login.deviceType ?? 'AGENT_DN';
      const body = {
        dialNumber: login.dialNumber,
        teamId: login.teamId,
        isExtension: login.isExtension ?? deviceType === 'EXTENSION',
        roles: login.roles ?? ['agent'],
        deviceType,
        deviceId: login.deviceId ?? login.dialNumber,
      };
      return outcome(await callWebex(options, token, 'POST', '/v1/agents/login', body), 'the agent login');
    },
    async logout(token, logout) {
      const body = { logoutReason: logout.logoutReason, ...(logout.agentId ? { agentId: logout.agentId } : {}) };
      return outcome(await callWebex(options, token, options.logoutMethod ?? 'PUT', '/v1/agents/logout', body), 'the agent logout');
    },
  };
}
