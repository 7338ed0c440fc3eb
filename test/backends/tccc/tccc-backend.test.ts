/**
 * The TCCC backend (src/backends/tccc) against the TCCC double (test/tccc-double/server.mjs: the host's sign-in
 * route, a fake SdkURL script defining `window.tccc`, and the contact center behind it), in a real browser: the
 * exported contract suite, and TCCC's own sign-in, statuses, calls, after-call work and faults. Time limits are
 * short here (backend options) or run on a ManualClock, so nothing sleeps through a real one.
 */
import { expect } from '@open-wc/testing';
import { backendContract, type ContractDrive } from '../../../testing/backend-contract.js';
import { until } from '../../../testing/until.js';
import { deskOn, deskReader } from '../../backend-desk.js';
import { ManualClock } from '../../../src/core/clock.js';
import { createBackend } from '../../../src/backends/registry.js';
import { NOT_READY_CODE, REST_CODE, TCCC_TEAM, TcccBackend, teardownSdk, type TcccBackendOptions } from '../../../src/backends/tccc/index.js';
import { TcccSite } from '../../tccc-double/client.js';

const FAST = { requestTimeoutMs: 1500, readyTimeoutMs: 4000 };

const sites: TcccSite[] = [];
async function newSite(options: { wrap?: 'data' | 'flat'; urlSeconds?: number } = {}): Promise<TcccSite> {
  const site = await TcccSite.create(options);
  sites.push(site);
  return site;
}

const optionsFor = (site: TcccSite, more: Partial<TcccBackendOptions> = {}): TcccBackendOptions => ({
  sdkUrlEndpoint: site.endpoint,
  restReasons: ['Meal', 'Meeting'],
  skillGroups: site.info.skillGroups,
  // The agent itself among them, as a console's list would have it: never offered as a destination.
  agents: [...site.info.agents, { id: site.info.user.userId, name: site.info.user.name }],
  agentName: site.info.user.name,
  ...FAST,
  ...more,
});

/** A Desk (what `<cc-sdk>` runs) on a TCCC backend, with what it emitted and announced. */
function rig(site: TcccSite, options: Partial<TcccBackendOptions> = {}) {
  const backend = new TcccBackend(optionsFor(site, options));
  const reader = deskReader(backend);
  const { desk, run, task, error } = reader;
  const signIn = async () => {
    await run('cc-sign-in-request', { accessToken: 'unused-by-tccc' });
    expect(error('cc-sign-in-request'), 'sign-in error').to.equal(undefined);
    await until(() => desk.state.profile, 3000, 'registered');
  };
  const ready = async () => {
    await signIn();
    await run('cc-station-login-request', { teamId: TCCC_TEAM.id, loginOption: 'BROWSER' });
    expect(error('cc-station-login-request'), 'online error').to.equal(undefined);
    await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    expect(error('cc-agent-state-request'), 'free error').to.equal(undefined);
    await until(() => desk.state.agent?.state === 'Available', 3000, 'Available');
  };
  const call = async (ring: Parameters<TcccSite['ring']>[0] = {}) => {
    const id = await site.ring(ring);
    await until(() => task(id), 3000, 'the offer');
    return id;
  };
  const connected = async () => {
    const id = await call();
    await run('cc-task-accept-request', { taskId: id });
    expect(error(`cc-task-accept-request:${id}`), 'accept error').to.equal(undefined);
    await until(() => task(id)?.state === 'connected', 3000, 'connected');
    return id;
  };
  return { ...reader, signIn, ready, call, connected };
}

let r: ReturnType<typeof rig> | null = null;

async function readyAgent(siteOptions: { wrap?: 'data' | 'flat' } = {}, options: Partial<TcccBackendOptions> = {}) {
  const site = await newSite(siteOptions);
  const agent = rig(site, options);
  r = agent;
  await agent.ready();
  return { site, r: agent };
}

afterEach(async () => {
  r?.close();
  r = null;
  teardownSdk();
  for (const site of sites.splice(0)) await site.close();
});

