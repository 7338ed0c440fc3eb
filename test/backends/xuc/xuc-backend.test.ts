/**
 * The XuC backend (src/backends/xuc) against the loopback XuC double (test/xuc-double/server.mjs), in a real
 * browser: the backend contract, and XuC's own sign-in, line login, calls, wrap-up and faults. Heartbeat,
 * timeouts and reconnection delays are short here (backend options), so nothing sleeps through real ones.
 */
import { expect } from '@open-wc/testing';
import { backendContract, type ContractDrive } from '../../../testing/backend-contract.js';
import { XucBackend, XUC_TEAM } from '../../../src/backends/xuc/index.js';
import { createBackend } from '../../../src/backends/registry.js';
import { until } from '../../helpers-no-define.js';
import { deskReader } from '../../backend-desk.js';
import { XucSite } from '../../xuc-double/client.js';

const FAST = { heartbeatMs: 60, missedPings: 3, requestTimeoutMs: 800, reconnectDelaysMs: [50, 100, 200] };

const sites: XucSite[] = [];
async function newSite(options: { wrapupSeconds?: number; ttl?: number } = {}): Promise<XucSite> {
  const site = await XucSite.create(options);
  sites.push(site);
  return site;
}

/** A Desk (what `<cc-sdk>` runs) on a XuC backend, with what it emitted and announced. */
function rig(site: XucSite, options: Partial<typeof FAST> = {}) {
  const backend = new XucBackend({ server: site.baseUrl, ...FAST, ...options });
  const reader = deskReader(backend);
  const { desk, run, task, error } = reader;
  const signIn = async () => {
    await run('cc-sign-in-request', { username: site.alice.login, password: site.alice.password });
    expect(error('cc-sign-in-request'), 'sign-in error').to.equal(undefined);
    await until(() => desk.state.profile, 3000, 'registered');
  };
  const loginLine = async (line = site.alice.line) => {
    await run('cc-station-login-request', { teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: line });
  };
  const ready = async () => {
    await signIn();
    await loginLine();
    expect(error('cc-station-login-request'), 'line login error').to.equal(undefined);
    await until(() => desk.state.agent?.state === 'Available', 3000, 'Available');
  };
  const call = async () => {
    const id = await site.offer();
    await until(() => task(id), 3000, 'the offer');
    return id;
  };
  return { ...reader, signIn, loginLine, ready, call };
}

let r: ReturnType<typeof rig> | null = null;

/** A site of its own and a rig on it (closed after the test), the agent signed in and Available on the line. */
async function readyAgent(options: { wrapupSeconds?: number; ttl?: number } = {}) {
  const site = await newSite(options);
  const agent = rig(site);
  r = agent;
  await agent.ready();
  return { site, r: agent };
}

afterEach(async () => {
  r?.close();
  r = null;
  for (const site of sites.splice(0)) await site.close();
});

