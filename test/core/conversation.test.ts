/**
 * Conversations in the contract, the store and the simulator: the agent's messages as a request of the action
 * table (pending, sent, failed and sent again), `cc-message` once per message, typing, the selected task, and
 * the simulator's customers writing, answering and going quiet on its clock.
 */
import { expect } from '@open-wc/testing';
import { initialState, reduce, type DeskState } from '../../src/core/store.js';
import { normalizeEvent } from '../../src/core/normalize.js';
import { withMethods } from '../../src/core/capabilities.js';
import type { Backend, BackendEvent } from '../../src/core/backend.js';
import type { ConversationMessage, TaskSnapshot } from '../../src/core/types.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import { parseScenario } from '../../src/backends/simulator/scenarios.js';
import { ManualClock } from '../../src/core/clock.js';
import { deskRig, detailsOf, readyAgent } from '../helpers.js';
import { reconcile } from '../../src/tabs/wire.js';

const task = (patch: Partial<TaskSnapshot> = {}): TaskSnapshot => ({
  id: 'chat-1', mediaType: 'chat', direction: 'inbound', state: 'connected', ani: '@ann',
  offeredAt: 1, ronaAt: null, connectedAt: 2, endedAt: null, held: false, heldAt: null, muted: false,
  recording: false, recordingPaused: false, consult: null, wrapupRequired: false, autoWrapupAt: null, cad: {},
  ...patch,
});
const signedIn: DeskState = reduce(reduce(initialState, { type: 'signed-in', expiresAt: null }), { type: 'task-assigned', task: task() });

/** A desk with the agent on a connected chat (customers silent unless told), and its task id. */
async function onChat(options: { replies?: boolean; seed?: number; media?: 'chat' | 'email' | 'social' } = {}) {
  const r = deskRig({ queueActivity: false, conversations: { replies: options.replies ?? false, seed: options.seed ?? 7 } });
  await readyAgent(r.run);
  r.server.offer({ mediaType: options.media ?? 'chat', subject: 'My parcel is late' });
  const taskId = r.desk.state.tasks[0].id;
  await r.run('cc-task-accept-request', { taskId });
  return { ...r, taskId };
}

const lines = (messages: readonly ConversationMessage[] | undefined) =>
  (messages ?? []).map((m) => `${m.from}:${m.text}${m.delivery && m.delivery !== 'sent' ? ` (${m.delivery})` : ''}`);

