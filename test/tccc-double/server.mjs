/**
 * Tencent Cloud Contact Center on loopback, written from ../../../shared/tccc.md, for the TCCC backend's tests:
 * the host's sign-in route, the SdkURL script (a fake `window.tccc`, ./fake-sdk.js) and the contact center behind
 * it (the agent's status, calls, the customer, an administrator).
 *
 * What it serves, per site (a path prefix of its own: `http://127.0.0.1:<port>/site-3`):
 * - `POST /site-3/loginTCCC` → `{SdkURL}`: a fresh single-use URL valid `GUESSES.sdkUrlSeconds`, as the host's
 *   server would return it from CreateSDKLoginToken; a test may make it fail, return no URL, a used or an expired
 *   URL, or a URL whose script is missing.
 * - `GET /site-3/sdk/tcccSdk.js?sdkAppId=…&token=…&userid=…` → the fake SDK script, bound to that token.
 * - the script's WebSocket `/site-3/sdk/link?token=…`: method calls in (`{id, method, args}`), answers
 *   (`{id, ok, data | errorMsg}`) and events (`{event, payload}`) out; `ready` once the token checks out,
 *   `tokenExpired` when it is expired or used.
 *
 * Tests script it through `command()` (from the browser: `executeServerCommand('tccc-double', …)`): ring a call,
 * the customer hangs up or answers, an administrator changes the agent's status or forces it offline, after-call
 * work ends, expire the URLs, refuse the next method call, never send `ready`, keep a transfer pending. Every
 * choice tccc.md leaves open is in ./guesses.mjs.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { SitesServer, loopbackPlugin } from '../loopback/server.mjs';
import { GUESSES } from './guesses.mjs';

const FAKE_SDK = readFileSync(new URL('./fake-sdk.js', import.meta.url), 'utf8');
const SDK_APP_ID = 1400000001;
const STATUSES = ['free', 'busy', 'arrange', 'notReady', 'rest', 'offline'];

class Site {
  constructor(double, n, options = {}) {
    this.double = double;
    this.id = `site-${n}`;
    this.base = `${double.origin}/${this.id}`;
    this.wrap = options.wrap ?? GUESSES.wrap;
    this.urlSeconds = options.urlSeconds ?? GUESSES.sdkUrlSeconds;
    this.sdkAppId = SDK_APP_ID;
    this.user = { userId: 'alice@example.com', name: 'Alice Zhang' };
    this.skillGroups = [
      { id: '101', name: 'Support' },
      { id: '102', name: 'Billing' },
    ];
    this.agents = [{ id: 'bob@example.com', name: 'Bob Li' }];
    /** token → {expiresAt, used} */
    this.tokens = new Map();
    /** What the next `loginTCCC` answers: ok, fail, no-url, used, expired, missing-script, forbidden. */
    this.endpointMode = 'ok';
    this.links = new Set();
    this.status = 'offline';
    /** When the status last changed (epoch ms), and the seconds spent in each earlier status (the cloud API's metrics). */
    this.statusSince = Date.now();
    this.statusTotals = {};
    /** The call records (CDRs) of the calls that ended, oldest first, as the cloud API's DescribeTelCdr lists them. */
    this.records = [];
    this.muted = false;
    /** Calls by sessionId: {sessionId, direction, phase: ringing|dialing|talking, held, answered}. */
    this.calls = new Map();
    this.refusals = new Map();
    this.neverReady = false;
    this.holdTransfers = false;
    /** Every method the script called, as `{method, args}`. */
    this.received = [];
    /** Requests to the sign-in route (`METHOD path`), never their bodies. */
    this.rest = [];
    this.timers = new Set();
    this.seq = 0;
  }

  later(ms, run) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  // ---- the sign-in route and the script -------------------------------------------------------------

  mint({ used = false, expired = false } = {}) {
    const token = randomBytes(18).toString('base64url');
    this.tokens.set(token, { expiresAt: Date.now() + (expired ? -1000 : this.urlSeconds * 1000), used });
    const url = new URL(`${this.base}/sdk/tcccSdk.js`);
    url.searchParams.set('sdkAppId', String(SDK_APP_ID));
    url.searchParams.set('token', token);
    url.searchParams.set('userid', this.user.userId);
    return url.href;
  }

  /** What the host's route answers (status, body). */
  loginRoute() {
    const mode = this.endpointMode;
    switch (mode) {
      case 'fail':
        return [500, { error: 'InternalError', message: 'CreateSDKLoginToken failed.' }];
      case 'forbidden':
        return [401, { error: 'Unauthorized' }];
      case 'no-url':
        return [200, { RequestId: 'req-1' }];
      case 'used': {
        return [200, { SdkURL: this.mint({ used: true }) }];
      }
      case 'expired':
        return [200, { SdkURL: this.mint({ expired: true }) }];
      case 'missing-script':
        return [200, { SdkURL: `${this.base}/sdk/missing.js?token=${randomBytes(8).toString('hex')}` }];
      default:
        return [200, { SdkURL: this.mint() }];
    }
  }

  script(token) {
    const link = `${this.base.replace(/^http/, 'ws')}/sdk/link?token=${encodeURIComponent(token)}`;
    return `(function (config) {\n${FAKE_SDK}\n})(${JSON.stringify({ link })});\n`;
  }

  // ---- the script's link ----------------------------------------------------------------------------

  attach(ws, token) {
    const link = { ws };
    this.links.add(link);
    ws.on('close', () => this.links.delete(link));
    ws.on('message', (data) => this.onMessage(link, String(data)));
    const entry = this.tokens.get(token);
    if (!entry || entry.used || entry.expiresAt <= Date.now()) {
      const message = entry?.used ? GUESSES.usedUrlMessage : GUESSES.expiredUrlMessage;
      this.event('tokenExpired', { message }, link);
      return;
    }
    entry.used = true;
    if (this.neverReady) return;
    this.changeStatus(GUESSES.statusAtReady);
    this.push(link, { event: 'ready', status: this.status });
  }

  push(link, message) {
    if (link.ws.readyState === link.ws.OPEN) link.ws.send(JSON.stringify(message));
  }

  /** An event with its payload, flat or under `data` (GUESSES.wrap), to every link (or one). */
  event(name, payload, only) {
    const wrapped = payload === undefined ? undefined : this.wrap === 'data' ? { data: payload } : payload;
    for (const link of only ? [only] : this.links) this.push(link, { event: name, payload: wrapped, status: this.status, muted: this.muted });
  }

  setStatus(status) {
    this.changeStatus(status);
    this.event('statusChanged', { status });
  }

  /** The status changes; the time spent in the one before is counted (DescribeStaffStatusMetrics' durations). */
  changeStatus(status) {
    const now = Date.now();
    this.statusTotals[this.status] = (this.statusTotals[this.status] ?? 0) + (now - this.statusSince);
    this.status = status;
    this.statusSince = now;
  }

  /** Whole seconds spent in each status so far (the current one up to now). */
  statusSeconds() {
    const ms = { ...this.statusTotals };
    ms[this.status] = (ms[this.status] ?? 0) + (Date.now() - this.statusSince);
    return Object.fromEntries(Object.entries(ms).map(([status, v]) => [status, Math.floor(v / 1000)]));
  }

  onMessage(link, text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message?.method !== 'string') return;
    this.received.push({ method: message.method, args: message.args ?? {} });
    if (typeof message.id !== 'number') return; // a UI method: recorded only
    const answer = (ok, dataOrError) =>
      this.push(link, { id: message.id, ok, ...(ok ? (dataOrError !== undefined ? { data: dataOrError } : {}) : { errorMsg: dataOrError }), status: this.status, muted: this.muted });
    const refusal = this.refusals.get(message.method);
    if (refusal !== undefined) {
      this.refusals.delete(message.method);
      answer(false, refusal);
      return;
    }
    let result;
    try {
      result = this.method(message.method, message.args ?? {});
    } catch (err) {
      answer(false, err.message);
      return;
    }
    answer(true, result?.data);
    result?.after?.();
  }

  /** A method call: its `data`, and what happens after the answer. Throws the errorMsg of a refusal. */
  method(name, args) {
    const session = () => {
      const c = this.calls.get(String(args.sessionId));
      if (!c) throw new Error(`Session ${args.sessionId} does not exist.`);
      return c;
    };
    switch (name) {
      case 'Agent.online':
        return { after: () => this.setStatus(GUESSES.statusAfterOnline) };
      case 'Agent.offline':
        return { after: () => this.setStatus('offline') };
      case 'Agent.setStatus': {
        if (this.status === 'offline') throw new Error('The agent is offline.');
        const wanted = args.status === 'stopNotReady' ? 'free' : args.status;
        if (!['free', 'rest', 'arrange', 'notReady'].includes(wanted)) throw new Error(`Unknown status ${args.status}.`);
        this.restReason = wanted === 'rest' ? String(args.restReason ?? '') : '';
        return { after: () => this.setStatus(wanted) };
      }
      case 'Call.accept': {
        const c = session();
        if (c.phase !== 'ringing') throw new Error('The session is not ringing.');
        c.phase = 'talking';
        c.answered = true;
        c.acceptAt = Date.now();
        return {
          after: () => {
            this.event('userAccessed', { sessionId: c.sessionId });
            if (GUESSES.busyOnCall) this.setStatus('busy');
          },
        };
      }
      case 'Call.hungUp': {
        const c = session();
        return { after: () => this.end(c, 'seat') };
      }
      case 'Call.hold':
        session().held = true;
        return {};
      case 'Call.unHold':
        session().held = false;
        return {};
      case 'Call.muteMic':
        session();
        this.muted = true;
        return {};
      case 'Call.unmuteMic':
        session();
        this.muted = false;
        return {};
      case 'Call.sendDigits':
        session();
        if (!/^[0-9*#]+$/.test(String(args.dtmfText ?? ''))) throw new Error('dtmfText must be digits, * or #.');
        return {};
      case 'Call.deleteCall':
        return {};
      case 'Call.transfer': {
        const c = session();
        if (c.phase !== 'talking') throw new Error('The session is not connected.');
        const to = args.skillGroupId ? { skillGroupId: String(args.skillGroupId) } : args.userId ? { userId: String(args.userId) } : null;
        if (!to) throw new Error('Give skillGroupId or userId.');
        if (to.skillGroupId && !this.skillGroups.some((g) => g.id === to.skillGroupId)) throw new Error(`Skill group ${to.skillGroupId} does not exist.`);
        if (to.userId && !this.agents.some((a) => a.id === to.userId)) throw new Error(`Agent ${to.userId} does not exist.`);
        c.transferTo = to;
        return {
          after: () => {
            if (this.holdTransfers) return;
            this.completeTransfer(c);
          },
        };
      }
      case 'Call.startOutboundCall': {
        if (this.status === 'offline') throw new Error('The agent is offline.');
        const phoneNumber = String(args.phoneNumber ?? '');
        if (!phoneNumber) throw new Error('phoneNumber is required.');
        const c = { sessionId: this.newSession(), direction: 'outbound', phase: 'dialing', held: false, answered: false, callee: phoneNumber, caller: '075586001234', ringAt: Date.now() };
        this.calls.set(c.sessionId, c);
        const data = { sessionId: c.sessionId, calleeLocation: 'Shenzhen', calleePhoneNumber: phoneNumber, callerPhoneNumber: '075586001234', serverType: 'staffSeat', remark: '' };
        return {
          data,
          after: () => {
            this.event('callOuted', { sessionId: c.sessionId, callerPhoneNumber: '075586001234', calleePhoneNumber: phoneNumber, remark: '' });
            if (GUESSES.busyOnCall) this.setStatus('busy');
          },
        };
      }
      default:
        throw new Error(`The double has no ${name}.`);
    }
  }

  newSession() {
    return `session-${randomBytes(6).toString('hex')}-${++this.seq}`;
  }

  completeTransfer(c) {
    if (!this.calls.has(c.sessionId) || !c.transferTo) return;
    this.event('transfer', { sessionId: c.sessionId, ...c.transferTo });
    if (GUESSES.transferEndsSession) this.end(c, 'seat');
  }

  /** The session ends (closeBy: client, seat, admin, timer); an answered call puts the agent in after-call work. */
  end(c, closeBy) {
    if (!this.calls.delete(c.sessionId)) return;
    this.record(c, closeBy);
    this.muted = false;
    this.event('sessionEnded', { sessionId: c.sessionId, closeBy, type: 'phone', duration: c.answered ? 42 : 0 });
    if (c.answered && this.status !== 'offline') {
      this.setStatus('arrange');
      const arrangeId = (this.arrangeId = (this.arrangeId ?? 0) + 1);
      this.later(GUESSES.arrangeSeconds * 1000, () => {
        if (this.arrangeId === arrangeId && this.status === 'arrange') this.setStatus(GUESSES.statusAfterArrange);
      });
    }
  }

  /** The call record of an ended call, as DescribeTelCdr lists it (its fields: ./guesses.mjs `callRecord`). */
  record(c, closeBy) {
    const at = (ms) => (ms ? Math.floor(ms / 1000) : 0);
    const ended = Date.now();
    const group = this.skillGroups.find((g) => g.id === c.skillGroupId);
    const inbound = c.direction === 'inbound';
    const end = GUESSES.callRecord.endStatus({ inbound, answered: c.answered, closeBy });
    this.records.push({
      SessionId: c.sessionId,
      Caller: c.caller,
      Callee: c.callee,
      Time: at(c.ringAt),
      Direction: inbound ? 0 : 1,
      CallType: inbound ? 2 : 1,
      Duration: c.answered ? at(ended - c.acceptAt) : 0,
      EndStatus: end.code,
      EndStatusString: end.name,
      SeatUser: c.answered || !inbound ? { Name: this.user.name, Mail: this.user.userId, StaffNumber: '1001', UserId: this.user.userId } : undefined,
      SkillGroupId: group && c.answered ? Number(group.id) : undefined,
      SkillGroup: group && c.answered ? group.name : undefined,
      QueuedSkillGroupId: group ? Number(group.id) : undefined,
      QueuedSkillGroupName: group?.name,
      StartTimestamp: at(c.ringAt),
      QueuedTimestamp: inbound ? at(c.ringAt) : 0,
      RingTimestamp: at(c.ringAt),
      AcceptTimestamp: at(c.acceptAt),
      EndedTimestamp: at(ended),
      HungUpSide: closeBy === 'client' ? 'user' : closeBy === 'seat' ? 'seat' : 'system',
    });
  }

  // ---- what a test scripts ---------------------------------------------------------------------------

  command(payload) {
    switch (payload.action) {
      case 'endpoint':
        this.endpointMode = payload.mode ?? 'ok';
        return {};
      case 'ring': {
        const sessionId = this.newSession();
        // The call comes in through a skill group's queue (Support unless the test names another).
        const skillGroupId = String(payload.skillGroupId ?? this.skillGroups[0].id);
        if (!this.skillGroups.some((g) => g.id === skillGroupId)) throw new Error(`tccc-double: no skill group ${skillGroupId}`);
        const caller = payload.caller ?? '13800138000';
        const c = { sessionId, direction: 'inbound', phase: 'ringing', held: false, answered: false, skillGroupId, caller, callee: payload.callee ?? '4008001234', ringAt: Date.now() };
        this.calls.set(sessionId, c);
        this.event('callIn', {
          sessionId,
          type: payload.type ?? 'phone',
          timeout: payload.timeout ?? 30,
          calleePhoneNumber: c.callee,
          callerPhoneNumber: caller,
          callerLocation: payload.location ?? 'Guangdong Shenzhen',
          remark: payload.remark ?? 'VIP customer',
          ivrPath: payload.ivrPath ?? [
            { key: '1', label: 'Chinese' },
            { key: '2', label: 'Billing' },
          ],
          serverType: 'staffSeat',
        });
        return { sessionId };
      }
      case 'customer-hangs-up': {
        const c = this.calls.get(String(payload.sessionId));
        if (c) this.end(c, 'client');
        return {};
      }
      case 'customer-answers': {
        const c = this.calls.get(String(payload.sessionId));
        if (c && c.phase === 'dialing') {
          c.phase = 'talking';
          c.answered = true;
          c.acceptAt = Date.now();
          this.event('calloutAccepted', { sessionId: c.sessionId });
        }
        return {};
      }
      case 'ring-out': {
        // The offer timed out and TCCC moved it to another agent (autoTransfer).
        const c = this.calls.get(String(payload.sessionId));
        if (c && c.phase === 'ringing') {
          this.calls.delete(c.sessionId);
          this.event('autoTransfer', { sessionId: c.sessionId });
        }
        return {};
      }
      case 'admin-status':
        if (!STATUSES.includes(payload.status)) throw new Error(`tccc-double: no status ${payload.status}`);
        this.setStatus(payload.status);
        return {};
      case 'arrange-ends':
        if (this.status === 'arrange') this.setStatus(GUESSES.statusAfterArrange);
        return {};
      case 'complete-transfer': {
        const c = this.calls.get(String(payload.sessionId));
        if (c) this.completeTransfer(c);
        return {};
      }
      case 'expire-urls':
        for (const entry of this.tokens.values()) entry.expiresAt = Date.now() - 1000;
        return {};
      case 'refuse-next':
        this.refusals.set(String(payload.method), String(payload.errorMsg ?? 'Refused.'));
        return {};
      case 'never-ready':
        this.neverReady = payload.on !== false;
        return {};
      case 'hold-transfers':
        this.holdTransfers = payload.on !== false;
        return {};
      case 'raw-event':
        for (const link of this.links) this.push(link, { event: String(payload.event), payload: payload.payload });
        return {};
      case 'state':
        return {
          status: this.status,
          muted: this.muted,
          calls: [...this.calls.values()].map((c) => ({ sessionId: c.sessionId, phase: c.phase, held: c.held, direction: c.direction })),
          received: this.received,
          rest: this.rest,
          links: this.links.size,
          tokens: [...this.tokens.values()].map((t) => ({ used: t.used })),
          // The secrets minted, for tests that look for them where they must not be.
          secrets: [...this.tokens.keys()],
        };
      default:
        throw new Error(`tccc-double: no action ${payload.action}`);
    }
  }

  close() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const link of this.links) link.ws.terminate();
    this.links.clear();
  }
}