describe('xuc backend: sign-in', () => {
  it('signs in with a username and password: the profile from XiVO, and the password kept nowhere', async () => {
    const site = await newSite();
    r = rig(site);
    await r.signIn();
    const profile = r.desk.state.profile!;
    expect(profile).to.deep.include({ agentId: '21', agentName: 'Alice Martin', loginOptions: ['EXTENSION'], wrapupCodes: [], defaultDialNumber: '1001' });
    // Only the statuses that pause the queues are pause reasons; their long names are shown.
    expect(profile.idleCodes).to.deep.equal([
      { id: 'lunch', name: 'Lunch' },
      { id: 'break', name: 'Short break' },
    ]);
    expect(r.backend.capabilities).to.deep.include({ wrapupCodes: false, mute: false, oauth: false, mediaTypes: ['telephony'] });
    expect(r.outcomes.map((e) => e.type).slice(0, 3)).to.deep.equal(['cc-connection-change', 'cc-ready', 'cc-registered']);
    const state = await site.state();
    expect(state.rest).to.deep.equal(['POST /xuc/api/2.0/auth/login']);
    expect(state.sockets).to.equal(1);
    const everything = JSON.stringify([r.desk.state, r.events, r.outcomes.map((e) => e.detail), state.received]);
    expect(everything).to.not.contain(site.alice.password);
    expect(JSON.stringify(localStorage) + JSON.stringify(sessionStorage)).to.not.contain(site.alice.password);
    // Commands follow XuC's envelope and casing.
    expect(state.received).to.deep.include({ claz: 'web', command: 'getList', objectType: 'queue' });
  });

  it('a wrong password: a clear auth-failed error, no session', async () => {
    const site = await newSite();
    r = rig(site);
    await r.run('cc-sign-in-request', { username: site.alice.login, password: 'wrong-one' });
    expect(r.error('cc-sign-in-request')).to.deep.include({ code: 'auth-failed', message: 'The username or password is wrong.' });
    expect(r.named('cc-error').at(-1)).to.deep.include({ code: 'auth-failed' });
    expect(r.desk.state.session.status).to.equal('signed-out');
    expect((await site.state()).sockets).to.equal(0);
  });

  it('LoggedOnError: the session is refused with the reason, and nothing is left open', async () => {
    const site = await newSite();
    await site.refuseLogOn('loggedOnTimeout');
    r = rig(site);
    await r.run('cc-sign-in-request', { username: site.alice.login, password: site.alice.password });
    expect(r.error('cc-sign-in-request')?.code).to.equal('auth-failed');
    expect(r.error('cc-sign-in-request')?.message).to.contain('loggedOnTimeout');
    expect(r.desk.state.session.status).to.equal('signed-out');
  });

  it('renews the token with auth/check halfway through its life, and keeps the link', async () => {
    const site = await newSite({ ttl: 0.4 });
    r = rig(site);
    await r.signIn();
    const first = r.desk.state.session.expiresAt!;
    await until(() => r!.desk.state.session.expiresAt! > first, 3000, 'a renewed token');
    const state = await site.state();
    expect(state.rest.filter((p) => p === 'GET /xuc/api/2.0/auth/check').length).to.be.at.least(1);
    expect(state.sockets).to.equal(1);
    expect(r.desk.state.connection).to.equal('connected');
  });

  it('loads lazily from the registry as "xuc", with the server URL as its option', async () => {
    const site = await newSite();
    const backend = await createBackend('xuc', { server: site.baseUrl });
    expect(backend.name).to.equal('xuc');
    backend.dispose();
  });
});