describe('store: typing, delivery and the selected task', () => {
  it("shows the customer typing until they stop or their message arrives, and forgets it with the task", () => {
    let s = reduce(signedIn, { type: 'typing', taskId: 'chat-1', typing: true });
    expect(s.typing['chat-1']).to.equal(true);
    expect(reduce(s, { type: 'typing', taskId: 'chat-1', typing: true })).to.equal(s);
    s = reduce(s, { type: 'message', message: { id: 'm1', taskId: 'chat-1', from: 'customer', text: 'Hi', at: 3 } });
    expect(s.typing['chat-1']).to.equal(undefined);
    s = reduce(s, { type: 'typing', taskId: 'chat-1', typing: true });
    s = reduce(s, { type: 'task-ended', task: task({ endedAt: 5 }) });
    expect(s.typing['chat-1']).to.equal(undefined);
    // Typing in a task the desk does not hold changes nothing.
    expect(reduce(signedIn, { type: 'typing', taskId: 'other', typing: true })).to.equal(signedIn);
  });

  it("marks a pending message sent or failed, but never overrides what the backend said of it", () => {
    const pending: ConversationMessage = { id: 'a1', taskId: 'chat-1', from: 'agent', text: 'Hello', at: 3, delivery: 'pending' };
    let s = reduce(signedIn, { type: 'message', message: pending });
    s = reduce(s, { type: 'message-delivery', taskId: 'chat-1', messageId: 'a1', delivery: 'failed' });
    expect(s.messages['chat-1'][0].delivery).to.equal('failed');
    // Failed is final until the agent sends it again: a late "sent" from the desk does not flip it.
    expect(reduce(s, { type: 'message-delivery', taskId: 'chat-1', messageId: 'a1', delivery: 'sent' })).to.equal(s);
    s = reduce(s, { type: 'message', message: pending });
    s = reduce(s, { type: 'message', message: { ...pending, delivery: 'sent', text: 'Hello (as the backend has it)' } });
    expect(reduce(s, { type: 'message-delivery', taskId: 'chat-1', messageId: 'a1', delivery: 'failed' })).to.equal(s);
    expect(lines(s.messages['chat-1'])).to.deep.equal(['agent:Hello (as the backend has it)']);
  });

  it('keeps the selected task while the store has it', () => {
    let s = reduce(signedIn, { type: 'select-task', taskId: 'chat-1' });
    expect(s.selectedTaskId).to.equal('chat-1');
    expect(reduce(s, { type: 'select-task', taskId: 'nope' }).selectedTaskId).to.equal(null);
    s = reduce(s, { type: 'task-ended', task: task({ endedAt: 5 }) });
    expect(s.selectedTaskId).to.equal(null);
  });

  it("keeps a follower tab's own selected task when it mirrors its leader's store", () => {
    const other = task({ id: 'chat-2' });
    const leader = reduce(reduce(reduce(signedIn, { type: 'task-assigned', task: other }), { type: 'select-task', taskId: 'chat-2' }), { type: 'typing', taskId: 'chat-1', typing: true });
    const follower = reduce(reduce(signedIn, { type: 'task-assigned', task: other }), { type: 'select-task', taskId: 'chat-1' });
    const mirrored = reconcile(follower, JSON.parse(JSON.stringify(leader)) as DeskState);
    expect(mirrored.selectedTaskId).to.equal('chat-1');
    expect(mirrored.typing['chat-1']).to.equal(true);
    // A task name such as __proto__ is only ever a key: the map has no prototype.
    expect(Object.getPrototypeOf(mirrored.typing)).to.equal(null);
    // Gone from the leader, the selection goes too.
    const gone = reduce(leader, { type: 'task-wrapped-up', task: task(), auxCodeId: 'x', notes: '' });
    expect(reconcile(follower, JSON.parse(JSON.stringify(gone)) as DeskState).selectedTaskId).to.equal(null);
  });

  it('takes messages and typing from any backend in the kit\'s shapes only', () => {
    const raw = { type: 'message', message: { id: 'x', taskId: 'chat-1', from: 'customer', text: '<img src=x onerror=alert(1)>', delivery: 'failed', subject: 7 } };
    expect(normalizeEvent(raw as unknown as BackendEvent)).to.deep.equal({
      type: 'message',
      // A customer's message is never "on its way": the delivery state is an agent message's only.
      message: { id: 'x', taskId: 'chat-1', from: 'customer', text: '<img src=x onerror=alert(1)>', subject: '7', at: 0 },
    });
    expect(normalizeEvent({ type: 'typing', taskId: 'chat-1', typing: 'yes' } as unknown as BackendEvent)).to.deep.equal({ type: 'typing', taskId: 'chat-1', typing: false });
    expect(normalizeEvent({ type: 'typing' } as unknown as BackendEvent)).to.have.property('dropped');
  });
});

