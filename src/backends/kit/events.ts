import type { BackendEvent, BackendListener } from '../../core/backend.js';

/**
 * A backend's one event stream: the listeners `subscribe()` adds, and `emit()` to all of them. Once disposed,
 * it forgets every listener and drops what is emitted later (a late SDK callback announces nothing).
 */
export class BackendEvents {
  #listeners = new Set<BackendListener>();
  #disposed = false;

  get disposed(): boolean {
    return this.#disposed;
  }

  subscribe(listener: BackendListener): () => void {
    if (this.#disposed) return () => undefined;
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Sends an event to every listener, in the order they subscribed; a listener added meanwhile waits for the next. */
  readonly emit = (event: BackendEvent): void => {
    if (this.#disposed) return;
    for (const listener of [...this.#listeners]) listener(event);
  };

  /** Forgets every listener but stays usable: for a backend that may be attached again after a dispose (the simulator). */
  clear(): void {
    this.#listeners.clear();
  }

  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
  }
}
