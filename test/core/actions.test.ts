// The action table (src/core/actions.ts): what is derived from it, and the refusals it makes once, in the
// core, before any backend call.
import { expect } from '@open-wc/testing';
import { ACTIONS, REFUSALS, REQUEST_NAMES, actionOf, requestsOf, taskControls, type RequestName } from '../../src/core/actions.js';
import { eventCatalog, requestEvents } from '../../src/events/catalog.js';
import { checkDetail, isRequestName } from '../../src/events/request-check.js';
import type { CcErrorInfo } from '../../src/core/errors.js';
import { SIMULATOR_ACTIONS } from '../../src/backends/simulator/server.js';
import { deskRig, detailsOf, readyAgent } from '../helpers.js';

type DeskRig = ReturnType<typeof deskRig>;

/** Counts every call the desk makes to the backend, by method. */
function countCalls(r: DeskRig): string[] {
  const calls: string[] = [];
  const backend = r.backend as unknown as Record<string, unknown>;
  for (const spec of Object.values(ACTIONS)) {
    for (const method of new Set([spec.method, 'register', 'stationLogout'])) {
      const original = backend[method];
      if (typeof original !== 'function') continue;
      backend[method] = (...args: unknown[]) => {
        calls.push(method);
        return (original as (...a: unknown[]) => unknown).apply(r.backend, args);
      };
    }
  }
  return calls;
}

/** The last cc-error the page heard. */
const lastError = (r: DeskRig): CcErrorInfo | undefined => detailsOf(r.events, 'cc-error').at(-1);

async function connectedCall(r: DeskRig, mediaType: 'telephony' | 'chat' = 'telephony'): Promise<string> {
  r.server.offer({ mediaType });
  const id = r.desk.state.tasks.at(-1)!.id;
  await r.run('cc-task-accept-request', { taskId: id });
  return id;
}

describe('the action table', () => {
  it('is where the request names, the catalog rows and the detail shapes come from', () => {
    expect([...requestEvents]).to.deep.equal([...REQUEST_NAMES]);
    for (const name of REQUEST_NAMES) {
      expect(isRequestName(name), name).to.equal(true);
      expect(eventCatalog[name], name).to.deep.equal({ kind: 'request', detail: ACTIONS[name].detailText, summary: ACTIONS[name].summary });
      expect(name, name).to.match(/^cc-[a-z-]+-request$/);
    }
    // A field the table says is text is checked as text; one it does not name passes along unchecked.
    expect(checkDetail('cc-task-hold-request', { taskId: 7 })).to.deep.equal({
      problem: 'This request is malformed: taskId must be text, not a number.',
      text: { key: 'malformedBecause', values: { problem: 'taskId must be text, not a number.' } },
    });
    expect(checkDetail('cc-task-consult-request', { taskId: 't', destination: { type: 'fax', to: '1' } })).to.deep.include({
      problem: 'This request is malformed: destination.type must be one of agent, queue, dialNumber, entryPoint, not fax.',
    });
    expect(checkDetail('cc-outdial-request', { number: '+1 415', extra: 1 })).to.deep.equal({ detail: { number: '+1 415', extra: 1 } });
    expect(isRequestName('cc-ready')).to.equal(false);
    // The simulated contact center can fail every method an action calls (failNext), so a new action is testable.
    for (const name of REQUEST_NAMES) expect(SIMULATOR_ACTIONS, name).to.include(ACTIONS[name].method);
  });

  it('says which widget sends which request, and lists the task panel controls', () => {
    expect(requestsOf('cc-auth')).to.deep.equal(['cc-sign-in-request', 'cc-sign-out-request']);
    expect(requestsOf('cc-wrapup')).to.deep.equal(['cc-wrapup-request', 'cc-task-auto-wrapup-cancel-request']);
    expect(requestsOf('cc-state-select')).to.deep.equal(['cc-agent-state-request']);
    expect(requestsOf('cc-conversation')).to.deep.equal(['cc-task-message-request']);
    const offered = (['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup', 'cc-conversation'] as const).flatMap(requestsOf);
    // Every request but the script-only upload of logs is offered by exactly one widget.
    expect(REQUEST_NAMES.filter((n) => !(offered as string[]).includes(n))).to.deep.equal(['cc-upload-logs-request']);
    // The widget is a literal type too: the React props of each element are typed from it.
    const auth: ('cc-sign-in-request' | 'cc-sign-out-request')[] = requestsOf('cc-auth');
    expect(auth).to.have.length(2);
    expect(new Set(offered).size).to.equal(offered.length);
    expect(taskControls.map((c) => c.request)).to.deep.equal(requestsOf('cc-task-panel'));
    const hold = taskControls.find((c) => c.action === 'hold');
    expect(hold).to.deep.equal({ request: 'cc-task-hold-request', action: 'hold', place: 'task', capability: 'hold', phase: 'connected', media: 'telephony' });
    expect(taskControls.find((c) => c.action === 'outdial')).to.include({ place: 'new-call', capability: 'outdial', phase: null });
    expect(taskControls.filter((c) => c.place === 'offer').map((c) => c.action)).to.deep.equal(['accept', 'decline']);
    expect(taskControls.filter((c) => c.place === 'picker').map((c) => c.action)).to.deep.equal(['consult', 'transfer']);
  });
});

