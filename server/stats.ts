// What the statistics routes share (Webex's and TCCC's): figures cached for a while, upstream refreshes within a
// per-minute budget, older figures served marked stale (why, how old) when fresh ones fail, and the `GET` route that
// answers the kit's `StatsReport` for `<cc-queue-stats>`/`<cc-agent-stats>` with `stats-endpoint`.
import type { IncomingMessage } from 'node:http';
import type { QueueStats, StatsReport, StatsStaleness } from '../src/core/types.js';
import { HttpError, requestUrl, sendError, sendJson, type NodeHandler } from './http.js';

/** Why figures are old, and how old (seconds): the kit's `StatsStaleness`. */
export type Staleness = StatsStaleness;

export interface Reported<T> {
  readonly value: T;
  /** Epoch ms (server clock) of the upstream answer these figures come from. */
  readonly at: number;
  /** Present when fresh figures could not be had (rate limit, timeout, upstream error) and older ones are served. */
  readonly stale?: Staleness;
}

/**
 * Given to a load that makes more than one upstream call (pages): call it before each call after the first; it
 * counts the call in the per-minute budget, and throws a `rate-limited` HttpError when the budget is spent (the
 * load then fails and older figures are served, marked stale).
 */
export type SpendBudget = () => void;

export interface StatsCache {
  /**
   * Cached figures; fresh ones within the rate limit; older ones marked stale when fresh ones fail (else 503).
   * `ttlMs` overrides the cache's own for this key (slow-moving figures may be kept longer).
   */
  cached<T>(key: string, load: (spend: SpendBudget) => Promise<T>, options?: { readonly ttlMs?: number }): Promise<Reported<T>>;
  /** The upstream asked to wait (a 429): no refresh before `until` (epoch ms). */
  blockUntil(until: number): void;
}

export function createStatsCache(options: { readonly now: () => number; readonly ttlMs: number; readonly maxCallsPerMinute: number }): StatsCache {
  const { now, ttlMs: ttl, maxCallsPerMinute: perMinute } = options;
  const cache = new Map<string, { value: unknown; at: number }>();
  const inflight = new Map<string, Promise<Reported<unknown>>>();
  const calls: number[] = [];
  let blockedUntil = 0;

  const spend: SpendBudget = () => {
    const t = now();
    while (calls.length && calls[0]! <= t - 60_000) calls.shift();
    if (t < blockedUntil || calls.length >= perMinute) throw new HttpError(503, 'rate-limited', 'Too many reporting requests; try again shortly.');
    calls.push(t);
  };

  const cached = <T>(key: string, load: (spend: SpendBudget) => Promise<T>, options: { readonly ttlMs?: number } = {}): Promise<Reported<T>> => {
    const hit = cache.get(key) as { value: T; at: number } | undefined;
    const t = now();
    if (hit && t - hit.at < (options.ttlMs ?? ttl)) return Promise.resolve({ value: hit.value, at: hit.at });
    const staleOr = (reason: string, message: string): Reported<T> => {
      if (hit) return { value: hit.value, at: hit.at, stale: { reason, ageSeconds: Math.floor((now() - hit.at) / 1000) } };
      throw new HttpError(503, reason, message);
    };
    const running = inflight.get(key);
    if (running) return running as Promise<Reported<T>>;
    while (calls.length && calls[0]! <= t - 60_000) calls.shift();
    if (t < blockedUntil || calls.length >= perMinute) {
      return Promise.resolve().then(() => staleOr('rate-limited', 'Too many reporting requests; try again shortly.'));
    }
    calls.push(t);
    const run = (async (): Promise<Reported<T>> => {
      try {
        const value = await load(spend);
        const at = now();
        cache.set(key, { value, at });
        return { value, at };
      } catch (err) {
        if (err instanceof HttpError) return staleOr(err.reason, err.message);
        return staleOr('upstream', 'The reporting APIs could not be read.');
      } finally {
        inflight.delete(key);
      }
    })();
    inflight.set(key, run);
    return run;
  };
  return {
    cached,
    blockUntil: (until) => {
      blockedUntil = Math.max(blockedUntil, until);
    },
  };
}

export interface StatsRouteOptions {
  /** The route's path (default `/cc/webex/stats` for Webex, `/cc/tccc/stats` for TCCC). */
  readonly path?: string;
  /** Who may read the figures (default: anyone who reaches the route — put it behind your own sign-in). */
  readonly authorize?: (req: IncomingMessage) => boolean | Promise<boolean>;
  /**
   * The signed-in agent's id (Webex: the agent id; TCCC: the staff account, `SeatUserId`), for their own figures
   * (default: none; the browser names no agent: a query parameter is not trusted).
   */
  readonly agentId?: (req: IncomingMessage) => string | undefined | Promise<string | undefined>;
}

/** The sources of one statistics route: queue figures, one agent's figures, and which queues the answer knows. */
export interface StatsSources<A> {
  readonly queueStats: (asked: readonly string[] | undefined) => Promise<Reported<QueueStats[]>>;
  readonly agentStats: (agentId: string) => Promise<Reported<A | null>>;
  /** Whether a queue of the answer is one the backend knows (an asked id it knows nothing of is `unknownQueues`). */
  readonly known: (queue: QueueStats) => boolean;
}

/** The `GET` route the browser polls: `{queues, agent, unknownQueues, at, stale?: {reason, ageSeconds}}`. */
export function statsRouteHandler<A extends StatsReport['agent']>(defaultPath: string, route: StatsRouteOptions, sources: StatsSources<A>): NodeHandler {
  const path = route.path ?? defaultPath;
  return (req, res, next) => {
    const url = requestUrl(req);
    if (url.pathname !== path) {
      if (next) next();
      else sendJson(res, 404, { error: 'not-found', reason: 'not-found', message: 'No such route.' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method-not-allowed', reason: 'method-not-allowed', message: 'Use GET.' }, { allow: 'GET' });
      return;
    }
    void (async () => {
      if (route.authorize && !(await route.authorize(req))) {
        throw new HttpError(401, 'no-session', 'Not signed in.');
      }
      const asked = (url.searchParams.get('queues') ?? '').split(',').map((q) => q.trim()).filter((q) => /^[\w-]{1,80}$/.test(q));
      const agentId = route.agentId ? await route.agentId(req) : undefined;
      const queues = await sources.queueStats(asked.length ? asked : undefined);
      const agent = agentId ? await sources.agentStats(agentId) : undefined;
      const known = new Set(queues.value.filter(sources.known).map((q) => q.queueId));
      const stale = [queues.stale, agent?.stale].filter((s): s is Staleness => !!s).sort((a, b) => b.ageSeconds - a.ageSeconds)[0];
      const report: StatsReport = {
        queues: queues.value,
        agent: agent?.value ?? null,
        unknownQueues: asked.filter((q) => !known.has(q)),
        at: Math.min(queues.at, agent?.at ?? Infinity),
        // Why and how old: the statistics widgets mark the figures stale with this age.
        ...(stale ? { stale } : {}),
      };
      sendJson(res, 200, report);
    })().catch((err: unknown) => sendError(res, err));
  };
}
