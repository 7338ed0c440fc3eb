// TCCC statistics for the statistics widgets: skill groups' live queue figures (DescribeCallInMetrics) and the
// signed-in agent's status and today's durations (DescribeStaffStatusMetrics), through the official Node SDK with
// the cloud secret on the server, normalised to the kit's `StatsReport`, cached, rate-limited, stale when it fails.
import type { AgentStateName, AgentStats, QueueStats } from '../src/core/types.js';
import { HttpError, type NodeHandler } from './http.js';
import { createStatsCache, statsRouteHandler, type Reported, type StatsRouteOptions } from './stats.js';
import { cccClient, type CccClient, type TcccCloudOptions } from './tccc.js';
import { TCCC_STATS_GUESSES as GUESS } from './tccc-stats-guesses.js';

export interface TcccStatsOptions extends TcccCloudOptions {
  /** The skill groups reported when the browser names none (default: every skill group of the app). */
  readonly skillGroupIds?: readonly number[];
  /** How long figures are reused (ms, default 10 000: the figures are live counts). */
  readonly ttlMs?: number;
  /** Cloud API calls allowed per minute, all queries together (default 60). */
  readonly maxCallsPerMinute?: number;
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

export function createTcccStats(options: TcccStatsOptions): TcccStats {
  if (!options.secretId || !options.secretKey || !options.sdkAppId) {
    throw new TypeError('createTcccStats needs secretId, secretKey and sdkAppId.');
  }
  const now = options.now ?? Date.now;
  const { cached } = createStatsCache({ now, ttlMs: options.ttlMs ?? 10_000, maxCallsPerMinute: options.maxCallsPerMinute ?? 60 });
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

  const queueStats = (asked?: readonly string[]): Promise<Reported<QueueStats[]>> => {
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

  const agentStats = (staffUserId: string): Promise<Reported<TcccAgentStats | null>> =>
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
        // Neither metrics API counts the calls an agent handled: not reported, and no average (their call
        // records would).
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
