import type { AgentStateArgs, StationLoginArgs } from '../../core/backend.js';
import { isLogoutReason, logoutReasonText, type ChangeSource, type AgentStateSnapshot, type LogoutReason as KitLogoutReason, type Station } from '../../core/types.js';
import { Cleanup, isRecord, syncEvent, text } from '../kit/index.js';
import type { WebexContext } from './context.js';
import { agentStateOf, stationOf, type StateData } from './profile.js';
import type { WebexCc } from './sdk.js';

/** Webex's logout reasons for the kit's (a page's own reason is sent as Webex's `User requested logout`). */
const WEBEX_LOGOUT_REASONS = {
  requested: 'User requested logout',
  inactivity: 'Inactivity Logout',
  'profile-update': 'User requested agent profile update',
} as const satisfies Record<KitLogoutReason, string>;
type LogoutReason = (typeof WEBEX_LOGOUT_REASONS)[KitLogoutReason];

type StationData = StateData & { teamId?: unknown; deviceType?: unknown; dialNumber?: unknown; dn?: unknown; interactionIds?: unknown };

/**
 * The agent's side: station login and logout, the agent's state, and what Webex says of them on its own (a
 * supervisor's change, a relogin after a reconnect, a second sign-in elsewhere, a remote logout), as events.
 */
export class WebexAgentEvents {
  readonly #ctx: WebexContext;
  #pendingLogin: StationLoginArgs | null = null;
  #pendingLogout = false;
  #pendingState: string | null = null;

  constructor(ctx: WebexContext) {
    this.#ctx = ctx;
  }

  // ---- actions ------------------------------------------------------------------------------------

  async stationLogin(args: StationLoginArgs): Promise<void> {
    const ctx = this.#ctx;
    const cc = ctx.ready('stationLogin');
    const dialNumber = args.loginOption === 'BROWSER' ? undefined : args.dialNumber?.trim();
    const login = { teamId: args.teamId, loginOption: args.loginOption, ...(dialNumber ? { dialNumber } : {}) };
    // Changing station is the SDK's updateAgentProfile (a logout "User requested agent profile update", then a
    // login), not a second login (webex-sdk.md #9); its logout is not a station logout for the page.
    const changing = ctx.station !== null && typeof cc.updateAgentProfile === 'function';
    this.#pendingLogin = args;
    if (changing) this.#pendingLogout = true;
    try {
      const response = await ctx.calls.run('stationLogin', (): Promise<unknown> => (changing ? cc.updateAgentProfile(login) : cc.stationLogin(login)));
      const station: Station = { teamId: args.teamId, loginOption: args.loginOption, ...(dialNumber ? { dialNumber } : {}) };
      ctx.station = station;
      ctx.emit({ type: 'station-login', station });
      if (response && typeof response === 'object') ctx.emitAgent(agentStateOf(response as StateData, 'system', ctx.codes, ctx.clock.now()));
    } finally {
      this.#pendingLogin = null;
      if (changing) this.#pendingLogout = false;
    }
  }

  async stationLogout(reason?: string): Promise<void> {
    const ctx = this.#ctx;
    const cc = ctx.ready('stationLogout');
    const logoutReason: LogoutReason = WEBEX_LOGOUT_REASONS[isLogoutReason(reason) ? reason : 'requested'];
    this.#pendingLogout = true;
    try {
      await ctx.calls.run('stationLogout', () => cc.stationLogout({ logoutReason }));
    } finally {
      this.#pendingLogout = false;
    }
    ctx.station = null;
    ctx.agent = null;
    ctx.emit({ type: 'station-logout', reason: logoutReasonText(reason) });
  }

  async setAgentState(args: AgentStateArgs): Promise<void> {
    const ctx = this.#ctx;
    const cc = ctx.ready('setAgentState');
    const auxCodeId = args.state === 'Available' ? '0' : args.auxCodeId;
    this.#pendingState = auxCodeId;
    try {
      const response = await ctx.calls.run('setAgentState', () =>
        cc.setAgentState({ state: args.state, auxCodeId, ...(args.reason ? { lastStateChangeReason: args.reason } : {}) }),
      );
      const data = ((response as { data?: StateData } | undefined)?.data ?? {}) as StateData;
      ctx.emitAgent(agentStateOf({ ...data, auxCodeId: text(data.auxCodeId) || auxCodeId, subStatus: data.subStatus ?? args.state }, 'agent', ctx.codes, ctx.clock.now()));
    } finally {
      this.#pendingState = null;
    }
  }

  // ---- what Webex says ----------------------------------------------------------------------------