describe('tccc backend: sign-in', () => {
  it('fetches a fresh SdkURL, injects it once, waits for ready; TCCC\'s own UI is hidden; the profile', async () => {
    const site = await newSite();
    r = rig(site);
    await r.signIn();
    expect(r.outcomes.map((e) => e.type).slice(0, 3)).to.deep.equal(['cc-connection-change', 'cc-ready', 'cc-registered']);
    const profile = r.desk.state.profile!;
    expect(profile).to.deep.include({ agentId: 'alice@example.com', agentName: 'Alice Zhang', loginOptions: ['BROWSER'], wrapupCodes: [] });
    expect(profile.idleCodes).to.deep.equal([
      { id: 'notReady', name: 'Not ready' },
      { id: 'rest', name: 'Rest' },
      { id: 'rest:Meal', name: 'Meal' },
      { id: 'rest:Meeting', name: 'Meeting' },
    ]);
    expect(r.desk.state.capabilities).to.deep.include({ consult: false, consultTransfer: false, recording: false, wrapupCodes: false, hold: true, mute: true, transfer: true, outdial: true });
    const state = await site.state();
    expect(state.rest).to.deep.equal(['POST /loginTCCC']);
    expect(state.tokens).to.deep.equal([{ used: true }]);
    expect(state.links).to.equal(1);
    // Headless: TCCC drew its UI into a hidden container, and was told to hide it.
    const root = document.getElementById('tcccSdkDomRoot')!;
    expect(root, 'TCCC added its element').to.exist;
    expect(root.closest('[hidden]'), 'inside a hidden container').to.exist;
    expect(root.getBoundingClientRect().width).to.equal(0);
    expect(state.received.map((m) => m.method)).to.include.members(['UI.hide', 'UI.hidefloatButton', 'UI.hideWorkbench']);
  });

  it('loads lazily from the registry as "tccc", with sdk-url-endpoint as its option', async () => {
    const site = await newSite();
    const backend = await createBackend('tccc', { 'sdk-url-endpoint': site.endpoint });
    expect(backend.name).to.equal('tccc');
    r = { ...rig(site), backend: backend as TcccBackend };
    const { desk, run } = deskOn(backend);
    await run('cc-sign-in-request', { accessToken: 'unused' });
    await until(() => desk.state.profile, 3000, 'registered');
    desk.attach(null);
    backend.dispose();
  });
});

describe('tccc backend: station and agent status', () => {
  it('online is the station login (Idle, not ready, by TCCC); free, and rest with a reason, by the agent', async () => {
    const site = await newSite();
    r = rig(site);
    await r.signIn();
    await r.run('cc-station-login-request', { teamId: TCCC_TEAM.id, loginOption: 'BROWSER' });
    expect(r.error('cc-station-login-request')).to.equal(undefined);
    expect(r.desk.state.station).to.deep.equal({ teamId: TCCC_TEAM.id, loginOption: 'BROWSER' });
    expect(r.desk.state.agent).to.deep.include({ state: 'Idle', auxCodeId: 'notReady', reason: 'Not ready', by: 'system' });
    await r.run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    expect(r.desk.state.agent).to.deep.include({ state: 'Available', auxCodeId: '0', by: 'agent' });
    await r.run('cc-agent-state-request', { state: 'Idle', auxCodeId: 'rest:Meal' });
    expect(r.error('cc-agent-state-request')).to.equal(undefined);
    expect(r.desk.state.agent).to.deep.include({ state: 'Idle', auxCodeId: 'rest:Meal', reason: 'Meal', by: 'agent' });
    await r.run('cc-agent-state-request', { state: 'Idle', auxCodeId: 'notReady' });
    expect(r.desk.state.agent).to.deep.include({ state: 'Idle', auxCodeId: 'notReady', by: 'agent' });
    const sent = (await site.state()).received.filter((m) => m.method.startsWith('Agent.'));
    expect(sent).to.deep.equal([
      { method: 'Agent.online', args: {} },
      { method: 'Agent.setStatus', args: { status: 'free' } },
      { method: 'Agent.setStatus', args: { status: 'rest', restReason: 'Meal' } },
      { method: 'Agent.setStatus', args: { status: 'notReady' } },
    ]);
    expect(r.named('cc-agent-state-change').map((d) => `${d.state}/${d.auxCodeId}/${d.by}`)).to.deep.equal([
      'Idle/notReady/system',
      'Available/0/agent',
      'Idle/rest:Meal/agent',
      'Idle/notReady/agent',
    ]);
  });

  it('follows an administrator: a break, free again, and a forced offline as a remote logout', async () => {
    const { site, r } = await readyAgent();
    await site.adminStatus('rest');
    await until(() => r.desk.state.agent?.state === 'Idle', 3000, 'remote rest');
    expect(r.desk.state.agent).to.deep.include({ auxCodeId: 'rest', reason: 'Rest', by: 'remote' });
    await site.adminStatus('free');
    await until(() => r.desk.state.agent?.state === 'Available', 3000, 'remote free');
    expect(r.desk.state.agent?.by).to.equal('remote');
    await site.adminStatus('offline');
    await until(() => r.desk.state.station === null, 3000, 'forced offline');
    expect(r.named('cc-station-logout')).to.deep.equal([{ reason: 'Logged out from elsewhere (an administrator, or TCCC)' }]);
  });

  it("names TCCC's statuses in the page's words (statusNames), from the registry's options too", async () => {
    const site = await newSite();
    const backend = await createBackend('tccc', {
      'sdk-url-endpoint': site.endpoint,
      'rest-reasons': '午餐, 会议',
      statusNames: { notReady: '示忙', rest: '小休', arrange: '话后整理' },
      ...FAST,
    });
    const { desk, run } = deskOn(backend);
    try {
      await run('cc-sign-in-request', { accessToken: 'unused' });
      await until(() => desk.state.profile, 3000, 'registered');
      expect(desk.state.profile!.idleCodes.map((c) => c.name)).to.deep.equal(['示忙', '小休', '午餐', '会议']);
      await run('cc-station-login-request', { teamId: TCCC_TEAM.id, loginOption: 'BROWSER' });
      expect(desk.state.agent).to.deep.include({ state: 'Idle', reason: '示忙' });
      await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
      const id = await site.ring();
      await until(() => desk.state.tasks.some((t) => t.id === id), 3000, 'the offer');
      await run('cc-task-accept-request', { taskId: id });
      await site.customerHangsUp(id);
      await until(() => desk.state.agent?.state === 'AfterCall', 3000, 'after-call work');
      expect(desk.state.agent).to.deep.include({ reason: '话后整理' });
    } finally {
      desk.attach(null);
      backend.dispose();
    }
  });

  it('logs out with offline, and says so', async () => {
    const { site, r } = await readyAgent();
    await r.run('cc-station-logout-request', {});
    expect(r.error('cc-station-logout-request')).to.equal(undefined);
    expect(r.desk.state.station).to.equal(null);
    expect(r.named('cc-station-logout')).to.deep.equal([{ reason: 'User requested logout' }]);
    expect((await site.state()).status).to.equal('offline');
  });
});

