/**
 * The simulator fills the contract's conversations: a chat opens with the customer's first line as the
 * conversation's first message, kept in the store (`state.messages`, by task id) and dropped with the task.
 */
import { expect } from '@open-wc/testing';
import { deskRig, readyAgent } from '../../helpers.js';

describe('simulator: conversation messages', () => {
  it("a chat opens with the customer's first line, kept in the store as text and dropped with the task", async () => {
    const { run, server, desk } = deskRig();
    await readyAgent(run);
    server.offer({ mediaType: 'chat', subject: 'Where is my <b>order</b>?', customerName: 'Ann Lee' });
    const task = desk.state.tasks[0];
    expect(desk.state.messages[task.id]).to.deep.equal([
      { id: `${task.id}-1`, taskId: task.id, from: 'customer', author: 'Ann Lee', text: 'Where is my <b>order</b>?', at: task.offeredAt },
    ]);
    // A call has no conversation.
    server.offer({ mediaType: 'telephony' });
    expect(Object.keys(desk.state.messages)).to.deep.equal([task.id]);
    await run('cc-task-decline-request', { taskId: task.id });
    expect(desk.state.messages[task.id]).to.equal(undefined);
  });
});
