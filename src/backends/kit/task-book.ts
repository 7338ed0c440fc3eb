import type { BackendEvent } from '../../core/backend.js';
import type { AgentStateSnapshot, Station, TaskSnapshot, TaskState } from '../../core/types.js';

/**
 * Where a task stands and when each step happened, as the backend saw it: what every backend must remember
 * itself, because no contact center hands all of it back in one payload.
 */
export interface TaskLife {
  phase: TaskState;
  offeredAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  /** When the agent put the customer on hold (null when not held). */
  heldAt: number | null;
}

/**
 * A new life: an offer rings from `now`; a task found already under way (hydrated after a reload, a re-sync)
 * started at `since` (when the contact center says) and was joined at `joinedAt`.
 */
export function startLife(phase: TaskState, now: number, known: { since?: number | null; joinedAt?: number | null } = {}): TaskLife {
  const offeredAt = known.since ?? now;
  return {
    phase,
    offeredAt,
    connectedAt: phase === 'offered' ? null : (known.joinedAt ?? offeredAt),
    endedAt: phase === 'wrapup' ? now : null,
    heldAt: null,
  };
}

/** The agent is on the task. Returns true when it was ringing (announce `task-assigned`, else `task-updated`). */
export function connect(life: TaskLife, now: number): boolean {
  const wasOffered = life.phase === 'offered';
  life.phase = 'connected';
  life.connectedAt ??= now;
  return wasOffered;
}

/** On hold or not: the time it was put on hold is kept while it stays held. */
export function hold(life: TaskLife, held: boolean, now: number): void {
  life.heldAt = held ? (life.heldAt ?? now) : null;
}

/** The task ended and a wrap-up is owed: nothing is held any more. */
export function endForWrapup(life: TaskLife, now: number): void {
  life.phase = 'wrapup';
  life.endedAt = now;
  life.heldAt = null;
}

/**
 * What a backend reads from its own payloads for a snapshot; the task book adds the lifecycle.
 * `ronaAfterMs`: how long an offer rings before it is withdrawn; `heldSince`: when the contact center says the
 * hold began (else the time the backend saw it).
 */
export type TaskFacts = Omit<TaskSnapshot, 'state' | 'offeredAt' | 'ronaAt' | 'connectedAt' | 'endedAt' | 'heldAt'> & {
  readonly ronaAfterMs?: number | null;
  readonly heldSince?: number | null;
};

/** The facts of a call nothing has happened to yet (not held, muted, recorded, consulted or owing a wrap-up): spread first, then what a backend knows. */
export const QUIET_CALL = Object.freeze({
  held: false,
  muted: false,
  recording: false,
  recordingPaused: false,
  consult: null,
  wrapupRequired: false,
  autoWrapupAt: null,
} as const satisfies Partial<TaskFacts>);

/**
 * A whole TaskSnapshot, with the rules every backend follows: only a ringing offer has a RONA deadline; only a
 * connected task is held, muted or in a consult; a task in wrap-up owes one, and only then runs auto wrap-up.
 */
export function taskSnapshot(life: TaskLife, facts: TaskFacts): TaskSnapshot {
  const { ronaAfterMs, heldSince, ...rest } = facts;
  const live = life.phase === 'connected';
  const held = live && facts.held;
  return {
    ...rest,
    state: life.phase,
    offeredAt: life.offeredAt,
    ronaAt: life.phase === 'offered' && ronaAfterMs != null && Number.isFinite(ronaAfterMs) && ronaAfterMs > 0 ? life.offeredAt + ronaAfterMs : null,
    connectedAt: life.connectedAt,
    endedAt: life.endedAt,
    held,
    heldAt: held ? (heldSince != null && heldSince > 0 ? heldSince : life.heldAt) : null,
    muted: live && facts.muted,
    consult: live ? facts.consult : null,
    wrapupRequired: life.phase === 'wrapup' || facts.wrapupRequired,
    autoWrapupAt: life.phase === 'wrapup' ? facts.autoWrapupAt : null,
  };
}

/**
 * The tasks a backend tracks, by id, each an entry of the backend's own shape. `open()` are those the desk shows
 * (an entry may stay tracked after the desk let it go, as long as its contact center holds it: `hidden`).
 */
export class TaskBook<E> {
  readonly #entries = new Map<string, E>();
  readonly #lifeOf: (entry: E) => TaskLife;
  readonly #hidden: (entry: E) => boolean;

  constructor(lifeOf: (entry: E) => TaskLife, hidden: (entry: E) => boolean = () => false) {
    this.#lifeOf = lifeOf;
    this.#hidden = hidden;
  }

  get(id: string): E | undefined {
    return this.#entries.get(id);
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  set(id: string, entry: E): void {
    this.#entries.set(id, entry);
  }

  /** Forgets `id`, or (with `entry`) that entry under whatever id it is kept. */
  delete(id: string, entry?: E): boolean {
    if (entry === undefined || this.#entries.get(id) === entry) return this.#entries.delete(id);
    for (const [key, value] of this.#entries) if (value === entry) return this.#entries.delete(key);
    return false;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  entries(): [string, E][] {
    return [...this.#entries];
  }

  all(): E[] {
    return [...this.#entries.values()];
  }

  /** The tasks the desk shows. */
  open(): E[] {
    return this.all().filter((e) => !this.#hidden(e));
  }

  /** Tasks the agent is still on (offered or connected): the ones that forbid a logout or a station change. */
  active(): E[] {
    return this.open().filter((e) => this.#lifeOf(e).phase !== 'wrapup');
  }
}

/** The whole picture after a reconnect or a reload: the store drops tasks missing from it. */
export function syncEvent(station: Station | null, agent: AgentStateSnapshot | null, tasks: readonly TaskSnapshot[]): BackendEvent {
  return { type: 'sync', station, agent, tasks };
}
