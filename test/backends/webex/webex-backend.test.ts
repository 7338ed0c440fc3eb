import { expect } from '@open-wc/testing';
import type { Profile as SdkProfile } from '@webex/contact-center';
import { WebexBackend, type WebexBackendOptions } from '../../../src/backends/webex/backend.js';
import { toCcError } from '../../../src/backends/webex/errors.js';
import { toProfile } from '../../../src/backends/webex/profile.js';
import { isOAuthRedirect } from '../../../src/backends/webex/oauth.js';
import type { WebexInstance, WebexStatic } from '../../../src/backends/webex/sdk.js';
import { createBackend } from '../../../src/backends/registry.js';
import type { BackendEvent } from '../../../src/core/backend.js';
import type { CcError } from '../../../src/core/errors.js';
import { AGENT_ID, WebexDouble, fakeWebexClass, rawProfile, type WebexDoubleOptions } from '../../webex-double.js';
import { until } from '../../helpers-no-define.js';

const TOKEN = 'ZGVhZGJlZWYtZmFrZS10b2tlbi1mb3ItdGVzdHM_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f';

/** A backend on a host-supplied instance (the double), recording every event. */
function hosted(options: WebexDoubleOptions = {}, backendOptions: WebexBackendOptions = {}) {
  const double = new WebexDouble(options);
  const backend = new WebexBackend({ webex: double.webex as unknown as WebexInstance, readyTimeoutMs: 1000, ...backendOptions });
  const events: BackendEvent[] = [];
  backend.subscribe((e) => events.push(e));
  const types = () => events.map((e) => e.type);
  return { double, backend, events, types };
}

/** A backend that makes its own instance through a fake `Webex` class. */
function owned(make: (attrs: any) => WebexDouble, backendOptions: WebexBackendOptions = {}) {
  const { Webex, inits } = fakeWebexClass(make);
  let loads = 0;
  const backend = new WebexBackend({
    loadSdk: async () => {
      loads++;
      return Webex as unknown as WebexStatic;
    },
    readyTimeoutMs: 300,
    ...backendOptions,
  });
  const events: BackendEvent[] = [];
  backend.subscribe((e) => events.push(e));
  return { backend, inits, events, loads: () => loads };
}

const fail = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: CcError) => e,
  );

async function loggedIn(options: WebexDoubleOptions = {}, loginOption: 'BROWSER' | 'AGENT_DN' | 'EXTENSION' = 'BROWSER', backendOptions: WebexBackendOptions = {}) {
  const rig = hosted(options, backendOptions);
  await rig.backend.connect({});
  await rig.backend.register();
  await rig.backend.stationLogin({ teamId: 'team-support', loginOption, ...(loginOption === 'AGENT_DN' ? { dialNumber: '+14155550199' } : loginOption === 'EXTENSION' ? { dialNumber: '1042' } : {}) });
  await rig.backend.setAgentState({ state: 'Available', auxCodeId: '0' });
  return rig;
}

async function connected(rig: Awaited<ReturnType<typeof loggedIn>>, mediaType: 'telephony' | 'chat' = 'telephony') {
  const id = rig.double.offer({ mediaType });
  await rig.backend.accept(id);
  await until(() => rig.events.some((e) => e.type === 'task-assigned' && e.task.id === id), 2000, 'assigned');
  return id;
}

