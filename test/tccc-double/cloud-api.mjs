/**
 * Tencent Cloud's CCC API (`ccc.tencentcloudapi.com`, version 2020-02-10) on loopback, for the server companion's
 * TCCC statistics: the official Node SDK (tencentcloud-sdk-nodejs) talks to it as to the real one. Every request
 * is a signed `POST /` with a JSON body and the action in `X-TC-Action`; it answers `{Response: {...,
 * RequestId}}`, and `{Response: {Error: {Code, Message}, RequestId}}` when it refuses.
 *
 * It checks the TC3-HMAC-SHA256 signature the way Tencent's API documentation describes it ("Signature v3":
 * canonical request → string to sign → key derived from `TC3` + SecretKey, the date, the service and
 * `tc3_request`; the service is the host's first label, `ccc` on the real API), so a request signed with another key, or whose body was changed, is refused
 * (`AuthFailure.SignatureFailure`), an unknown key id too (`AuthFailure.SecretIdNotFound`), and one signed more
 * than five minutes off (`AuthFailure.SignatureExpire`). Which headers are signed is read from the request
 * (`SignedHeaders`); `content-type` and `host` must be among them.
 *
 * The answers come from `actions`: `name → (body, request) => fields of Response`; a handler that throws
 * `{code, message}` (or sets `Error`) answers that error. `siteActions(site)` answers from a TCCC double site's
 * live state (./server.mjs).
 */
import { createServer } from 'node:http';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { GUESSES } from './guesses.mjs';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();

