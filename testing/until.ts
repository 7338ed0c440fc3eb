/**
 * Waits (real time) until the condition holds, or fails after `ms`. The condition may be async (a question to
 * a loopback server): its answer is awaited, never taken as true for being a promise. Imports nothing that
 * defines a tag.
 */
export async function until(condition: () => unknown, ms = 3000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