describe('webex: profile from register()', () => {
  it('maps teams as register() really returns them, login options, codes, dial rules and auto wrap-up', () => {
    const profile = toProfile(rawProfile() as unknown as SdkProfile);
    expect(profile.teams).to.deep.equal([
      { id: 'team-support', name: 'Customer Support' },
      { id: 'team-billing', name: 'Billing' },
    ]);
    expect(profile.loginOptions).to.deep.equal(['BROWSER', 'AGENT_DN', 'EXTENSION']);
    expect(profile.idleCodes.map((c) => c.id)).to.deep.equal(['idle-break', 'idle-lunch', 'idle-meeting']);
    expect(profile.idleCodes[0].isDefault).to.equal(true);
    expect(profile.wrapupCodes.map((c) => c.name)).to.deep.equal(['Resolved', 'Follow-up needed', 'Escalated']);
    expect(profile.autoWrapupSeconds).to.equal(null);
    expect(profile).to.include({ agentId: AGENT_ID, agentName: 'Dana Whitfield', email: 'dana.whitfield@example.com', defaultDialNumber: '+14155550199' });
    const rule = new RegExp(`^(?:${profile.dialRules.AGENT_DN!.pattern})$`);
    expect(rule.test('+14155550199')).to.equal(true);
    expect(rule.test('hello')).to.equal(false);
    expect(profile.dialRules.AGENT_DN!.example).to.equal('+14155550199');
  });

  it('drops BROWSER when WebRTC is off, and reads the typed team shape too', () => {
    const profile = toProfile(
      rawProfile({ webRtcEnabled: false, teams: [{ teamId: 't-1', teamName: 'Typed team' }] }) as unknown as SdkProfile,
    );
    expect(profile.loginOptions).to.deep.equal(['AGENT_DN', 'EXTENSION']);
    expect(profile.teams).to.deep.equal([{ id: 't-1', name: 'Typed team' }]);
  });

  it('takes the dial-number rule from regexUS/regexOther without a dial plan, else the SDK fallback', () => {
    const tenant = toProfile(rawProfile({ dialPlan: undefined }) as unknown as SdkProfile);
    const rule = new RegExp(`^(?:${tenant.dialRules.AGENT_DN!.pattern})$`);
    expect(rule.test('+442071838750')).to.equal(true); // regexOther
    expect(rule.test('14155550123')).to.equal(true); // regexUS
    expect(rule.test('12')).to.equal(false);
    const none = toProfile(rawProfile({ dialPlan: undefined, regexUS: '', regexOther: '[' }) as unknown as SdkProfile);
    expect(new RegExp(`^(?:${none.dialRules.AGENT_DN!.pattern})$`).test('14155550123')).to.equal(true);
    const noDn = toProfile(rawProfile({ loginVoiceOptions: ['BROWSER'] }) as unknown as SdkProfile);
    expect(noDn.dialRules).to.deep.equal({});
  });

  it('reads auto wrap-up from wrapUpData (milliseconds, as the SDK runs its timer)', () => {
    const profile = toProfile(
      rawProfile({ wrapUpData: { wrapUpProps: { autoWrapup: true, autoWrapupInterval: 30000, wrapUpReasonList: [] } } }) as unknown as SdkProfile,
    );
    expect(profile.autoWrapupSeconds).to.equal(30);
  });
});

