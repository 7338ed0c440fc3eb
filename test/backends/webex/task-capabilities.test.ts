/**
 * A call whose flow forbids pausing its recording: the Webex backend says so as that task's own capabilities
 * (real SDK, loopback Webex cloud), so the desk refuses the pause unasked and Webex never sees it.
 */
import { expect } from '@open-wc/testing';
import { Cloud, signedInDesk } from '../../webex-cloud/client.js';

describe('webex on the real SDK: a task\'s own capabilities', () => {
  it('a call whose recording cannot be paused: recording off for that call only, refused by the desk before Webex is asked', async () => {
    const cloud = await Cloud.tenant();
    const r = await signedInDesk(cloud, { call: { pauseResumeEnabled: false } });
    const locked = r.callId;
    // The backend's own capabilities (after the profile: entry points, address book, stopping auto wrap-up)
    // come as events without a task; the call's come with its id.
    const own = r.events.filter((e) => e.type === 'capabilities' && e.taskId !== undefined);
    expect(own.map((e) => e.type === 'capabilities' && [e.taskId, e.capabilities.recording])).to.deep.equal([[locked, false]]);
    expect(r.desk.state.taskCapabilities[locked]?.recording).to.equal(false);
    expect(r.desk.state.capabilities?.recording).to.equal(true);

    const before = (await cloud.state()).calls.length;
    await r.run('cc-task-recording-pause-request', { taskId: locked });
    const error = r.outcomes.filter((e) => e.type === 'cc-error').at(-1);
    expect(error?.detail).to.deep.include({ action: 'task-recording-pause', code: 'unsupported' });
    expect((await cloud.state()).calls.slice(before)).to.deep.equal([]);
    await r.close();
  });
});
