import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Desk } from '../context/desk.js';
import type { DeskController } from '../context/desk-controller.js';
import { realClock, type Clock } from '../core/clock.js';
import { normalizeEvent } from '../core/normalize.js';
import type { AgentStats, QueueStats, StatsReport } from '../core/types.js';

/** One point of a queue's trend: how many contacts waited at `at` (backend clock, epoch ms). */
export interface WaitingSample {
  readonly at: number;
  readonly waiting: number;
}

/** How far back the trend goes. */
export const TREND_MS = 60 * 60 * 1000;
/** Samples closer together than this are merged (the newest wins), so an hour holds about 120 of them. */
const SAMPLE_GAP_MS = 30_000;
const MAX_SAMPLES = 130;

/**
 * A bounded ring of waiting counts per queue over the last hour. Reports closer than 30 s to the previous kept
 * sample replace the newest one, so a backend that reports every second costs no more than one every 30 s.
 */
export class StatsHistory {
  #rings = new Map<string, WaitingSample[]>();

  record(queues: readonly QueueStats[]): void {
    for (const queue of queues) {
      const ring = this.#rings.get(queue.queueId) ?? [];
      const last = ring.at(-1);
      if (last && queue.at < last.at) continue;
      const sample = { at: queue.at, waiting: queue.waiting };
      const before = ring.at(-2);
      if (last && before && queue.at - before.at < SAMPLE_GAP_MS) ring[ring.length - 1] = sample;
      else ring.push(sample);
      while (ring.length > MAX_SAMPLES || (ring.length > 1 && ring[0].at < queue.at - TREND_MS)) ring.shift();
      this.#rings.set(queue.queueId, ring);
    }
  }

  /** The queue's samples of the hour before `now`, oldest first. */
  samples(queueId: string, now: number): readonly WaitingSample[] {
    return (this.#rings.get(queueId) ?? []).filter((s) => s.at >= now - TREND_MS && s.at <= now);
  }

  clear(): void {
    this.#rings.clear();
  }
}

const histories = new WeakMap<Desk, StatsHistory>();

/**
 * The trend history of a desk's queues, shared by every widget of that desk: fed by the store's queue
 * figures from the moment the first statistics widget connects, and emptied when the agent signs out.
 */
export function historyOf(desk: Desk): StatsHistory {
  let history = histories.get(desk);
  if (history) return history;
  const made = new StatsHistory();
  made.record(desk.state.queueStats);
  desk.subscribe((_state, _previous, action) => {
    if (action.type === 'queue-stats') made.record(action.queues);
    else if (action.type === 'signed-out' || action.type === 'reset') made.clear();
  });
  histories.set(desk, made);
  history = made;
  return history;
}

/** What a statistics widget renders, wherever the figures come from (the store, or a polled endpoint). */
export interface StatsView {
  readonly queues: readonly QueueStats[];
  readonly agent: AgentStats | null;
  /** The first figures are being fetched (polled sources only). */
  readonly loading: boolean;
  /** The last poll failed: its message (older figures stay, marked stale). */
  readonly error: string | null;
  /** The source itself says the figures are stale (the endpoint answered `stale: true`). */
  readonly staleSaid: boolean;
  /** When the figures last arrived, on `now()`'s clock; null before the first. */
  readonly receivedAt: number | null;
  now(): number;
  history: StatsHistory;
}

/** Query parameter names that would put a secret in the endpoint's URL (and so in logs and proxies). */
const SECRET_PARAM = /token|secret|password|passwd|key|auth|session|code/i;

/** Why `url` is no statistics endpoint the kit will call, or null when it is fine. */
export function endpointProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, globalThis.location?.href);
  } catch {
    return 'not a URL';
  }
  if (parsed.username || parsed.password) return 'it carries credentials';
  for (const name of parsed.searchParams.keys()) if (SECRET_PARAM.test(name)) return `its query names a secret (${name})`;
  return null;
}

export interface PollOptions {
  /** Seconds between polls when they succeed. */
  intervalSeconds: number;
  /** The longest wait between failed polls, in seconds. */
  maxBackoffSeconds?: number;
  clock?: Clock;
}

/**
 * Polls a statistics endpoint of the host's server (the server companion's `stats` route): a GET with the
 * page's cookies, no secret in the URL. Answers the kit's `StatsReport` (`{queues, agent, stale?: true |
 * {reason, ageSeconds}}`), as the server companion's stats route sends it.
 * A failure keeps the last figures (stale), and the next poll waits twice as long, up to `maxBackoffSeconds`.
 */
export class StatsPoll implements StatsView {
  queues: readonly QueueStats[] = [];
  agent: AgentStats | null = null;
  loading = true;
  error: string | null = null;
  staleSaid = false;
  receivedAt: number | null = null;
  readonly history = new StatsHistory();
  /** How many polls in a row failed. */
  failures = 0;
  readonly #url: string;
  readonly #options: Required<PollOptions>;
  #timer: unknown = null;
  #running = false;
  #listeners = new Set<() => void>();
  #abort: AbortController | null = null;

  readonly #onIdle: () => void;

  constructor(url: string, options: PollOptions, onIdle: () => void = () => undefined) {
    this.#url = url;
    this.#options = { maxBackoffSeconds: 300, clock: realClock, ...options };
    this.#onIdle = onIdle;
  }

  now(): number {
    return this.#options.clock.now();
  }

