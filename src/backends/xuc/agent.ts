import type { AgentStateArgs, StationLoginArgs } from '../../core/backend.js';
import { CcError } from '../../core/errors.js';
import type { MessageRef } from '../../core/messages.js';
import { AVAILABLE_CODE, logoutReasonText, type AgentStateSnapshot, type AuxCode, type ChangeSource, type Profile, type Station } from '../../core/types.js';
import { isRecord, text } from '../kit/index.js';
import type { XucContext } from './context.js';
import type { XucAgentConfig, XucAgentState, XucQueue } from './protocol.js';

/** XuC has no teams: the agent takes calls from the queues it is a member of. */
export const XUC_TEAM = Object.freeze({ id: 'xivo-queues', name: 'My queues' });

const EXTENSION_RULE = Object.freeze({ pattern: '[0-9*#]{1,15}', example: '1001' });

/** XuC states in which the agent is on a call: a state change is confirmed only after it. */
const ON_CALL = ['AgentRinging', 'AgentOnCall', 'AgentDialing'];

/**
 * The agent's side: the profile (queues, colleagues, pause statuses, the line), login on a XiVO line, ready and
 * paused with a reason, and what XuC says of the agent on its own (a supervisor, a remote logout, after-call).
 */
export class XucAgent {
  readonly #ctx: XucContext;
  #logoutReason: string | null = null;

  constructor(ctx: XucContext) {
    this.#ctx = ctx;
  }

  async register(): Promise<Profile> {
    const ctx = this.#ctx;
    const link = ctx.link;
    link.guard('register', false);
    const lists = Promise.all([
      link.expect('QueueList', (m) => (Array.isArray(m) ? m : undefined)),
      link.expect('AgentList', (m) => (Array.isArray(m) ? m : undefined)),
    ]);
    const statuses = ctx.statuses.length ? Promise.resolve(ctx.statuses) : link.expect('UsersStatuses', (m) => (Array.isArray(m) ? m : undefined));
    link.send('getList', { objectType: 'queue' });
    link.send('getList', { objectType: 'agent' });
    link.send('getConfig', { objectType: 'line' });
    const [[queues, agents]] = await Promise.all([lists, statuses]);
    ctx.queues = queues as XucQueue[];
    ctx.agents = agents as XucAgentConfig[];
    const states = link.agentState(() => true);
    link.send('subscribeToAgentEvents');
    link.send('getAgentStates');
    link.send('subscribeToQueueStats');
    link.send('subscribeToAgentStats');
    await states.catch(() => undefined);
    const profile = this.#profile();
    ctx.registered = true;
    ctx.emit({ type: 'signed-in', expiresAt: link.expiresAt });
    ctx.emit({ type: 'registered', profile });
    // An agent already logged in on a line (a page reload) picks up where it was, with its calls.
    if (ctx.xucState && ctx.xucState.name !== 'AgentLoggedOut') await ctx.calls.resync();
    return profile;
  }

  async stationLogin(args: StationLoginArgs): Promise<void> {
    const ctx = this.#ctx;
    ctx.link.guard('stationLogin');
    const number = (args.dialNumber ?? '').trim();
    const outcome = ctx.link.expect(
      ['AgentStateEvent', 'AgentError'],
      (m, type) => {
        if (type === 'AgentError' && isRecord(m)) return m;
        return ctx.mine(m) && m.name !== 'AgentLoggedOut' && text(m.phoneNb) === number ? m : undefined;
      },
      'station-login',
    );
    ctx.link.send('agentLogin', { agentphonenumber: number });
    const answer = (await outcome) as Record<string, unknown>;
    if ('Error' in answer) throw agentError(answer, number);
    // The AgentStateEvent that answered has already made the station and the agent's state (onAgentState).
  }

  async stationLogout(reason?: string): Promise<void> {
    const ctx = this.#ctx;
    ctx.link.guard('stationLogout');
    const done = ctx.link.agentState((m) => m.name === 'AgentLoggedOut', 'station-logout');
    ctx.requested = 'AgentLoggedOut';
    ctx.link.send('agentLogout');
    // The reason goes with this logout's event only (onAgentState uses it once): never with a later one.
    this.#logoutReason = logoutReasonText(reason);
    await done.catch((err) => {
      this.#logoutReason = null;
      throw err;
    });
  }

  async setAgentState(args: AgentStateArgs): Promise<void> {
    const ctx = this.#ctx;
    ctx.link.guard('setAgentState');
    // On a call, XuC confirms the change only once the call is over: the request is sent, not waited for.
    const onCall = ON_CALL.includes(ctx.xucState?.name ?? '');
    const wanted = args.state === 'Available' ? 'AgentReady' : `AgentOnPause:${args.auxCodeId}`;
    const done = ctx.link.agentState((m) => (args.state === 'Available' ? m.name === 'AgentReady' : m.name === 'AgentOnPause' && text(m.cause) === args.auxCodeId), 'agent-state');
    ctx.requested = wanted;
    if (args.state === 'Available') ctx.link.send('unpauseAgent');
    else ctx.link.send('pauseAgent', { reason: args.auxCodeId });
    if (onCall) return void done.catch(() => undefined);
    await done;
  }