describe('webex: three ways in', () => {
  it('uses a host-supplied instance: waits for ready, registers, no SDK loaded', async () => {
    const { backend, types, double } = hosted();
    await backend.connect({});
    const profile = await backend.register();
    expect(profile.agentId).to.equal(AGENT_ID);
    expect(types()).to.deep.equal(['connection', 'signed-in', 'registered']);
    expect(double.cc.calls.map((c) => c.method)).to.deep.equal(['register']);
    backend.dispose();
    expect(double.listenerCount()).to.equal(0);
  });

  it('through <cc-sdk>, a host instance given as backendOptions signs in with no credentials at all', async () => {
    await import('../../../define/cc-sdk.js');
    const double = new WebexDouble();
    const sdk = document.createElement('cc-sdk');
    sdk.backendOptions = { webex: double.webex, readyTimeout: 1000 };
    sdk.backend = 'webex';
    document.body.append(sdk);
    try {
      await until(() => sdk.desk.backend?.name === 'webex');
      expect(sdk.state.capabilities?.externalSession).to.equal(true);
      await sdk.request('cc-sign-in-request', {});
      expect(sdk.state.errors).to.deep.equal({});
      expect(sdk.state.profile?.agentId).to.equal(AGENT_ID);
    } finally {
      sdk.remove();
    }
  });

  it('signs in with an access token: Webex.init with the token and the cc config', async () => {
    const { backend, inits, loads } = owned(() => new WebexDouble());
    await backend.connect({ accessToken: `Bearer ${TOKEN}` });
    await backend.register();
    expect(loads()).to.equal(1);
    expect(inits[0].credentials).to.deep.equal({ access_token: TOKEN });
    expect(inits[0].config.cc).to.include({ allowMultiLogin: false, allowAutomatedRelogin: true, clientType: 'WebexCCSDK' });
    expect(inits[0].config.logger).to.include({ bufferLogLevel: 'log' });
    backend.dispose();
  });

  it('refuses a malformed token at once, without loading the SDK', async () => {
    const { backend, loads } = owned(() => new WebexDouble());
    for (const token of ['', '   ', 'not a token', 'abc', 'A'.repeat(60)]) {
      const err = await fail(backend.connect({ accessToken: token }));
      expect(err?.code, token).to.equal('auth-failed');
      expect(err?.message).to.match(/access token/);
    }
    expect(loads()).to.equal(0);
  });

  it('an expired token fails register() with auth-failed, signs nothing in, and a new token goes to the same instance', async () => {
    const { backend, inits, events } = owned(() => new WebexDouble({ refuseToken: (token) => token === TOKEN }));
    await backend.connect({ accessToken: TOKEN });
    const err = await fail(backend.register());
    expect(err).to.deep.include({ code: 'auth-failed', action: 'register' });
    expect(err?.message).to.match(/refused the access token/);
    expect(events.map((e) => e.type)).to.not.include('signed-in');
    const fresh = TOKEN.replace(/^./, 'X');
    await backend.connect({ accessToken: fresh });
    await backend.register();
    // One Webex instance per page: the real SDK's services stay bound to the first one (webex-sdk.md #2).
    expect(inits).to.have.length(1);
    expect(backend.webex?.credentials?.supertoken?.access_token).to.equal(fresh);
    expect(events.map((e) => e.type)).to.include('registered');
  });

  it('an SDK that never becomes ready fails with timeout, within the time limit', async () => {
    const { backend } = owned(() => new WebexDouble({ neverReady: true }), { readyTimeoutMs: 150 });
    const started = performance.now();
    const err = await fail(backend.connect({ accessToken: TOKEN }));
    expect(err?.code).to.equal('timeout');
    expect(err?.message).to.match(/did not become ready within/);
    expect(performance.now() - started).to.be.below(1000);
    // and the backend can try again
    const hostedRig = hosted({ neverReady: true }, { readyTimeoutMs: 100 });
    expect((await fail(hostedRig.backend.connect({})))?.code).to.equal('timeout');
  });

  it('no network: an SDK that cannot load, or a register() that cannot reach Webex, is offline', async () => {
    const noSdk = new WebexBackend({
      loadSdk: async () => {
        throw toCcError(new TypeError('Failed to fetch dynamically imported module: /chunks/webex-sdk.js'), 'connect');
      },
    });
    expect((await fail(noSdk.connect({ accessToken: TOKEN })))?.code).to.equal('offline');
    const { backend, double } = hosted();
    await backend.connect({});
    double.networkUp = false;
    const err = await fail(backend.register());
    expect(err?.code).to.equal('offline');
    expect(err?.message).to.match(/cannot be reached/);
  });

  it('OAuth: sends the agent to Webex to sign in, with the contact-center and WebRTC scopes', async () => {
    let double: WebexDouble | null = null;
    const first = owned(() => (double = new WebexDouble({ unauthorized: true })), { readyTimeoutMs: 50 });
    const err = await fail(first.backend.connect({ oauth: { clientId: 'client-1', redirectUri: 'https://crm.example.com/desk' } }));
    expect(double!.webex.loginRequests).to.equal(1);
    expect(err?.code).to.equal('timeout');
    const creds = first.inits[0].config.credentials;
    expect(creds).to.include({ client_id: 'client-1', redirect_uri: 'https://crm.example.com/desk' });
    expect(creds.scope.split(' ')).to.include.members(['cjp:config_read', 'cjp:user', 'spark:webrtc_calling', 'spark:kms']);
    expect(first.inits[0].credentials).to.equal(undefined);
    // Back from the redirect, the SDK has picked the token up from the URL: the instance can authorise.
    const back = owned(() => new WebexDouble(), { oauth: { clientId: 'client-1', redirectUri: 'https://crm.example.com/desk' } });
    await back.backend.connect({});
    await back.backend.register();
    expect(back.inits[0].config.credentials.client_id).to.equal('client-1');
    expect(back.events.map((e) => e.type)).to.include('registered');
  });

  it('recognises the OAuth redirect without loading anything', () => {
    expect(isOAuthRedirect({ hash: '#access_token=abc&expires_in=3600', search: '' })).to.equal(true);
    expect(isOAuthRedirect({ hash: '', search: '?error=access_denied' })).to.equal(true);
    expect(isOAuthRedirect({ hash: '#tab=1', search: '?q=1' })).to.equal(false);
  });

  it('a host instance without webex.cc or without credentials gets a clear error', async () => {
    const noCc = new WebexBackend({ webex: { ready: true, once: () => undefined } as unknown as WebexInstance });
    const err = await fail(noCc.connect({}));
    expect(err?.code).to.equal('backend-error');
    expect(err?.message).to.match(/no contact-center plugin/);
    const { backend } = hosted({ unauthorized: true });
    expect((await fail(backend.connect({})))?.code).to.equal('auth-failed');
  });

  it('is built by name through the registry, with a dynamic import', async () => {
    const double = new WebexDouble();
    const backend = await createBackend('webex', { webex: double.webex, 'ready-timeout': '500', 'client-id': 'c', 'redirect-uri': 'https://x.example' });
    expect(backend).to.be.instanceOf(WebexBackend);
    expect(backend.name).to.equal('webex');
    expect(backend.capabilities).to.include({ oauth: true, hold: true, consult: true, wrapupCodes: true });
    backend.dispose();
  });
});