describe('tccc backend: calls', () => {
  for (const wrap of ['data', 'flat'] as const) {
    it(`offers a call with the caller, callee, location, IVR path and remark as call data (payloads ${wrap === 'data' ? 'under .data' : 'flat'})`, async () => {
      const { site, r } = await readyAgent({ wrap });
      const id = await r.call({ caller: '13912345678', callee: '4008009999', location: 'Beijing', remark: 'Order 42', ivrPath: [{ key: '1', label: 'English' }, { key: '3', label: 'Refunds' }], timeout: 20 });
      const t = r.task(id)!;
      expect(t).to.deep.include({ state: 'offered', direction: 'inbound', mediaType: 'telephony', ani: '13912345678', held: false, muted: false });
      expect(t.cad).to.deep.equal({ callee: '4008009999', location: 'Beijing', ivrPath: 'English > Refunds', remark: 'Order 42' });
      expect(t.ronaAt! - t.offeredAt).to.equal(20000);
      expect(r.named('cc-task-incoming')).to.have.length(1);
      void site;
    });
  }

  it('answers, holds and resumes, mutes and unmutes, hangs up; after-call work is a wrap-up owed, ended by the wrap-up', async () => {
    const { site, r } = await readyAgent();
    const id = await r.connected();
    expect(r.named('cc-task-assigned')).to.have.length(1);
    for (const [name, done] of [
      ['cc-task-hold-request', () => r.task(id)!.held && r.task(id)!.heldAt !== null],
      ['cc-task-resume-request', () => !r.task(id)!.held],
      ['cc-task-mute-request', () => r.task(id)!.muted],
      ['cc-task-mute-request', () => !r.task(id)!.muted],
    ] as const) {
      await r.run(name, { taskId: id });
      expect(r.error(`${name}:${id}`), name).to.equal(undefined);
      expect(done(), name).to.equal(true);
    }
    expect(r.named('cc-task-change').map((d) => d.change)).to.deep.equal(['held', 'resumed', 'muted', 'unmuted']);
    await r.run('cc-task-end-request', { taskId: id });
    await until(() => r.task(id)?.state === 'wrapup' && r.desk.state.agent?.state === 'AfterCall', 3000, 'after-call work');
    expect(r.task(id)!.cad.closedBy).to.equal('agent');
    expect(r.desk.state.agent).to.deep.include({ state: 'AfterCall', by: 'system' });
    expect(r.named('cc-task-end')).to.deep.equal([{ task: r.task(id), wrapupRequired: true }]);
    await r.run('cc-wrapup-request', { taskId: id, auxCodeId: '', notes: 'Refund sent' });
    expect(r.error(`cc-wrapup-request:${id}`)).to.equal(undefined);
    expect(r.task(id)).to.equal(undefined);
    expect(r.named('cc-task-wrapup')[0]).to.deep.include({ auxCodeId: '', notes: 'Refund sent' });
    await until(() => r.desk.state.agent?.state === 'Available', 3000, 'free after the wrap-up');
    const calls = (await site.state()).received.filter((m) => m.method.startsWith('Call.') || m.args.status === 'free');
    expect(calls.slice(-7)).to.deep.equal([
      { method: 'Call.accept', args: { sessionId: id } },
      { method: 'Call.hold', args: { sessionId: id } },
      { method: 'Call.unHold', args: { sessionId: id } },
      { method: 'Call.muteMic', args: { sessionId: id } },
      { method: 'Call.unmuteMic', args: { sessionId: id } },
      { method: 'Call.hungUp', args: { sessionId: id } },
      { method: 'Agent.setStatus', args: { status: 'free' } },
    ]);
  });

  it('after-call work that TCCC ends on its own wraps the call up, with no code', async () => {
    const { site, r } = await readyAgent();
    const id = await r.connected();
    await site.customerHangsUp(id);
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'wrap-up owed');
    expect(r.task(id)!.cad.closedBy).to.equal('customer');
    await site.arrangeEnds();
    await until(() => !r.task(id), 3000, 'wrapped up by TCCC');
    expect(r.named('cc-task-wrapup')).to.have.length(1);
    expect(r.named('cc-task-wrapup')[0]).to.deep.include({ auxCodeId: '', notes: '' });
    expect(r.desk.state.agent).to.deep.include({ state: 'Available', by: 'system' });
  });

  it('declines a ringing call by hanging it up', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-decline-request', { taskId: id });
    expect(r.error(`cc-task-decline-request:${id}`)).to.equal(undefined);
    expect(r.task(id)).to.equal(undefined);
    expect(r.named('cc-task-rejected')).to.deep.equal([{ task: r.events.filter((e) => e.type === 'task-rejected').at(-1)!.task, reason: 'declined' }]);
    expect((await site.state()).received.at(-1)).to.deep.equal({ method: 'Call.hungUp', args: { sessionId: id } });
  });

  it('an offer TCCC moves elsewhere (autoTransfer) or closes by its timer is withdrawn as RONA; one the caller abandons, as cancelled', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await site.ringOut(id);
    await until(() => !r.task(id), 3000, 'withdrawn');
    expect(r.named('cc-task-rejected').at(-1)).to.deep.include({ reason: 'rona' });
    const timed = await r.call();
    await site.rawEvent('sessionEnded', { data: { sessionId: timed, closeBy: 'timer' } });
    await until(() => !r.task(timed), 3000, 'closed by the timer');
    expect(r.named('cc-task-rejected').at(-1)).to.deep.include({ reason: 'rona' });
    const abandoned = await r.call();
    await site.customerHangsUp(abandoned);
    await until(() => !r.task(abandoned), 3000, 'abandoned');
    expect(r.named('cc-task-rejected').map((d) => d.reason)).to.deep.equal(['rona', 'rona', 'cancelled']);
  });

  it('transfers blind to a skill group and to an agent; a number is refused with a reason', async () => {
    const { site, r } = await readyAgent();
    const first = await r.connected();
    await r.run('cc-task-transfer-request', { taskId: first, destination: { type: 'queue', to: '102' } });
    expect(r.error(`cc-task-transfer-request:${first}`)).to.equal(undefined);
    await until(() => r.task(first)?.state === 'wrapup', 3000, 'transferred');
    await r.run('cc-wrapup-request', { taskId: first, auxCodeId: '', notes: '' });
    const second = await r.connected();
    await r.run('cc-task-transfer-request', { taskId: second, destination: { type: 'dialNumber', to: '+8613800138000' } });
    expect(r.error(`cc-task-transfer-request:${second}`)).to.deep.include({ code: 'unsupported', message: 'TCCC transfers a call to a skill group or an agent only, not to a number.' });
    expect(r.task(second)?.state).to.equal('connected');
    await r.run('cc-task-transfer-request', { taskId: second, destination: { type: 'agent', to: 'bob@example.com' } });
    await until(() => r.task(second)?.state === 'wrapup', 3000, 'transferred to Bob');
    expect(r.named('cc-task-change').map((d) => d.change)).to.deep.equal(['transferred', 'transferred']);
    const transfers = (await site.state()).received.filter((m) => m.method === 'Call.transfer');
    expect(transfers).to.deep.equal([
      { method: 'Call.transfer', args: { sessionId: first, skillGroupId: '102' } },
      { method: 'Call.transfer', args: { sessionId: second, userId: 'bob@example.com' } },
    ]);
    // The agent is not offered as a destination of its own calls.
    expect(await r.backend.destinations('agent')).to.deep.equal([{ type: 'agent', to: 'bob@example.com', name: 'Bob Li' }]);
    expect(await r.backend.destinations('queue')).to.deep.equal([
      { type: 'queue', to: '101', name: 'Support' },
      { type: 'queue', to: '102', name: 'Billing' },
    ]);
  });

  it('places an outbound call: dialing, answered by the customer, hung up', async () => {
    const { site, r } = await readyAgent();
    await r.run('cc-outdial-request', { number: '+8613912345678' });
    expect(r.error('cc-outdial-request')).to.equal(undefined);
    const t = r.desk.state.tasks[0];
    expect(t).to.deep.include({ direction: 'outbound', state: 'connected', ani: '+8613912345678', connectedAt: null });
    await site.customerAnswers(t.id);
    await until(() => r.task(t.id)?.connectedAt !== null, 3000, 'answered');
    await r.run('cc-task-end-request', { taskId: t.id });
    await until(() => r.task(t.id)?.state === 'wrapup', 3000, 'ended');
    expect((await site.state()).received.find((m) => m.method === 'Call.startOutboundCall')?.args).to.deep.equal({ phoneNumber: '+8613912345678' });
  });

  it('sends DTMF digits on the backend (no request of the kit carries them yet)', async () => {
    const { site, r } = await readyAgent();
    const id = await r.connected();
    await r.backend.sendDigits(id, '12 #');
    expect((await site.state()).received.at(-1)).to.deep.equal({ method: 'Call.sendDigits', args: { sessionId: id, dtmfText: '12#' } });
    const bad = await r.backend.sendDigits(id, '12a').then(() => null, (e: { code: string; message: string }) => e);
    expect(bad).to.deep.include({ code: 'invalid-request', message: 'Digits are 0-9, * and #.' });
  });
});

