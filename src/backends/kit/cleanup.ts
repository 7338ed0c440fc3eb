/** Something listeners can be added to and removed from (an SDK's emitter, a task). */
export interface Emitter<L> {
  on(event: string, listener: L): unknown;
  off(event: string, listener: L): unknown;
}

/**
 * What a backend must undo when it lets go of something (an SDK instance, a task): listeners it added and any
 * other undo step. `run()` undoes all of it once, newest first; an undo step that throws (a half torn-down SDK)
 * does not stop the others.
 */
export class Cleanup {
  #steps: (() => void)[] = [];

  add(step: () => void): void {
    this.#steps.push(step);
  }

  /** Adds `listener` to `source` for `event`, and its removal to the steps. */
  on<L>(source: Emitter<L>, event: string, listener: L): void {
    source.on(event, listener);
    this.add(() => source.off(event, listener));
  }

  get size(): number {
    return this.#steps.length;
  }

  run(): void {
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        step();
      } catch {
        // Whatever held the listener is gone with it.
      }
    }
  }
}
