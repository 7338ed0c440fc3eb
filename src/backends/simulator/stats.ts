import type { AgentStats, AgentStateName, AgentStateSnapshot, QueueStats, TaskSnapshot } from '../../core/types.js';
import { simulatorQueues } from './data.js';
import type { OfferSpec } from './scenarios.js';

/** How often the simulated contact center reports its figures (simulator clock). */
export const STATS_INTERVAL_MS = 10_000;

/** Waiting contacts of the other agents' traffic, changing every two minutes: the trend has something to show. */
const WAVE = [0, 1, 2, 3, 2, 1, 1, 0, 1, 2, 4, 3, 2, 1, 0, 0];

interface Counts {
  answered: number;
  abandoned: number;
}

/**
 * The simulated contact center's statistics: its queues (the agent's own offers waiting, plus, unless turned
 * off, a steady traffic of other agents that changes over time) and the agent's day (handled contacts, handle
 * time, missed offers, time in each state). Everything on the simulator's clock.
 */
export class SimulatorStats {
  readonly #now: () => number;
  readonly #background: boolean;
  readonly #startedAt: number;
  #queuedAt = new WeakMap<OfferSpec, number>();
  #counts = new Map<string, Counts>();
  #handled = 0;
  #handleMs = 0;
  #missed = 0;
  #stateMs: Partial<Record<AgentStateName, number>> = {};

  constructor(now: () => number, background: boolean) {
    this.#now = now;
    this.#background = background;
    this.#startedAt = now();
  }

  #count(queueId: string): Counts {
    let counts = this.#counts.get(queueId);
    if (!counts) this.#counts.set(queueId, (counts = { answered: 0, abandoned: 0 }));
    return counts;
  }

  queued(spec: OfferSpec): void {
    this.#queuedAt.set(spec, this.#now());
  }

  /** A contact of this queue was answered by the agent. */
  answered(task: TaskSnapshot): void {
    this.#count(task.queue?.id ?? '').answered += 1;
  }

  /** A contact gave up while it rang (the customer hung up) or was missed (RONA). */
  rejected(task: TaskSnapshot, reason: 'declined' | 'rona' | 'cancelled'): void {
    if (reason === 'cancelled') this.#count(task.queue?.id ?? '').abandoned += 1;
    if (reason === 'rona') this.#missed += 1;
  }

  /** A contact was wrapped up: one more handled, with its time from connection to wrap-up. */
  wrappedUp(task: TaskSnapshot): void {
    if (task.connectedAt === null) return;
    this.#handled += 1;
    this.#handleMs += Math.max(0, this.#now() - task.connectedAt);
  }

  /** The agent leaves `previous` (its time counts) for another state. */
  stateChanged(previous: AgentStateSnapshot | null): void {
    if (!previous) return;
    const since = previous.since ?? this.#now();
    this.#stateMs[previous.state] = (this.#stateMs[previous.state] ?? 0) + Math.max(0, this.#now() - since);
  }

  queueStats(queued: readonly OfferSpec[], tasks: readonly TaskSnapshot[], agent: AgentStateSnapshot | null): QueueStats[] {
    const now = this.#now();
    const step = Math.floor(now / 120_000);
    const elapsed = now - this.#startedAt;
    return simulatorQueues.map((queue, i) => {
      const mine = queued.filter((spec) => (spec.queueId ?? simulatorQueues[0].to) === queue.to);
      const oldest = Math.min(now, ...mine.map((spec) => this.#queuedAt.get(spec) ?? now));
      const background = this.#background ? WAVE[(step + i * 5) % WAVE.length] : 0;
      const backgroundWait = background > 0 ? 10 + background * 15 + ((now / 1000) % 20) : 0;
      const talking = tasks.filter((t) => t.state === 'connected' && t.queue?.id === queue.to).length;
      const counts = this.#count(queue.to);
      return {
        queueId: queue.to,
        queueName: queue.name,
        waiting: mine.length + background,
        longestWaitSeconds: Math.round(Math.max(mine.length ? (now - oldest) / 1000 : 0, backgroundWait)),
        agentsAvailable: (agent?.state === 'Available' && talking === 0 ? 1 : 0) + (this.#background ? 1 + ((i + Math.floor(now / 300_000)) % 3) : 0),
        agentsTalking: talking + (this.#background ? 2 + ((i * 2 + Math.floor(now / 180_000)) % 4) : 0),
        answered: counts.answered + (this.#background ? Math.floor(elapsed / (60_000 * (2 + i))) : 0),
        abandoned: counts.abandoned + (this.#background ? Math.floor(elapsed / (600_000 * (1 + i))) : 0),
        at: now,
      };
    });
  }

  agentStats(agent: AgentStateSnapshot | null): AgentStats {
    const now = this.#now();
    const stateSeconds: Partial<Record<AgentStateName, number>> = {};
    for (const [state, ms] of Object.entries(this.#stateMs) as [AgentStateName, number][]) stateSeconds[state] = Math.round(ms / 1000);
    if (agent) {
      const current = (this.#stateMs[agent.state] ?? 0) + Math.max(0, now - (agent.since ?? now));
      stateSeconds[agent.state] = Math.round(current / 1000);
    }
    return {
      handled: this.#handled,
      averageHandleSeconds: this.#handled ? Math.round(this.#handleMs / this.#handled / 1000) : null,
      missed: this.#missed,
      stateSeconds,
      at: now,
    };
  }
}
