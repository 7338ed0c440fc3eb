/** The browser side of a loopback double (./server.mjs): its script commands, through web-test-runner. */
import { executeServerCommand } from '@web/test-runner-commands';

/** A function that sends `payload` to the double's `command()` under `name` and resolves to its answer. */
export function commandsOf(name: string): <T>(payload: Record<string, unknown>) => Promise<T> {
  return async <T>(payload: Record<string, unknown>): Promise<T> => {
    const result = await executeServerCommand<T, Record<string, unknown>>(name, payload);
    if (result === undefined) throw new Error(`${name}: no answer to ${String(payload.action)}`);
    return result;
  };
}
