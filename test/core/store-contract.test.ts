/**
 * The store's slices for what every backend may report beyond agents and tasks: queue and agent statistics,
 * conversation messages, and how the agent signs in; and the contract's edge (normalize) for them.
 */
import { expect } from '@open-wc/testing';
import { initialState, reduce, type DeskState } from '../../src/core/store.js';
import { normalizeEvent } from '../../src/core/normalize.js';
import type { BackendEvent } from '../../src/core/backend.js';
import type { QueueStats, SignInDescriptor, TaskSnapshot } from '../../src/core/types.js';

const task = (patch: Partial<TaskSnapshot> = {}): TaskSnapshot => ({
  id: 'chat-1', mediaType: 'chat', direction: 'inbound', state: 'connected', ani: 'ann@example.com',
  offeredAt: 1, ronaAt: null, connectedAt: 2, endedAt: null, held: false, heldAt: null, muted: false,
  recording: false, recordingPaused: false, consult: null, wrapupRequired: false, autoWrapupAt: null, cad: {},
  ...patch,
});

const queue = (patch: Partial<QueueStats> = {}): QueueStats => ({
  queueId: 'q-sales', queueName: 'Sales', waiting: 2, longestWaitSeconds: 40, agentsAvailable: 1, at: 1000, ...patch,
});

const signedIn: DeskState = reduce(initialState, { type: 'signed-in', expiresAt: null });

describe('store: statistics', () => {
  it('replaces the figures of each reported queue and keeps the others, in the order they first came', () => {
    let s = reduce(signedIn, { type: 'queue-stats', queues: [queue(), queue({ queueId: 'q-support', queueName: 'Support', waiting: 0 })] });
    s = reduce(s, { type: 'queue-stats', queues: [queue({ waiting: 5, longestWaitSeconds: 90, at: 2000 })] });
    expect(s.queueStats.map((q) => `${q.queueName}:${q.waiting}:${q.longestWaitSeconds}`)).to.deep.equal(['Sales:5:90', 'Support:0:40']);
    // The same figures again change nothing: same state object.
    expect(reduce(s, { type: 'queue-stats', queues: [queue({ waiting: 5, longestWaitSeconds: 90, at: 2000 })] })).to.equal(s);
  });

  it("keeps the agent's latest figures, and forgets every figure when the agent signs out", () => {
    let s = reduce(signedIn, { type: 'agent-stats', stats: { handled: 3, averageHandleSeconds: 184, at: 5 } });
    s = reduce(s, { type: 'queue-stats', queues: [queue()] });
    expect(s.agentStats).to.deep.equal({ handled: 3, averageHandleSeconds: 184, at: 5 });
    s = reduce(s, { type: 'signed-out', reason: 'x' });
    expect(s.agentStats).to.equal(null);
    expect(s.queueStats).to.deep.equal([]);
  });
});

describe('store: conversation messages', () => {
  it("keeps each task's messages in order, replaces a repeated one, and drops them with the task", () => {
    let s = reduce(signedIn, { type: 'task-assigned', task: task() });
    s = reduce(s, { type: 'message', message: { id: 'm1', taskId: 'chat-1', from: 'customer', text: 'Hello?', at: 10 } });
    s = reduce(s, { type: 'message', message: { id: 'm2', taskId: 'chat-1', from: 'agent', text: 'Hi Ann', at: 11 } });
    const again = reduce(s, { type: 'message', message: { id: 'm2', taskId: 'chat-1', from: 'agent', text: 'Hi Ann', at: 11 } });
    expect(again).to.equal(s);
    expect(s.messages['chat-1'].map((m) => `${m.from}:${m.text}`)).to.deep.equal(['customer:Hello?', 'agent:Hi Ann']);
    s = reduce(s, { type: 'task-ended', task: task({ state: 'connected', endedAt: 20 }) });
    expect(s.tasks).to.deep.equal([]);
    expect(s.messages['chat-1']).to.equal(undefined);
  });

  it('ignores a message for a task the desk does not hold', () => {
    const s = reduce(signedIn, { type: 'message', message: { id: 'm1', taskId: 'nope', from: 'customer', text: 'Hello?', at: 10 } });
    expect(s).to.equal(signedIn);
  });
});

describe('store: sign-in methods', () => {
  const token: SignInDescriptor = { methods: [{ kind: 'token' }] };
  const password: SignInDescriptor = { methods: [{ kind: 'password' }] };

  it('holds the descriptor of the backend being loaded, keeps it through a reset that names none and a sign-out', () => {
    let s = reduce(initialState, { type: 'sign-in-methods', signIn: password });
    expect(s.signIn).to.deep.equal(password);
    s = reduce(s, { type: 'reset', backend: 'xuc', capabilities: null });
    expect(s.signIn).to.deep.equal(password);
    s = reduce(reduce(s, { type: 'signed-in', expiresAt: null }), { type: 'signed-out', reason: 'x' });
    expect(s.signIn).to.deep.equal(password);
    s = reduce(s, { type: 'reset', backend: 'simulator', capabilities: null, signIn: token });
    expect(s.signIn).to.deep.equal(token);
  });
});

describe('normalize: statistics, messages and agent states', () => {
  it('makes queue figures numbers ≥ 0 (a count that is no number is left out), names a queue by its id when it has no name, and drops a queue without an id', () => {
    const raw = {
      type: 'queue-stats',
      queues: [
        { queueId: 7, waiting: '3', longestWaitSeconds: -4, agentsAvailable: 'many', answered: 12, at: 5 },
        { queueName: 'No id', waiting: 1 },
        'junk',
      ],
    } as unknown as BackendEvent;
    expect(normalizeEvent(raw)).to.deep.equal({
      type: 'queue-stats',
      // An agent count that is no number is not reported (absent), like every optional count: never a made-up 0.
      queues: [{ queueId: '7', queueName: '7', waiting: 3, longestWaitSeconds: 0, answered: 12, at: 5 }],
    });
    expect(normalizeEvent({ type: 'queue-stats', queues: 'x' } as unknown as BackendEvent)).to.have.property('dropped');
  });

  it("keeps an agent's figures as numbers, with no average before the first contact", () => {
    expect(normalizeEvent({ type: 'agent-stats', stats: { handled: '2', averageHandleSeconds: null, at: 9 } } as unknown as BackendEvent)).to.deep.equal({
      type: 'agent-stats',
      stats: { handled: 2, averageHandleSeconds: null, at: 9 },
    });
  });

  it('makes a message text, and drops one without an id or a task', () => {
    const raw = { type: 'message', message: { id: 1, taskId: 'chat-1', from: 'robot', text: { html: '<b>x</b>' }, author: 42, at: 'now' } };
    expect(normalizeEvent(raw as unknown as BackendEvent)).to.deep.equal({
      type: 'message',
      message: { id: '1', taskId: 'chat-1', from: 'system', author: '42', text: '{"html":"<b>x</b>"}', at: 0 },
    });
    expect(normalizeEvent({ type: 'message', message: { taskId: 'chat-1', text: 'x' } } as unknown as BackendEvent)).to.have.property('dropped');
  });

  it("drops an agent state that is not one of the kit's, and keeps the kit's after-call state", () => {
    const agent = (state: string) => ({ type: 'agent-state', agent: { state, auxCodeId: 'x', since: 1, by: 'system' } }) as unknown as BackendEvent;
    expect(normalizeEvent(agent('AgentOnWrapup'))).to.have.property('dropped');
    expect(normalizeEvent(agent('AfterCall'))).to.deep.equal({ type: 'agent-state', agent: { state: 'AfterCall', auxCodeId: 'x', since: 1, by: 'system' } });
  });
});
