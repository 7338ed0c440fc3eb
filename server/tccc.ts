// TCCC: a route that mints a fresh SdkURL with CreateSDKLoginToken, the cloud secret staying on the server.
import type { IncomingMessage } from 'node:http';
import { HttpError, requestUrl, sendError, sendJson, type NodeHandler } from './http.js';

/** Tencent Cloud's CCC endpoints: international accounts and accounts in China. */
export const TCCC_ENDPOINTS = Object.freeze({ international: 'ccc.intl.tencentcloudapi.com', china: 'ccc.tencentcloudapi.com' });

/** How the companion reaches Tencent Cloud's CCC API (the SdkURL route and the statistics). */
export interface TcccCloudOptions {
  /** The Tencent Cloud API key (CAM). Never sent to the browser. */
  readonly secretId: string;
  readonly secretKey: string;
  /** The TCCC application id (`SdkAppId`, usually 140…). */
  readonly sdkAppId: number;
  /** `international` (default), `china`, or a host name (a stand-in in tests). */
  readonly endpoint?: 'international' | 'china' | string;
  /** `https://` (default); `http://` only for a loopback stand-in. */
  readonly protocol?: 'https://' | 'http://';
  /** The API region parameter (default `ap-singapore` internationally, `ap-guangzhou` in China). */
  readonly region?: string;
  /** Cloud API timeout in seconds (default 10). */
  readonly timeoutSeconds?: number;
}

export interface TcccSdkUrlOptions extends TcccCloudOptions {
  /**
   * The TCCC agent account (`SeatUserId`, usually an e-mail) of the request's signed-in user, from YOUR sign-in;
   * `undefined` answers 401. The route takes no agent from the browser.
   */
  readonly seatUserId: (req: IncomingMessage) => string | undefined | Promise<string | undefined>;
  /** A one-time token (default true: each SdkURL initialises one page once). */
  readonly onlyOnce?: boolean;
  /** The route's path (default `/cc/tccc/sdk-url`). */
  readonly path?: string;
}

/** The calls of the SDK's `ccc.v20200210.Client` the companion makes (answers read loosely: see tccc-stats-guesses.ts). */
export interface CccClient {
  CreateSDKLoginToken(req: { SdkAppId: number; SeatUserId: string; OnlyOnce?: boolean }): Promise<{ SdkURL?: string; ExpiredTime?: number; Token?: string }>;
  DescribeCallInMetrics(req: { SdkAppId: number; EnabledSkillGroup?: boolean; EnabledNumber?: boolean; GroupIdList?: number[] }): Promise<Record<string, unknown>>;
  DescribeStaffStatusMetrics(req: { SdkAppId: number; StaffList?: string[]; GroupIdList?: number[]; StatusList?: string[] }): Promise<Record<string, unknown>>;
  DescribeTelCdr(req: { SdkAppId: number; StartTimeStamp: number; EndTimeStamp: number; PageSize: number; PageNumber: number }): Promise<Record<string, unknown>>;
}

/** Loads `tencentcloud-sdk-nodejs` (an optional peer: install it on the server that mounts this route). */
export async function cccClient(options: TcccCloudOptions): Promise<CccClient> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import('tencentcloud-sdk-nodejs/tencentcloud/services/ccc/index.js')) as Record<string, unknown>;
  } catch {
    throw new HttpError(500, 'not-configured', 'The TCCC route needs the tencentcloud-sdk-nodejs package on the server.');
  }
  const ccc = (mod.ccc ?? (mod.default as Record<string, unknown> | undefined)?.ccc) as {
    v20200210: { Client: new (config: unknown) => CccClient };
  };
  const endpoint = options.endpoint ?? 'international';
  const host = endpoint === 'international' || endpoint === 'china' ? TCCC_ENDPOINTS[endpoint] : endpoint;
  return new ccc.v20200210.Client({
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    region: options.region ?? (endpoint === 'china' ? 'ap-guangzhou' : 'ap-singapore'),
    profile: { httpProfile: { endpoint: host, protocol: options.protocol ?? 'https://', reqTimeout: options.timeoutSeconds ?? 10 } },
  });
}

/** `GET` route answering `{SdkURL, expiresAt}` (a new SdkURL each time, never cached: it is single-use). */
export function createTcccSdkUrlRoute(options: TcccSdkUrlOptions): NodeHandler {
  if (!options.secretId || !options.secretKey || !options.sdkAppId) {
    throw new TypeError('createTcccSdkUrlRoute needs secretId, secretKey and sdkAppId.');
  }
  const path = options.path ?? '/cc/tccc/sdk-url';
  let client: Promise<CccClient> | undefined;
  return (req, res, next) => {
    if (requestUrl(req).pathname !== path) {
      if (next) next();
      else sendJson(res, 404, { error: 'not-found', reason: 'not-found', message: 'No such route.' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      sendJson(res, 405, { error: 'method-not-allowed', reason: 'method-not-allowed', message: 'Use GET.' }, { allow: 'GET, POST' });
      return;
    }
    void (async () => {
      const seat = await options.seatUserId(req);
      if (!seat) throw new HttpError(401, 'no-session', 'Not signed in.');
      client ??= cccClient(options).catch((err: unknown) => {
        client = undefined;
        throw err;
      });
      let answer: { SdkURL?: string; ExpiredTime?: number };
      try {
        answer = await (await client).CreateSDKLoginToken({ SdkAppId: options.sdkAppId, SeatUserId: seat, OnlyOnce: options.onlyOnce ?? true });
      } catch (err) {
        if (err instanceof HttpError) throw err;
        // The SDK's error carries Tencent's code (AuthFailure…); pass the code, never the request.
        const code = (err as { code?: unknown })?.code;
        throw new HttpError(502, 'upstream', `TCCC did not issue a sign-in link${typeof code === 'string' && /^[\w.]{1,80}$/.test(code) ? ` (${code})` : ''}.`);
      }
      if (!answer.SdkURL || !/^https?:\/\//.test(answer.SdkURL)) throw new HttpError(502, 'upstream', 'TCCC answered without an SdkURL.');
      sendJson(res, 200, { SdkURL: answer.SdkURL, ...(answer.ExpiredTime ? { expiresAt: answer.ExpiredTime * 1000 } : {}) });
    })().catch((err: unknown) => sendError(res, err));
  };
}