describe('refusals made once, in the core, with no backend call', () => {
  /** A refusal: the cc-error the page hears, under the request's action, and the backend never asked. */
  async function refused(r: DeskRig, calls: string[], name: RequestName, detail: object, expected: { code: string; message: string }) {
    const before = calls.length;
    await r.run(name, detail as never);
    expect(lastError(r), name).to.deep.equal({ action: actionOf(name), code: expected.code, message: expected.message });
    expect(calls.slice(before), `${name} reached the backend`).to.deep.equal([]);
  }

  it('refuses hold, resume, recording and consult actions the task does not allow', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    const calls = countCalls(r);
    const id = await connectedCall(r);
    await refused(r, calls, 'cc-task-resume-request', { taskId: id }, REFUSALS.notHeld);
    await refused(r, calls, 'cc-task-recording-resume-request', { taskId: id }, REFUSALS.recordingNotPaused);
    await refused(r, calls, 'cc-task-consult-end-request', { taskId: id }, REFUSALS.noConsult);
    await refused(r, calls, 'cc-task-consult-transfer-request', { taskId: id }, REFUSALS.consultNotAnswered);
    await refused(r, calls, 'cc-wrapup-request', { taskId: id, auxCodeId: 'wrap-resolved', notes: '' }, {
      code: 'invalid-state',
      message: 'Cannot wrap up: the task is in progress.',
    });
    await r.run('cc-task-hold-request', { taskId: id });
    await refused(r, calls, 'cc-task-hold-request', { taskId: id }, REFUSALS.alreadyHeld);
    await r.run('cc-task-resume-request', { taskId: id });
    await r.run('cc-task-recording-pause-request', { taskId: id });
    await refused(r, calls, 'cc-task-recording-pause-request', { taskId: id }, REFUSALS.recordingNotRunning);
    await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'agent', to: 'agent-sam' } });
    expect(r.desk.state.tasks[0].consult?.state).to.equal('ringing');
    await refused(r, calls, 'cc-task-consult-request', { taskId: id, destination: { type: 'queue', to: 'queue-billing' } }, REFUSALS.consultUnderWay);
    await refused(r, calls, 'cc-task-transfer-request', { taskId: id, destination: { type: 'queue', to: 'queue-billing' } }, REFUSALS.transferDuringConsult);
    await refused(r, calls, 'cc-task-resume-request', { taskId: id }, REFUSALS.resumeDuringConsult);
    await refused(r, calls, 'cc-task-consult-transfer-request', { taskId: id }, REFUSALS.consultNotAnswered);
    await refused(r, calls, 'cc-task-accept-request', { taskId: id }, { code: 'invalid-state', message: 'Cannot accept: the task is in progress.' });
    // What was allowed did reach the backend, once each.
    expect(calls.filter((m) => m !== 'register')).to.deep.equal(['accept', 'hold', 'resume', 'pauseRecording', 'consult']);
  });

  it('refuses a voice action on a chat, mute on a desk phone, and an offer acted on as a call', async () => {
    const r = deskRig();
    await readyAgent(r.run, 'AGENT_DN');
    const calls = countCalls(r);
    const chat = await connectedCall(r, 'chat');
    await refused(r, calls, 'cc-task-hold-request', { taskId: chat }, { code: 'unsupported', message: 'Cannot hold a chat task.' });
    await refused(r, calls, 'cc-task-recording-pause-request', { taskId: chat }, { code: 'unsupported', message: 'Cannot pause recording a chat task.' });
    const call = await connectedCall(r);
    await refused(r, calls, 'cc-task-mute-request', { taskId: call }, REFUSALS.muteOnPhone);
    r.server.offer({ mediaType: 'email' });
    const email = r.desk.state.tasks.at(-1)!.id;
    await refused(r, calls, 'cc-task-end-request', { taskId: email }, { code: 'invalid-state', message: 'Cannot end: the task is still ringing.' });
    expect(calls).to.deep.equal(['accept', 'accept']);
  });

  it('refuses station and session actions the agent is not ready for', async () => {
    const r = deskRig();
    await r.run('cc-sign-in-request', { accessToken: 'token' });
    const calls = countCalls(r);
    await refused(r, calls, 'cc-station-logout-request', {}, REFUSALS.notOnStation);
    await refused(r, calls, 'cc-outdial-request', { number: '+14155550100' }, REFUSALS.noStation);
    await refused(r, calls, 'cc-agent-state-request', { state: 'Available', auxCodeId: '0' }, REFUSALS.noStation);
    await r.run('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await r.run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    await connectedCall(r);
    calls.length = 0;
    await refused(r, calls, 'cc-station-logout-request', {}, REFUSALS.logoutWithTasks);
    await refused(r, calls, 'cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' }, REFUSALS.changeStationWithTasks);
    await refused(r, calls, 'cc-sign-out-request', {}, REFUSALS.signOutWithTasks);
    expect(r.desk.state.session.status).to.equal('signed-in');
  });

  it('leaves the simulated contact center refusing in the same words when the desk is bypassed', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    const id = await connectedCall(r);
    // The same words, and the same key for the widgets to word them in the agent's language.
    const failure = async (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (err: { code: string; message: string; text?: { key: string } }) => ({ code: err.code, message: err.message, key: err.text?.key }),
      );
    expect(await failure(r.backend.resume(id))).to.deep.equal(REFUSALS.notHeld);
    expect(await failure(r.backend.endConsult(id))).to.deep.equal(REFUSALS.noConsult);
    expect(await failure(r.backend.accept(id))).to.deep.equal({ code: 'invalid-state', message: 'Cannot accept: the task is in progress.', key: 'taskInProgress' });
    expect(await failure(r.backend.stationLogout())).to.deep.equal(REFUSALS.logoutWithTasks);
  });
});
