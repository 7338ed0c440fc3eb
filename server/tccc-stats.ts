// TCCC statistics for the statistics widgets: skill groups' live queue figures (DescribeCallInMetrics) and the
// signed-in agent's status and today's durations (DescribeStaffStatusMetrics), with today's answered, abandoned and
// handled calls counted from the call records (DescribeTelCdr, paged), through the official Node SDK with the cloud
// secret on the server, normalised to the kit's `StatsReport`, cached, rate-limited, stale when it fails.
import type { AgentStateName, AgentStats, QueueStats } from '../src/core/types.js';
import { HttpError, type NodeHandler } from './http.js';
import { createStatsCache, statsRouteHandler, type Reported, type SpendBudget, type StatsRouteOptions } from './stats.js';
import { cccClient, type CccClient, type TcccCloudOptions } from './tccc.js';
import { TCCC_STATS_GUESSES as GUESS } from './tccc-stats-guesses.js';

export interface TcccStatsOptions extends TcccCloudOptions {
  /** The skill groups reported when the browser names none (default: every skill group of the app). */
  readonly skillGroupIds?: readonly number[];
  /** How long figures are reused (ms, default 10 000: the figures are live counts). */
  readonly ttlMs?: number;
  /** Cloud API calls allowed per minute, all queries together, each page of call records counted (default 60). */
  readonly maxCallsPerMinute?: number;
  /**
   * How long today's call-record counts (answered, abandoned, handled) are reused (ms, default 30 000): each
   * refresh pages through the records since the last one.
   */
  readonly recordsTtlMs?: number;
  /** Where "today" starts for the counts (epoch ms), given now (default: midnight in the server's time zone). */
  readonly dayStart?: (now: number) => number;
  readonly now?: () => number;
}

/** The agent's figures: the kit's `AgentStats` with whose they are and their TCCC status now. */
export interface TcccAgentStats extends AgentStats {
  readonly agentId: string;
  /** TCCC's status now: free, busy, rest, notReady, afterCallWork or offline. */
  readonly status?: string;
}

export interface TcccStats {
  queueStats(skillGroupIds?: readonly string[]): Promise<Reported<QueueStats[]>>;
  agentStats(staffUserId: string): Promise<Reported<TcccAgentStats | null>>;
  /** `GET` route the browser polls (default `/cc/tccc/stats`); answers the kit's `StatsReport`. */
  statsRoute(options?: StatsRouteOptions): NodeHandler;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(record) : []);
const localMidnight = (now: number): number => new Date(now).setHours(0, 0, 0, 0);

/** Today's counts from the call records: per skill group the calls answered and abandoned, per agent the calls handled. */
interface RecordCounts {
  readonly groups: ReadonlyMap<string, { readonly answered: number; readonly abandoned: number }>;
  readonly handled: ReadonlyMap<string, number>;
}

/** One call record, as counted (kept by session, so a record read twice counts once). */
interface Counted {
  readonly group?: string;
  readonly answered: boolean;
  readonly abandoned: boolean;
  readonly seat?: string;
}

/** Fresh figures and counts as one answer: the older `at`, and the older staleness of the two. */
function joined<A, B, C>(a: Reported<A>, b: Reported<B>, join: (a: A, b: B) => C): Reported<C> {
  const stale = [a.stale, b.stale].filter((s) => s !== undefined).sort((x, y) => y.ageSeconds - x.ageSeconds)[0];
  return { value: join(a.value, b.value), at: Math.min(a.at, b.at), ...(stale ? { stale } : {}) };
}