describe('cc-task-message-request through the desk', () => {
  it('puts the message in the transcript as pending, then sent, and announces cc-message once', async () => {
    const r = await onChat();
    const before = r.events.length;
    const sending = r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: 'Hello, let me check that.' });
    // While the backend works on it, the message is there, pending.
    expect(lines(r.desk.state.messages[r.taskId])).to.deep.equal(['customer:My parcel is late', 'agent:Hello, let me check that. (pending)']);
    await sending;
    expect(lines(r.desk.state.messages[r.taskId])).to.deep.equal(['customer:My parcel is late', 'agent:Hello, let me check that.']);
    const heard = detailsOf(r.events.slice(before), 'cc-message');
    expect(heard.map((d) => `${d.task.id}/${d.message.id}/${d.message.from}/${d.message.author}`)).to.deep.equal([`${r.taskId}/a-1/agent/Dana Whitfield`]);
    // The contact center has it as the customer reads it.
    expect(r.server.messagesOf(r.taskId).map((m) => m.text)).to.deep.equal(['My parcel is late', 'Hello, let me check that.']);
    // A re-sync (the network came back) repeats every message: the page hears none of them again.
    const mark = r.events.length;
    r.server.dropConnection(null);
    r.server.restoreConnection();
    expect(detailsOf(r.events.slice(mark), 'cc-message')).to.deep.equal([]);
  });

  it('keeps a refused message as failed with the reason, and sends the same message again on retry', async () => {
    const r = await onChat();
    r.server.failNext({ action: 'sendMessage', code: 'rejected', message: 'The chat service did not answer.' });
    const before = r.events.length;
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: 'Are you still there?' });
    expect(lines(r.desk.state.messages[r.taskId])).to.deep.equal(['customer:My parcel is late', 'agent:Are you still there? (failed)']);
    expect(r.desk.state.errors[`cc-task-message-request#a-1:${r.taskId}`]?.message).to.equal('The chat service did not answer.');
    expect(detailsOf(r.events.slice(before), 'cc-message')).to.deep.equal([]);
    expect(detailsOf(r.events.slice(before), 'cc-error').map((e) => e.action)).to.deep.equal(['task-message']);
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: 'Are you still there?' });
    expect(lines(r.desk.state.messages[r.taskId])).to.deep.equal(['customer:My parcel is late', 'agent:Are you still there?']);
    expect(r.desk.state.errors[`cc-task-message-request#a-1:${r.taskId}`]).to.equal(undefined);
    expect(detailsOf(r.events.slice(before), 'cc-message').map((d) => d.message.id)).to.deep.equal(['a-1']);
  });

  it('sends two messages in a row, the second while the first is still on its way', async () => {
    const r = await onChat();
    const first = r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: 'One' });
    const second = r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-2', text: 'Two' });
    await Promise.all([first, second]);
    expect(r.server.messagesOf(r.taskId).map((m) => m.text)).to.deep.equal(['My parcel is late', 'One', 'Two']);
  });

  it('refuses an empty or too long message, a call, and a backend that cannot send, before the backend', async () => {
    const r = await onChat();
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: '   ' });
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-2', text: 'x'.repeat(4001) });
    r.server.offer({ mediaType: 'telephony' });
    const call = r.desk.state.tasks.find((t) => t.mediaType === 'telephony')!;
    await r.run('cc-task-accept-request', { taskId: call.id });
    await r.run('cc-task-message-request', { taskId: call.id, messageId: 'a-3', text: 'Hello' });
    expect(detailsOf(r.events, 'cc-error').map((e) => `${e.code}: ${e.message}`)).to.deep.equal([
      'invalid-request: Write a message first.',
      'invalid-request: This message is too long (4,000 characters at most).',
      'unsupported: A call has no conversation to write in.',
    ]);
    expect(r.server.messagesOf(r.taskId).map((m) => m.from)).to.deep.equal(['customer']);
    // A backend without sendMessage has messaging off, whatever it declares.
    const without = Object.create(r.backend, { sendMessage: { value: undefined } }) as Backend;
    expect(withMethods(r.backend.capabilities, without).messaging).to.equal(false);
    expect(withMethods(r.backend.capabilities, r.backend).messaging).to.equal(true);
  });
});