describe('webex: the token', () => {
  it('warns five minutes before the token expires, follows a refreshed token, and says when it has expired', async () => {
    const { ManualClock } = await import('../../../src/core/clock.js');
    const clock = new ManualClock();
    const { double, backend, events } = hosted({}, { clock });
    double.webex.credentials.supertoken.expires = clock.now() + 10 * 60_000;
    await backend.connect({});
    await backend.register();
    const expiry = () => events.filter((e) => e.type === 'auth-expiring' || e.type === 'auth-expired').map((e) => (e.type === 'auth-expiring' ? `expiring@${e.expiresAt - clock.now()}` : 'expired'));
    expect(events.find((e) => e.type === 'signed-in')).to.deep.include({ expiresAt: clock.now() + 10 * 60_000 });
    clock.advance(5 * 60_000 - 1);
    expect(expiry()).to.deep.equal([]);
    clock.advance(1);
    expect(expiry()).to.deep.equal([`expiring@${5 * 60_000}`]);
    // The SDK refreshed the token (OAuth): no expiry now; a warning again before the new one.
    double.webex.credentials.supertoken.expires = clock.now() + 60 * 60_000;
    clock.advance(5 * 60_000);
    expect(expiry()).to.have.length(1);
    clock.advance(50 * 60_000);
    expect(expiry().slice(1)).to.deep.equal([`expiring@${5 * 60_000}`]);
    clock.advance(5 * 60_000);
    expect(expiry().at(-1)).to.equal('expired');
    backend.dispose();
    expect(clock.pendingTimers).to.equal(0);
  });
});