/** What a TC3 signature must be for these request parts (Tencent's "Signature v3", step by step). */
export function tc3Signature({ method, path = '/', query = '', headers, signedHeaders, body, timestamp, service, secretKey }) {
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${String(headers[name] ?? '').trim().toLowerCase()}\n`).join('');
  const canonicalRequest = [method, path, query, canonicalHeaders, signedHeaders.join(';'), sha256(body)].join('\n');
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return { scope, signature: createHmac('sha256', key).update(toSign).digest('hex') };
}

/** Why a request's signature is refused (Tencent's error code and message), or null when it checks out. */
function refusal(req, body, credentials, now) {
  const auth = /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/([^,\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
  if (!auth) return ['AuthFailure.InvalidAuthorization', 'The Authorization header is not a TC3-HMAC-SHA256 signature.'];
  const [, secretId, scope, signed, signature] = auth;
  const secretKey = credentials[secretId];
  if (!secretKey) return ['AuthFailure.SecretIdNotFound', 'The SecretId is not found.'];
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > 300) return ['AuthFailure.SignatureExpire', 'The signature has expired.'];
  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type')) return ['AuthFailure.SignatureFailure', 'host and content-type must be signed.'];
  const url = new URL(req.url, 'http://x');
  // The real API answers on 443, where `Host` has no port; the SDK signs the host name alone, so the port this
  // stand-in listens on is not part of what is signed.
  const headers = { ...req.headers, host: String(req.headers.host ?? '').replace(/:\d+$/, '') };
  const expected = tc3Signature({
    method: req.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    signedHeaders,
    body,
    timestamp,
    // The service is the first label of the host the request was sent to: `ccc` for ccc.tencentcloudapi.com (the
    // SDK derives it so); `127` for this stand-in at 127.0.0.1.
    service: headers.host.split('.')[0],
    secretKey,
  });
  if (scope !== expected.scope) return ['AuthFailure.SignatureFailure', 'The credential scope does not match.'];
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected.signature))) return ['AuthFailure.SignatureFailure', 'The signature does not match.'];
  return null;
}

/**
 * Starts the stand-in on 127.0.0.1 at a port chosen now. `credentials`: SecretId → SecretKey it accepts;
 * `actions`: the CCC actions it answers. Returns `{origin, host, seen, close}`; `seen` keeps every request
 * (`{action, headers, body, error?}`).
 */
export async function startTcccCloudApi({ credentials, actions, now = Date.now }) {
  const seen = [];
  let n = 0;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    const action = String(req.headers['x-tc-action'] ?? '');
    const requestId = `loopback-${++n}`;
    let body = {};
    let answer;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      body = null;
    }
    const denied = refusal(req, raw, credentials, now());
    if (denied) answer = { Error: { Code: denied[0], Message: denied[1] } };
    else if (req.method !== 'POST' || !body) answer = { Error: { Code: 'InvalidParameter', Message: 'POST a JSON body.' } };
    else if (req.headers['x-tc-version'] !== '2020-02-10') answer = { Error: { Code: 'InvalidParameter', Message: 'X-TC-Version must be 2020-02-10.' } };
    else if (!Object.hasOwn(actions, action)) answer = { Error: { Code: 'InvalidAction', Message: `No action ${action}.` } };
    else {
      try {
        answer = await actions[action](body, req);
      } catch (err) {
        answer = { Error: { Code: typeof err?.code === 'string' ? err.code : 'InternalError', Message: String(err?.message ?? err) } };
      }
    }
    seen.push({ action, headers: req.headers, body, ...(answer?.Error ? { error: answer.Error.Code } : {}) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Response: { ...answer, RequestId: requestId } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${server.address().port}`;
  return {
    origin: `http://${host}`,
    /** The `endpoint` to give the companion (with `protocol: 'http://'`). */
    host,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A bad parameter, answered as Tencent does (`InvalidParameterValue`). */
const invalid = (message) => Object.assign(new Error(message), { code: 'InvalidParameterValue' });

/** The CCC actions a TCCC double site answers from its live state (./server.mjs `Site`). */
export function siteActions(site) {
  const checkApp = (body) => {
    if (body.SdkAppId !== site.sdkAppId) throw invalid(`SdkAppId ${body.SdkAppId} is not this application.`);
  };
  return {
    DescribeCallInMetrics(body) {
      checkApp(body);
      const wanted = Array.isArray(body.GroupIdList) ? body.GroupIdList.map(String) : null;
      const now = Date.now();
      const inbound = [...site.calls.values()].filter((c) => c.direction === 'inbound');
      const metricsOf = (calls) => {
        const waiting = calls.filter((c) => !c.answered);
        const talking = calls.filter((c) => c.answered);
        const waited = waiting.map((c) => Math.floor((now - c.ringAt) / 1000));
        return {
          IvrCount: 0,
          // GUESSES.offeredIsQueued: a call ringing the agent, not yet answered, is counted as waiting in its queue.
          QueueCount: GUESSES.offeredIsQueued ? waiting.length : 0,
          RingCount: GUESSES.offeredIsQueued ? 0 : waiting.length,
          AcceptCount: talking.length,
          TransferOuterCount: 0,
          MaxQueueDuration: waited.length ? Math.max(...waited) : 0,
          AvgQueueDuration: waited.length ? Math.round(waited.reduce((a, b) => a + b, 0) / waited.length) : 0,
          MaxRingDuration: 0,
          AvgRingDuration: 0,
          MaxAcceptDuration: 0,
          AvgAcceptDuration: 0,
        };
      };
      return {
        Timestamp: Math.floor(now / 1000),
        TotalMetrics: metricsOf(inbound),
        NumberMetrics: [],
        SkillGroupMetrics: body.EnabledSkillGroup
          ? site.skillGroups
              .filter((g) => !wanted || wanted.includes(g.id))
              .map((g) => ({ SkillGroupId: Number(g.id), Name: g.name, Metrics: metricsOf(inbound.filter((c) => c.skillGroupId === g.id)) }))
          : [],
      };
    },
    DescribeStaffStatusMetrics(body) {
      checkApp(body);
      const staff = [site.user.userId];
      const wanted = Array.isArray(body.StaffList) ? staff.filter((s) => body.StaffList.includes(s)) : staff;
      const seconds = site.statusSeconds();
      const status = GUESSES.metricsStatus[site.status] ?? site.status;
      return {
        Metrics: wanted.map((email) => ({
          Email: email,
          Status: status,
          StatusExtra: {},
          OnlineDuration: Object.entries(seconds).reduce((sum, [s, v]) => (s === 'offline' ? sum : sum + v), 0),
          FreeDuration: seconds.free ?? 0,
          BusyDuration: seconds.busy ?? 0,
          NotReadyDuration: seconds.notReady ?? 0,
          RestDuration: seconds.rest ?? 0,
          AfterCallWorkDuration: seconds.arrange ?? 0,
          Reason: site.restReason ?? '',
          ReserveRest: false,
          ReserveNotReady: false,
          UseMobileAccept: 0,
          LastStatusTimestamp: Math.floor(site.statusSince / 1000),
        })),
      };
    },
    DescribeTelCdr(body) {
      checkApp(body);
      const { StartTimeStamp: start, EndTimeStamp: end, PageSize: size, PageNumber: page } = body;
      if (![start, end, size, page].every(Number.isInteger)) throw invalid('StartTimeStamp, EndTimeStamp, PageSize and PageNumber are required integers.');
      const nowSeconds = Date.now() / 1000;
      // tccc.md: the start at most 180 days back, the range under 90 days, at most 100 records a page.
      if (start < nowSeconds - 180 * 86_400 || end <= start || end - start >= 90 * 86_400) throw invalid('The time range is out of bounds.');
      if (size < 1 || size > 100 || page < 0) throw invalid('PageSize is 1 to 100, PageNumber from 0.');
      // GUESSES.callRecord: the range filters on when the call started (`Time`); newest first.
      const inRange = site.records.filter((r) => r.Time >= start && r.Time <= end).reverse();
      return { TotalCount: inRange.length, TelCdrList: inRange.slice(page * size, page * size + size) };
    },
  };
}