describe('xuc backend: line login and agent state', () => {
  it('logs in on the line, Available as XiVO reports it; pause with a reason, ready again', async () => {
    const { site, r } = await readyAgent();
    expect(r.desk.state.station).to.deep.equal({ teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: '1001' });
    expect(r.named('cc-station-login')).to.have.length(1);
    await r.run('cc-agent-state-request', { state: 'Idle', auxCodeId: 'lunch' });
    expect(r.error('cc-agent-state-request')).to.equal(undefined);
    expect(r.desk.state.agent).to.deep.include({ state: 'Idle', auxCodeId: 'lunch', reason: 'Lunch', by: 'agent' });
    await r.run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    expect(r.desk.state.agent).to.deep.include({ state: 'Available', by: 'agent' });
    const sent = (await site.state()).received.map((m) => m.command);
    expect(sent).to.include.members(['agentLogin', 'pauseAgent', 'unpauseAgent']);
    expect((await site.state()).received).to.deep.include({ claz: 'web', command: 'agentLogin', agentphonenumber: '1001' });
  });

  it('an unknown line: PhoneNumberUnknown shown as a dial-number error, no station', async () => {
    const site = await newSite();
    r = rig(site);
    await r.signIn();
    await r.loginLine('4242');
    expect(r.error('cc-station-login-request')).to.deep.include({ code: 'invalid-dial-number', message: 'Line 4242 does not exist on XiVO. Check the number of your phone.' });
    expect(r.desk.state.station).to.equal(null);
  });

  it('a login on another line while logged in: LoggedInOnAnotherPhone names the line in use', async () => {
    const { r } = await readyAgent();
    await r.loginLine('1002');
    expect(r.error('cc-station-login-request')?.message).to.equal('You are logged in on line 1001. Log out there first, or log in on that line.');
    expect(r.desk.state.station?.dialNumber).to.equal('1001');
  });

  it('another agent logging in on this line takes it over: this desk shows the logout and why', async () => {
    const { site, r } = await readyAgent();
    const bruno = new XucBackend({ server: site.baseUrl, ...FAST });
    try {
      await bruno.connect({ username: 'bruno', password: site.info.users[1].password });
      await bruno.register();
      await bruno.stationLogin({ teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: site.alice.line });
      await until(() => r.desk.state.station === null, 3000, 'taken over');
      expect(r.named('cc-station-logout')).to.deep.equal([{ reason: 'Logged out from elsewhere (a supervisor, or another agent logged in on this line)' }]);
    } finally {
      bruno.dispose();
    }
  });

  it('follows a supervisor pausing the agent, and a remote logout', async () => {
    const { site, r } = await readyAgent();
    await site.supervisorPause('break');
    await until(() => r.desk.state.agent?.auxCodeId === 'break', 3000, 'remote pause');
    expect(r.desk.state.agent).to.deep.include({ state: 'Idle', reason: 'Short break', by: 'remote' });
    await site.remoteLogout();
    await until(() => r.desk.state.station === null, 3000, 'remote logout');
    expect(r.named('cc-station-logout')).to.have.length(1);
  });

  it('a logout the agent asked for says so; a later remote logout says it came from elsewhere', async () => {
    const { site, r } = await readyAgent();
    await r.run('cc-station-logout-request', {});
    await until(() => r.desk.state.station === null, 3000, 'logged out');
    await r.loginLine();
    await until(() => r.desk.state.station !== null, 3000, 'logged in again');
    await site.remoteLogout();
    await until(() => r.named('cc-station-logout').length === 2, 3000, 'remote logout');
    expect(r.named('cc-station-logout').map((d) => d.reason)).to.deep.equal([
      'User requested logout',
      'Logged out from elsewhere (a supervisor, or another agent logged in on this line)',
    ]);
  });

  it('logs out of the line, and is refused while a call is open', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-station-logout-request', {});
    expect(r.error('cc-station-logout-request')?.code).to.equal('task-active');
    await site.customerHangsUp(id);
    await until(() => !r.task(id), 3000, 'withdrawn');
    await r.run('cc-station-logout-request', {});
    expect(r.error('cc-station-logout-request')).to.equal(undefined);
    expect(r.desk.state.station).to.equal(null);
    expect((await site.state()).agent.name).to.equal('AgentLoggedOut');
  });
});