describe('webex: what the adapter sends to the SDK', () => {
  it('station login: BROWSER without a dial number, AGENT_DN with it; logout with an allowed reason', async () => {
    const rig = await loggedIn();
    expect(rig.double.cc.calls.find((c) => c.method === 'stationLogin')?.args[0]).to.deep.equal({ teamId: 'team-support', loginOption: 'BROWSER' });
    expect(rig.double.cc.calls.find((c) => c.method === 'setAgentState')?.args[0]).to.deep.equal({ state: 'Available', auxCodeId: '0' });
    await rig.backend.stationLogout('Shift over');
    expect(rig.double.cc.calls.at(-1)).to.deep.equal({ method: 'stationLogout', args: [{ logoutReason: 'User requested logout' }] });
    expect(rig.events.at(-1)).to.deep.equal({ type: 'station-logout', reason: 'Shift over' });
    await rig.backend.stationLogin({ teamId: 'team-billing', loginOption: 'AGENT_DN', dialNumber: '+14155550199' });
    expect(rig.double.cc.calls.at(-1)?.args[0]).to.deep.equal({ teamId: 'team-billing', loginOption: 'AGENT_DN', dialNumber: '+14155550199' });
  });

  it('a dial number Webex refuses is invalid-dial-number, with its own words', async () => {
    const rig = hosted();
    await rig.backend.connect({});
    await rig.backend.register();
    const err = await fail(rig.backend.stationLogin({ teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '12' }));
    expect(err?.code).to.equal('invalid-dial-number');
    expect(err?.message).to.match(/valid dial number/);
  });

  it('task actions: hold/resume with the mediaResourceId, resumeRecording autoResumed false, consult, endConsult, wrapup by name', async () => {
    const rig = await loggedIn();
    const id = await connected(rig);
    const task = rig.double.collection[id];
    await rig.backend.hold(id);
    await rig.backend.resume(id);
    await rig.backend.pauseRecording(id);
    await rig.backend.resumeRecording(id);
    await rig.backend.consult(id, { type: 'queue', to: 'queue-billing' });
    await rig.backend.endConsult(id);
    await rig.backend.end(id);
    await until(() => rig.events.some((e) => e.type === 'task-ended'), 2000);
    await rig.backend.wrapup(id, { auxCodeId: 'wrap-followup', notes: 'Call back Tuesday' });
    const calls = task.calls.map((c) => [c.method, ...c.args]);
    expect(calls).to.deep.equal([
      ['accept'],
      ['hold', id],
      ['resume', id],
      ['pauseRecording'],
      ['resumeRecording', { autoResumed: false }],
      ['consult', { to: 'queue-billing', destinationType: 'queue' }],
      // The double's queue consult is taken by a queue agent at once (AgentConsultCreated): it is then ended
      // without the queue id, which only cancels a consult still waiting in the queue (webex-sdk.md #4).
      ['endConsult', { isConsult: true, taskId: id }],
      ['end'],
      ['wrapup', { wrapUpReason: 'Follow-up needed', auxCodeId: 'wrap-followup' }],
    ]);
    const wrapped = rig.events.find((e) => e.type === 'task-wrapped-up');
    expect(wrapped).to.deep.include({ auxCodeId: 'wrap-followup', notes: 'Call back Tuesday' });
    expect(rig.double.listenerCount() - rig.double.cc.listenerCount() - rig.double.cc.services.connectionService.listenerCount()).to.equal(0);
  });

  it('transfers with {to, destinationType}, and consult-transfers to the consulted agent', async () => {
    const rig = await loggedIn();
    const id = await connected(rig);
    await rig.backend.consult(id, { type: 'agent', to: 'agent-sam' });
    rig.double.answerConsult(id);
    await until(() => rig.events.some((e) => e.type === 'task-updated' && e.task.consult?.state === 'connected'), 2000);
    await rig.backend.consultTransfer(id);
    const second = await connected(rig);
    await rig.backend.transfer(second, { type: 'dialNumber', to: '+442071838750' });
    const calls = [...rig.double.collection[id]?.calls ?? [], ...rig.double.everyTask.flatMap((t) => t.calls)];
    expect(calls.find((c) => c.method === 'consult')?.args[0]).to.deep.equal({ to: 'agent-sam', destinationType: 'agent' });
    expect(calls.find((c) => c.method === 'consultTransfer')?.args[0]).to.deep.equal({ to: 'agent-sam', destinationType: 'agent' });
    expect(calls.find((c) => c.method === 'transfer')?.args[0]).to.deep.equal({ to: '+442071838750', destinationType: 'dialNumber' });
  });

  it('destinations: available buddies (not the agent) and every page of queues', async () => {
    const rig = await loggedIn();
    const agents = await rig.backend.destinations('agent');
    expect(rig.double.cc.calls.find((c) => c.method === 'getBuddyAgents')?.args[0]).to.deep.equal({ mediaType: 'telephony', state: 'Available' });
    expect(agents).to.deep.equal([
      { type: 'agent', to: 'agent-sam', name: 'Sam Okafor', detail: 'Customer Support' },
      { type: 'agent', to: 'agent-ines', name: 'Inés Moreau', detail: 'Billing' },
    ]);
    const queues = await rig.backend.destinations('queue');
    expect(queues.map((q) => q.to)).to.deep.equal(['queue-support', 'queue-billing', 'queue-escalations']);
    expect(rig.double.cc.calls.filter((c) => c.method === 'getQueues').map((c) => c.args[0])).to.deep.equal([
      { page: 0, pageSize: 100 },
      { page: 1, pageSize: 100 },
    ]);
  });

  it('outdial: startOutdial(number, the ANI from the profile), per the profile flags', async () => {
    const rig = await loggedIn();
    expect(rig.backend.capabilities.outdial).to.equal(true);
    await rig.backend.outdial('+442071838750');
    expect(rig.double.cc.calls.find((c) => c.method === 'startOutdial')?.args).to.deep.equal(['+442071838750', '+18005550100']);
    await until(() => rig.events.some((e) => e.type === 'task-offered' && e.task.direction === 'outbound'), 2000);
    const offered = rig.events.find((e) => e.type === 'task-offered' && e.task.direction === 'outbound');
    expect(offered && 'task' in offered && offered.task.ani).to.equal('+442071838750');
    const off = await loggedIn({ profile: { isOutboundEnabledForAgent: false } });
    expect(off.backend.capabilities.outdial).to.equal(false);
    expect((await fail(off.backend.outdial('+442071838750')))?.code).to.equal('unsupported');
  });

  it('after an outage longer than the SDK gives itself (50 s), registers again by itself and re-syncs the call', async () => {
    const rig = await loggedIn({}, 'BROWSER', { reRegisterEveryMs: 40 });
    const id = await connected(rig);
    rig.double.restoreFailed();
    await until(() => rig.events.some((e) => e.type === 'connection' && e.status === 'offline'), 2000, 'offline');
    await new Promise((resolve) => setTimeout(resolve, 150)); // tries while the network is down fail, and go on
    expect(rig.events.filter((e) => e.type === 'connection').map((e) => (e as { status: string }).status).at(-1)).to.equal('offline');
    rig.double.networkBack();
    await until(() => rig.events.some((e) => e.type === 'connection' && e.status === 'connected' && rig.events.indexOf(e) > 0), 2000, 'connected again');
    await until(() => rig.events.some((e) => e.type === 'sync' && e.tasks.some((t) => t.id === id && t.state === 'connected')), 2000, 're-synced');
    const sync = [...rig.events].reverse().find((e) => e.type === 'sync') as Extract<BackendEvent, { type: 'sync' }>;
    expect(sync.station).to.deep.include({ teamId: 'team-support', loginOption: 'BROWSER' });
    rig.backend.dispose();
  });

  it('uploadLogs returns the tracking id', async () => {
    const rig = await loggedIn();
    expect(await rig.backend.uploadLogs()).to.deep.equal({ trackingId: 'logs-track-1' });
  });

  it('mute and decline are for browser calls only', async () => {
    const rig = await loggedIn({}, 'AGENT_DN');
    const ringing = rig.double.offer();
    await until(() => rig.events.some((e) => e.type === 'task-offered'), 2000);
    expect((await fail(rig.backend.decline(ringing)))?.code).to.equal('unsupported');
    await rig.backend.accept(ringing); // answered on the phone: the SDK resolves, the assignment follows
    rig.double.assign(ringing);
    await until(() => rig.events.some((e) => e.type === 'task-assigned'), 2000);
    expect((await fail(rig.backend.toggleMute(ringing)))?.code).to.equal('unsupported');
    expect(rig.double.collection[ringing].calls.map((c) => c.method)).to.deep.equal(['accept']);
  });
});