describe("the simulator's customers", () => {
  it('answer the agent after thinking and typing, on the simulator clock, and the page hears each message once', async () => {
    const r = await onChat({ replies: true, seed: 42 });
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: 'Hello! Which order is it?' });
    expect(r.desk.state.typing[r.taskId]).to.equal(undefined);
    r.clock.advance(3_000);
    // Thought about it (1 to 3 s): now typing, and nothing said yet.
    expect(r.desk.state.typing[r.taskId]).to.equal(true);
    expect(lines(r.desk.state.messages[r.taskId]).filter((l) => l.startsWith('customer:'))).to.have.length(1);
    r.clock.advance(6_000);
    expect(r.desk.state.typing[r.taskId]).to.equal(undefined);
    const said = r.desk.state.messages[r.taskId].filter((m) => m.from === 'customer');
    expect(said).to.have.length(2);
    expect(said[1].author).to.be.a('string').and.not.equal('');
    expect(detailsOf(r.events, 'cc-message').map((d) => d.message.from)).to.deep.equal(['customer', 'agent', 'customer']);
  });

  it('replay the same conversation for the same seed', async () => {
    const transcript = async () => {
      const r = await onChat({ replies: true, seed: 5 });
      for (let i = 1; i <= 3; i += 1) {
        await r.run('cc-task-message-request', { taskId: r.taskId, messageId: `a-${i}`, text: `Agent line ${i}` });
        r.clock.advance(10_000);
      }
      return r.server.messagesOf(r.taskId).map((m) => `${m.from}@${m.at - r.server.messagesOf(r.taskId)[0].at}:${m.text}`);
    };
    const one = await transcript();
    expect(one.filter((l) => l.startsWith('customer')).length).to.be.greaterThan(1);
    expect(await transcript()).to.deep.equal(one);
  });

  it('go quiet once their script is done', async () => {
    const r = await onChat({ replies: true, seed: 1 });
    for (let i = 1; i <= 8; i += 1) {
      await r.run('cc-task-message-request', { taskId: r.taskId, messageId: `a-${i}`, text: `Line ${i}` });
      r.clock.advance(10_000);
    }
    const count = r.server.messagesOf(r.taskId).filter((m) => m.from === 'customer').length;
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-9', text: 'Anything else?' });
    r.clock.advance(60_000);
    expect(r.server.messagesOf(r.taskId).filter((m) => m.from === 'customer')).to.have.length(count);
    expect(r.desk.state.typing[r.taskId]).to.equal(undefined);
    expect(r.server.timerNames.filter((n) => n.startsWith('customer-'))).to.deep.equal([]);
  });

  it('ask again, once, when the agent says nothing after accepting a chat', async () => {
    const r = await onChat({ replies: true });
    r.clock.advance(44_000);
    expect(r.server.messagesOf(r.taskId)).to.have.length(1);
    r.clock.advance(2_000);
    expect(lines(r.desk.state.messages[r.taskId])).to.deep.equal(['customer:My parcel is late', 'customer:Hello? Is anyone there?']);
    r.clock.advance(120_000);
    expect(r.server.messagesOf(r.taskId)).to.have.length(2);
  });

  it('write an email with its subject, and answer a reply with "Re:" after a while', async () => {
    const r = await onChat({ replies: true, media: 'email' });
    const [first] = r.desk.state.messages[r.taskId];
    expect(first.subject).to.equal('My parcel is late');
    await r.run('cc-task-message-request', { taskId: r.taskId, messageId: 'a-1', text: 'Dear customer,\n\nwe are on it.' });
    expect(r.server.messagesOf(r.taskId)[1].subject).to.equal('Re: My parcel is late');
    r.clock.advance(29_000);
    expect(r.server.messagesOf(r.taskId)).to.have.length(2);
    r.clock.advance(62_000);
    const answer = r.server.messagesOf(r.taskId)[2];
    expect(answer.from).to.equal('customer');
    expect(answer.subject).to.equal('Re: My parcel is late');
    // An email has no typing indicator.
    expect(Object.keys(r.desk.state.typing)).to.deep.equal([]);
  });

  it('write and type when a scenario or a test says so, and leave with a system line', async () => {
    const r = await onChat();
    r.server.runScenario([
      { at: 1000, action: 'customer-typing' },
      { at: 2000, action: 'customer-message', text: 'Still there?' },
    ]);
    r.clock.advance(1000);
    expect(r.desk.state.typing[r.taskId]).to.equal(true);
    r.clock.advance(1000);
    expect(r.desk.state.typing[r.taskId]).to.equal(undefined);
    const name = r.desk.state.tasks[0].customerName;
    r.server.customerHangup(r.taskId);
    expect(lines(r.desk.state.messages[r.taskId]).slice(1)).to.deep.equal(['customer:Still there?', `system:${name} left the conversation.`]);
    expect(() => parseScenario([{ at: 0, action: 'customer-message' }])).to.throw('"text" must be non-empty text.');
  });

  it('keep their conversations across a reload of the page (persisted with the contact center)', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const r = deskRig({ storage, queueActivity: false, conversations: { replies: false, seed: 3 } });
    await readyAgent(r.run);
    r.server.offer({ mediaType: 'chat', subject: 'Hi there' });
    const taskId = r.desk.state.tasks[0].id;
    await r.run('cc-task-accept-request', { taskId });
    await r.run('cc-task-message-request', { taskId, messageId: 'a-1', text: 'Hello!' });
    r.server.dispose();
    const again = deskRig({ storage, clock: new ManualClock(), queueActivity: false, conversations: { replies: false } });
    await again.run('cc-sign-in-request', { accessToken: 'token-123' });
    expect(lines(again.desk.state.messages[taskId])).to.deep.equal(['customer:Hi there', 'agent:Hello!']);
  });

  it('refuse a seed that is not a whole number', () => {
    expect(() => new SimulatorServer({ conversations: { seed: 1.5 } })).to.throw('conversations.seed must be a whole number');
  });
});