/** Whatever an element, the storage, a log, an event or the store holds, as one text to search. */
type Rig = ReturnType<typeof rig>;

function everywhere(rig: Rig, logged: string[]): string {
  return [
    document.documentElement.outerHTML,
    [...document.querySelectorAll('*')].map((el) => [...el.attributes].map((a) => a.value).join(' ')).join(' '),
    JSON.stringify(localStorage),
    JSON.stringify(sessionStorage),
    logged.join('\n'),
    JSON.stringify(rig.events),
    JSON.stringify(rig.outcomes.map((e) => e.detail)),
    JSON.stringify(rig.desk.state),
  ].join('\n');
}

/** Records what the console is given while `body` runs. */
async function capturingConsole<T>(logged: string[], body: () => Promise<T>): Promise<T> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  try {
    return await body();
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i]));
  }
}

describe('tccc backend: faults', () => {
  const signInFails = async (rig: Rig) => {
    await rig.run('cc-sign-in-request', { accessToken: 'unused' });
    return rig.error('cc-sign-in-request');
  };
  const clean = () => {
    expect('tccc' in window && (window as { tccc?: unknown }).tccc, 'no window.tccc left').to.not.be.ok;
    expect(document.querySelector('script[data-cc-tccc]'), 'no script left').to.equal(null);
    expect(document.getElementById('tcccSdkDomRoot'), 'no TCCC element left').to.equal(null);
  };

  it('an endpoint that fails, refuses the user or gives no URL: a clear message, a cc-error, nothing injected; a retry signs in', async () => {
    const site = await newSite();
    r = rig(site);
    for (const [mode, code, message] of [
      ['fail', 'backend-error', `The TCCC sign-in route (${site.endpoint}) failed (500). Try again; if it goes on, your server's log says why.`],
      ['forbidden', 'auth-failed', `The TCCC sign-in route (${site.endpoint}) refused you (401): sign in to this site first.`],
      ['no-url', 'auth-failed', 'The TCCC sign-in route gave no SdkURL. Check the route on your server.'],
    ] as const) {
      await site.endpointMode(mode);
      expect(await signInFails(r), mode).to.deep.include({ code, message });
      expect(r.named('cc-error').at(-1), mode).to.deep.include({ action: 'sign-in', code });
      expect(r.desk.state.session.status).to.equal('signed-out');
      clean();
    }
    await site.endpointMode('ok');
    await r.signIn();
    expect((await site.state()).rest).to.have.length(4);
  });

  it('an endpoint nobody answers at: offline, with the route named', async () => {
    const site = await newSite();
    r = rig(site, { sdkUrlEndpoint: 'http://127.0.0.1:9/loginTCCC' });
    expect(await signInFails(r)).to.deep.include({ code: 'offline', message: 'The TCCC sign-in route (http://127.0.0.1:9/loginTCCC) cannot be reached. Check the network and try again.' });
    clean();
  });

  it('a used or an expired SdkURL: tokenExpired says so, nothing is left, and the retry fetches a new URL', async () => {
    const site = await newSite();
    r = rig(site);
    await site.endpointMode('used');
    const used = await signInFails(r);
    expect(used?.code).to.equal('token-expired');
    expect(used?.message).to.equal(
      'The TCCC sign-in link had expired or was already used (it works once, for ten minutes) (TCCC: The token has already been used.). Sign in again to get a new one.',
    );
    clean();
    await site.endpointMode('expired');
    expect((await signInFails(r))?.message).to.contain('(TCCC: The token has expired.)');
    clean();
    await site.endpointMode('ok');
    await r.signIn();
    const state = await site.state();
    expect(state.rest).to.have.length(3);
    // Three URLs: the used one, the expired one (never used), and the fresh one the retry used.
    expect(state.tokens).to.deep.equal([{ used: true }, { used: false }, { used: true }]);
  });

  it('a script that does not load: a clear message pointing at the network and the CSP, nothing left, a retry works', async () => {
    const site = await newSite();
    r = rig(site);
    await site.endpointMode('missing-script');
    expect(await signInFails(r)).to.deep.include({
      code: 'offline',
      message: "TCCC's SDK could not be loaded. Check the network, and that the page's Content-Security-Policy allows TCCC's script (see the README).",
    });
    clean();
    await site.endpointMode('ok');
    await r.signIn();
  });

  it('an SdkURL that is not https is refused before anything is injected', async () => {
    const site = await newSite();
    r = rig(site, { sdkUrlEndpoint: undefined, getSdkUrl: async () => ({ SdkURL: 'http://tccc.example.com/sdk/tcccSdk.js?token=abc' }) });
    expect(await signInFails(r)).to.deep.include({ code: 'auth-failed', message: "The TCCC sign-in route gave an SdkURL that is not https: TCCC's script must come over https." });
    clean();
  });

  it('ready never comes: the time limit runs on the backend clock, the page is cleaned, and a retry gets ready', async () => {
    const site = await newSite();
    await site.neverReady();
    const clock = new ManualClock();
    r = rig(site, { clock, readyTimeoutMs: 20000 });
    const pending = r.run('cc-sign-in-request', { accessToken: 'unused' });
    // The time limit is armed once the script is in the page; the double has its link once the script runs.
    await until(() => document.querySelector('script[data-cc-tccc]'), 3000, 'the script injected');
    await until(async () => (await site.state()).links === 1, 3000, 'the script connected');
    expect(r.desk.state.session.status).to.equal('signed-out');
    clock.advance(19999);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.error('cc-sign-in-request'), 'not before the limit').to.equal(undefined);
    clock.advance(1);
    await pending;
    expect(r.error('cc-sign-in-request')).to.deep.include({ code: 'timeout', message: 'TCCC did not get ready within 20 seconds. Check the network and sign in again.' });
    clean();
    await site.neverReady(false);
    await r.signIn();
  });

  it('getSdkUrl() in backendOptions is called for a fresh URL at each initialisation', async () => {
    const site = await newSite();
    let calls = 0;
    const getSdkUrl = async () => {
      calls++;
      const res = await fetch(site.endpoint, { method: 'POST' });
      return ((await res.json()) as { SdkURL: string }).SdkURL;
    };
    r = rig(site, { sdkUrlEndpoint: undefined, getSdkUrl });
    await r.signIn();
    expect(calls).to.equal(1);
    await r.run('cc-sign-out-request', {});
    expect(r.desk.state.session.status).to.equal('signed-out');
    clean();
    await r.signIn();
    expect(calls).to.equal(2);
  });

  it('a second initialisation in the page is refused while the first holds TCCC, and reuses it once let go', async () => {
    const site = await newSite();
    r = rig(site);
    await r.signIn();
    const other = new TcccBackend(optionsFor(site));
    const refused = await other.connect().then(() => null, (e: { code: string; message: string }) => e);
    expect(refused).to.deep.include({ code: 'invalid-state', message: 'TCCC is already signed in on this page by another desk (one page runs one TCCC session). Sign out there first.' });
    expect(document.querySelectorAll('t3c-sdk')).to.have.length(1);
    other.dispose();
    // The first desk's backend goes (a rebuilt <cc-sdk>): the next one takes the page's TCCC over, no new URL.
    r.close();
    const next = rig(site);
    r = next;
    await next.signIn();
    expect((await site.state()).rest).to.have.length(1);
    expect(document.querySelectorAll('t3c-sdk')).to.have.length(1);
  });

  it('two desks starting at once: one gets TCCC, the other is refused, and one URL is fetched', async () => {
    const site = await newSite();
    r = rig(site);
    const other = new TcccBackend(optionsFor(site));
    try {
      const [first, second] = await Promise.allSettled([r.backend.connect(), other.connect()]);
      expect(first.status).to.equal('fulfilled');
      expect(second.status).to.equal('rejected');
      expect((second as PromiseRejectedResult).reason).to.deep.include({ code: 'invalid-state' });
      expect((second as PromiseRejectedResult).reason.message).to.contain('TCCC is already signed in on this page by another desk');
      expect((await site.state()).rest).to.have.length(1);
      expect(document.querySelectorAll('t3c-sdk')).to.have.length(1);
    } finally {
      other.dispose();
    }
  });

  it('neither sdk-url-endpoint nor getSdkUrl: the sign-in says what to set, and fetches nothing', async () => {
    const site = await newSite();
    r = rig(site, { sdkUrlEndpoint: undefined });
    expect(await signInFails(r)).to.deep.include({
      code: 'invalid-request',
      message: "The tccc backend needs sdk-url-endpoint (your server's route that returns {SdkURL}) or a getSdkUrl function in backendOptions.",
    });
    expect((await site.state()).rest).to.deep.equal([]);
    clean();
  });

  it('getSdkUrl() that throws: a message of ours (not the thrown text), and nothing injected', async () => {
    const site = await newSite();
    r = rig(site, { sdkUrlEndpoint: undefined, getSdkUrl: () => Promise.reject(new Error('https://secret.example/?token=s3cr3t')) });
    const error = await signInFails(r);
    expect(error).to.deep.include({ code: 'auth-failed', message: 'getSdkUrl() failed: TCCC could not be started. Try again.' });
    expect(JSON.stringify(r.outcomes.map((e) => e.detail))).to.not.contain('s3cr3t');
    clean();
  });

  it('a call event for a session it does not know: a cc-error and nothing changed; a call the agent is on elsewhere is shown', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    const before = r.desk.state.tasks;
    await site.rawEvent('sessionEnded', { data: { sessionId: 'ghost-1', closeBy: 'client' } });
    await until(() => r.named('cc-error').length === 1, 3000, 'the cc-error');
    expect(r.named('cc-error')[0]).to.deep.equal({
      action: 'task-event',
      code: 'unknown-task',
      message: 'TCCC sent sessionEnded for a call this desk does not know (session ghost-1); nothing was changed.',
    });
    expect(r.desk.state.tasks).to.equal(before);
    await site.rawEvent('userAccessed', { sessionId: 'ghost-2' });
    await until(() => r.task('ghost-2'), 3000, 'the call accessed elsewhere');
    expect(r.task('ghost-2')).to.deep.include({ state: 'connected' });
    expect(r.task(id)?.state).to.equal('offered');
    await site.rawEvent('callIn', { data: { sessionId: 'chat-1', type: 'im', nickname: 'Wei' } });
    await until(() => r.named('cc-error').length === 2, 3000, 'the im session');
    expect(r.named('cc-error')[1]).to.deep.include({ code: 'unsupported', message: "TCCC offered a im session; this desk takes voice calls only. Take it in TCCC's own workbench." });
    expect(r.task('chat-1')).to.equal(undefined);
  });

  it('the customer hangs up while a transfer is under way: a clear message, a cc-error, the call ends and is wrapped up', async () => {
    const { site, r } = await readyAgent();
    await site.holdTransfers();
    const id = await r.connected();
    const transfer = r.run('cc-task-transfer-request', { taskId: id, destination: { type: 'queue', to: '101' } });
    await until(async () => (await site.state()).received.some((m) => m.method === 'Call.transfer'), 3000, 'the transfer asked');
    await site.customerHangsUp(id);
    await transfer;
    expect(r.error(`cc-task-transfer-request:${id}`)).to.deep.include({
      code: 'rejected',
      message: 'The customer hung up before the transfer went through; the call has ended.',
    });
    expect(r.named('cc-error').at(-1)).to.deep.include({ action: 'task-transfer', code: 'rejected' });
    expect(r.task(id)).to.deep.include({ state: 'wrapup', wrapupRequired: true });
    expect(r.named('cc-task-change').map((d) => d.change)).to.not.include('transferred');
    await r.run('cc-wrapup-request', { taskId: id, auxCodeId: '', notes: 'Hung up during transfer' });
    expect(r.named('cc-task-wrapup').at(-1)).to.deep.include({ notes: 'Hung up during transfer' });
  });

  it('a refused method: TCCC\'s words in the message, state as it was', async () => {
    const { site, r } = await readyAgent();
    const id = await r.connected();
    await site.refuseNext('Call.hold', 'Hold is not configured.');
    await r.run('cc-task-hold-request', { taskId: id });
    expect(r.error(`cc-task-hold-request:${id}`)).to.deep.include({ code: 'rejected', message: 'TCCC refused to hold: Hold is not configured.' });
    expect(r.task(id)?.held).to.equal(false);
  });

  it('the SdkURL reaches no attribute, no DOM, no storage, no log, no event and no error', async () => {
    const site = await newSite();
    const logged: string[] = [];
    r = rig(site);
    const rr = r;
    await capturingConsole(logged, async () => {
      await site.endpointMode('used');
      await rr.run('cc-sign-in-request', { accessToken: 'unused' });
      await site.endpointMode('ok');
      await rr.signIn();
    });
    const { secrets } = await site.state();
    expect(secrets).to.have.length(2);
    const seen = everywhere(r, logged);
    for (const secret of secrets) expect(seen.includes(secret), 'a token in the page').to.equal(false);
    expect(seen).to.not.contain('tcccSdk.js');
    // While it loads, the URL is the script element's src, and only there: that element is gone once TCCC is ready.
    expect(document.querySelector('script[src*="tcccSdk"]')).to.equal(null);
  });
});

