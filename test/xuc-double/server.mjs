/**
 * A XiVO XuC server on loopback, written from ../../../shared/xuc.md, for the XuC backend's tests.
 *
 * What it speaks (field names and casing as xuc.md gives them):
 * - REST: `POST /xuc/api/2.0/auth/login` `{login, password}` → `{login, token, TTL}` or `{error, message}`;
 *   `GET /xuc/api/2.0/auth/check` with `Authorization: Bearer <token>` → a renewed `{login, token, TTL}`.
 * - the socket `/xuc/api/2.0/cti?token=…`: commands `{"claz":"web","command":…}` and `{"claz":"ping"}` in,
 *   events `{"msgType":…,"ctiMessage":…}` out, `LoggedOn` first.
 * - agents on lines (`agentLogin`, `AgentError`), ready and pause with the `UsersStatuses` reasons, phone events
 *   (ringing, established, released, hold as a toggle), call data (`USR_*` in `userData`, `Sheet`), queue and
 *   agent statistics, the heartbeat.
 *
 * Each test makes a site of its own (`command({action: 'site'})`): a base URL with a path prefix of its own
 * (`http://127.0.0.1:<port>/site-3`), its own users, lines, queues, tokens, sockets and calls.
 *
 * Tests script it through `command()` (from the browser: `executeServerCommand('xuc-double', …)`): offer a call,
 * the customer hangs up, a supervisor pauses the agent, refuse a login, drop the link, stop answering pings,
 * expire the token. Every choice xuc.md marks as a GUESS is in ./guesses.mjs.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { SitesServer, loopbackPlugin } from '../loopback/server.mjs';
import { GUESSES } from './guesses.mjs';

const API = '/xuc/api/2.0';

const clone = (value) => JSON.parse(JSON.stringify(value));

function defaultSite() {
  return {
    users: [
      { login: 'alice', password: 'alice-Secret-1', userId: 11, firstName: 'Alice', lastName: 'Martin', agentId: 21, agentNumber: '2001', lineId: 31, line: '1001' },
      { login: 'bruno', password: 'bruno-Secret-2', userId: 12, firstName: 'Bruno', lastName: 'Lefèvre', agentId: 22, agentNumber: '2002', lineId: 32, line: '1002' },
    ],
    lines: [{ number: '1001' }, { number: '1002' }, { number: '1003', webRtc: true }],
    queues: [
      { id: 1, context: 'default', name: 'support', displayName: 'Support', number: '3001' },
      { id: 2, context: 'default', name: 'billing', displayName: 'Billing', number: '3002' },
    ],
    statuses: [
      { name: 'available', color: '#08FD20', longName: 'Available', actions: [{ name: 'queueunpause_all', parameters: '' }] },
      { name: 'lunch', color: '#F2A30F', longName: 'Lunch', actions: [{ name: 'queuepause_all', parameters: '' }] },
      { name: 'break', color: '#E2E30F', longName: 'Short break', actions: [{ name: 'queuepause_all', parameters: '' }] },
      { name: 'away', color: '#FDE50A', longName: 'Away (presence only)', actions: [] },
    ],
  };
}

class Site {
  constructor(xuc, n, options = {}) {
    this.xuc = xuc;
    this.id = `site-${n}`;
    const base = defaultSite();
    this.users = base.users.map((u) => ({ ...u }));
    this.lines = new Map(base.lines.map((l) => [l.number, { ...l }]));
    this.queues = base.queues;
    this.statuses = options.statuses ?? base.statuses;
    this.ttl = options.ttl ?? GUESSES.ttlSeconds;
    this.wrapupSeconds = options.wrapupSeconds ?? GUESSES.wrapupSeconds;
    /** token → {login, expiresAt} */
    this.tokens = new Map();
    /** Sockets by login. */
    this.sockets = new Set();
    /** Agent state by agentId: {name, phoneNb, since, queues, cause}. */
    this.agents = new Map(this.users.map((u) => [u.agentId, { name: 'AgentLoggedOut', phoneNb: '', since: Date.now(), queues: [1, 2], cause: '', monitorState: 'ACTIVE' }]));
    /** Calls by uniqueId: {uniqueId, linkedId, DN, otherDN, queueName, userData, status, acd, direction}. */
    this.calls = new Map();
    this.stats = new Map(this.queues.map((q) => [q.id, { TotalNumberCallsEntered: 0, TotalNumberCallsAnswered: 0, TotalNumberCallsAbandonned: 0, WaitingCalls: 0, LongestWaitingTime: 0, AvailableAgents: 0, TalkingAgents: 0, LoggedAgents: 0 }]));
    this.down = false;
    this.silent = false;
    this.refuseLogOn = null;
    /** Commands the next of which is received and never answered (XuC has no refusal message). */
    this.ignore = new Set();
    /** Every command received, in order, for tests to assert what the client sent. */
    this.received = [];
    /** REST calls received (`METHOD path`), never their bodies. */
    this.rest = [];
    this.timers = new Set();
    this.seq = 0;
  }

  nextId() {
    return `${Date.now()}.${++this.seq}`;
  }

  userOf(login) {
    return this.users.find((u) => u.login === login);
  }

  issueToken(login) {
    const token = randomBytes(18).toString('base64url');
    this.tokens.set(token, { login, expiresAt: Date.now() + this.ttl * 1000 });
    return token;
  }

  tokenLogin(token) {
    const entry = token ? this.tokens.get(token) : undefined;
    if (!entry || entry.expiresAt <= Date.now()) return null;
    return entry.login;
  }

  later(ms, run) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  // ---- the socket -----------------------------------------------------------------------------------

  sendTo(login, msgType, ctiMessage) {
    if (this.down || this.silent) return;
    const text = JSON.stringify({ msgType, ctiMessage });
    for (const s of this.sockets) if (s.login === login && s.ws.readyState === s.ws.OPEN) s.ws.send(text);
  }

  raw(login, text) {
    for (const s of this.sockets) if (s.login === login && s.ws.readyState === s.ws.OPEN) s.ws.send(text);
  }

  accept(ws, login) {
    const socket = { ws, login };
    this.sockets.add(socket);
    ws.on('close', () => this.sockets.delete(socket));
    ws.on('message', (data) => this.onFrame(socket, String(data)));
    if (this.refuseLogOn) {
      const error = this.refuseLogOn;
      this.refuseLogOn = null;
      ws.send(JSON.stringify({ msgType: 'LoggedOnError', ctiMessage: { Error: error } }));
      ws.close(4001, 'LoggedOnError');
      return;
    }
    if (this.silent) return;
    const user = this.userOf(login);
    ws.send(JSON.stringify({ msgType: 'LoggedOn', ctiMessage: GUESSES.loggedOn() }));
    this.sendTo(login, 'UserConfigUpdate', GUESSES.userConfig(user));
    this.sendTo(login, 'UsersStatuses', clone(this.statuses));
  }

  onFrame(socket, text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message?.claz === 'ping') {
      if (!this.silent && !this.down && socket.ws.readyState === socket.ws.OPEN) socket.ws.send(JSON.stringify(GUESSES.pong()));
      return;
    }
    if (message?.claz !== 'web' || typeof message.command !== 'string') return;
    this.received.push(clone(message));
    if (this.down || this.silent) return;
    if (this.ignore.delete(message.command)) return;
    this.command(socket.login, message);
  }

  agentStateEvent(user, extra = {}) {
    const a = this.agents.get(user.agentId);
    return { name: a.name, agentId: user.agentId, phoneNb: a.phoneNb, since: Math.round((Date.now() - a.since) / 1000), queues: a.queues, cause: a.cause, ...extra };
  }

  setAgent(user, name, cause = '', extra = {}) {
    const a = this.agents.get(user.agentId);
    a.name = name;
    a.cause = cause;
    a.since = Date.now();
    const event = this.agentStateEvent(user, name === 'AgentOnCall' ? { acd: extra.acd ?? true, direction: extra.direction ?? 'Incoming', callType: 'External', monitorState: a.monitorState } : {});
    this.sendTo(user.login, 'AgentStateEvent', event);
  }

  phoneEvent(user, call, eventType) {
    return {
      eventType,
      DN: call.DN,
      otherDN: call.otherDN,
      linkedId: call.linkedId,
      uniqueId: call.uniqueId,
      ...(call.queueName ? { queueName: call.queueName } : {}),
      userData: clone(call.userData),
    };
  }

  /** A phone event, then (GUESSES.phoneEventFirst) the agent state it implies. */
  phone(user, call, eventType, agentState) {
    const send = () => this.sendTo(user.login, 'PhoneEvent', this.phoneEvent(user, call, eventType));
    if (GUESSES.phoneEventFirst) send();
    if (agentState) this.setAgent(user, ...agentState);
    if (!GUESSES.phoneEventFirst) send();
  }

  callsOf(user) {
    return [...this.calls.values()].filter((c) => c.login === user.login);
  }

  /** The call a command names by `uniqueId`, or the agent's current one. */
  callFor(user, uniqueId, pick = (c) => c.status !== 'ringing') {
    if (uniqueId) return this.calls.get(String(uniqueId)) ?? null;
    return this.callsOf(user).find(pick) ?? this.callsOf(user)[0] ?? null;
  }

  afterCall(user, call) {
    this.calls.delete(call.uniqueId);
    const a = this.agents.get(user.agentId);
    if (a.name === 'AgentLoggedOut') return;
    if (this.callsOf(user).some((c) => c.status !== 'ringing')) return;
    if (call.acd && call.answered) {
      this.setAgent(user, 'AgentOnWrapup');
      this.later(this.wrapupSeconds * 1000, () => {
        if (this.agents.get(user.agentId).name === 'AgentOnWrapup') this.setAgent(user, 'AgentReady');
      });
    } else if (a.pausedBefore) {
      this.setAgent(user, 'AgentOnPause', a.pausedBefore);
    } else {
      this.setAgent(user, 'AgentReady');
    }
  }

  release(user, call) {
    call.status = 'released';
    this.sendTo(user.login, 'PhoneEvent', this.phoneEvent(user, call, 'EventReleased'));
    this.afterCall(user, call);
  }

  command(login, m) {
    const user = this.userOf(login);
    const a = this.agents.get(user.agentId);
    switch (m.command) {
      case 'agentLogin': {
        const number = String(m.agentphonenumber ?? '');
        if (!this.lines.has(number)) return this.sendTo(login, 'AgentError', { Error: 'PhoneNumberUnknown' });
        if (a.name !== 'AgentLoggedOut' && a.phoneNb && a.phoneNb !== number) {
          return this.sendTo(login, 'AgentError', { Error: 'LoggedInOnAnotherPhone', phoneNb: a.phoneNb, RequestedNb: number });
        }
        if (GUESSES.takeOverLine) {
          for (const other of this.users) {
            const o = this.agents.get(other.agentId);
            if (other !== user && o.name !== 'AgentLoggedOut' && o.phoneNb === number) {
              o.phoneNb = '';
              this.setAgent(other, 'AgentLoggedOut');
            }
          }
        }
        a.phoneNb = number;
        this.setAgent(user, 'AgentLogin');
        if (GUESSES.readyAfterLogin) this.setAgent(user, 'AgentReady');
        return undefined;
      }
      case 'agentLogout':
        a.pausedBefore = '';
        this.setAgent(user, 'AgentLoggedOut');
        a.phoneNb = '';
        return undefined;
      case 'pauseAgent':
      case 'userStatusUpdate': {
        if (a.name === 'AgentLoggedOut') return undefined;
        const reason = String(m.reason ?? m.status ?? '');
        if (['AgentRinging', 'AgentOnCall', 'AgentDialing'].includes(a.name)) {
          a.pausedBefore = reason;
          return undefined;
        }
        return this.setAgent(user, 'AgentOnPause', reason);
      }
      case 'unpauseAgent':
        if (a.name === 'AgentLoggedOut') return undefined;
        a.pausedBefore = '';
        if (['AgentRinging', 'AgentOnCall', 'AgentDialing'].includes(a.name)) return undefined;
        return this.setAgent(user, 'AgentReady');
      case 'getAgentStates':
        return this.sendTo(login, GUESSES.agentStatesAnswer, this.agentStateEvent(user));
      case 'subscribeToAgentEvents':
        return undefined;
      case 'getList': {
        if (m.objectType === 'queue') return this.sendTo(login, 'QueueList', clone(this.queues));
        if (m.objectType === 'agent') {
          return this.sendTo(login, 'AgentList', this.users.map((u) => ({ id: u.agentId, firstName: u.firstName, lastName: u.lastName, number: u.agentNumber, context: 'default', groupId: 1 })));
        }
        if (m.objectType === 'queuemember') {
          return this.sendTo(login, 'QueueMemberList', this.users.flatMap((u) => this.queues.map((q) => ({ agentId: u.agentId, queueId: q.id, penalty: 0 }))));
        }
        return undefined;
      }
      case 'getConfig':
        if (m.objectType === 'line') this.sendTo(login, 'LineConfig', GUESSES.lineConfig(user, this.lines.get(user.line) ?? { number: user.line }));
        return undefined;
      case 'subscribeToQueueStats':
        for (const q of this.queues) this.queueStats(q.id, login);
        return undefined;
      case 'subscribeToAgentStats':
        return this.sendTo(login, 'AgentStatistics', {
          id: user.agentId,
          statistics: [
            { name: 'AgentReadyTotalTime', value: 0 },
            { name: 'AgentPausedTotalTime', value: 0 },
            { name: 'AgentWrapupTotalTime', value: 0 },
          ],
        });
      case 'getCurrentCallsPhoneEvents':
        return this.sendTo(login, 'CurrentCallsPhoneEvents', {
          events: this.callsOf(user).map((c) => this.phoneEvent(user, c, c.status === 'ringing' ? 'EventRinging' : c.status === 'dialing' ? 'EventDialing' : c.status === 'held' ? 'EventOnHold' : 'EventEstablished')),
        });
      case 'answer': {
        const call = this.callFor(user, m.uniqueId, (c) => c.status === 'ringing');
        if (!call || call.status !== 'ringing') return undefined;
        return this.establish(user, call);
      }
      case 'hangup': {
        const call = this.callFor(user, m.uniqueId, () => true);
        if (!call) return undefined;
        if (call.status === 'ringing' && !GUESSES.hangupDeclinesRinging) return undefined;
        if (call.conference && GUESSES.conferenceHangupReleasesAll) {
          const third = this.callsOf(user).find((c) => c.consult && c.conference);
          if (third) {
            this.calls.delete(third.uniqueId);
            this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, third, 'EventReleased'));
          }
        }
        return this.release(user, call);
      }
      case 'hold': {
        const call = this.callFor(user, m.uniqueId, (c) => c.status === 'established' || c.status === 'held');
        if (!call || (call.status !== 'established' && call.status !== 'held')) return undefined;
        call.status = call.status === 'held' ? 'established' : 'held';
        return this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, call, call.status === 'held' ? 'EventOnHold' : 'EventEstablished'));
      }
      case 'toggleMicrophone': {
        const line = this.lines.get(a.phoneNb || user.line);
        const call = this.callFor(user, m.uniqueId);
        if (line?.webRtc && call) this.sendTo(login, 'WebRTCCmd', { command: 'ToggleMicrophone', sipCallId: call.userData.SIPCALLID ?? '' });
        return undefined;
      }
      case 'sendDtmf': {
        // GUESSES.dtmfAnswer: nothing is sent back; the keys are kept with the call they were pressed on.
        const call = this.callFor(user, undefined, (c) => c.status === 'established');
        if (call && typeof m.key === 'string') call.dtmf = `${call.dtmf ?? ''}${m.key}`;
        return undefined;
      }
      case 'monitorPause':
      case 'monitorUnpause':
        a.monitorState = m.command === 'monitorPause' ? 'PAUSED' : 'ACTIVE';
        if (a.name === 'AgentOnCall') this.setAgent(user, 'AgentOnCall', '', { acd: true });
        return undefined;
      case 'directTransfer': {
        const call = this.callFor(user, undefined);
        if (!call || !m.destination) return undefined;
        return this.release(user, call);
      }
      case 'attendedTransfer': {
        const call = this.callFor(user, undefined, (c) => !c.consult);
        if (!call || !m.destination) return undefined;
        if (GUESSES.consultHoldsCustomer && call.status === 'established') {
          call.status = 'held';
          this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, call, 'EventOnHold'));
        }
        const leg = { uniqueId: this.nextId(), linkedId: call.linkedId, DN: call.DN, otherDN: String(m.destination), userData: clone(call.userData), status: 'dialing', login, consult: true, acd: false };
        this.calls.set(leg.uniqueId, leg);
        return this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, leg, 'EventDialing'));
      }
      case 'completeTransfer': {
        const legs = this.callsOf(user);
        const consult = legs.find((c) => c.consult);
        const customer = legs.find((c) => !c.consult);
        if (!consult || !customer) return undefined;
        this.calls.delete(consult.uniqueId);
        this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, consult, 'EventReleased'));
        return this.release(user, customer);
      }
      case 'cancelTransfer': {
        const legs = this.callsOf(user);
        const consult = legs.find((c) => c.consult);
        const customer = legs.find((c) => !c.consult);
        if (!consult) return undefined;
        this.calls.delete(consult.uniqueId);
        this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, consult, 'EventReleased'));
        if (customer && GUESSES.cancelResumesCustomer && customer.status === 'held') {
          customer.status = 'established';
          this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, customer, 'EventEstablished'));
        }
        return undefined;
      }
      case 'conference': {
        const legs = this.callsOf(user);
        const consult = legs.find((c) => c.consult && c.status === 'established');
        const customer = legs.find((c) => !c.consult);
        if (!GUESSES.conferenceJoins || !consult || !customer) return undefined;
        consult.conference = true;
        customer.conference = true;
        customer.status = 'established';
        return this.sendTo(login, 'PhoneEvent', this.phoneEvent(user, customer, 'EventEstablished'));
      }
      case 'dial': {
        if (a.name === 'AgentLoggedOut' && !a.phoneNb) return undefined;
        const variables = m.variables && typeof m.variables === 'object' ? m.variables : {};
        const userData = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k.startsWith('USR_') ? k : `USR_${k}`, String(v)]));
        const id = this.nextId();
        const call = { uniqueId: id, linkedId: id, DN: a.phoneNb || user.line, otherDN: String(m.destination ?? ''), userData, status: 'dialing', login, acd: false, direction: 'Outgoing' };
        this.calls.set(id, call);
        return this.phone(user, call, 'EventDialing', a.name === 'AgentLoggedOut' ? undefined : ['AgentDialing']);
      }
      case 'setData': {
        const call = this.callFor(user, undefined);
        if (call && m.variables && typeof m.variables === 'object') {
          for (const [k, v] of Object.entries(m.variables)) call.userData[k.startsWith('USR_') ? k : `USR_${k}`] = String(v);
        }
        return undefined;
      }
      default:
        return undefined; // GUESSES.unknownCommand
    }
  }

  establish(user, call) {
    call.status = 'established';
    call.answered = true;
    if (call.acd) {
      const s = this.stats.get(call.queueId);
      if (s) {
        s.TotalNumberCallsAnswered += 1;
        s.WaitingCalls = Math.max(0, s.WaitingCalls - 1);
        this.queueStats(call.queueId);
      }
    }
    const a = this.agents.get(user.agentId);
    this.phone(user, call, 'EventEstablished', a.name === 'AgentLoggedOut' ? undefined : ['AgentOnCall', '', { acd: call.acd, direction: call.direction ?? 'Incoming' }]);
  }

  queueStats(queueId, login) {
    const s = this.stats.get(queueId);
    const message = { queueId, counters: Object.entries(s).map(([statName, value]) => ({ statName, value })) };
    if (login) return this.sendTo(login, 'QueueStatistics', message);
    for (const u of this.users) this.sendTo(u.login, 'QueueStatistics', message);
    return undefined;
  }

  // ---- the script API -------------------------------------------------------------------------------

  script(p) {
    const user = this.userOf(p.login ?? 'alice');
    switch (p.action) {
      case 'offer': {
        const queue = this.queues.find((q) => q.id === (p.queueId ?? 1));
        const id = this.nextId();
        const a = this.agents.get(user.agentId);
        const call = {
          uniqueId: id,
          linkedId: id,
          DN: a.phoneNb || user.line,
          otherDN: p.from ?? '0612345678',
          queueName: queue.name,
          queueId: queue.id,
          userData: { XIVO_SRCNUM: p.from ?? '0612345678', XIVO_DSTNUM: queue.number, XIVO_CONTEXT: 'default', SIPCALLID: `sip-${id}`, ...(p.userData ?? { USR_customerName: 'Jeanne Dupont', USR_account: 'AC-1042' }) },
          status: 'ringing',
          login: user.login,
          acd: p.acd ?? true,
          direction: 'Incoming',
        };
        this.calls.set(id, call);
        const s = this.stats.get(queue.id);
        s.TotalNumberCallsEntered += 1;
        s.WaitingCalls += 1;
        this.queueStats(queue.id);
        this.phone(user, call, 'EventRinging', a.name === 'AgentLoggedOut' ? undefined : ['AgentRinging']);
        if (p.sheet) {
          this.sendTo(user.login, 'Sheet', {
            timenow: Math.round(Date.now() / 1000),
            compressed: false,
            serial: 'xml',
            channel: `SIP/${call.DN}-${id}`,
            payload: { profile: { user: { internal: [{ name: 'uid', content: id }, { name: 'ipbxid', content: 'xivo' }], sheetInfo: clone(p.sheet) } } },
          });
        }
        return { uniqueId: id };
      }
      case 'answer-on-phone': {
        const call = this.calls.get(p.uniqueId);
        if (call?.status === 'ringing') this.establish(user, call);
        return {};
      }
      case 'consult-answers': {
        const leg = [...this.calls.values()].find((c) => c.consult && c.login === user.login);
        if (leg) {
          leg.status = 'established';
          this.sendTo(user.login, 'PhoneEvent', this.phoneEvent(user, leg, 'EventEstablished'));
        }
        return {};
      }
      case 'third-party-hangs-up': {
        const leg = [...this.calls.values()].find((c) => c.consult && c.login === user.login);
        if (leg) {
          this.calls.delete(leg.uniqueId);
          this.sendTo(user.login, 'PhoneEvent', this.phoneEvent(user, leg, 'EventReleased'));
        }
        return {};
      }
      case 'remote-answers': {
        const call = this.calls.get(p.uniqueId) ?? [...this.calls.values()].find((c) => c.login === user.login && c.status === 'dialing');
        if (call) this.establish(user, call);
        return {};
      }
      case 'customer-hangs-up': {
        const call = this.calls.get(p.uniqueId);
        if (!call) return {};
        if (call.status === 'ringing' && call.acd) {
          const s = this.stats.get(call.queueId);
          s.TotalNumberCallsAbandonned += 1;
          s.WaitingCalls = Math.max(0, s.WaitingCalls - 1);
          this.queueStats(call.queueId);
        }
        this.release(this.userOf(call.login), call);
        return {};
      }
      case 'supervisor-pause':
        this.setAgent(user, 'AgentOnPause', p.reason ?? 'break');
        return {};
      case 'supervisor-ready':
        this.setAgent(user, 'AgentReady');
        return {};
      case 'remote-logout':
        this.setAgent(user, 'AgentLoggedOut');
        this.agents.get(user.agentId).phoneNb = '';
        return {};
      case 'wrapup-ends':
        if (this.agents.get(user.agentId).name === 'AgentOnWrapup') this.setAgent(user, 'AgentReady');
        return {};
      case 'refuse-logon':
        this.refuseLogOn = p.error ?? 'loggedOnFailed';
        return {};
      case 'drop':
        this.down = true;
        for (const s of this.sockets) s.ws.terminate();
        this.sockets.clear();
        return {};
      case 'restore':
        this.down = false;
        return {};
      case 'silent':
        this.silent = p.on !== false;
        return {};
      case 'expire-tokens':
        for (const entry of this.tokens.values()) entry.expiresAt = 0;
        return {};
      case 'ignore-next':
        this.ignore.add(String(p.command));
        return {};
      case 'adopt-token':
        // A token the host's server obtained for the user, under a value the test chose.
        this.tokens.set(String(p.token), { login: user.login, expiresAt: Date.now() + this.ttl * 1000 });
        return {};
      case 'token':
        // A token as the host's server would have obtained it for the user (a sign-in without a password here).
        return { token: this.issueToken(user.login) };
      case 'send':
        // Any frame, as text: an unknown msgType, a malformed frame.
        this.raw(user.login, String(p.text));
        return {};
      case 'queue-stats': {
        const s = this.stats.get(p.queueId ?? 1);
        Object.assign(s, p.counters ?? {});
        this.queueStats(p.queueId ?? 1);
        return {};
      }
      case 'state':
        return {
          agent: clone(this.agents.get(user.agentId)),
          calls: [...this.calls.values()].filter((c) => c.login === user.login).map((c) => ({ uniqueId: c.uniqueId, status: c.status, otherDN: c.otherDN, dtmf: c.dtmf ?? '', conference: Boolean(c.conference) })),
          sockets: [...this.sockets].filter((s) => s.login === user.login).length,
          received: clone(this.received),
          rest: [...this.rest],
          tokens: this.tokens.size,
        };
      default:
        throw new Error(`xuc-double: unknown script action ${p.action}`);
    }
  }

  close() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.ws.terminate();
    this.sockets.clear();
  }
}

