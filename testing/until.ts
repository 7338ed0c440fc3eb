/** Waits (real time) until the condition holds, or fails after `ms`. Imports nothing that defines a tag. */
export async function until(condition: () => unknown, ms = 3000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