export class TcccDouble extends SitesServer {
  constructor() {
    super('tccc-double');
  }

  makeSite(n, options) {
    return new Site(this, n, options);
  }

  siteInfo(site) {
    return {
      site: site.id,
      endpoint: `${site.base}/loginTCCC`,
      origin: this.origin,
      user: site.user,
      skillGroups: site.skillGroups,
      agents: site.agents,
    };
  }

  siteCommand(site, payload) {
    return site.command(payload);
  }

  upgrade(req, socket, head) {
    const url = new URL(req.url, this.origin);
    const route = this.route(url);
    if (!route || route.path !== '/sdk/link') {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => route.site.attach(ws, url.searchParams.get('token') ?? ''));
  }

  async handle(req, res) {
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-max-age': '600',
      'cache-control': 'no-store',
    };
    const reply = (status, body, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { ...cors, 'content-type': type });
      res.end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return reply(204);
    const url = new URL(req.url, this.origin);
    const route = this.route(url);
    if (!route) return reply(404, { error: 'NotFound' });
    const { site, path } = route;
    for await (const chunk of req) void chunk;
    if (path === '/loginTCCC') {
      site.rest.push(`${req.method} ${path}`);
      if (req.method !== 'POST') return reply(405, { error: 'MethodNotAllowed' });
      const [status, body] = site.loginRoute();
      return reply(status, body);
    }
    if (path === '/sdk/tcccSdk.js' && req.method === 'GET') {
      return reply(200, site.script(url.searchParams.get('token') ?? ''), 'text/javascript; charset=utf-8');
    }
    return reply(404, 'not found', 'text/plain');
  }
}

export async function startTcccDouble() {
  return new TcccDouble().listen();
}

/** A web-test-runner plugin: the double starts and stops with the test server and answers `executeServerCommand('tccc-double', …)`. */
export const tcccDoublePlugin = () => loopbackPlugin('tccc-double', startTcccDouble);
