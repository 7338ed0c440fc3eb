/**
 * An outage the SDK recovers from alone, on the real Webex SDK (loopback Webex cloud, nothing patched): the
 * notification socket silent for 30 s mid-call, less than the 50 s after which the SDK gives up (see
 * outage-real-sdk.test.ts for the 60 s case and for why this page runs on a fake clock). A page of its own: the
 * SDK's services are page-wide, and the fake clock is installed before the SDK is first loaded.
 */
import { expect } from '@open-wc/testing';
import { Cloud, fakeClockEachTest, signedInDesk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

describe('webex on the real SDK: the socket silent for 30 s (fake clock)', function () {
  this.timeout(30_000);
  const fakeClock = fakeClockEachTest();

  it('reconnecting after 8 s, and connected again with the first keepalive answered; the SDK recovers alone (no new register), the call kept', async () => {
    const cloud = await Cloud.tenant();
    const fake = await fakeClock(cloud);
    const r = await signedInDesk(cloud, { call: {} });
    const call = r.callId;
    const callsBefore = (await cloud.state()).calls.length;
    await cloud.silent(true);
    await fake.tickAsync(8_500);
    await until(() => r.desk.state.connection === 'reconnecting', 3000, 'reconnecting');
    await fake.tickAsync(30_000 - 8_500);
    expect(r.desk.state.connection).to.equal('reconnecting');
    await cloud.silent(false);
    // The next keepalive (the SDK's worker sends one every 4 s, on real time) is answered.
    await until(() => r.desk.state.connection === 'connected', 6000, 'connected again');
    expect(r.connections()).to.deep.equal(['connected', 'reconnecting', 'connected']);
    expect((await cloud.state()).calls.slice(callsBefore).filter((c) => /subscribe|reload/.test(c))).to.deep.equal([]);
    expect(r.desk.state.tasks.map((t) => [t.id, t.state])).to.deep.equal([[call, 'connected']]);
    await r.run('cc-task-hold-request', { taskId: call });
    await until(() => r.desk.state.tasks.find((t) => t.id === call)?.held === true, 3000, 'the call held');
    await r.close();
  });
});