export class XucDouble extends SitesServer {
  constructor() {
    super('xuc-double');
  }

  async close() {
    for (const site of this.sites.values()) site.close();
    await super.close();
  }

  makeSite(n, options) {
    return new Site(this, n, options);
  }

  siteInfo(site) {
    return {
      site: site.id,
      baseUrl: `${this.origin}/${site.id}`,
      users: site.users.map(({ login, password, agentId, agentNumber, line, firstName, lastName }) => ({ login, password, agentId, agentNumber, line, firstName, lastName })),
      queues: clone(site.queues),
      statuses: clone(site.statuses),
    };
  }

  /** The script API: every action but `site` names its `site` (see SitesServer). */
  siteCommand(site, payload) {
    return site.script(payload);
  }

  upgrade(req, socket, head) {
    const url = new URL(req.url, this.origin);
    const route = this.route(url);
    const refuse = (status) => {
      socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!route || route.path !== `${API}/cti`) return refuse(404);
    const { site } = route;
    if (site.down) return socket.destroy();
    const login = site.tokenLogin(url.searchParams.get('token'));
    if (!login) return refuse(GUESSES.socketRefusedStatus);
    this.wss.handleUpgrade(req, socket, head, (ws) => site.accept(ws, login));
    return undefined;
  }

  async handle(req, res) {
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type, authorization',
      'access-control-max-age': '600',
    };
    const reply = (status, body) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return reply(204);
    const url = new URL(req.url, this.origin);
    const route = this.route(url);
    if (!route) return reply(404, { error: 'NotFound', message: `Not found: ${url.pathname}` });
    const { site, path } = route;
    let raw = '';
    for await (const chunk of req) raw += chunk;
    site.rest.push(`${req.method} ${path}`);
    if (site.down) {
      req.socket.destroy();
      return undefined;
    }
    const fail = (error, message) => reply(GUESSES.status[error] ?? 500, { error, message });
    if (path === `${API}/auth/login` && req.method === 'POST') {
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return fail('InvalidJson', 'The body is not JSON.');
      }
      if (typeof body?.login !== 'string' || typeof body?.password !== 'string') return fail('InvalidJson', 'login and password are required.');
      const user = site.userOf(body.login);
      if (!user || user.password !== body.password) return fail('InvalidCredentials', 'Invalid credentials.');
      return reply(200, { login: user.login, token: site.issueToken(user.login), TTL: site.ttl });
    }
    if (path === `${API}/auth/check` && req.method === 'GET') {
      const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      const login = site.tokenLogin(token);
      if (!login) return reply(GUESSES.status.TokenExpired, { error: 'TokenExpired', message: GUESSES.tokenExpiredMessage });
      return reply(200, { login, token: site.issueToken(login), TTL: site.ttl });
    }
    return reply(404, { error: 'NotFound', message: `Not found: ${req.method} ${path}` });
  }
}

export async function startXucDouble() {
  return new XucDouble().listen();
}

/** A web-test-runner plugin: the double starts and stops with the test server and answers `executeServerCommand('xuc-double', …)`. */
export const xucDoublePlugin = () => loopbackPlugin('xuc-double', startXucDouble);
