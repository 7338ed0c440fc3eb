/**
 * A long outage on the real Webex SDK (loopback Webex cloud, nothing patched): the notification socket silent
 * for 60 s mid-call. The SDK's connection limits are fixed timers in the page, re-armed on every frame it gets
 * (services/core/websocket/connection-service.ts, `onPing`: `setTimeout(handleConnectionLost, 8000)` and
 * `setTimeout(handleRestoreFailed, 50000)`; the tenant's `lostConnectionRecoveryTimeout` is read into the profile
 * but never given to it). This page runs on @sinonjs/fake-timers, installed before the SDK is loaded, and the
 * test moves the clock instead of waiting a minute. The SDK sends its keepalives from a Web Worker
 * (keepalive.worker.js), on real time, which the fake clock does not reach: the silent cloud leaves them
 * unanswered.
 */
import { expect } from '@open-wc/testing';
import { Cloud, fakeClockEachTest, signedInDesk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

describe('webex on the real SDK: the socket silent for 60 s (fake clock)', function () {
  this.timeout(30_000);
  const fakeClock = fakeClockEachTest();

  it('reconnecting, then offline when the SDK gives up at 50 s; the backend registers again by itself: connected, the call kept and working, nothing announced twice', async () => {
    const cloud = await Cloud.tenant();
    const fake = await fakeClock(cloud);
    const r = await signedInDesk(cloud, { call: {} });
    const call = r.callId;
    const heard = r.outcomes.length;
    const callsBefore = (await cloud.state()).calls.length;

    await cloud.silent(true);
    // 8 s after its last frame (the last answered keepalive, at most 4 s before the silence) the SDK says the
    // connection is lost; it keeps trying until 50 s after that frame.
    await fake.tickAsync(8_500);
    await until(() => r.desk.state.connection === 'reconnecting', 3000, 'reconnecting');
    await fake.tickAsync(45_000 - 8_500);
    expect(r.desk.state.connection).to.equal('reconnecting');
    await fake.tickAsync(60_000 - 45_000);
    await until(() => r.desk.state.connection === 'offline', 3000, 'offline: the SDK gave up');
    // The backend registers again 5 s after the SDK gave up, while the cloud is still silent: subscribe works
    // (only the socket is silent) and register() waits for the new socket's Welcome.
    await until(async () => (await cloud.state()).calls.slice(callsBefore).includes('POST /v1/notification/subscribe'), 5000, 'the backend registering again');
    await until(async () => (await cloud.state()).sockets === 2, 5000, "the backend's new socket");
    expect(r.desk.state.connection).to.equal('offline');

    // The silence ends: the Welcome comes, register() goes on (profile, reload: the relogin) and the desk is back.
    await cloud.silent(false);
    await until(
      async () => r.desk.state.connection === 'connected' && (await cloud.state()).calls.slice(callsBefore).includes('POST /v1/agents/reload'),
      5000,
      'connected again, the agent logged in again',
    );
    expect(r.connections()).to.deep.equal(['connected', 'reconnecting', 'offline', 'connected']);
    expect((await cloud.state()).calls.slice(callsBefore).filter((c) => /subscribe|reload/.test(c))).to.deep.equal([
      'POST /v1/notification/subscribe',
      'POST /v1/agents/reload',
    ]);
    // The call is still there, connected, and nothing else was announced for it meanwhile.
    expect(r.desk.state.tasks.map((t) => [t.id, t.state])).to.deep.equal([[call, 'connected']]);
    expect(r.desk.state.station).to.deep.include({ loginOption: 'EXTENSION', dialNumber: '1042' });
    const meanwhile = r.outcomes.slice(heard);
    expect(meanwhile.filter((e) => e.type === 'cc-error').map((e) => JSON.stringify(e.detail))).to.deep.equal([]);
    expect(meanwhile.filter((e) => /^cc-task-(incoming|end|rejected|wrapup)$/.test(e.type)).map((e) => `${e.type} ${JSON.stringify(e.detail)}`)).to.deep.equal([]);

    // and it works: held once, announced once
    const before = r.outcomes.length;
    await r.run('cc-task-hold-request', { taskId: call });
    await until(() => r.desk.state.tasks.find((t) => t.id === call)?.held === true, 3000, 'the call held');
    await fake.tickAsync(300);
    expect(r.outcomes.slice(before).filter((e) => e.type === 'cc-task-change').map((e) => (e.detail as { change: string }).change)).to.deep.equal(['held']);
    expect((await cloud.state()).calls.filter((c) => c.endsWith('/hold'))).to.deep.equal([`POST /v1/tasks/${call}/hold`]);
    await r.close();
  });
});
