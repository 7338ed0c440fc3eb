import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeskController } from '../context/desk-controller.js';

/**
 * Repaints its host once a second while `active()` holds (a timer is on screen), and at once when the
 * backend's manual clock jumps. Stops when nothing is timed, so an idle desk costs nothing.
 */
export class TickController implements ReactiveController {
  #host: ReactiveControllerHost;
  #desk: DeskController;
  #active: () => boolean;
  #interval: ReturnType<typeof setInterval> | null = null;
  #offClock: (() => void) | null = null;
  #clockOf: unknown = null;

  constructor(host: ReactiveControllerHost, desk: DeskController, active: () => boolean) {
    this.#host = host;
    this.#desk = desk;
    this.#active = active;
    host.addController(this);
  }

  /** The backend's now. */
  now(): number {
    return this.#desk.desk?.now() ?? Date.now();
  }

  hostUpdated(): void {
    const on = this.#active();
    if (on && !this.#interval) this.#interval = setInterval(() => this.#host.requestUpdate(), 1000);
    if (!on && this.#interval) this.#stopInterval();
    const desk = this.#desk.desk;
    if (desk !== this.#clockOf) {
      this.#offClock?.();
      this.#clockOf = desk;
      this.#offClock = desk ? desk.onClockAdvance(() => this.#host.requestUpdate()) : null;
    }
  }

  hostDisconnected(): void {
    this.#stopInterval();
    this.#offClock?.();
    this.#offClock = null;
    this.#clockOf = null;
  }

  #stopInterval(): void {
    if (this.#interval) clearInterval(this.#interval);
    this.#interval = null;
  }
}