describe('webex: events from the SDK', () => {
  it('builds whole plain snapshots from task.data, including callAssociatedDetails and CAD', async () => {
    const rig = await loggedIn();
    const id = rig.double.offer();
    await until(() => rig.events.some((e) => e.type === 'task-offered'), 2000);
    const offered = rig.events.find((e) => e.type === 'task-offered');
    const task = offered && 'task' in offered ? offered.task : null;
    expect(task).to.deep.include({
      id,
      mediaType: 'telephony',
      direction: 'inbound',
      state: 'offered',
      ani: '+14155550142',
      customerName: 'Priya Raman',
      queue: { id: 'queue-support', name: 'Support queue' },
      held: false,
      recording: false,
      cad: { accountNumber: 'AC-10442', tier: 'Gold' },
    });
    expect(task!.ronaAt! - task!.offeredAt).to.equal(20_000);
    expect(Object.getPrototypeOf(task)).to.equal(Object.prototype);
  });

  it('hydrates the station, state and tasks of an agent already logged in (a reload)', async () => {
    const first = await loggedIn();
    const id = await connected(first);
    first.backend.dispose();
    // The page reloads: a new backend on the same contact center.
    const double = first.double;
    double.collection = {};
    const backend = new WebexBackend({ webex: double.webex as unknown as WebexInstance });
    const events: BackendEvent[] = [];
    backend.subscribe((e) => events.push(e));
    await backend.connect({});
    await backend.register();
    const sync = events.find((e) => e.type === 'sync');
    expect(sync && 'station' in sync && sync.station).to.deep.equal({ teamId: 'team-support', loginOption: 'BROWSER' });
    expect(sync && 'agent' in sync && sync.agent?.state).to.equal('Available');
    await until(() => events.some((e) => e.type === 'task-hydrated'), 2000);
    const hydrated = events.find((e) => e.type === 'task-hydrated');
    expect(hydrated && 'task' in hydrated && hydrated.task).to.deep.include({ id, state: 'connected' });
    await backend.hold(id);
    await until(() => events.some((e) => e.type === 'task-updated' && e.task.held), 2000);
  });

  it('multi-login closes this session: signed-out, every listener detached', async () => {
    const rig = await loggedIn();
    await connected(rig);
    rig.double.multiLogin();
    expect(rig.events.at(-1)).to.deep.equal({ type: 'signed-out', reason: 'This session was closed because you signed in somewhere else.' });
    expect(rig.double.listenerCount()).to.equal(0);
    // The host's instance stays; this session is not registered any more.
    expect((await fail(rig.backend.hold('x')))?.code).to.equal('not-registered');
  });

  it('ignores agent:stateChange payloads that are not AgentStateChangeSuccess', async () => {
    const rig = await loggedIn();
    const before = rig.events.length;
    rig.double.cc.emit('agent:stateChange', { type: 'AgentStateChangeFailed', auxCodeId: 'idle-lunch' });
    rig.double.cc.emit('agent:stateChange', null);
    expect(rig.events.length).to.equal(before);
  });

  it('deregister detaches every listener, from webex.cc and from the tasks', async () => {
    const rig = await loggedIn();
    await connected(rig);
    rig.double.offer({ mediaType: 'chat' });
    expect(rig.double.listenerCount()).to.be.above(0);
    await rig.backend.deregister();
    expect(rig.double.listenerCount()).to.equal(0);
    expect(rig.events.at(-1)).to.deep.equal({ type: 'signed-out', reason: 'Signed out' });
  });

  it('a task gone (wrapped up, rejected, withdrawn) keeps no listener', async () => {
    const rig = await loggedIn();
    const a = await connected(rig);
    await rig.backend.end(a);
    await until(() => rig.events.some((e) => e.type === 'task-ended'), 2000);
    await rig.backend.wrapup(a, { auxCodeId: 'wrap-resolved' });
    const b = rig.double.offer();
    await until(() => rig.events.filter((e) => e.type === 'task-offered').length === 2, 2000);
    rig.double.rona(b);
    const c = rig.double.offer({ mediaType: 'chat' });
    await until(() => rig.events.filter((e) => e.type === 'task-offered').length === 3, 2000);
    rig.double.hangup(c);
    for (const task of rig.double.everyTask) expect(task.listenerCount(), task.id).to.equal(0);
  });
});