export function createTcccStats(options: TcccStatsOptions): TcccStats {
  if (!options.secretId || !options.secretKey || !options.sdkAppId) {
    throw new TypeError('createTcccStats needs secretId, secretKey and sdkAppId.');
  }
  const now = options.now ?? Date.now;
  const { cached } = createStatsCache({ now, ttlMs: options.ttlMs ?? 10_000, maxCallsPerMinute: options.maxCallsPerMinute ?? 60 });
  const dayStart = options.dayStart ?? localMidnight;
  const seconds = (value: unknown) => Math.max(0, Math.round((num(value) * GUESS.durationUnitMs) / 1000));
  let client: Promise<CccClient> | undefined;

  /** One cloud call; the SDK's error becomes a reason the stale marker carries (Tencent's code, never the request). */
  const ask = async <T>(call: (c: CccClient) => Promise<T>): Promise<T> => {
    client ??= cccClient(options).catch((err: unknown) => {
      client = undefined;
      throw err;
    });
    try {
      return await call(await client);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const code = (err as { code?: unknown })?.code;
      const safe = typeof code === 'string' && /^[\w.]{1,80}$/.test(code) ? code : undefined;
      if (safe && (GUESS.rateLimitCodes as readonly string[]).includes(safe)) throw new HttpError(503, 'rate-limited', 'TCCC is rate-limiting the statistics APIs.');
      if (safe?.startsWith('AuthFailure')) throw new HttpError(503, 'unauthorized', `TCCC refused the API key (${safe}).`);
      throw new HttpError(503, 'upstream', `TCCC's statistics API failed${safe ? ` (${safe})` : ''}.`);
    }
  };

  // ---- today's call records --------------------------------------------------------------------------
  const R = GUESS.records;
  /**
   * Today's records read so far, by session; `through`: up to when (Unix s) every page was read; `resume`: where a
   * read the budget cut short goes on (same start, next page).
   */
  let today: { start: number; seen: Map<string, Counted>; through: number; resume?: { from: number; page: number } } = { start: -1, seen: new Map(), through: 0 };

  const countRecord = (row: Record<string, unknown>): void => {
    const session = row[R.session];
    if (typeof session !== 'string' || !session) return;
    const status = num(row[R.endStatus]);
    const inbound = row[R.direction] === R.inbound;
    const groupId = row[R.queuedGroup] || row[R.group];
    const seat = record(row[R.seat])[R.seatAccount];
    today.seen.set(session, {
      ...(inbound && (typeof groupId === 'number' || typeof groupId === 'string') && groupId !== '' ? { group: String(groupId) } : {}),
      answered: (R.answered as readonly number[]).includes(status),
      abandoned: inbound && (R.abandoned as readonly number[]).includes(status),
      ...(typeof seat === 'string' && seat ? { seat } : {}),
    });
  };

  const tally = (): RecordCounts => {
    const groups = new Map<string, { answered: number; abandoned: number }>();
    const handled = new Map<string, number>();
    for (const c of today.seen.values()) {
      if (c.group !== undefined) {
        const g = groups.get(c.group) ?? { answered: 0, abandoned: 0 };
        groups.set(c.group, { answered: g.answered + (c.answered ? 1 : 0), abandoned: g.abandoned + (c.abandoned ? 1 : 0) });
      }
      if (c.seat !== undefined && c.answered) handled.set(c.seat, (handled.get(c.seat) ?? 0) + 1);
    }
    return { groups, handled };
  };

  /** Pages through the records since the last read (a margin back: GUESS.records.lookbackSeconds), each page within the budget. */
  const readRecords = async (start: number, spend: SpendBudget): Promise<RecordCounts> => {
    if (today.start !== start) today = { start, seen: new Map(), through: 0 };
    const from = Math.max(Math.floor(start / 1000), today.through ? today.through - R.lookbackSeconds : 0);
    const to = Math.floor(now() / 1000);
    let page = today.resume?.from === from ? today.resume.page : 0;
    for (let first = true; ; first = false) {
      if (!first) {
        // A page the budget has no room for: what was read is kept, and the next refresh goes on from this page.
        today.resume = { from, page };
        spend();
      }
      const answer = await ask((c) => c.DescribeTelCdr({ SdkAppId: options.sdkAppId, StartTimeStamp: from, EndTimeStamp: to, PageSize: R.maxPageSize, PageNumber: page }));
      const rows = list(answer[R.list] ?? answer[R.oldList]);
      rows.forEach(countRecord);
      const total = num(answer[R.total]);
      page += 1;
      // The last page: a short one, or the total reached (an answer without a total reads on to a short page).
      if (rows.length < R.maxPageSize || (total > 0 && page * R.maxPageSize >= total)) break;
    }
    today.through = to;
    today.resume = undefined;
    return tally();
  };

  /**
   * Today's counts, cached; null when they were never had (the figures then leave them out: "–", never 0). One
   * answer serves the queues and the agent of a poll (within a second), so records that fail are asked once.
   */
  let lastCounts: { at: number; counts: Promise<Reported<RecordCounts> | null> } | undefined;
  const recordCounts = (): Promise<Reported<RecordCounts> | null> => {
    const t = now();
    if (lastCounts && t >= lastCounts.at && t - lastCounts.at < 1000) return lastCounts.counts;
    const start = dayStart(t);
    const counts = cached(`records:${start}`, (spend) => readRecords(start, spend), { ttlMs: options.recordsTtlMs ?? 30_000 }).catch(() => null);
    lastCounts = { at: t, counts };
    return counts;
  };

  // ---- figures ------------------------------------------------------------------------------------------
  const queueStats = async (asked?: readonly string[]): Promise<Reported<QueueStats[]>> => {
    const figures = await queueMetrics(asked);
    if (!figures.value.length) return figures;
    const counts = await recordCounts();
    if (!counts) return figures;
    return joined(figures, counts, (queues, c) =>
      queues.map((q) => ({ ...q, answered: c.groups.get(q.queueId)?.answered ?? 0, abandoned: c.groups.get(q.queueId)?.abandoned ?? 0 })),
    );
  };

  const agentStats = async (staffUserId: string): Promise<Reported<TcccAgentStats | null>> => {
    const figures = await staffMetrics(staffUserId);
    if (!figures.value) return figures;
    const counts = await recordCounts();
    if (!counts) return figures;
    return joined(figures, counts, (agent, c) => (agent ? { ...agent, handled: c.handled.get(staffUserId) ?? 0 } : null));
  };

  const queueMetrics = (asked?: readonly string[]): Promise<Reported<QueueStats[]>> => {
    // Skill group ids are numbers; an asked id that is none cannot be one (the route lists it as unknown).
    const ids = asked ? asked.filter((id) => /^\d{1,15}$/.test(id)).map(Number) : [...(options.skillGroupIds ?? [])];
    if (asked && !ids.length) return Promise.resolve({ value: [], at: now() });
    return cached(`queues:${[...ids].sort((a, b) => a - b).join(',')}`, async () => {
      const answer = await ask((c) =>
        c.DescribeCallInMetrics({ SdkAppId: options.sdkAppId, EnabledSkillGroup: true, EnabledNumber: false, ...(ids.length ? { GroupIdList: ids } : {}) }),
      );
      const t = now();
      const f = GUESS.callIn;
      return list(answer.SkillGroupMetrics)
        .filter((group) => typeof group.SkillGroupId === 'number' || typeof group.SkillGroupId === 'string')
        .map((group): QueueStats => {
          const metrics = record(group.Metrics);
          const queueId = String(group.SkillGroupId);
          return {
            queueId,
            queueName: typeof group.Name === 'string' && group.Name ? group.Name : queueId,
            waiting: num(metrics[f.waiting]),
            longestWaitSeconds: seconds(metrics[f.longestWait]),
            agentsTalking: num(metrics[f.talking]),
            at: t,
          };
        });
    });
  };

  const staffMetrics = (staffUserId: string): Promise<Reported<TcccAgentStats | null>> =>
    cached(`agent:${staffUserId}`, async () => {
      const answer = await ask((c) => c.DescribeStaffStatusMetrics({ SdkAppId: options.sdkAppId, StaffList: [staffUserId] }));
      const t = now();
      const s = GUESS.staff;
      const row = list(answer.Metrics).find((m) => m[s.account] === staffUserId);
      if (!row) return null;
      const stateSeconds: Partial<Record<AgentStateName, number>> = {};
      for (const [field, state] of Object.entries(GUESS.stateOf) as Array<[keyof typeof GUESS.stateOf, AgentStateName]>) {
        stateSeconds[state] = (stateSeconds[state] ?? 0) + seconds(row[s[field]]);
      }
      return {
        agentId: staffUserId,
        ...(typeof row[s.status] === 'string' ? { status: row[s.status] as string } : {}),
        // The calls handled come from the call records (agentStats). No average handle time: the records give
        // the talk time only, not the hold and after-call work the kit's average includes.
        averageHandleSeconds: null,
        stateSeconds,
        at: t,
      };
    });

  const statsRoute = (route: StatsRouteOptions = {}): NodeHandler =>
    statsRouteHandler('/cc/tccc/stats', route, {
      queueStats,
      agentStats,
      // Only skill groups TCCC answered for are in the figures.
      known: () => true,
    });

  return { queueStats, agentStats, statsRoute };
}
