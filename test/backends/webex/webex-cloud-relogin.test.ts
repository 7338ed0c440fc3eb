/**
 * A page that opens while the agent is logged in already (a reload, another tab), on the real SDK against the
 * loopback Webex cloud. A page of its own: the SDK must meet this agent with its first Webex instance.
 */
import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../../src/core/backend.js';
import { Cloud, realSdkBackend } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

describe('webex on the real SDK: an agent already logged in (loopback Webex cloud)', () => {
  it('reports the relogin after the profile, then each remote change once although the SDK relays it twice', async () => {
    const cloud = await Cloud.tenant();
    await cloud.loggedIn({ loginOption: 'EXTENSION', dialNumber: '1042', auxCodeId: '0' });
    const { backend, events } = realSdkBackend(cloud);
    await backend.connect({ accessToken: cloud.tenant.token });
    await backend.register();

    // The SDK announces the relogin inside register(), before it resolves (webex-sdk.md #6): the page hears
    // the profile first, then the station and the state it was in.
    const types = events.map((e) => e.type);
    expect(types.indexOf('registered')).to.be.above(-1);
    expect(types.filter((t) => t === 'sync')).to.have.length(1);
    expect(types.indexOf('sync')).to.be.above(types.indexOf('registered'));
    const sync = events.find((e): e is Extract<BackendEvent, { type: 'sync' }> => e.type === 'sync')!;
    expect(sync.station).to.deep.equal({ teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: '1042' });
    expect(sync.agent).to.include({ state: 'Available', auxCodeId: '0' });

    // The SDK now relays every agent message twice (its relogin added a second listener, webex-sdk.md #7).
    const before = events.length;
    await cloud.supervisorState('Idle', 'idle-lunch');
    await until(() => events.length > before, 3000, 'the remote change');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const changes = events.slice(before).filter((e) => e.type === 'agent-state');
    expect(changes).to.have.length(1);
    expect(changes[0]).to.deep.include({ type: 'agent-state' });
    expect((changes[0] as Extract<BackendEvent, { type: 'agent-state' }>).agent).to.include({ state: 'Idle', auxCodeId: 'idle-lunch', by: 'remote' });
    backend.dispose();
  });

  it('a page reloaded mid-call finds the call: reported in the sync after the profile, connected, with the station', async () => {
    const cloud = await Cloud.tenant();
    await cloud.loggedIn({ loginOption: 'AGENT_DN', dialNumber: '+14155550199', auxCodeId: '0' });
    const id = await cloud.offer();
    await cloud.answer(id);
    const { backend, events } = realSdkBackend(cloud);
    await backend.connect({ accessToken: cloud.tenant.token });
    await backend.register();
    // The SDK learns of the call from the contact the service sends after the relogin, once register() has
    // resolved: the page hears the profile, then the station, then the call, connected.
    const found = (e: BackendEvent) =>
      (e.type === 'task-hydrated' && e.task.id === id) || (e.type === 'sync' && e.tasks.some((t) => t.id === id));
    await until(() => events.some(found), 3000, 'the call');
    const types = events.map((e) => e.type);
    const registered = types.indexOf('registered');
    expect(types.slice(0, registered).filter((t) => t.startsWith('task-') || t === 'sync')).to.deep.equal([]);
    expect(events.findIndex(found)).to.be.above(registered);
    const sync = events.find((e): e is Extract<BackendEvent, { type: 'sync' }> => e.type === 'sync')!;
    expect(sync.station).to.deep.include({ loginOption: 'AGENT_DN', dialNumber: '+14155550199' });
    const call = events.find(found)!;
    expect(call.type === 'task-hydrated' ? call.task.state : call.type === 'sync' ? call.tasks.find((t) => t.id === id)?.state : null).to.equal('connected');
    // and the call goes on: the customer hangs up, a wrap-up is owed
    await cloud.hangup(id);
    await until(() => events.some((e) => e.type === 'task-ended' && e.task.id === id && e.task.wrapupRequired), 3000, 'the call ended');
    backend.dispose();
  });
});
