/**
 * Signing in and out with the real SDK against the loopback Webex cloud, with the backend making its own Webex
 * instance from a token. A page of its own: the SDK binds its services to the first Webex instance of a page.
 */
import { expect } from '@open-wc/testing';
import type { CcError } from '../../../src/core/errors.js';
import { Cloud, EXTENSION_STATION, realSdkBackend } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const backendFor = (cloud: Cloud) => realSdkBackend(cloud, { readyTimeoutMs: 5000 });

/** The backend straight on the real SDK, signed in, on the extension, Available, with a call answered on the phone. */
async function onACall(cloud: Cloud, call: { pauseResumeEnabled?: boolean } = {}) {
  const { backend, events } = backendFor(cloud);
  await backend.connect({ accessToken: cloud.tenant.token });
  await backend.register();
  await backend.stationLogin(EXTENSION_STATION);
  await backend.setAgentState({ state: 'Available', auxCodeId: '0' });
  const id = await cloud.offer('telephony', call);
  await until(() => events.some((e) => e.type === 'task-offered'), 3000, 'the offer');
  await cloud.answer(id);
  await until(() => events.some((e) => e.type === 'task-assigned'), 3000, 'the call');
  return { backend, events, id };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: CcError) => e,
  );

describe('webex on the real SDK: signing in with tokens (loopback Webex cloud)', () => {
  it('signs in again with a second token after the first expired, in the same page: the cloud sees the new token', async () => {
    const cloud = await Cloud.tenant();
    const first = backendFor(cloud);
    await first.backend.connect({ accessToken: cloud.tenant.token });
    await first.backend.register();
    await first.backend.stationLogin({ teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '+14155550199' });
    await first.backend.stationLogout();
    await first.backend.deregister();
    first.backend.dispose();

    await cloud.expireToken();
    const token = await cloud.newToken();
    const second = backendFor(cloud);
    await second.backend.connect({ accessToken: token });
    const profile = await second.backend.register();
    expect(profile.agentId).to.equal(cloud.tenant.agentId);
    // Registered with the new token, the agent gets station login and offers again (webex-sdk.md #2, #3).
    await second.backend.stationLogin({ teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '+14155550199' });
    expect(second.events.map((e) => e.type)).to.include('station-login');
    await second.backend.setAgentState({ state: 'Available', auxCodeId: '0' });
    const id = await cloud.offer();
    await until(() => second.events.some((e) => e.type === 'task-offered' && e.task.id === id), 3000, 'the offer');
    await cloud.hangup(id);
    await until(() => second.events.some((e) => e.type === 'task-rejected'), 3000, 'the offer withdrawn');
    await second.backend.stationLogout();
    await second.backend.deregister();
    second.backend.dispose();
  });

  it('a token that expires mid-call: the next action fails with auth-failed, not rejected, and the call is as it was', async () => {
    const cloud = await Cloud.tenant();
    const { backend, events, id } = await onACall(cloud);
    await cloud.expireToken();
    const error = await failure(backend.hold(id));
    expect(error?.code).to.equal('auth-failed');
    expect(error?.message).to.match(/token/i);
    expect(events.filter((e) => e.type === 'task-updated')).to.have.length(0);
    backend.dispose();
  });

  it('an expired token is told apart from a refusal: auth-failed, not rejected', async () => {
    const cloud = await Cloud.tenant();
    const { backend } = backendFor(cloud);
    await cloud.expireToken();
    const error = await failure(backend.connect({ accessToken: cloud.tenant.token }).then(() => backend.register()));
    expect(error?.code).to.equal('auth-failed');
    backend.dispose();
  });

  it("refuses what the tenant forbids (end a call, consult a queue, end a consult, pause this call's recording) before asking Webex", async () => {
    const cloud = await Cloud.tenant({ endCallEnabled: false, endConsultEnabled: false, consultToQueue: false });
    const { backend, id } = await onACall(cloud, { pauseResumeEnabled: false });
    const before = (await cloud.state()).calls.length;
    expect((await failure(backend.end(id)))?.code).to.equal('unsupported');
    expect((await failure(backend.pauseRecording(id)))?.code).to.equal('unsupported');
    expect((await failure(backend.consult(id, { type: 'queue', to: 'queue-billing' })))?.code).to.equal('unsupported');
    await backend.consult(id, { type: 'agent', to: 'agent-sam' });
    const ended = await failure(backend.endConsult(id));
    expect(ended?.code).to.equal('unsupported');
    expect(ended?.message).to.match(/does not let agents end a consult/);
    expect((await cloud.state()).calls.slice(before)).to.deep.equal([`POST /v1/tasks/${id}/consult`]);
    await cloud.hangup(id);
    backend.dispose();
  });
});
