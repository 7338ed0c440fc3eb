import type { BackendEvent } from '../../core/backend.js';
import type { Clock } from '../../core/clock.js';
import { TOKEN_WARNING_MS, watchTokenExpiry } from '../../core/token-expiry.js';

/**
 * One token-expiry watch at a time (see watchTokenExpiry): `watch()` replaces the previous one, `stop()` ends it.
 * `auth-expiring` and `auth-expired` go to `emit`; `expired` is true once the token has expired.
 */
export class TokenWatch {
  #stop: (() => void) | null = null;
  #expired = false;
  readonly #clock: Clock;
  readonly #emit: (event: BackendEvent) => void;

  constructor(clock: Clock, emit: (event: BackendEvent) => void) {
    this.#clock = clock;
    this.#emit = emit;
  }

  get expired(): boolean {
    return this.#expired;
  }

  /** Watches the token whose expiry `expiresAt()` tells (read again whenever a timer fires: a refresh moves it). */
  watch(expiresAt: () => number | null, warnMs = TOKEN_WARNING_MS): void {
    this.stop();
    this.#expired = false;
    this.#stop = watchTokenExpiry(
      this.#clock,
      expiresAt,
      (event) => {
        if (event.type === 'auth-expired') this.#expired = true;
        this.#emit(event);
      },
      warnMs,
    );
  }

  stop(): void {
    this.#stop?.();
    this.#stop = null;
  }

  /** Stops watching and forgets that the token expired (a new sign-in). */
  reset(): void {
    this.stop();
    this.#expired = false;
  }
}
