import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { deskRig, readyAgent } from '../helpers.js';
import type { CcOutcomeEvent } from '../../src/events/events.js';
import type { DeskState } from '../../src/core/store.js';
import type { MediaType } from '../../src/core/types.js';
import type { SimulatorAction } from '../../src/backends/simulator/server.js';

/**
 * Generated interleavings of what an agent does and what the contact center does to them. Whatever the
 * order, the desk never reaches an impossible state, and what the page hears stays consistent.
 */

type Step =
  | { kind: 'user'; action: UserAction; pick: number }
  | { kind: 'offer'; media: MediaType }
  | { kind: 'hangup'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'supervisor'; available: boolean }
  | { kind: 'drop'; reconnectMs: number }
  | { kind: 'expire' }
  | { kind: 'fail'; action: SimulatorAction }
  | { kind: 'state'; available: boolean };

const USER_ACTIONS = [
  'accept', 'decline', 'hold', 'resume', 'mute', 'pause', 'unpause', 'consult', 'consult-end',
  'transfer', 'consult-transfer', 'end', 'wrapup',
] as const;
type UserAction = (typeof USER_ACTIONS)[number];

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('user' as const), action: fc.constantFrom(...USER_ACTIONS), pick: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('offer' as const), media: fc.constantFrom<MediaType>('telephony', 'chat', 'email', 'social') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hangup' as const), pick: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 100, max: 25_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('supervisor' as const), available: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), reconnectMs: fc.integer({ min: 500, max: 8000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const), action: fc.constantFrom('hold', 'accept', 'end', 'wrapup', 'consult') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('state' as const), available: fc.boolean() }) },
);

function impossibilities(state: DeskState, events: CcOutcomeEvent[], serverTimers: string[], serverTaskIds: string[]): string[] {
  const problems: string[] = [];
  const ids = state.tasks.map((t) => t.id);
  if (new Set(ids).size !== ids.length) problems.push('a task appears twice');
  for (const t of state.tasks) {
    if (t.state !== 'connected' && t.held) problems.push(`${t.id} is ${t.state} and held`);
    if (t.state !== 'connected' && t.consult) problems.push(`${t.id} is ${t.state} with a consult`);
    if (t.state !== 'connected' && t.muted) problems.push(`${t.id} is ${t.state} and muted`);
    if (t.state === 'wrapup' && !t.wrapupRequired) problems.push(`${t.id} waits for a wrap-up it does not owe`);
    if (t.held !== (t.heldAt !== null)) problems.push(`${t.id} hold timer disagrees with hold`);
  }
  for (const key of [...Object.keys(state.pending), ...Object.keys(state.errors)]) {
    const taskId = key.split(':')[1];
    if (taskId && !ids.includes(taskId)) problems.push(`${key} kept for a gone task`);
  }
  // Timers in the contact center only for tasks it still has.
  for (const name of serverTimers) {
    const m = /^(rona|consult|wrapup)-(.+)$/.exec(name);
    if (m && !serverTaskIds.includes(m[2])) problems.push(`timer ${name} runs for a gone task`);
  }
  // What the page heard: nothing about a task it never heard of, nothing after its wrap-up or rejection.
  const known = new Set<string>();
  const closed = new Set<string>();
  for (const e of events) {
    const task = (e.detail as { task?: { id: string } }).task;
    if (!task) continue;
    if (e.type === 'cc-task-incoming' || e.type === 'cc-task-hydrate' || e.type === 'cc-task-assigned') {
      if (closed.has(task.id)) problems.push(`${e.type} for closed ${task.id}`);
      known.add(task.id);
      continue;
    }
    if (!known.has(task.id)) problems.push(`${e.type} for unknown ${task.id}`);
    if (closed.has(task.id)) problems.push(`${e.type} after ${task.id} was closed`);
    if (e.type === 'cc-task-wrapup' || e.type === 'cc-task-rejected') closed.add(task.id);
  }
  return problems;
}