  /** Hears every change; the first listener starts the polling, the last one gone stops it. */
  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    if (!this.#running) {
      this.#running = true;
      void this.#poll();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stop();
        this.#onIdle();
      }
    };
  }

  #stop(): void {
    this.#running = false;
    if (this.#timer !== null) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort?.abort();
    this.#abort = null;
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  async #poll(): Promise<void> {
    this.#timer = null;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const response = await fetch(this.#url, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'application/json' },
        signal: abort.signal,
      });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const body = (await response.json()) as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the server answered no statistics');
      // The kit's `StatsReport` (the server companion's stats route sends exactly that), read as untrusted data.
      const { queues, agent, stale } = body as { readonly [K in keyof StatsReport]?: unknown };
      if (queues !== undefined) {
        const event = normalizeEvent({ type: 'queue-stats', queues } as never);
        if ('dropped' in event || event.type !== 'queue-stats') throw new Error('the queue statistics are not a list');
        this.queues = event.queues;
        this.history.record(event.queues);
      }
      if (agent !== undefined && agent !== null) {
        const event = normalizeEvent({ type: 'agent-stats', stats: agent } as never);
        if ('dropped' in event || event.type !== 'agent-stats') throw new Error('the agent statistics are not an object');
        this.agent = event.stats;
      }
      // `stale: true`, or the server companion's `{reason, ageSeconds}`: the figures are as old as it says.
      const staleAge = typeof stale === 'object' && stale !== null ? (stale as { ageSeconds?: unknown }).ageSeconds : undefined;
      this.staleSaid = stale === true || (typeof stale === 'object' && stale !== null);
      this.receivedAt = this.now() - (typeof staleAge === 'number' && Number.isFinite(staleAge) && staleAge > 0 ? staleAge * 1000 : 0);
      this.error = null;
      this.failures = 0;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failures += 1;
      this.error = error instanceof Error && error.message ? error.message : String(error);
    }
    if (abort.signal.aborted || !this.#running) return;
    this.loading = false;
    this.#changed();
    const { intervalSeconds, maxBackoffSeconds } = this.#options;
    const delay = this.failures === 0 ? intervalSeconds : Math.min(maxBackoffSeconds, intervalSeconds * 2 ** this.failures);
    this.#timer = this.#options.clock.setTimeout(() => void this.#poll(), delay * 1000);
  }
}

/** The polls under way, by endpoint and interval. */
const polls = new Map<string, StatsPoll>();

/**
 * The figures of a statistics widget: its desk's store (the simulator, XuC), or, when the widget has a
 * `stats-endpoint`, that endpoint polled (Webex, TCCC). Repaints the widget when they change.
 */
export class StatsSource implements ReactiveController {
  #host: ReactiveControllerHost;
  #desk: DeskController;
  #endpoint: () => { url: string; intervalSeconds: number };
  #poll: StatsPoll | null = null;
  #pollKey = '';
  #unlisten: (() => void) | null = null;
  /** Why the endpoint is refused (a secret in its URL); null when fine or when there is none. */
  refused: string | null = null;

  constructor(host: ReactiveControllerHost, desk: DeskController, endpoint: () => { url: string; intervalSeconds: number }) {
    this.#host = host;
    this.#desk = desk;
    this.#endpoint = endpoint;
    host.addController(this);
  }

  /** Whether the figures come from a polled endpoint. */
  get polled(): boolean {
    return !!this.#endpoint().url;
  }

  /**
   * How old the figures of `view` are at `now`, when they are to be marked stale: the source says so, the last
   * poll failed, the desk's connection is down (store figures), or they are older than `staleAfterSeconds`. Null
   * when they are fresh, or before the first.
   */
  staleAge(view: StatsView, now: number, staleAfterSeconds: number): number | null {
    if (view.receivedAt === null) return null;
    const age = Math.max(0, now - view.receivedAt);
    const down = !this.polled && this.#desk.state.connection !== 'connected';
    return view.staleSaid || view.error !== null || down || age > staleAfterSeconds * 1000 ? age : null;
  }

  /** The figures to render now. */
  view(): StatsView {
    this.#sync();
    if (this.#poll) return this.#poll;
    const desk = this.#desk.desk;
    const state = this.#desk.state;
    const queues = state.queueStats;
    const agent = state.agentStats;
    const latest = Math.max(0, ...queues.map((q) => q.at), agent?.at ?? 0);
    return {
      queues,
      agent,
      loading: false,
      error: null,
      staleSaid: false,
      receivedAt: latest > 0 ? latest : null,
      now: () => desk?.now() ?? Date.now(),
      history: desk ? historyOf(desk) : new StatsHistory(),
    };
  }

  hostConnected(): void {
    this.#pollKey = '';
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    this.#poll = null;
    this.#pollKey = '';
  }

  /** Starts, restarts or stops polling as the endpoint attributes say. */
  #sync(): void {
    // A widget taken off the page (a render may still run after that) polls nothing.
    if (!(this.#host as unknown as Element).isConnected) return;
    const { url, intervalSeconds } = this.#endpoint();
    const key = url ? `${url} ${intervalSeconds}` : '';
    if (key === this.#pollKey) return;
    this.hostDisconnected();
    this.#pollKey = key;
    this.refused = url ? endpointProblem(url) : null;
    if (!url || this.refused) return;
    // Widgets that name the same endpoint and interval share one poll (one request per interval, not one each).
    let poll = polls.get(key);
    if (!poll) {
      const made: StatsPoll = new StatsPoll(url, { intervalSeconds }, () => {
        if (polls.get(key) === made) polls.delete(key);
      });
      polls.set(key, (poll = made));
    }
    this.#poll = poll;
    this.#unlisten = this.#poll.listen(() => this.#host.requestUpdate());
  }
}