describe('xuc backend: calls', () => {
  it('offers a queue call with the caller, the queue, the USR_ data and the Sheet entries', async () => {
    const { site, r } = await readyAgent();
    const id = await site.offer({ from: '0611223344', sheet: [{ name: 'crm', value: 'https://crm.example/c/1', type: 'url', order: 1 }] });
    await until(() => r.task(id)?.cad.crm, 3000, 'the sheet');
    expect(r.task(id)).to.deep.include({ state: 'offered', ani: '0611223344', customerName: 'Jeanne Dupont', direction: 'inbound', queue: { id: '1', name: 'Support' } });
    expect(r.task(id)!.cad).to.deep.equal({ customerName: 'Jeanne Dupont', account: 'AC-1042', crm: 'https://crm.example/c/1' });
    expect(r.named('cc-task-incoming')).to.have.length(1);
  });

  it('answers, holds and resumes from phone events, ends, and ends the after-call state early with cc-task-wrapup', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    expect(r.task(id)?.state).to.equal('connected');
    await r.run('cc-task-hold-request', { taskId: id });
    expect(r.task(id)).to.deep.include({ held: true });
    await r.run('cc-task-resume-request', { taskId: id });
    expect(r.task(id)).to.deep.include({ held: false, heldAt: null });
    await r.run('cc-task-end-request', { taskId: id });
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'wrap-up');
    expect(r.named('cc-task-end')).to.deep.equal([{ task: r.task(id), wrapupRequired: true }]);
    expect((await site.state()).agent.name).to.equal('AgentOnWrapup');
    await r.run('cc-wrapup-request', { taskId: id, auxCodeId: '', notes: 'Called back' });
    expect(r.error(`cc-wrapup-request:${id}`)).to.equal(undefined);
    expect(r.task(id)).to.equal(undefined);
    expect(r.named('cc-task-wrapup')).to.have.length(1);
    expect(r.named('cc-task-wrapup')[0]).to.deep.include({ notes: 'Called back' });
    expect((await site.state()).agent.name).to.equal('AgentReady');
    const sent = (await site.state()).received.filter((m) => ['answer', 'hold', 'hangup'].includes(String(m.command)));
    expect(sent).to.deep.equal([
      { claz: 'web', command: 'answer', uniqueId: id },
      { claz: 'web', command: 'hold', uniqueId: id },
      { claz: 'web', command: 'hold', uniqueId: id },
      { claz: 'web', command: 'hangup', uniqueId: id },
    ]);
    expect(r.named('cc-task-change').map((d) => d.change)).to.deep.equal(['held', 'resumed']);
  });

  it('keeps hold from events: a hold made on the phone shows, and resume then sends the toggle once', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await site.answerOnPhone(id);
    await until(() => r.task(id)?.state === 'connected', 3000, 'answered on the phone');
    await r.run('cc-task-resume-request', { taskId: id });
    expect(r.error(`cc-task-resume-request:${id}`)?.code).to.equal('invalid-state');
    expect((await site.state()).received.filter((m) => m.command === 'hold')).to.have.length(0);
  });

  it('the queue wrap-up timer ends the after-call state: the page still gets cc-task-wrapup', async () => {
    const { site, r } = await readyAgent({ wrapupSeconds: 0.2 });
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await site.customerHangsUp(id);
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'wrap-up');
    await until(() => !r.task(id), 3000, 'timed wrap-up');
    expect(r.named('cc-task-wrapup')).to.have.length(1);
    expect(r.desk.state.agent?.state).to.equal('Available');
  });

  it('declines a ringing call (hang up), and a customer who hangs up first withdraws the offer', async () => {
    const { site, r } = await readyAgent();
    const first = await r.call();
    await r.run('cc-task-decline-request', { taskId: first });
    expect(r.task(first)).to.equal(undefined);
    expect(r.named('cc-task-rejected').at(-1)).to.deep.include({ reason: 'declined' });
    const second = await r.call();
    await site.customerHangsUp(second);
    await until(() => !r.task(second), 3000, 'withdrawn');
    expect(r.named('cc-task-rejected').at(-1)).to.deep.include({ reason: 'cancelled' });
  });

  it('consults an agent, cancels, consults again and completes the transfer', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    const agents = await r.backend.destinations('agent');
    expect(agents).to.deep.equal([{ type: 'agent', to: '22', name: 'Bruno Lefèvre', detail: '2002' }]);
    await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'agent', to: '22' } });
    expect(r.error(`cc-task-consult-request:${id}`)).to.equal(undefined);
    expect(r.task(id)).to.deep.include({ held: true });
    expect(r.task(id)!.consult).to.deep.include({ state: 'ringing', destination: { type: 'agent', to: '22' } });
    await site.consultAnswers();
    await until(() => r.task(id)?.consult?.state === 'connected', 3000, 'consult answered');
    await r.run('cc-task-consult-end-request', { taskId: id });
    await until(() => r.task(id)?.consult === null && !r.task(id)?.held, 3000, 'consult cancelled');
    await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'queue', to: '2' } });
    await site.consultAnswers();
    await until(() => r.task(id)?.consult?.state === 'connected', 3000, 'second consult answered');
    await r.run('cc-task-consult-transfer-request', { taskId: id });
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'transferred');
    expect(r.named('cc-task-change').map((d) => d.change)).to.deep.equal([
      'held', 'consult-started', 'consult-answered', 'consult-ended', 'resumed', 'held', 'consult-started', 'consult-answered', 'transferred',
    ]);
    const sent = (await site.state()).received.filter((m) => /Transfer/.test(String(m.command)));
    expect(sent).to.deep.equal([
      { claz: 'web', command: 'attendedTransfer', destination: '2002' },
      { claz: 'web', command: 'cancelTransfer' },
      { claz: 'web', command: 'attendedTransfer', destination: '3002' },
      { claz: 'web', command: 'completeTransfer' },
    ]);
  });

  it('joins an answered consult into a three-way conference; the third party leaving ends it; hang up ends the call', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    // No consult yet: refused by the core, nothing sent.
    await r.run('cc-task-conference-request', { taskId: id });
    expect(r.error(`cc-task-conference-request:${id}`)).to.deep.include({ code: 'invalid-state', message: 'There is no answered consult to join into a conference.' });
    await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'agent', to: '22' } });
    await site.consultAnswers();
    await until(() => r.task(id)?.consult?.state === 'connected', 3000, 'consult answered');
    await r.run('cc-task-conference-request', { taskId: id });
    expect(r.error(`cc-task-conference-request:${id}`)).to.equal(undefined);
    expect(r.task(id)).to.deep.include({ conference: true, consult: null, held: false, state: 'connected' });
    expect((await site.state()).calls.every((c) => c.conference)).to.equal(true);
    expect(r.named('cc-task-change').map((d) => d.change)).to.deep.equal(['held', 'consult-started', 'consult-answered', 'resumed', 'conference-started']);
    // Asked again: already a conference.
    await r.run('cc-task-conference-request', { taskId: id });
    expect(r.error(`cc-task-conference-request:${id}`)?.message).to.equal('The call is already a conference.');
    await site.thirdPartyHangsUp();
    await until(() => r.task(id) && !r.task(id)!.conference, 3000, 'the third party left');
    expect(r.task(id)).to.deep.include({ state: 'connected', consult: null });
    expect(r.named('cc-task-change').at(-1)).to.deep.include({ change: 'conference-ended' });
    expect((await site.state()).received.filter((m) => m.command === 'conference')).to.deep.equal([{ claz: 'web', command: 'conference' }]);
    await r.run('cc-task-end-request', { taskId: id });
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'ended');
  });

  it('hanging up a conference releases both legs: the call ends into wrap-up, nothing is left on the line', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'dialNumber', to: '0611223344' } });
    await site.consultAnswers();
    await until(() => r.task(id)?.consult?.state === 'connected', 3000, 'consult answered');
    await r.run('cc-task-conference-request', { taskId: id });
    await r.run('cc-task-end-request', { taskId: id });
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'ended');
    expect(r.task(id)).to.deep.include({ consult: null });
    expect(r.task(id)?.conference).to.not.equal(true);
    expect(r.named('cc-task-end')).to.have.length(1);
    expect((await site.state()).calls).to.deep.equal([]);
  });

  it('sends keys as DTMF, one sendDtmf per key, on the connected call; bad keys are refused before XiVO', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-dtmf-request', { taskId: id, digits: '1' });
    expect(r.error(`cc-task-dtmf-request:${id}`)?.message).to.equal('Cannot send keys: the task is still ringing.');
    await r.run('cc-task-accept-request', { taskId: id });
    await r.run('cc-task-dtmf-request', { taskId: id, digits: '12*#' });
    expect(r.error(`cc-task-dtmf-request:${id}`)).to.equal(undefined);
    await r.run('cc-task-dtmf-request', { taskId: id, digits: '9A' });
    expect(r.error(`cc-task-dtmf-request:${id}`)).to.deep.include({ code: 'invalid-request', message: 'Keys can only be 0 to 9, * and # (1 to 32 of them).' });
    const state = await site.state();
    expect(state.received.filter((m) => m.command === 'sendDtmf')).to.deep.equal(['1', '2', '*', '#'].map((key) => ({ claz: 'web', command: 'sendDtmf', key })));
    expect(state.calls.find((c) => c.uniqueId === id)?.dtmf).to.equal('12*#');
    expect(r.desk.state.capabilities).to.deep.include({ dtmf: true, conference: true, mute: false });
  });

  it('transfers blind to a number, and dials out', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await r.run('cc-task-transfer-request', { taskId: id, destination: { type: 'dialNumber', to: '0788990011' } });
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'transferred');
    expect(r.named('cc-task-change').map((d) => d.change)).to.deep.equal(['transferred']);
    await r.run('cc-wrapup-request', { taskId: id, auxCodeId: '', notes: '' });
    await r.run('cc-outdial-request', { number: '0144556677' });
    expect(r.error('cc-outdial-request')).to.equal(undefined);
    const out = r.desk.state.tasks.find((t) => t.direction === 'outbound')!;
    expect(out).to.deep.include({ ani: '0144556677', state: 'connected', connectedAt: null });
    await site.remoteAnswers();
    await until(() => r.task(out.id)?.connectedAt, 3000, 'the callee answers');
  });

  it('refuses mute (a desk phone) with unsupported, and changes nothing', async () => {
    const { r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await r.run('cc-task-mute-request', { taskId: id });
    expect(r.error(`cc-task-mute-request:${id}`)?.code).to.equal('unsupported');
    expect(r.task(id)?.muted).to.equal(false);
  });

  it('keeps queue statistics and the agent\'s own', async () => {
    const { site, r } = await readyAgent();
    await site.queueStats(2, { WaitingCalls: 4, LongestWaitingTime: 95, AvailableAgents: 1, TalkingAgents: 3 });
    await until(() => r.backend.statistics().queues['2']?.WaitingCalls === 4, 3000, 'statistics');
    expect(r.backend.statistics().queues['2']).to.deep.include({ LongestWaitingTime: 95, AvailableAgents: 1, TalkingAgents: 3, TotalNumberCallsAbandonned: 0 });
    expect(r.backend.statistics().agent).to.have.property('AgentReadyTotalTime');
  });
});

