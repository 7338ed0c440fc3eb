import type { AgentStateArgs, StationLoginArgs } from '../../core/backend.js';
import { AVAILABLE_CODE, logoutReasonText, type AgentStateSnapshot, type AuxCode, type ChangeSource, type Profile } from '../../core/types.js';
import { text } from '../kit/index.js';
import type { TcccContext } from './context.js';

/** TCCC routes by skill groups an administrator assigns: the agent has no team to choose. */
export const TCCC_TEAM = Object.freeze({ id: 'tccc-skill-groups', name: 'My skill groups' });

/** The idle codes every TCCC agent has: `notReady` (no inbound calls, outbound allowed) and `rest` (a break). */
export const NOT_READY_CODE = 'notReady';
export const REST_CODE = 'rest';
/** A break with a reason configured in TCCC's console: `rest:Meal`. */
const REST_PREFIX = 'rest:';

/** TCCC's statuses in which the agent is on a call: a status change asked then is applied when the call ends. */
const ON_CALL = ['busy'];

/**
 * The agent's side: the profile, `online`/`offline` as the station login and logout, free, not ready and rest
 * (with a reason) both ways, after-call work (`arrange`) as the kit's AfterCall, and what an administrator
 * changes elsewhere (`statusChanged`).
 */
export class TcccAgent {
  readonly #ctx: TcccContext;
  #logoutReason: string | null = null;

  constructor(ctx: TcccContext) {
    this.#ctx = ctx;
  }

  /** The name shown for one of TCCC's statuses: the page's (`statusNames`), else the kit's English. */
  #name(status: 'notReady' | 'rest' | 'arrange'): string {
    const given = text(this.#ctx.options.statusNames?.[status]);
    return given || { notReady: 'Not ready', rest: 'Rest', arrange: 'After-call work' }[status];
  }

