import type { BackendEvent } from './backend.js';
import type { Clock } from './clock.js';

/** How long before the access token expires the agent is warned. */
export const TOKEN_WARNING_MS = 5 * 60 * 1000;

/**
 * Warns (`auth-expiring`) `warnMs` before the token expires and says when it has (`auth-expired`), for any
 * backend. `expiresAt()` is read again when a timer fires: a token refreshed meanwhile (OAuth) moves the
 * warning instead of raising it. Returns a function that stops watching.
 */
export function watchTokenExpiry(
  clock: Clock,
  expiresAt: () => number | null,
  emit: (event: BackendEvent) => void,
  warnMs = TOKEN_WARNING_MS,
): () => void {
  let timer: unknown = null;
  let warnedFor: number | null = null;
  const schedule = (): void => {
    const at = expiresAt();
    if (at === null) return;
    const now = clock.now();
    if (at <= now) {
      emit({ type: 'auth-expired' });
      return;
    }
    if (now >= at - warnMs && warnedFor !== at) {
      warnedFor = at;
      emit({ type: 'auth-expiring', expiresAt: at });
    }
    const next = now >= at - warnMs ? at : at - warnMs;
    timer = clock.setTimeout(schedule, next - now);
  };
  schedule();
  return () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
}