describe('xuc backend: statistics in the store', () => {
  it("the agent's figures reach the desk: XuC's time counters as time in each state, and the calls handled in the session", async () => {
    const { r } = await readyAgent();
    await until(() => r.desk.state.agentStats, 3000, 'agent figures');
    expect(r.desk.state.agentStats).to.deep.include({ handled: 0, averageHandleSeconds: null, stateSeconds: { Available: 0, Idle: 0, AfterCall: 0 } });
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await r.run('cc-task-end-request', { taskId: id });
    await until(() => r.task(id)?.state === 'wrapup', 3000, 'wrap-up');
    await r.run('cc-wrapup-request', { taskId: id, auxCodeId: '', notes: '' });
    await until(() => r.desk.state.agentStats?.handled === 1, 3000, 'one handled');
    expect(r.desk.state.agentStats!.averageHandleSeconds).to.be.a('number');
  });

  it('queue statistics reach the desk as the kit\'s figures, by queue, with its name', async () => {
    const { site, r } = await readyAgent();
    await site.queueStats(2, { WaitingCalls: 4, LongestWaitingTime: 95, AvailableAgents: 1, TalkingAgents: 3, TotalNumberCallsAnswered: 12, TotalNumberCallsAbandonned: 2 });
    await until(() => r.desk.state.queueStats.find((q) => q.queueId === '2')?.waiting === 4, 3000, 'queue figures');
    const billing = r.desk.state.queueStats.find((q) => q.queueId === '2')!;
    const queue = (await r.backend.destinations('queue')).find((q) => q.to === '2');
    expect(billing).to.deep.include({ queueName: queue?.name, waiting: 4, longestWaitSeconds: 95, agentsAvailable: 1, agentsTalking: 3, answered: 12, abandoned: 2 });
  });
});

