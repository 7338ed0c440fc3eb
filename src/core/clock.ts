/** The time source a backend runs on. Tests and scenarios use a ManualClock to control time. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Called after the clock jumps (manual clocks only), so timers on screen can repaint. */
  onAdvance?(listener: () => void): () => void;
}

/** The longest delay a browser's setTimeout keeps: anything longer (2^31 ms, about 24.8 days) fires at once. */
export const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * The page's clock, with timers of any length: a delay longer than `longest` runs as a chain of shorter ones,
 * so a scenario step or a token due in a month waits a month instead of firing at once. `longest` is for tests.
 */
export function pageClock(longest = LONGEST_TIMEOUT_MS): Clock {
  interface Handle {
    timer: ReturnType<typeof setTimeout> | undefined;
  }
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const handle: Handle = { timer: undefined };
      const due = Date.now() + Math.max(0, Number(ms) || 0);
      const arm = (left: number) => {
        handle.timer = globalThis.setTimeout(() => (left > longest ? arm(due - Date.now()) : fn()), Math.min(left, longest));
      };
      arm(due - Date.now());
      return handle;
    },
    clearTimeout(handle) {
      const timer = (handle as Handle | null)?.timer;
      if (timer !== undefined) globalThis.clearTimeout(timer);
    },
  };
}

export const realClock: Clock = pageClock();

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock that moves only when told to. Timers fire in order of their due time during `advance()`. */
export class ManualClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #nextId = 1;
  #listeners = new Set<() => void>();

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), fn };
    this.#timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
    }
    this.#now = end;
    for (const listener of this.#listeners) listener();
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }

  onAdvance(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
