import type { Clock } from '../../core/clock.js';

/**
 * `promise`, or a rejection with `timedOut()` when it has not settled within `ms` of `clock` (a ManualClock in
 * tests). The timer is cleared as soon as the promise settles.
 */
export function withTimeout<T>(clock: Clock, promise: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(timedOut()), ms);
    promise.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clock.clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Resolves after `ms` of `clock`. */
export function delay(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => void clock.setTimeout(resolve, ms));
}