  /** This agent's `AgentStateEvent`, once registered. */
  onAgentState(s: XucAgentState): void {
    const ctx = this.#ctx;
    const before = ctx.xucState;
    ctx.xucState = s;
    if (s.name === 'AgentLoggedOut') {
      if (ctx.station) {
        const reason = this.#logoutReason ?? (ctx.requested === 'AgentLoggedOut' ? logoutReasonText('requested') : 'Logged out from elsewhere (a supervisor, or another agent logged in on this line)');
        ctx.requested = null;
        this.#logoutReason = null;
        ctx.station = null;
        ctx.agent = null;
        ctx.emit({ type: 'station-logout', reason });
      }
      return;
    }
    if (!ctx.station && s.phoneNb) this.#setStation({ teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: text(s.phoneNb) });
    if (!ctx.station) return;
    ctx.calls.onAgentState(s, before);
    const key = s.name === 'AgentOnPause' ? `AgentOnPause:${text(s.cause)}` : s.name;
    const by: ChangeSource =
      s.name === 'AgentLogin' ? 'system' : ctx.requested === key ? 'agent' : before?.name === 'AgentOnWrapup' || before?.name === 'AgentLogin' ? 'system' : 'remote';
    if (ctx.requested === key) ctx.requested = null;
    const snapshot = this.#snapshotOf(s, by);
    if (!snapshot) return;
    const a = ctx.agent;
    if (a && a.state === snapshot.state && a.auxCodeId === snapshot.auxCodeId) return;
    ctx.agent = snapshot;
    ctx.emit({ type: 'agent-state', agent: snapshot });
  }

  /** Signed out: forget what a logout was for. */
  forget(): void {
    this.#logoutReason = null;
  }

  #setStation(station: Station): void {
    this.#ctx.station = station;
    this.#ctx.emit({ type: 'station-login', station });
  }

  #snapshotOf(s: XucAgentState, by: ChangeSource): AgentStateSnapshot | null {
    const since = this.#ctx.clock.now() - (typeof s.since === 'number' ? s.since * 1000 : 0);
    if (s.name === 'AgentReady') return { state: 'Available', auxCodeId: AVAILABLE_CODE, since, by };
    if (s.name === 'AgentOnPause') {
      const cause = text(s.cause);
      const status = this.#ctx.statuses.find((x) => x.name === cause);
      return { state: 'Idle', auxCodeId: cause, ...(status?.longName ? { reason: status.longName } : {}), since, by };
    }
    if (s.name === 'AgentLogin') return { state: 'Idle', auxCodeId: '', since, by: 'system' };
    // Ringing, dialing, on a call, in wrap-up: the calls show it; the chosen state stays.
    return null;
  }

  #profile(): Profile {
    const ctx = this.#ctx;
    const idleCodes: AuxCode[] = ctx.statuses
      .filter((s) => s.actions?.some((a) => a.name === 'queuepause_all'))
      .map((s) => ({ id: s.name, name: s.longName || s.name }));
    return {
      agentId: ctx.agentId === null ? ctx.login : String(ctx.agentId),
      agentName: ctx.agentName || ctx.login,
      teams: [XUC_TEAM],
      loginOptions: ['EXTENSION'],
      dialRules: { EXTENSION: { ...EXTENSION_RULE, ...(ctx.line ? { example: ctx.line } : {}) } },
      ...(ctx.line ? { defaultDialNumber: ctx.line } : {}),
      idleCodes,
      wrapupCodes: [],
      autoWrapupSeconds: null,
    };
  }
}

/** `AgentError` in words an agent can act on, next to the line field. */
function agentError(m: Record<string, unknown>, requested: string): CcError {
  const error = text(m.Error);
  if (error === 'PhoneNumberUnknown') return CcError.of('invalid-dial-number', { key: 'xucLineUnknown', values: { line: requested } }, 'station-login');
  if (error === 'LoggedInOnAnotherPhone') {
    const line = text(m.phoneNb);
    return CcError.of('rejected', line ? { key: 'xucLoggedInOnLine', values: { line } } : { key: 'xucLoggedInElsewhere' }, 'station-login');
  }
  const refused: MessageRef = error
    ? { key: 'xucLoginRefused', values: { line: requested, reason: error } }
    : { key: 'xucLoginRefusedNoReason', values: { line: requested } };
  return CcError.of('rejected', refused, 'station-login');
}