describe('xuc backend: faults', () => {
  it('an action XiVO never confirms times out with a clear error, changes nothing, and the retry works', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await until(() => r.task(id)?.recording, 3000, 'recording');
    const before = r.task(id);
    await site.ignoreNext('hold');
    await r.run('cc-task-hold-request', { taskId: id });
    expect(r.error(`cc-task-hold-request:${id}`)).to.deep.include({ code: 'timeout', message: 'XiVO did not confirm the request in time. Check your phone and try again.' });
    expect(r.task(id)).to.equal(before);
    await r.run('cc-task-hold-request', { taskId: id });
    expect(r.task(id)?.held).to.equal(true);
  });

  it('pauses and resumes the recording (monitorPause / monitorUnpause), as the AgentStateEvent reports it', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    await until(() => r.task(id)?.recording, 3000, 'recording');
    await r.run('cc-task-recording-pause-request', { taskId: id });
    expect(r.task(id)?.recordingPaused).to.equal(true);
    await r.run('cc-task-recording-resume-request', { taskId: id });
    expect(r.task(id)?.recordingPaused).to.equal(false);
    expect((await site.state()).received.filter((m) => String(m.command).startsWith('monitor'))).to.deep.equal([
      { claz: 'web', command: 'monitorPause', agentid: 21 },
      { claz: 'web', command: 'monitorUnpause', agentid: 21 },
    ]);
  });

  it('the link drops mid-call: reconnecting, actions refused as offline, then re-synced with a renewed token', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await r.run('cc-task-accept-request', { taskId: id });
    r.outcomes.length = 0;
    await site.drop();
    await until(() => r.desk.state.connection === 'reconnecting', 3000, 'reconnecting');
    const code = await r.backend.hold(id).then(() => null, (e: { code: string }) => e.code);
    expect(code).to.equal('offline');
    await site.customerHangsUp(id);
    await site.restore();
    await until(() => r.desk.state.connection === 'connected' && r.task(id)?.state === 'wrapup', 5000, 're-synced');
    expect(r.named('cc-connection-change').map((d) => d.status)).to.deep.equal(['reconnecting', 'connected']);
    expect(r.named('cc-task-end')).to.have.length(1);
    expect(r.events.some((e) => e.type === 'sync')).to.equal(true);
    expect(r.desk.state.station?.dialNumber).to.equal('1001');
    const rest = (await site.state()).rest;
    expect(rest.filter((p) => p.endsWith('auth/check')).length).to.be.at.least(1);
  });

  it('a silent server: three missed pings declare the link dead, and it comes back when XiVO answers again', async () => {
    const { site, r } = await readyAgent();
    await site.silent(true);
    await until(() => r.desk.state.connection === 'reconnecting', 3000, 'declared dead');
    await site.silent(false);
    await until(() => r.desk.state.connection === 'connected', 5000, 'back');
    expect(r.desk.state.agent?.state).to.equal('Available');
  });

  it('an expired token at reconnect: token-expired, the session marked expired, no endless retry', async () => {
    const { site, r } = await readyAgent();
    await site.drop();
    await until(() => r.desk.state.connection === 'reconnecting', 3000, 'reconnecting');
    await site.expireTokens();
    await site.restore();
    await until(() => r.desk.state.session.expired, 5000, 'expired');
    expect(r.named('cc-error').map((d) => d.code)).to.include('token-expired');
    const checks = (await site.state()).rest.filter((p) => p.endsWith('auth/check')).length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await site.state()).rest.filter((p) => p.endsWith('auth/check')).length).to.equal(checks);
    expect(r.desk.state.connection).to.equal('offline');
    // Signing in again with the password brings the desk back, connected, with the agent still on its line.
    await r.run('cc-sign-in-request', { username: site.alice.login, password: site.alice.password });
    expect(r.error('cc-sign-in-request')).to.equal(undefined);
    expect(r.desk.state.session).to.deep.include({ status: 'signed-in', expired: false });
    expect(r.desk.state.connection).to.equal('connected');
    await until(() => r.desk.state.station?.dialNumber === '1001', 3000, 'the line again');
    expect((await site.state()).sockets).to.equal(1);
  });

  it('an unknown msgType is ignored; a malformed frame gets a cc-error and loses nothing', async () => {
    const { site, r } = await readyAgent();
    const id = await r.call();
    await site.send(JSON.stringify({ msgType: 'MeetingRoomInvite', ctiMessage: { room: 7 } }));
    await site.send('{"msgType": "PhoneEvent", ');
    await until(() => r.named('cc-error').length > 0, 3000, 'an error');
    expect(r.named('cc-error')).to.deep.equal([{ action: 'connection', code: 'backend-error', message: 'XiVO sent a message this desk cannot read; it was ignored.' }]);
    expect(r.task(id)?.state).to.equal('offered');
    expect(r.desk.state.connection).to.equal('connected');
  });
});