describe('webex: SDK errors become CcErrors', () => {
  it('maps auth, network, timeout, dial-number and refusals to stable codes with clear messages', () => {
    const code = (err: unknown) => toCcError(err, 'hold').code;
    expect(code(Object.assign(new Error('x'), { statusCode: 401 }))).to.equal('auth-failed');
    expect(code(new Error('the provided token is not a valid format, token has 1 sections'))).to.equal('auth-failed');
    expect(code(Object.assign(new Error('Failed to fetch'), { statusCode: 0 }))).to.equal('offline');
    expect(code(new Error("service-interceptor: 'wcc-api-gateway' is not a known service"))).to.equal('offline');
    expect(code(new Error('Service.aqm.reqs.Timeout: hold timed out'))).to.equal('timeout');
    const refused = toCcError(Object.assign(new Error('AGENT_NOT_ALLOWED: nope'), { data: { message: 'Hold is not allowed', errorType: 'AGENT_NOT_ALLOWED' } }), 'hold');
    // The English as before; the action's words are a message key, the contact center's reason stays as it came.
    expect(refused.toJSON()).to.deep.equal({
      action: 'hold',
      code: 'rejected',
      message: 'Putting the call on hold failed: Hold is not allowed.',
      key: 'webexFailedBecause',
      values: { doing: { key: 'doing:hold' }, reason: 'Hold is not allowed.' },
    });
    expect(toCcError(Object.assign(new Error('AGENT_NOT_FOUND'), { details: { data: { reason: 'AGENT_NOT_FOUND' } } }), 'register').message).to.equal(
      'Loading your profile failed: agent not found.',
    );
    expect(code('weird')).to.equal('backend-error');
    expect(code(undefined)).to.equal('backend-error');
  });
});