  /** A `webex.cc` without its internals (a host's double, an older SDK): its relayed agent events. */
  listenTo(cc: WebexCc, on: Cleanup): void {
    on.on(cc, 'agent:stateChange', (data: unknown) => this.#onStateChange(data));
    on.on(cc, 'agent:stationLoginSuccess', (data: unknown) => this.#onStationLogin(data));
    on.on(cc, 'agent:reloginSuccess', (data: unknown) => this.#onRelogin(data));
    on.on(cc, 'agent:logoutSuccess', (data: unknown) => this.#onLogout(data));
    on.on(cc, 'agent:multiLogin', (data: unknown) => this.#onMultiLogin(data));
  }

  /** One frame of the SDK's notification websocket (the real SDK only): agent events, and refusals' reasons. */
  onFrame(frame: unknown): void {
    let message: unknown = null;
    try {
      message = typeof frame === 'string' ? JSON.parse(frame) : null;
    } catch {
      return;
    }
    if (!isRecord(message) || message.keepalive === 'true') return;
    const top = text(message.type);
    const data = isRecord(message.data) ? message.data : {};
    const type = text(data.type);
    this.#ctx.calls.noteFrame(data);
    if (top === 'AGENT_MULTI_LOGIN') this.#onMultiLogin(data);
    else if (top === 'AgentStateChange') this.#onStateChange(data);
    else if (type === 'AgentStationLoginSuccess') this.#onStationLogin(data);
    else if (type === 'AgentReloginSuccess') this.#onRelogin(data);
    else if (type === 'AgentLogoutSuccess') this.#onLogout(data);
  }

  #onMultiLogin(data: unknown): void {
    if ((data as { type?: unknown } | null)?.type === 'AgentMultiLoginCloseSession') {
      this.#ctx.session.end('This session was closed because you signed in somewhere else.');
    }
  }

  #onStateChange(data: unknown): void {
    const ctx = this.#ctx;
    const d = data as (StateData & { type?: unknown; changedById?: unknown; changedBy?: unknown }) | null;
    if (!d || d.type !== 'AgentStateChangeSuccess') return;
    const aux = text(d.auxCodeId) || '0';
    const agentId = ctx.agentId;
    const who = text(d.changedById) || text(d.changedBy);
    let by: ChangeSource = 'system';
    if (this.#pendingState === aux) by = 'agent';
    else if (/^system$/i.test(who)) by = 'system';
    else if (who && agentId && who !== agentId) by = 'remote';
    else if (who) by = 'agent';
    ctx.emitAgent(agentStateOf(d, by, ctx.codes, ctx.clock.now()));
  }

  #onStationLogin(data: unknown): void {
    const ctx = this.#ctx;
    const d = (data ?? {}) as StationData;
    const pending = this.#pendingLogin;
    const station = pending ? stationOf(pending.teamId, pending.loginOption, pending.dialNumber) : stationOf(d.teamId, d.deviceType, d.dialNumber ?? d.dn);
    if (!station) return;
    ctx.station = station;
    ctx.emit({ type: 'station-login', station });
    ctx.emitAgent(agentStateOf(d, 'system', ctx.codes, ctx.clock.now()));
  }

  #onRelogin(data: unknown): void {
    const ctx = this.#ctx;
    // A relogin inside register() (an agent already logged in, webex-sdk.md #6) is already in the profile
    // register() resolves with; it is reported from there, after the profile.
    if (!ctx.registered || ctx.session.reRegistering) return;
    const d = (data ?? {}) as StationData;
    ctx.connection.set('connected');
    const ids = Array.isArray(d.interactionIds) ? d.interactionIds.map(text) : null;
    this.sync(d, stationOf(d.teamId, d.deviceType, d.dialNumber ?? d.dn) ?? ctx.station, ids);
  }

  #onLogout(data: unknown): void {
    const ctx = this.#ctx;
    if (this.#pendingLogout || !ctx.station) return;
    const d = (data ?? {}) as { logoutReason?: unknown; loggedOutBy?: unknown };
    const by = text(d.loggedOutBy);
    const reason = text(d.logoutReason) || (by && by !== ctx.profile?.agentId ? 'Logged out by a supervisor' : 'Logged out');
    ctx.station = null;
    ctx.agent = null;
    ctx.emit({ type: 'station-logout', reason });
  }

  /** The whole picture after a reconnect or on registering as an agent already logged in. */
  sync(state: StateData, station: Station | null, interactionIds: readonly string[] | null): void {
    const ctx = this.#ctx;
    const tasks = ctx.tasks.resync(interactionIds);
    ctx.station = station;
    let agent: AgentStateSnapshot | null = null;
    if (station) {
      const next = agentStateOf(state, 'system', ctx.codes, ctx.clock.now());
      const same = ctx.agent && ctx.agent.state === next.state && ctx.agent.auxCodeId === next.auxCodeId;
      agent = same ? ctx.agent : next;
    }
    ctx.agent = agent;
    ctx.emit(syncEvent(station, agent, tasks));
    ctx.tasks.announceCapabilities();
  }
}