/** The exported contract suite, through the double, with a line (EXTENSION) login. */
backendContract(
  'xuc (loopback XuC double, EXTENSION)',
  async () => {
    const site = await newSite({ wrapupSeconds: 30 });
    // The suite signs in with an access token: the host's server obtained this XuC token for the agent.
    await site.adoptToken('contract-test-token-0123456789');
    const backend = new XucBackend({ server: site.baseUrl, ...FAST });
    const unsupported = (what: string) => () => {
      throw new Error(`XuC has no ${what}`);
    };
    const drive: ContractDrive = {
      teamId: XUC_TEAM.id,
      dialNumbers: { AGENT_DN: site.alice.line, EXTENSION: site.alice.line },
      idleCodes: ['break', 'lunch'],
      wrapupCode: '',
      agent: '22',
      queue: '2',
      offer: () => site.offer() as unknown as void,
      answerOnPhone: (id) => site.answerOnPhone(id) as unknown as void,
      rona: unsupported('RONA'),
      answerConsult: () => site.consultAnswers() as unknown as void,
      hangup: (id) => site.customerHangsUp(id) as unknown as void,
      supervisorState: (state, auxCodeId) => (state === 'Idle' ? site.supervisorPause(auxCodeId) : site.supervisorReady()) as unknown as void,
      remoteLogout: () => site.remoteLogout() as unknown as void,
      dropConnection: () => site.drop() as unknown as void,
      restoreConnection: () => site.restore() as unknown as void,
      failNext: unsupported('refusal message to script'),
      dispose: () => backend.dispose(),
    };
    return { backend, drive };
  },
  {
    loginOption: 'EXTENSION',
    notApplicable: {
      'connects and registers: connection, signed-in and the profile, announced once each':
        'XuC has no AGENT_DN login (an agent logs in on a XiVO line) and no wrap-up codes; the profile is checked above',
      'logs in with AGENT_DN and starts the agent Idle': 'XuC logs an agent in on a XiVO line only (EXTENSION)',
      'logs in with EXTENSION and starts the agent Idle': 'XiVO makes an agent Ready right after AgentLogin',
      'goes Available and Idle with a reason code, set by the agent':
        'XiVO makes the agent Ready at login, so the first Available is XiVO\'s (by system) whenever it arrives before the request; pause and ready by the agent are checked above',
      'offers a task with a whole snapshot': 'XuC tells no ring timeout (no RONA): ronaAt stays null; the offer is checked above',
      'accepts, holds, resumes, pauses and resumes recording':
        'the recording state (monitorState) arrives in the AgentStateEvent after the call connects; hold and recording are checked above',
      'consults an agent who answers, ends the consult, consults a queue and consult-transfers':
        'cancelTransfer returns to the customer (off hold) on XiVO; the consult sequence is checked above',
      'accepts chat and email tasks too, and refuses hold on them': 'XuC is voice only',
      'refuses to decline a call that rings the phone, and keeps offering it': 'XuC declines a ringing call by hanging up its leg',
      'withdraws an unanswered offer at RONA and puts the agent in RONA': 'XuC has no RONA',
      'a refused action rejects with a clear CcError, leaves state as it was, and the retry works':
        'XuC answers no refusal to a command: an unconfirmed action times out (checked above)',
      'a refused station login, state change or wrap-up changes nothing': 'XuC answers no refusal to a command (AgentError is checked above)',
    },
  },
);
