/**
 * Reading values from untrusted payloads (an SDK's events, a socket's frames): whatever arrives, these return
 * the type asked for, or an empty value. Nothing here throws.
 */

/** A string, trimmed; a finite number as text; anything else `''`. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A finite number, from a number or a numeric string; otherwise null. */
export function num(value: unknown): number | null {
  if (typeof value !== 'number' && (typeof value !== 'string' || !value.trim())) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A finite number above zero (a duration, a timestamp), or null. */
export function positive(value: unknown): number | null {
  const n = num(value);
  return n !== null && n > 0 ? n : null;
}

/** True for `true` and `'true'` (payloads carry both), false for anything else. */
export function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record at `value`, or an empty one. */
export function record(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : {};
}

/** An array's items as text, empties dropped; null when `value` is not an array. */
export function texts(value: unknown): string[] | null {
  return Array.isArray(value) ? value.map(text).filter(Boolean) : null;
}
