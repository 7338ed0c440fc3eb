// Reporting for the statistics widgets: queue and agent figures, an agent's recent tasks and a task's recordings,
// from Webex's reporting APIs with a server-side token; cached, rate-limited, within the APIs' window limits.
import type { AgentStats, QueueStats } from '../src/core/types.js';
import { HttpError, type NodeHandler } from './http.js';
import { createStatsCache, statsRouteHandler, type Reported, type Staleness, type StatsRouteOptions } from './stats.js';
import { callWebex, type WebexAnswer, type WebexApiOptions } from './webex-api.js';
import type { TokenSource } from './webex-auth.js';
import { WEBEX_REPORTING_GUESSES as GUESS } from './webex-reporting-guesses.js';

const QUARTER = 15 * 60_000;
const DAY = 24 * 60 * 60_000;
/** The statistics APIs want `to − from` under 24 hours, both on a quarter hour: the longest window is 23 h 45. */
export const LONGEST_STATISTICS_WINDOW = DAY - QUARTER;

/**
 * The windows a statistics query of [from, to) becomes: both ends rounded down to a quarter hour, split into
 * consecutive windows of at most 23 h 45 (the APIs refuse 24 h or more). Empty when less than a quarter hour remains.
 */
export function statisticsWindows(from: number, to: number): Array<{ from: number; to: number }> {
  const start = from - (from % QUARTER);
  const end = to - (to % QUARTER);
  const windows: Array<{ from: number; to: number }> = [];
  for (let at = start; at < end; at += LONGEST_STATISTICS_WINDOW) {
    windows.push({ from: at, to: Math.min(end, at + LONGEST_STATISTICS_WINDOW) });
  }
  return windows;
}

/** Splits a list into groups of at most `size` (the APIs take 100 ids, captures 10 task ids). */
function groups<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type { Reported, Staleness, StatsRouteOptions };

/**
 * An agent's figures: the kit's `AgentStats` with whose they are. `stateSeconds` holds Webex's time Available,
 * not Available (as `Idle`) and wrapping up (as `AfterCall`) over the window.
 */
export interface ReportedAgentStats extends AgentStats {
  readonly agentId: string;
  readonly agentName?: string;
}

export interface ReportedTask {
  readonly id: string;
  readonly status: string;
  readonly channelType?: string;
  readonly direction?: string;
  readonly queueId?: string;
  readonly queueName?: string;
  readonly origin?: string;
  readonly createdAt?: number;
  readonly updatedAt?: number;
  readonly captureRequested?: boolean;
}

export interface TaskRecording {
  readonly taskId: string;
  readonly status: string;
  readonly files: ReadonlyArray<{ readonly name?: string; readonly url: string; readonly startedAt?: number; readonly endedAt?: number }>;
}

export interface WebexReportingOptions extends WebexApiOptions {
  /** A supervisor's or administrator's token (`cjp:config_read`), e.g. `auth.tokenSource(serviceSessionId)`. */
  readonly token: TokenSource;
  /** The org, when the token's org is not the one to report on. */
  readonly orgId?: string;
  /** How long figures are reused (ms, default 30 000). */
  readonly ttlMs?: number;
  /** Upstream refreshes allowed per minute, all queries together (default 30). */
  readonly maxCallsPerMinute?: number;
  /** The start of "today" for a given time (default: midnight UTC). */
  readonly dayStart?: (now: number) => number;
  /** How far back to look for contacts still waiting (ms, default 4 h). */
  readonly waitingLookbackMs?: number;
  /**
   * Agents available (and talking) per queue, when your server knows them (Webex's reporting REST APIs do not
   * say; its `/search` API or your own state does). Without it (or for a queue it does not name) the figures carry
   * no `agentsAvailable`, and the statistics widget shows it as not reported, never as 0.
   */
  readonly liveAgents?: (queueIds: readonly string[]) => Promise<Readonly<Record<string, { readonly available: number; readonly talking?: number }>>>;
  /** The queues the stats route reports by default (default: every queue the org reports). */
  readonly queueIds?: readonly string[];
  /** Names of queues (by id) for figures whose rows name none yet (a queue with no activity today). */
  readonly queueNames?: Readonly<Record<string, string>>;
  readonly now?: () => number;
}

