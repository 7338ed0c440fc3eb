import { expect } from '@open-wc/testing';
import { deskRig, readyAgent, detailsOf, onlyTask, rig } from '../../helpers.js';
import { CcError } from '../../../src/core/errors.js';
import { ManualClock } from '../../../src/core/clock.js';
import { SimulatorServer } from '../../../src/backends/simulator/server.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import { Desk } from '../../../src/context/desk.js';
import { request, type CcOutcomeEvent } from '../../../src/events/events.js';

const memoryStorage = () => {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

describe('simulator: session and profile', () => {
  it('signs in, registers and announces ready and the profile', async () => {
    const { run, names, desk, events } = deskRig();
    await run('cc-sign-in-request', { accessToken: 'token-123' });
    expect(names()).to.deep.equal(['cc-connection-change', 'cc-ready', 'cc-registered']);
    const { profile } = detailsOf(events, 'cc-registered')[0];
    expect(profile.teams.length).to.be.at.least(2);
    expect(profile.loginOptions).to.have.members(['BROWSER', 'AGENT_DN', 'EXTENSION']);
    expect(profile.idleCodes.length).to.be.at.least(2);
    expect(profile.wrapupCodes.length).to.be.at.least(2);
    expect(profile.dialRules.AGENT_DN?.pattern).to.be.a('string');
    expect(desk.state.session.status).to.equal('signed-in');
  });

  it('refuses a malformed or expired token', async () => {
    const { run, desk, events } = deskRig();
    await run('cc-sign-in-request', { accessToken: 'expired-abc' });
    expect(desk.state.session.status).to.equal('signed-out');
    expect(detailsOf(events, 'cc-error')[0]).to.include({ code: 'auth-failed', action: 'sign-in' });
  });

  it('signs out cleanly: station logout, then deregister', async () => {
    const { run, desk, names, events } = deskRig();
    await readyAgent(run);
    events.length = 0;
    await run('cc-sign-out-request', {});
    expect(names()).to.deep.equal(['cc-station-logout', 'cc-signed-out']);
    expect(desk.state.session.status).to.equal('signed-out');
  });
});

describe('simulator: station login', () => {
  it('logs in with each login option and starts the agent Idle', async () => {
    for (const option of ['BROWSER', 'AGENT_DN', 'EXTENSION'] as const) {
      const { run, desk, events } = deskRig();
      await run('cc-sign-in-request', { accessToken: 't' });
      const dialNumber = option === 'AGENT_DN' ? '+14155550199' : option === 'EXTENSION' ? '1042' : undefined;
      await run('cc-station-login-request', { teamId: 'team-billing', loginOption: option, dialNumber });
      expect(detailsOf(events, 'cc-station-login')[0]).to.deep.equal({
        teamId: 'team-billing', loginOption: option, ...(dialNumber ? { dialNumber } : {}),
      });
      expect(desk.state.agent?.state).to.equal('Idle');
    }
  });

  it('is refused by the backend itself for a malformed or unknown dial number', async () => {
    const { backend } = rig();
    await backend.connect({ accessToken: 't' });
    await backend.register();
    const attempt = (loginOption: 'AGENT_DN' | 'EXTENSION', dialNumber: string) =>
      backend.stationLogin({ teamId: 'team-support', loginOption, dialNumber }).then(
        () => null,
        (e: CcError) => e.code,
      );
    expect(await attempt('AGENT_DN', '555-hello')).to.equal('invalid-dial-number');
    expect(await attempt('EXTENSION', '12')).to.equal('invalid-dial-number');
    expect(await attempt('EXTENSION', '9042')).to.equal('invalid-dial-number'); // well-formed, but no such extension
    expect(await attempt('AGENT_DN', '+14155550100')).to.equal('invalid-dial-number'); // another agent's number
    expect(await attempt('EXTENSION', '1042')).to.equal(null);
  });

  it('refuses a bad dial number before it reaches the backend', async () => {
    const { run, desk, events, server } = deskRig();
    await run('cc-sign-in-request', { accessToken: 't' });
    await run('cc-station-login-request', { teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: 'abc' });
    expect(detailsOf(events, 'cc-error')[0].code).to.equal('invalid-dial-number');
    expect(desk.state.errors['cc-station-login-request'].message).to.match(/abc is not a valid dial number/);
    expect(server.station).to.equal(null);
  });

  it('refuses logout while a task is open, saying why', async () => {
    const { run, server, desk } = deskRig();
    await readyAgent(run);
    server.offer();
    await run('cc-station-logout-request', {});
    expect(desk.state.errors['cc-station-logout-request'].code).to.equal('task-active');
    expect(desk.state.station).to.not.equal(null);
  });
});

describe('simulator: agent state', () => {
  it('goes Available and Idle with a reason code', async () => {
    const { run, events } = deskRig();
    await readyAgent(run);
    await run('cc-agent-state-request', { state: 'Idle', auxCodeId: 'idle-lunch' });
    expect(detailsOf(events, 'cc-agent-state-change').map((d) => `${d.state}/${d.auxCodeId}/${d.by}`)).to.deep.equal([
      'Idle/idle-break/system',
      'Available/0/agent',
      'Idle/idle-lunch/agent',
    ]);
  });

  it('follows a supervisor changing the state', async () => {
    const { run, server, desk, events } = deskRig();
    await readyAgent(run);
    server.supervisorSetState('Idle', 'idle-meeting');
    expect(desk.state.agent).to.include({ state: 'Idle', auxCodeId: 'idle-meeting', by: 'remote' });
    expect(detailsOf(events, 'cc-agent-state-change').at(-1)?.by).to.equal('remote');
  });

  it('follows a remote logout', async () => {
    const { run, server, desk, events } = deskRig();
    await readyAgent(run);
    server.remoteLogout('Logged out by a supervisor');
    expect(desk.state.station).to.equal(null);
    expect(detailsOf(events, 'cc-station-logout')[0].reason).to.equal('Logged out by a supervisor');
  });
});

describe('simulator: offers', () => {
  it('offers telephony, chat, email and social tasks, only while Available', async () => {
    const { run, server, desk, events } = deskRig();
    await run('cc-sign-in-request', { accessToken: 't' });
    await run('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    for (const mediaType of ['telephony', 'chat', 'email', 'social'] as const) server.offer({ mediaType });
    expect(desk.state.tasks).to.have.length(0);
    expect(server.queued).to.have.length(4);
    await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    expect(desk.state.tasks.map((t) => t.mediaType)).to.deep.equal(['telephony', 'chat', 'email', 'social']);
    const offered = detailsOf(events, 'cc-task-incoming').map((d) => d.task);
    expect(offered).to.have.length(4);
    expect(offered[0].customerName).to.be.a('string');
    expect(offered[0].queue?.name).to.be.a('string');
    expect(offered[0].ronaAt).to.equal(offered[0].offeredAt + server.timing.ringMs);
  });

  it('withdraws an unanswered offer at the RONA timeout and puts the agent in RONA', async () => {
    const { run, server, clock, desk, events } = deskRig();
    await readyAgent(run);
    server.offer();
    clock.advance(server.timing.ringMs - 1);
    expect(desk.state.tasks).to.have.length(1);
    clock.advance(1);
    expect(desk.state.tasks).to.have.length(0);
    expect(detailsOf(events, 'cc-task-rejected')[0].reason).to.equal('rona');
    expect(desk.state.agent).to.include({ state: 'RONA', by: 'system' });
  });

  it('declines an offer', async () => {
    const { run, server, desk, events } = deskRig();
    await readyAgent(run);
    server.offer();
    await run('cc-task-decline-request', { taskId: desk.state.tasks[0].id });
    expect(desk.state.tasks).to.have.length(0);
    expect(detailsOf(events, 'cc-task-rejected')[0].reason).to.equal('declined');
  });

  it('handles several tasks at once, within each channel\'s capacity', async () => {
    const { run, server, desk } = deskRig();
    await readyAgent(run);
    server.offer({ mediaType: 'telephony' });
    server.offer({ mediaType: 'telephony' });
    server.offer({ mediaType: 'chat' });
    server.offer({ mediaType: 'chat' });
    expect(desk.state.tasks.map((t) => t.mediaType)).to.deep.equal(['telephony', 'chat', 'chat']);
    expect(server.queued).to.have.length(1);
  });
});

describe('simulator: a call from start to wrap-up', () => {
  async function connectedCall() {
    const r = deskRig();
    await readyAgent(r.run);
    r.server.offer({ mediaType: 'telephony' });
    const id = r.desk.state.tasks[0].id;
    await r.run('cc-task-accept-request', { taskId: id });
    return { ...r, id, task: () => onlyTask(r.desk.state.tasks) };
  }

  it('accepts, holds, resumes, mutes, pauses and resumes recording', async () => {
    const { run, id, task, events, desk } = await connectedCall();
    expect(task()).to.include({ state: 'connected', recording: true });
    expect(desk.state.media[id]).to.equal(true); // browser login: remote audio arrived
    await run('cc-task-hold-request', { taskId: id });
    expect(task().held).to.equal(true);
    await run('cc-task-resume-request', { taskId: id });
    await run('cc-task-mute-request', { taskId: id });
    expect(task().muted).to.equal(true);
    await run('cc-task-mute-request', { taskId: id });
    await run('cc-task-recording-pause-request', { taskId: id });
    expect(task().recordingPaused).to.equal(true);
    await run('cc-task-recording-resume-request', { taskId: id });
    expect(detailsOf(events, 'cc-task-change').map((d) => d.change)).to.deep.equal([
      'held', 'resumed', 'muted', 'unmuted', 'recording-paused', 'recording-resumed',
    ]);
  });

  it('consults an agent, who answers; ends the consult; consult-transfers to a queue', async () => {
    const { run, id, task, clock, server, events } = await connectedCall();
    await run('cc-task-consult-request', { taskId: id, destination: { type: 'agent', to: 'agent-sam' } });
    expect(task().consult).to.include({ state: 'ringing' });
    expect(task().consult?.destination.name).to.equal('Sam Okafor');
    expect(task().held).to.equal(true);
    clock.advance(server.timing.consultAnswerMs);
    expect(task().consult?.state).to.equal('connected');
    await run('cc-task-consult-end-request', { taskId: id });
    expect(task().consult).to.equal(null);
    await run('cc-task-consult-request', { taskId: id, destination: { type: 'queue', to: 'queue-billing' } });
    clock.advance(server.timing.consultAnswerMs);
    await run('cc-task-consult-transfer-request', { taskId: id });
    expect(task().state).to.equal('wrapup');
    expect(detailsOf(events, 'cc-task-change').map((d) => d.change)).to.deep.equal([
      'held', 'consult-started', 'consult-answered', 'consult-ended', 'consult-started', 'consult-answered', 'transferred',
    ]);
    expect(detailsOf(events, 'cc-task-end')[0].wrapupRequired).to.equal(true);
  });

  it('transfers blind to a dial number, and refuses an unavailable agent', async () => {
    const { run, id, task, desk } = await connectedCall();
    await run('cc-task-transfer-request', { taskId: id, destination: { type: 'agent', to: 'agent-kai' } });
    expect(desk.state.errors[`cc-task-transfer-request:${id}`].message).to.match(/not available/);
    expect(task().state).to.equal('connected');
    await run('cc-task-transfer-request', { taskId: id, destination: { type: 'dialNumber', to: '+442071838750' } });
    expect(task().state).to.equal('wrapup');
  });

  it('ends, owes a wrap-up, and wraps up with a code and notes', async () => {
    const { run, id, task, desk, events } = await connectedCall();
    await run('cc-task-end-request', { taskId: id });
    expect(task()).to.include({ state: 'wrapup', wrapupRequired: true });
    await run('cc-wrapup-request', { taskId: id, auxCodeId: 'wrap-resolved', notes: 'Refund issued' });
    expect(desk.state.tasks).to.have.length(0);
    expect(detailsOf(events, 'cc-task-wrapup')[0]).to.deep.include({ auxCodeId: 'wrap-resolved', notes: 'Refund issued' });
  });

  it('wraps up automatically when the profile sets a timer', async () => {
    const r = deskRig({ profile: { ...(await import('../../../src/backends/simulator/data.js')).simulatorProfile, autoWrapupSeconds: 30 } });
    await readyAgent(r.run);
    r.server.offer();
    const id = r.desk.state.tasks[0].id;
    await r.run('cc-task-accept-request', { taskId: id });
    await r.run('cc-task-end-request', { taskId: id });
    expect(r.desk.state.tasks[0].autoWrapupAt).to.equal(r.clock.now() + 30_000);
    r.clock.advance(30_000);
    expect(r.desk.state.tasks).to.have.length(0);
    expect(detailsOf(r.events, 'cc-task-wrapup')[0].auxCodeId).to.equal('wrap-resolved');
  });

  it('ends when the customer hangs up', async () => {
    const { id, task, server } = await connectedCall();
    server.customerHangup(id);
    expect(task().state).to.equal('wrapup');
  });

  it('refuses hold on a chat and mute on a desk phone', async () => {
    const r = deskRig();
    await readyAgent(r.run, 'AGENT_DN');
    r.server.offer({ mediaType: 'chat' });
    r.server.offer({ mediaType: 'telephony' });
    const [chat, call] = r.desk.state.tasks;
    await r.run('cc-task-accept-request', { taskId: chat.id });
    await r.run('cc-task-accept-request', { taskId: call.id });
    await r.run('cc-task-hold-request', { taskId: chat.id });
    await r.run('cc-task-mute-request', { taskId: call.id });
    expect(r.desk.state.errors[`cc-task-hold-request:${chat.id}`].code).to.equal('unsupported');
    expect(r.desk.state.errors[`cc-task-mute-request:${call.id}`].code).to.equal('unsupported');
  });
});

describe('simulator: faults', () => {
  it('fails the next action with a given code, leaves state as it was, and the retry works', async () => {
    const { run, server, desk, events } = deskRig();
    await readyAgent(run);
    server.offer();
    const id = desk.state.tasks[0].id;
    await run('cc-task-accept-request', { taskId: id });
    server.failNext({ action: 'hold', code: 'rejected', message: 'Hold is not allowed right now.' });
    await run('cc-task-hold-request', { taskId: id });
    expect(desk.state.tasks[0].held).to.equal(false);
    expect(detailsOf(events, 'cc-error').at(-1)).to.deep.equal({ action: 'task-hold', code: 'rejected', message: 'Hold is not allowed right now.' });
    await run('cc-task-hold-request', { taskId: id });
    expect(desk.state.tasks[0].held).to.equal(true);
    expect(desk.state.errors).to.deep.equal({});
  });

  it('drops the connection, refuses actions meanwhile, reconnects and re-syncs what happened', async () => {
    const { run, server, clock, desk, events, names } = deskRig();
    await readyAgent(run);
    server.offer();
    const id = desk.state.tasks[0].id;
    await run('cc-task-accept-request', { taskId: id });
    events.length = 0;
    server.dropConnection(5000);
    expect(desk.state.connection).to.equal('reconnecting');
    await run('cc-task-hold-request', { taskId: id });
    expect(desk.state.errors[`cc-task-hold-request:${id}`].code).to.equal('offline');
    server.customerHangup(id); // happens while this desk cannot hear
    expect(desk.state.tasks[0].state).to.equal('connected');
    clock.advance(5000);
    expect(desk.state.connection).to.equal('connected');
    expect(desk.state.tasks[0].state).to.equal('wrapup');
    expect(names()).to.deep.equal(['cc-connection-change', 'cc-error', 'cc-connection-change', 'cc-task-end']);
  });

  it('warns before the token expires, refuses actions once expired, and a new sign-in keeps the task', async () => {
    const { run, server, clock, desk, events } = deskRig();
    await readyAgent(run);
    server.offer();
    const id = desk.state.tasks[0].id;
    await run('cc-task-accept-request', { taskId: id });
    server.expireToken(60_000);
    expect(detailsOf(events, 'cc-auth-expiring')).to.have.length(1);
    clock.advance(60_000);
    expect(desk.state.session.expired).to.equal(true);
    expect(detailsOf(events, 'cc-error').at(-1)?.code).to.equal('token-expired');
    await run('cc-task-hold-request', { taskId: id });
    expect(desk.state.errors[`cc-task-hold-request:${id}`].code).to.equal('token-expired');
    const before = events.length;
    await run('cc-sign-in-request', { accessToken: 'fresh-token' });
    expect(desk.state.session.expired).to.equal(false);
    expect(desk.state.tasks[0]).to.include({ id, state: 'connected' });
    expect(events.slice(before).map((e) => e.type)).to.not.include('cc-task-hydrate');
    await run('cc-task-hold-request', { taskId: id });
    expect(desk.state.tasks[0].held).to.equal(true);
  });

  it('restores a task after a reload mid-call, and a wrap-up still owed after a reload mid-wrap-up', async () => {
    const storage = memoryStorage();
    const clock = new ManualClock();
    const first = deskRig({ clock, storage });
    await readyAgent(first.run);
    first.server.offer();
    first.server.offer({ mediaType: 'chat' });
    const [call, chat] = first.desk.state.tasks;
    await first.run('cc-task-accept-request', { taskId: call.id });
    await first.run('cc-task-accept-request', { taskId: chat.id });
    await first.run('cc-task-end-request', { taskId: chat.id });
    first.desk.attach(null);
    first.server.dispose();

    // The page reloads: a new server reads the contact center's state back, a new session signs in.
    const server = new SimulatorServer({ clock, storage });
    const events: CcOutcomeEvent[] = [];
    const desk = new Desk((e) => events.push(e));
    desk.attach(new SimulatorBackend({ server }));
    await desk.run(request('cc-sign-in-request', { accessToken: 't' }));
    const hydrated = events.filter((e) => e.type === 'cc-task-hydrate').map((e) => (e as CcOutcomeEvent<'cc-task-hydrate'>).detail.task);
    expect(hydrated.map((t) => `${t.id}:${t.state}`)).to.deep.equal([`${call.id}:connected`, `${chat.id}:wrapup`]);
    expect(hydrated[1].wrapupRequired).to.equal(true);
    expect(desk.state.station?.teamId).to.equal('team-support');
    await desk.run(request('cc-wrapup-request', { taskId: chat.id, auxCodeId: 'wrap-resolved', notes: '' }));
    expect(desk.state.tasks.map((t) => t.id)).to.deep.equal([call.id]);
  });

  it('runs a scripted scenario on the controllable clock', async () => {
    const { run, server, clock, desk } = deskRig();
    await readyAgent(run);
    server.runScenario([
      { at: 1000, action: 'offer', offer: { mediaType: 'email', subject: 'Refund?' } },
      { at: 2000, action: 'supervisor-state', state: 'Idle', auxCodeId: 'idle-training' },
    ]);
    clock.advance(999);
    expect(desk.state.tasks).to.have.length(0);
    clock.advance(1);
    expect(desk.state.tasks[0]).to.include({ mediaType: 'email', subject: 'Refund?' });
    clock.advance(1000);
    expect(desk.state.agent?.auxCodeId).to.equal('idle-training');
  });

  it('refuses a malformed scenario whole, running none of it', () => {
    const { server } = rig();
    const code = (input: unknown) => {
      try {
        server.runScenario(input);
        return null;
      } catch (e) {
        return (e as CcError).code;
      }
    };
    expect(code('not a scenario')).to.equal('invalid-scenario');
    expect(code([{ at: 0, action: 'offer' }, { at: -1, action: 'offer' }])).to.equal('invalid-scenario');
    expect(code([{ at: 0, action: 'explode' }])).to.equal('invalid-scenario');
    expect(code([{ at: 0, action: 'offer', offer: { mediaType: 'fax' } }])).to.equal('invalid-scenario');
    expect(server.timerCount).to.equal(0);
    expect(code('busy-hour')).to.equal(null);
  });

  it('answers an action on a task that does not exist with unknown-task, and changes nothing', async () => {
    const { run, desk, events, backend } = deskRig();
    await readyAgent(run);
    const before = desk.state;
    await run('cc-task-hold-request', { taskId: 'nope' });
    expect(detailsOf(events, 'cc-error').at(-1)?.code).to.equal('unknown-task');
    expect(desk.state.tasks).to.equal(before.tasks);
    const direct = await backend.hold('nope').catch((e: CcError) => e.code);
    expect(direct).to.equal('unknown-task');
  });
});
