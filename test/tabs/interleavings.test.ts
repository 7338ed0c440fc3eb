/**
 * A property over generated tab interleavings (issue 16, item 5): tabs of one session open, close and reload
 * while one call moves through offer, accept, end and wrap-up from whichever tab; after every step every tab
 * shows what the contact center holds, no task is lost, and no request reaches the contact center twice.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { SimulatorServer } from '../../src/backends/simulator/server.js';
import type { TaskState } from '../../src/core/types.js';
import { freshSession, leaderOf, openTab, signInAndAvailable, until, type Tab } from './tabs-helpers.js';

type Op = { kind: 'open' } | { kind: 'close'; at: number } | { kind: 'reload'; at: number } | { kind: 'step'; at: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'open' }),
  fc.nat(7).map((at): Op => ({ kind: 'close', at })),
  fc.nat(7).map((at): Op => ({ kind: 'reload', at })),
  fc.nat(7).map((at): Op => ({ kind: 'step', at })),
  fc.nat(7).map((at): Op => ({ kind: 'step', at })),
);

/** Counts the backend calls of each kind per task on every contact center a leader builds. */
function countCalls(server: SimulatorServer, calls: Map<string, number>): void {
  const patched = server as SimulatorServer & { counted?: true };
  if (patched.counted) return;
  patched.counted = true;
  for (const method of ['accept', 'end', 'wrapup'] as const) {
    const original = server[method].bind(server) as (...args: unknown[]) => unknown;
    (server as unknown as Record<string, unknown>)[method] = (taskId: string, ...rest: unknown[]) => {
      const key = `${method}:${taskId}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return original(taskId, ...rest);
    };
  }
}

const NEXT: Record<TaskState, TaskState | null> = { offered: 'connected', connected: 'wrapup', wrapup: null };

describe('tabs: generated interleavings', () => {
  it('open, close, reload and act in any order: no task lost, no request sent twice', async function () {
    this.timeout(240000);
    const tabs: Tab[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 9 }), (ops) =>
          run(ops).catch((err: Error) => {
            throw new Error(`${err.message}, after ${JSON.stringify(ops)}`);
          }),
        ),
        { numRuns: 12, endOnFailure: true },
      );
    } finally {
      for (const t of tabs.splice(0)) t.close();
    }

    async function run(ops: Op[]): Promise<void> {
      const session = freshSession('prop');
      const calls = new Map<string, number>();
      /** What the contact center must hold: the one call, by id and state, or none. */
      let expected: { id: string; state: TaskState } | null = null;
      tabs.push(await openTab(session));
      await signInAndAvailable(tabs[0]);

      const settle = async () => {
        await until(() => tabs.filter((t) => t.sdk.role === 'leader').length === 1, 10000, 'one leader');
        const leader = leaderOf(tabs);
        await until(() => leader.sdk.simulator && leader.state().connection === 'connected', 10000, 'the leader connected');
        countCalls(leader.sdk.simulator!, calls);
        const want = expected ? [[expected.id, expected.state]] : [];
        const show = (t: Tab) => JSON.stringify(t.state().tasks.map((task) => [task.id, task.state]));
        await until(
          () => tabs.every((t) => t.sdk.role !== null && show(t) === JSON.stringify(want) && Object.keys(t.state().pending).length === 0),
          10000,
          `every tab to show ${JSON.stringify(want)} (they show ${tabs.map(show).join(' | ')})`,
        );
        expect(leader.sdk.simulator!.tasks.map((task) => [task.id, task.state]), 'the contact center').to.deep.equal(want);
      };

      for (const next of ops) {
        const at = 'at' in next ? next.at % tabs.length : 0;
        if (next.kind === 'open' && tabs.length < 4) {
          tabs.push(await openTab(session));
        } else if (next.kind === 'close' && tabs.length > 1) {
          tabs.splice(at, 1)[0].close();
        } else if (next.kind === 'reload' && tabs.length > 1) {
          await tabs[at].reload();
        } else if (next.kind === 'step') {
          const by = tabs[at];
          if (!expected) {
            leaderOf(tabs).sdk.simulator!.offer({ ani: '+4930123456789' });
            await until(() => by.state().tasks.length === 1, 5000, 'the offer');
            expected = { id: by.state().tasks[0].id, state: 'offered' };
          } else {
            const taskId: string = expected.id;
            if (expected.state === 'offered') await by.sdk.request('cc-task-accept-request', { taskId });
            else if (expected.state === 'connected') await by.sdk.request('cc-task-end-request', { taskId });
            else await by.sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: '' });
            const state: TaskState | null = NEXT[expected.state];
            expected = state ? { id: taskId, state } : null;
          }
        }
        await settle();
      }
      for (const [call, count] of calls) expect(count, call).to.equal(1);
      for (const t of tabs) expect(t.heard('cc-error').map((h) => h.detail.message), 'errors').to.deep.equal([]);
      for (const t of tabs.splice(0)) t.close();
    }
  });
});