  idleCodes(): AuxCode[] {
    const reasons = this.#ctx.options.restReasons ?? [];
    return [
      { id: NOT_READY_CODE, name: this.#name('notReady') },
      { id: REST_CODE, name: this.#name('rest') },
      ...reasons.map((r) => ({ id: `${REST_PREFIX}${r}`, name: r })),
    ];
  }

  profile(): Profile {
    const ctx = this.#ctx;
    return {
      agentId: ctx.agentId,
      agentName: ctx.options.agentName || ctx.agentId,
      ...(ctx.agentId.includes('@') ? { email: ctx.agentId } : {}),
      teams: [TCCC_TEAM],
      // The agent's seat type (web, mobile, SIP phone) is set in TCCC's console, not chosen per session.
      loginOptions: ['BROWSER'],
      dialRules: {},
      idleCodes: this.idleCodes(),
      wrapupCodes: [],
      autoWrapupSeconds: null,
    };
  }

  async stationLogin(_args: StationLoginArgs): Promise<void> {
    const ctx = this.#ctx;
    ctx.guard('station-login');
    if (ctx.status !== 'offline') return this.#onStation();
    ctx.requested = 'online';
    try {
      await ctx.call('Agent', 'online', undefined, 'station-login', 'tccc:go-online');
      await ctx.until(() => ctx.status !== 'offline', 'station-login', 'tccc:go-online');
    } finally {
      if (ctx.requested === 'online') ctx.requested = null;
    }
  }

  /** `reason`: one of the kit's logout reasons (announced in its words) or a page's own text. */
  async stationLogout(reason?: string): Promise<void> {
    const ctx = this.#ctx;
    ctx.guard('station-logout');
    if (ctx.status === 'offline') return;
    ctx.requested = 'offline';
    this.#logoutReason = logoutReasonText(reason);
    try {
      await ctx.call('Agent', 'offline', undefined, 'station-logout', 'tccc:go-offline');
      await ctx.until(() => ctx.status === 'offline', 'station-logout', 'tccc:go-offline');
    } catch (err) {
      this.#logoutReason = null;
      throw err;
    } finally {
      if (ctx.requested === 'offline') ctx.requested = null;
    }
  }

  async setAgentState(args: AgentStateArgs): Promise<void> {
    const ctx = this.#ctx;
    ctx.guard('agent-state');
    const key = args.state === 'Available' ? 'free' : args.auxCodeId;
    const request =
      key === 'free' || key === NOT_READY_CODE
        ? { status: key }
        : key.startsWith(REST_PREFIX)
          ? { status: 'rest', restReason: key.slice(REST_PREFIX.length) }
          : { status: 'rest' };
    const onCall = ON_CALL.includes(ctx.status);
    const before = ctx.agent;
    ctx.requested = key;
    try {
      await ctx.call('Agent', 'setStatus', request, 'agent-state', 'tccc:change-status');
    } catch (err) {
      if (ctx.requested === key) ctx.requested = null;
      throw err;
    }
    // On a call, TCCC applies the change when the call ends: the request is taken, its confirmation comes later.
    if (onCall) return;
    if (this.#keyOf(before) === key) {
      if (ctx.requested === key) ctx.requested = null;
      return;
    }
    await ctx.until(() => ctx.agent !== before && this.#keyOf(ctx.agent) === key, 'agent-state', 'tccc:change-status');
  }

  /** `statusChanged` (or the status read at sign-in): the station, the agent's state, and who changed it. */
  onStatus(status: string, restReason: string): void {
    const ctx = this.#ctx;
    const before = ctx.status;
    ctx.status = status;
    if (!ctx.registered) return;
    if (status === 'offline') {
      if (!ctx.station) return;
      const reason = this.#logoutReason ?? (ctx.requested === 'offline' ? logoutReasonText('requested') : 'Logged out from elsewhere (an administrator, or TCCC)');
      this.#logoutReason = null;
      ctx.station = null;
      ctx.agent = null;
      ctx.emit({ type: 'station-logout', reason });
      return;
    }
    if (!ctx.station) this.#onStation();
    const key = this.#key(status, restReason);
    if (key === null) return;
    const by: ChangeSource = ctx.requested === key ? 'agent' : ['offline', 'arrange', 'busy'].includes(before) || ctx.requested === 'online' ? 'system' : 'remote';
    if (ctx.requested === key) ctx.requested = null;
    const a = ctx.agent;
    if (a && this.#keyOf(a) === key) return;
    const snapshot = this.#snapshot(key, by);
    ctx.agent = snapshot;
    ctx.emit({ type: 'agent-state', agent: snapshot });
  }

  /** Signed out: forget what a logout was for. */
  forget(): void {
    this.#logoutReason = null;
  }

  #onStation(): void {
    const ctx = this.#ctx;
    if (ctx.station) return;
    ctx.station = { teamId: TCCC_TEAM.id, loginOption: 'BROWSER' };
    ctx.emit({ type: 'station-login', station: ctx.station });
  }

  /** The kit's code for a TCCC status; null for `busy` (the calls show it; the chosen state stays). */
  #key(status: string, restReason: string): string | null {
    const ctx = this.#ctx;
    switch (status) {
      case 'free':
        return 'free';
      case 'notReady':
        return NOT_READY_CODE;
      case 'rest':
        // statusChanged carries no reason (tccc.md §5): the one the agent asked for, else a plain break.
        if (restReason) return `${REST_PREFIX}${restReason}`;
        return ctx.requested?.startsWith(REST_PREFIX) || ctx.requested === REST_CODE ? ctx.requested : REST_CODE;
      case 'arrange':
      case 'afterCallWork':
        return 'arrange';
      default:
        return null;
    }
  }

  #keyOf(a: AgentStateSnapshot | null): string | null {
    if (!a) return null;
    if (a.state === 'Available') return 'free';
    if (a.state === 'AfterCall') return 'arrange';
    return a.auxCodeId;
  }

  #snapshot(key: string, by: ChangeSource): AgentStateSnapshot {
    const since = this.#ctx.clock.now();
    if (key === 'free') return { state: 'Available', auxCodeId: AVAILABLE_CODE, since, by };
    if (key === 'arrange') return { state: 'AfterCall', auxCodeId: 'arrange', reason: this.#name('arrange'), since, by: by === 'agent' ? 'agent' : 'system' };
    const code = this.idleCodes().find((c) => c.id === key);
    const reason = code?.name ?? (key.startsWith(REST_PREFIX) ? key.slice(REST_PREFIX.length) : key);
    return { state: 'Idle', auxCodeId: key, reason: text(reason), since, by };
  }
}