async function play(steps: Step[]) {
  const rig = deskRig();
  const { run, server, clock, desk, events } = rig;
  await readyAgent(run);
  // Mostly a task the action suits (so runs get deep into calls); sometimes any task, or one that is gone.
  const pickTask = (n: number, suits: (t: DeskState['tasks'][number]) => boolean = () => true) => {
    const fitting = desk.state.tasks.filter(suits);
    const pool = n >= 4 || fitting.length === 0 ? desk.state.tasks : fitting;
    return n === 5 ? 'gone-task' : (pool[n % Math.max(1, pool.length)]?.id ?? 'gone-task');
  };
  const suits: Record<UserAction, (t: DeskState['tasks'][number]) => boolean> = {
    accept: (t) => t.state === 'offered',
    decline: (t) => t.state === 'offered',
    wrapup: (t) => t.state === 'wrapup',
    hold: (t) => t.state === 'connected' && t.mediaType === 'telephony' && !t.held,
    resume: (t) => t.held,
    'consult-end': (t) => !!t.consult,
    'consult-transfer': (t) => t.consult?.state === 'connected',
    mute: (t) => t.state === 'connected',
    pause: (t) => t.state === 'connected',
    unpause: (t) => t.recordingPaused,
    consult: (t) => t.state === 'connected' && !t.consult,
    transfer: (t) => t.state === 'connected',
    end: (t) => t.state === 'connected',
  };
  for (const s of steps) {
    switch (s.kind) {
      case 'user': {
        const taskId = pickTask(s.pick, suits[s.action]);
        const byAction: Record<UserAction, () => Promise<void>> = {
          accept: () => run('cc-task-accept-request', { taskId }),
          decline: () => run('cc-task-decline-request', { taskId }),
          hold: () => run('cc-task-hold-request', { taskId }),
          resume: () => run('cc-task-resume-request', { taskId }),
          mute: () => run('cc-task-mute-request', { taskId }),
          pause: () => run('cc-task-recording-pause-request', { taskId }),
          unpause: () => run('cc-task-recording-resume-request', { taskId }),
          consult: () => run('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } }),
          'consult-end': () => run('cc-task-consult-end-request', { taskId }),
          transfer: () => run('cc-task-transfer-request', { taskId, destination: { type: 'queue', to: 'queue-billing' } }),
          'consult-transfer': () => run('cc-task-consult-transfer-request', { taskId }),
          end: () => run('cc-task-end-request', { taskId }),
          wrapup: () => run('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: 'n' }),
        };
        await byAction[s.action]();
        break;
      }
      case 'offer':
        server.offer({ mediaType: s.media });
        break;
      case 'hangup':
        server.customerHangup(server.tasks.find((t) => t.id === pickTask(s.pick))?.id);
        break;
      case 'advance':
        clock.advance(s.ms);
        break;
      case 'supervisor':
        server.supervisorSetState(s.available ? 'Available' : 'Idle', 'idle-meeting');
        break;
      case 'drop':
        server.dropConnection(s.reconnectMs);
        break;
      case 'expire':
        server.expireToken(0);
        await run('cc-sign-in-request', { accessToken: 'again' });
        break;
      case 'fail':
        server.failNext({ action: s.action, code: 'rejected', message: 'refused' });
        break;
      case 'state':
        await run('cc-agent-state-request', s.available ? { state: 'Available', auxCodeId: '0' } : { state: 'Idle', auxCodeId: 'idle-lunch' });
        break;
    }
    for (const t of desk.state.tasks) seen.add(`${t.state}${t.held ? '+held' : ''}${t.consult ? `+consult-${t.consult.state}` : ''}`);
    const problems = impossibilities(desk.state, events, server.timerNames, server.tasks.map((t) => t.id));
    if (problems.length) return { problems, rig };
  }
  // Once the network is back, the desk shows exactly what the contact center has.
  server.restoreConnection();
  const drift =
    JSON.stringify(desk.state.tasks.map((t) => [t.id, t.state, t.held, t.consult?.state ?? null])) !==
    JSON.stringify(server.tasks.map((t) => [t.id, t.state, t.held, t.consult?.state ?? null]));
  return { problems: drift ? ['the desk and the contact center disagree after reconnecting'] : [], rig };
}

const seen = new Set<string>();

describe('fault properties: generated interleavings', () => {
  it('never reach an impossible state, over 400 generated runs', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), async (steps) => {
        const { problems } = await play(steps);
        if (problems.length) throw new Error(problems.join('; '));
      }),
      { numRuns: 400, seed: 20261121 },
    );
    // The generator does reach the interesting states (else the property proves little).
    expect([...seen]).to.include.members(['offered', 'connected', 'connected+held', 'wrapup']);
    expect([...seen].some((s) => s.endsWith('consult-connected'))).to.equal(true);
  });

  it('find a planted impossibility (the checker can fail)', () => {
    const { desk } = deskRig();
    const fake = {
      ...desk.state,
      tasks: [{ ...({} as DeskState['tasks'][number]), id: 'x', state: 'wrapup' as const, held: true, heldAt: 1, consult: null, muted: false, wrapupRequired: true }],
    } as DeskState;
    expect(impossibilities(fake, [], ['rona-gone'], [])).to.include.members(['x is wrapup and held', 'timer rona-gone runs for a gone task']);
  });
});
