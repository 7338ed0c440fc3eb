// What a contact center does with a new contact while the agent owes a wrap-up or is on a call at capacity
// (issue 9, item 5): it waits in the queue until the agent can take it, unless the profile routes during
// wrap-up.
import { expect } from '@open-wc/testing';
import { deskRig, readyAgent } from '../../helpers.js';
import { simulatorProfile } from '../../../src/backends/simulator/data.js';

async function onACall(options: Parameters<typeof deskRig>[0] = {}) {
  const rig = deskRig(options);
  await readyAgent(rig.run);
  rig.server.offer({ mediaType: 'telephony' });
  const first = rig.server.tasks[0].id;
  await rig.run('cc-task-accept-request', { taskId: first });
  return { ...rig, first };
}

const offered = (rig: ReturnType<typeof deskRig>) => rig.server.tasks.filter((t) => t.state === 'offered').map((t) => t.id);

describe('simulator routing', () => {
  it('a new call waits while the agent is on a call, and while the wrap-up is owed; it rings once wrapped up', async () => {
    const rig = await onACall();
    rig.server.offer({ mediaType: 'telephony' });
    expect(offered(rig)).to.deep.equal([]);
    expect(rig.server.queued).to.have.length(1);

    await rig.run('cc-task-end-request', { taskId: rig.first });
    expect(rig.desk.state.tasks.map((t) => t.state)).to.deep.equal(['wrapup']);
    expect(offered(rig)).to.deep.equal([]);
    expect(rig.names().filter((n) => n === 'cc-task-incoming')).to.have.length(1);
    // Time passes: still nothing rings while the wrap-up is owed.
    rig.clock.advance(60_000);
    expect(offered(rig)).to.deep.equal([]);

    await rig.run('cc-wrapup-request', { taskId: rig.first, auxCodeId: 'wrap-resolved', notes: '' });
    expect(offered(rig)).to.have.length(1);
    expect(rig.server.queued).to.have.length(0);
    expect(rig.names().filter((n) => n === 'cc-task-incoming')).to.have.length(2);
  });

  it('nothing of another channel is offered while a wrap-up is owed either', async () => {
    const rig = await onACall();
    await rig.run('cc-task-end-request', { taskId: rig.first });
    rig.server.offer({ mediaType: 'chat' });
    expect(offered(rig)).to.deep.equal([]);
    await rig.run('cc-wrapup-request', { taskId: rig.first, auxCodeId: 'wrap-resolved', notes: '' });
    expect(rig.server.tasks.map((t) => [t.mediaType, t.state])).to.deep.equal([['chat', 'offered']]);
  });

  it('a profile that routes during wrap-up offers the next contact at once, but never a second call during a call', async () => {
    const rig = await onACall({ profile: { ...simulatorProfile, routeDuringWrapup: true } });
    rig.server.offer({ mediaType: 'telephony' });
    expect(offered(rig)).to.deep.equal([]);
    await rig.run('cc-task-end-request', { taskId: rig.first });
    // Ending the call frees the line: the waiting call rings although the wrap-up is owed.
    rig.server.offer({ mediaType: 'chat' });
    expect(rig.server.tasks.map((t) => [t.mediaType, t.state])).to.deep.equal([
      ['telephony', 'wrapup'],
      ['telephony', 'offered'],
      ['chat', 'offered'],
    ]);
  });
});
