import type { BackendEvent } from '../../core/backend.js';
import type { ConnectionStatus } from '../../core/types.js';

/**
 * The connection status a backend reports: `set()` announces a `connection` event only when the status
 * changes, so a backend that hears "lost" from three places says it once. `reset()` goes back to `idle`
 * silently (after a sign-out), so the next sign-in announces `connected` again.
 */
export class ConnectionState {
  #status: ConnectionStatus = 'idle';
  readonly #emit: (event: BackendEvent) => void;

  constructor(emit: (event: BackendEvent) => void) {
    this.#emit = emit;
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** True while the link is lost (reconnecting or offline): actions should be refused as `offline`. */
  get down(): boolean {
    return this.#status === 'reconnecting' || this.#status === 'offline';
  }

  /** Moves to `status`; returns whether it changed (and was announced). */
  set(status: Exclude<ConnectionStatus, 'idle'>): boolean {
    if (this.#status === status) return false;
    this.#status = status;
    this.#emit({ type: 'connection', status });
    return true;
  }

  reset(): void {
    this.#status = 'idle';
  }
}
