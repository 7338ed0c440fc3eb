/**
 * Webex-sdk.md #10: every task subscribes to the one calling service's remote audio, so with a browser login
 * and a chat open the call's track also arrives as the chat's `task:media`. The hand-written double of
 * `webex.cc` emits it so (the cloud double does not emulate a browser login's media); the audio is the
 * call's only.
 */
import { expect } from '@open-wc/testing';
import { WebexBackend } from '../../../src/backends/webex/backend.js';
import type { WebexInstance } from '../../../src/backends/webex/sdk.js';
import { deskOn } from '../../../testing/desk.js';
import { WebexDouble } from '../../webex-double.js';
import { until } from '../../helpers-no-define.js';

describe("webex: a call's audio reaches the call only", () => {
  it('with a chat open on a browser login, the call connects: the desk holds audio for the call, none for the chat', async () => {
    const double = new WebexDouble();
    const backend = new WebexBackend({ webex: double.webex as unknown as WebexInstance, readyTimeoutMs: 1000 });
    const r = deskOn(backend);
    await r.run('cc-sign-in-request', {});
    await r.run('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await r.run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    const chat = double.offer({ mediaType: 'chat' });
    await until(() => r.desk.state.tasks.some((t) => t.id === chat), 2000, 'the chat');
    await r.run('cc-task-accept-request', { taskId: chat });
    await until(() => r.desk.state.tasks.find((t) => t.id === chat)?.state === 'connected', 2000, 'the chat connected');
    const call = double.offer();
    await until(() => r.desk.state.tasks.some((t) => t.id === call), 2000, 'the call');
    await r.run('cc-task-accept-request', { taskId: call });
    await until(() => r.desk.state.media[call] === true, 2000, "the call's audio");
    expect(r.desk.media(call)).to.be.instanceOf(MediaStreamTrack);
    expect(r.desk.state.media[chat]).to.not.equal(true);
    expect(r.desk.media(chat)).to.equal(null);
    const media = r.events.filter((e) => e.type === 'task-media').map((e) => e.type === 'task-media' && e.taskId);
    expect(media).to.deep.equal([call]);
    backend.dispose();
  });
});