backendContract(
  'tccc (TCCC double, BROWSER)',
  async () => {
    const site = await newSite();
    const backend = new TcccBackend(optionsFor(site));
    const unsupported = (what: string) => () => {
      throw new Error(`TCCC has no ${what}`);
    };
    const METHODS: Record<string, string> = { hold: 'Call.hold', stationLogin: 'Agent.online', setAgentState: 'Agent.setStatus', wrapup: 'Agent.setStatus' };
    const drive: ContractDrive = {
      teamId: TCCC_TEAM.id,
      dialNumbers: { AGENT_DN: '+8613800138000', EXTENSION: '1001' },
      idleCodes: [NOT_READY_CODE, REST_CODE],
      wrapupCode: '',
      agent: site.info.agents[0].id,
      queue: site.info.skillGroups[1].id,
      offer: () => site.ring() as unknown as void,
      rona: (id) => site.ringOut(id) as unknown as void,
      answerConsult: unsupported('consult'),
      hangup: (id) => site.customerHangsUp(id) as unknown as void,
      supervisorState: (state, code) => site.adminStatus(state === 'Available' ? 'free' : code.split(':')[0]) as unknown as void,
      remoteLogout: () => site.adminStatus('offline') as unknown as void,
      dropConnection: unsupported('connection events'),
      restoreConnection: unsupported('connection events'),
      failNext: (action, message) => site.refuseNext(METHODS[action] ?? action, message) as unknown as void,
      dispose: () => {
        backend.dispose();
        teardownSdk();
      },
    };
    return { backend, drive };
  },
  {
    notApplicable: {
      'connects and registers: connection, signed-in and the profile, announced once each':
        'TCCC takes calls in the browser only (the seat type is set in its console) and has no wrap-up codes; the profile is checked above',
      'logs in with AGENT_DN and starts the agent Idle': 'the seat type (web, mobile, SIP phone) is set in TCCC\'s console, not chosen per session',
      'logs in with EXTENSION and starts the agent Idle': 'the seat type (web, mobile, SIP phone) is set in TCCC\'s console, not chosen per session',
      'offers a task with a whole snapshot': 'TCCC\'s callIn names no customer and no queue; the offer\'s snapshot is checked above',
      'accepts, holds, resumes, pauses and resumes recording, mutes a browser call':
        'TCCC\'s Web SDK has no recording control and owns the call\'s audio (no track reaches the page); hold and mute are checked above',
      'consults an agent who answers, ends the consult, consults a queue and consult-transfers': 'TCCC\'s Web SDK has no consult',
      'accepts chat and email tasks too, and refuses hold on them': 'the backend takes TCCC\'s voice sessions only',
      'withdraws an unanswered offer at RONA and puts the agent in RONA':
        'TCCC moves an unanswered offer elsewhere (autoTransfer) and documents no agent status for it; the withdrawal is checked above',
      'refuses actions while the connection is down, then re-syncs what happened meanwhile':
        'TCCC\'s Web SDK reconnects on its own and documents no connection events',
    },
  },
);