export interface WebexReporting {
  queueStats(queueIds?: readonly string[]): Promise<Reported<QueueStats[]>>;
  agentStats(agentIds: readonly string[]): Promise<Reported<ReportedAgentStats[]>>;
  recentTasks(agentId: string, options?: { readonly sinceMs?: number; readonly limit?: number }): Promise<Reported<ReportedTask[]>>;
  recordings(taskIds: readonly string[], options?: { readonly urlExpirationMinutes?: number }): Promise<TaskRecording[]>;
  /** `GET` route the browser polls; answers the kit's `StatsReport`: `{queues, agent, unknownQueues, at, stale?: {reason, ageSeconds}}`. */
  statsRoute(options?: StatsRouteOptions): NodeHandler;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const rows = (body: unknown): Record<string, unknown>[] => {
  const data = body && typeof body === 'object' ? (body as Record<string, unknown>).data : undefined;
  return Array.isArray(data) ? data.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
};

export function createWebexReporting(options: WebexReportingOptions): WebexReporting {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? 30_000;
  const perMinute = options.maxCallsPerMinute ?? 30;
  const dayStart = options.dayStart ?? ((t: number) => t - (t % DAY));
  const lookback = options.waitingLookbackMs ?? 4 * 60 * 60_000;
  const org = options.orgId ? { orgId: options.orgId } : {};

  const { cached, blockUntil } = createStatsCache({ now, ttlMs: ttl, maxCallsPerMinute: perMinute });

  /** One upstream GET/POST; anything but 2xx becomes an `HttpError` with a reason the stale marker carries. */
  const ask = async (method: string, path: string, params: Record<string, string | number> = {}, body?: unknown): Promise<unknown> => {
    const query = new URLSearchParams(Object.entries({ ...params, ...(method === 'GET' ? org : {}) }).map(([k, v]) => [k, String(v)]));
    const answer: WebexAnswer = await callWebex(options, options.token, method, `${path}${query.size ? `?${query}` : ''}`, body);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    if (answer.status === 429) {
      blockUntil(now() + (answer.retryAfter ?? 60) * 1000);
      throw new HttpError(503, 'rate-limited', 'Webex is rate-limiting the reporting APIs.');
    }
    if (answer.status === 401 || answer.status === 403) throw new HttpError(503, 'unauthorized', 'Webex refused the reporting token.');
    throw new HttpError(503, 'upstream', `Webex's reporting API answered ${answer.status}.`);
  };

  /** A statistics API over [from, to), split into the windows it accepts, every row of every window. */
  const statistics = async (path: string, idsParam: string, ids: readonly string[], from: number, to: number): Promise<Record<string, unknown>[]> => {
    const all: Record<string, unknown>[] = [];
    const idGroups = ids.length ? groups(ids, 100) : [[]];
    for (const window of statisticsWindows(from, to)) {
      for (const group of idGroups) {
        const params: Record<string, string | number> = { from: window.from, to: window.to, interval: 60 };
        if (group.length) params[idsParam] = group.join(',');
        all.push(...rows(await ask('GET', path, params)));
      }
    }
    return all;
  };

  const tasks = async (from: number, to: number): Promise<Record<string, unknown>[]> =>
    rows(await ask('GET', '/v1/tasks', { from, to, pageSize: 1000 }));

  const queueStats = (queueIds: readonly string[] = options.queueIds ?? []): Promise<Reported<QueueStats[]>> =>
    cached(`queues:${[...queueIds].sort().join(',')}`, async () => {
      const t = now();
      const byQueue = new Map<string, { name: string; waiting: number; longest: number; answered: number; abandoned: number }>();
      const entry = (id: string, name?: string) => {
        let e = byQueue.get(id);
        if (!e) byQueue.set(id, (e = { name: name ?? options.queueNames?.[id] ?? id, waiting: 0, longest: 0, answered: 0, abandoned: 0 }));
        if (name && e.name === id) e.name = name;
        return e;
      };
      for (const id of queueIds) entry(id);
      const q = GUESS.queueStatistics;
      for (const row of await statistics('/v1/queues/statistics', 'queueIds', queueIds, dayStart(t), t)) {
        const id = str(row[q.queueId]);
        if (!id) continue;
        const e = entry(id, str(row[q.queueName]));
        e.answered += num(row[q.accepted]);
        e.abandoned += num(row[q.abandoned]);
      }
      const f = GUESS.task;
      const waitingStatuses: readonly unknown[] = GUESS.waitingStatuses;
      for (const task of await tasks(t - lookback, t)) {
        const a = (task.attributes ?? {}) as Record<string, unknown>;
        const queue = (a[f.queue] ?? {}) as Record<string, unknown>;
        const id = str(queue.id);
        if (!waitingStatuses.includes(a[f.status]) || !id || (queueIds.length && !queueIds.includes(id))) continue;
        const e = entry(id, str(queue.name));
        e.waiting += 1;
        e.longest = Math.max(e.longest, Math.floor((t - num(a[f.createdAt])) / 1000));
      }
      const live = options.liveAgents ? await options.liveAgents([...byQueue.keys()]) : {};
      return [...byQueue].map(([queueId, e]) => ({
        queueId,
        queueName: e.name,
        waiting: e.waiting,
        longestWaitSeconds: e.longest,
        // Webex's reporting REST APIs give no live count of agents per queue: the host's `liveAgents`, else none
        // (not reported, which the widgets say; never a 0 that nobody counted).
        ...(live[queueId] ? { agentsAvailable: live[queueId]!.available } : {}),
        ...(live[queueId]?.talking !== undefined ? { agentsTalking: live[queueId]!.talking } : {}),
        answered: e.answered,
        abandoned: e.abandoned,
        at: t,
      }));
    });

  const agentStats = (agentIds: readonly string[]): Promise<Reported<ReportedAgentStats[]>> =>
    cached(`agents:${[...agentIds].sort().join(',')}`, async () => {
      const t = now();
      const byAgent = new Map<string, { name?: string; handled: number; missed: number; handleMs: number; available: number; unavailable: number; wrapUp: number }>();
      for (const row of await statistics('/v1/agents/statistics', 'agentIds', agentIds, dayStart(t), t)) {
        const g = GUESS.agentStatistics;
        const id = str(row[g.agentId]);
        if (!id) continue;
        let e = byAgent.get(id);
        if (!e) byAgent.set(id, (e = { handled: 0, missed: 0, handleMs: 0, available: 0, unavailable: 0, wrapUp: 0 }));
        e.name ??= str(row[g.agentName]);
        e.available += num(row[g.availableMs]);
        e.unavailable += num(row[g.unavailableMs]);
        const channels = row[g.channels];
        for (const channel of Array.isArray(channels) ? (channels as Record<string, unknown>[]) : []) {
          e.handled += num(channel[g.accepted]);
          e.missed += num(channel[g.rejected]);
          e.handleMs += num(channel[g.engagedMs]) + num(channel[g.holdMs]) + num(channel[g.wrapUpMs]);
          e.wrapUp += num(channel[g.wrapUpMs]);
        }
      }
      return agentIds.map((agentId) => {
        const e = byAgent.get(agentId) ?? { handled: 0, missed: 0, handleMs: 0, available: 0, unavailable: 0, wrapUp: 0 };
        return {
          agentId,
          ...(e.name ? { agentName: e.name } : {}),
          handled: e.handled,
          averageHandleSeconds: e.handled ? Math.round(e.handleMs / e.handled / 1000) : null,
          missed: e.missed,
          stateSeconds: { Available: Math.round(e.available / 1000), Idle: Math.round(e.unavailable / 1000), AfterCall: Math.round(e.wrapUp / 1000) },
          at: t,
        };
      });
    });

  const recentTasks = (agentId: string, opts: { readonly sinceMs?: number; readonly limit?: number } = {}): Promise<Reported<ReportedTask[]>> => {
    const since = Math.min(opts.sinceMs ?? DAY, 7 * DAY);
    const limit = Math.max(1, Math.min(opts.limit ?? 20, 1000));
    return cached(`tasks:${agentId}:${since}:${limit}`, async () => {
      const t = now();
      return (await tasks(t - since, t))
        .filter((task) => {
          const owner = ((task.attributes ?? {}) as Record<string, unknown>)[GUESS.task.owner] as Record<string, unknown> | undefined;
          return str(owner?.id) === agentId;
        })
        .map((task): ReportedTask => {
          const f = GUESS.task;
          const a = (task.attributes ?? {}) as Record<string, unknown>;
          const queue = (a[f.queue] ?? {}) as Record<string, unknown>;
          const time = (value: unknown) => (typeof value === 'number' ? value : undefined);
          return {
            id: String(task.id ?? ''),
            status: str(a[f.status]) ?? 'unknown',
            channelType: str(a[f.channelType]),
            direction: str(a[f.direction]),
            queueId: str(queue.id),
            queueName: str(queue.name),
            origin: str(a[f.origin]),
            createdAt: time(a[f.createdAt]),
            updatedAt: time(a[f.updatedAt]),
            captureRequested: typeof a[f.captureRequested] === 'boolean' ? (a[f.captureRequested] as boolean) : undefined,
          };
        })
        .sort((x, y) => (y.createdAt ?? 0) - (x.createdAt ?? 0))
        .slice(0, limit);
    });
  };

  const recordings = async (taskIds: readonly string[], opts: { readonly urlExpirationMinutes?: number } = {}): Promise<TaskRecording[]> => {
    const urlExpiration = Math.max(1, Math.min(opts.urlExpirationMinutes ?? 10, 60));
    const out: TaskRecording[] = [];
    for (const group of groups(taskIds, 10)) {
      const body = await ask('POST', '/v1/captures/query', {}, { query: { ...org, taskIds: group, urlExpiration } });
      for (const row of rows(body)) {
        const recording = (row.recording ?? {}) as Record<string, unknown>;
        const files: TaskRecording['files'][number][] = [];
        for (const artifact of Array.isArray(recording.artifacts) ? (recording.artifacts as Record<string, unknown>[]) : []) {
          for (const file of Array.isArray(artifact.attributes) ? (artifact.attributes as Record<string, unknown>[]) : []) {
            const url = str(file.filePath);
            if (!url || !/^https:\/\//.test(url)) continue;
            files.push({ name: str(file.fileName), url, startedAt: num(file.startTime) || undefined, endedAt: num(file.stopTime) || undefined });
          }
        }
        out.push({ taskId: str(row.taskId) ?? '', status: str(recording.status) ?? 'Not Found', files });
      }
    }
    return out;
  };

  const statsRoute = (route: StatsRouteOptions = {}): NodeHandler =>
    statsRouteHandler('/cc/webex/stats', route, {
      queueStats: (asked) => queueStats(asked),
      agentStats: async (agentId) => {
        const agent = await agentStats([agentId]);
        return { ...agent, value: agent.value[0] ?? null };
      },
      // A queue Webex reported on (a name of its own, or any figure), not only one the browser named.
      known: (q) => q.queueName !== q.queueId || !!q.answered || !!q.abandoned || !!q.waiting,
    });

  return { queueStats, agentStats, recentTasks, recordings, statsRoute };
}
