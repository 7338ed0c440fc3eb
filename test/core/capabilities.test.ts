// Capabilities, one mechanism: what a backend declares AND has methods for, sent as a backend event whenever
// it changes (for the backend, or for one task); an action whose capability is off is refused with
// `unsupported` before the backend is called, and the widgets hide that control and nothing else.
import { expect, html } from '@open-wc/testing';
import '../../define/cc-task-panel.js';
import type { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import { ALL_CAPABILITIES, capabilitiesFor, withMethods } from '../../src/core/capabilities.js';
import type { BackendEvent } from '../../src/core/backend.js';
import type { Capabilities } from '../../src/core/types.js';
import { deskRig, detailsOf, readyAgent, sdkFixture, until } from '../helpers.js';

type DeskRig = ReturnType<typeof deskRig>;

/** Records the backend's calls of the methods the test names. */
function spy(r: DeskRig, ...methods: string[]): string[] {
  const calls: string[] = [];
  const backend = r.backend as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = backend[method].bind(r.backend);
    backend[method] = (...args) => {
      calls.push(method);
      return original(...args);
    };
  }
  return calls;
}

const send = (r: DeskRig, event: BackendEvent) => r.backend.deliver(event);

async function connectedCall(r: DeskRig): Promise<string> {
  r.server.offer({ mediaType: 'telephony' });
  const id = r.desk.state.tasks.at(-1)!.id;
  await r.run('cc-task-accept-request', { taskId: id });
  return id;
}

describe('capabilities as backend events', () => {
  it('update the store when the backend sends them, and refuse what is turned off with unsupported, unasked', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    const calls = spy(r, 'hold', 'toggleMute');
    const id = await connectedCall(r);
    expect(r.desk.state.capabilities?.hold).to.equal(true);
    send(r, { type: 'capabilities', capabilities: { ...ALL_CAPABILITIES, hold: false } });
    expect(r.desk.state.capabilities).to.include({ hold: false, mute: true, consult: true });
    await r.run('cc-task-hold-request', { taskId: id });
    expect(detailsOf(r.events, 'cc-error').at(-1)).to.deep.equal({ action: 'task-hold', code: 'unsupported', message: 'The simulator backend cannot hold calls.' });
    expect(r.server.task(id).held).to.equal(false);
    // What is still on works as before.
    await r.run('cc-task-mute-request', { taskId: id });
    expect(r.server.task(id).muted).to.equal(true);
    expect(calls).to.deep.equal(['toggleMute']);
    // Turned on again, it is sent again.
    send(r, { type: 'capabilities', capabilities: ALL_CAPABILITIES });
    await r.run('cc-task-hold-request', { taskId: id });
    expect(r.server.task(id).held).to.equal(true);
  });

  it('take what a backend sends at the edge: flags as booleans, known media only; a non-object is reported, not kept', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    send(r, { type: 'capabilities', capabilities: { ...ALL_CAPABILITIES, hold: 'yes', mediaTypes: ['fax', 'chat'], constructor: true } as unknown as Capabilities });
    expect(r.desk.state.capabilities).to.include({ hold: false, consult: true });
    expect(r.desk.state.capabilities?.mediaTypes).to.deep.equal(['chat']);
    expect(Object.hasOwn(r.desk.state.capabilities!, 'constructor')).to.equal(false);
    const before = r.desk.state.capabilities;
    send(r, { type: 'capabilities', capabilities: 'all' as unknown as Capabilities });
    expect(r.desk.state.capabilities).to.equal(before);
    expect(detailsOf(r.events, 'cc-error').at(-1)).to.include({ code: 'backend-error', message: 'The backend sent capabilities that are not an object.' });
  });

  it('may be a task\'s own: that task loses the action, the others keep it, and they go with the task', async () => {
    const r = deskRig({ capacity: { telephony: 2 } });
    await readyAgent(r.run);
    const first = await connectedCall(r);
    const second = await connectedCall(r);
    send(r, { type: 'capabilities', taskId: first, capabilities: { ...ALL_CAPABILITIES, recording: false } });
    expect(capabilitiesFor(r.desk.state, first)?.recording).to.equal(false);
    expect(capabilitiesFor(r.desk.state, second)?.recording).to.equal(true);
    // Only what gates a task's actions differs per task: the session's own capabilities stay the backend's.
    send(r, { type: 'capabilities', taskId: second, capabilities: { ...ALL_CAPABILITIES, oauth: false, hold: false } });
    expect(capabilitiesFor(r.desk.state, second)).to.include({ oauth: true, hold: false, recording: true });
    expect(r.desk.state.capabilities?.recording).to.equal(true);
    await r.run('cc-task-recording-pause-request', { taskId: first });
    expect(detailsOf(r.events, 'cc-error').at(-1)).to.include({ action: 'task-recording-pause', code: 'unsupported' });
    expect(r.server.task(first).recordingPaused).to.equal(false);
    await r.run('cc-task-recording-pause-request', { taskId: second });
    expect(r.server.task(second).recordingPaused).to.equal(true);
    await r.run('cc-task-end-request', { taskId: first });
    await r.run('cc-wrapup-request', { taskId: first, auxCodeId: 'wrap-resolved', notes: '' });
    expect(Object.keys(r.desk.state.taskCapabilities)).to.deep.equal([second]);
    // None are kept for a task the desk does not have.
    send(r, { type: 'capabilities', taskId: 'nobody', capabilities: ALL_CAPABILITIES });
    expect(Object.keys(r.desk.state.taskCapabilities)).to.deep.equal([second]);
  });

  it('are read from the backend once, when it is attached; after that only its events change them', async () => {
    const r = deskRig();
    let declared: Capabilities = { ...ALL_CAPABILITIES, outdial: false };
    Object.defineProperty(r.backend, 'capabilities', { get: () => declared });
    r.desk.attach(r.backend);
    expect(r.desk.state.capabilities?.outdial).to.equal(false);
    // The property changing is not news: the profile arriving does not make the desk read it again.
    declared = ALL_CAPABILITIES;
    await r.run('cc-sign-in-request', { accessToken: 't' });
    expect(r.desk.state.profile).to.not.equal(null);
    expect(r.desk.state.capabilities?.outdial).to.equal(false);
    send(r, { type: 'capabilities', capabilities: ALL_CAPABILITIES });
    expect(r.desk.state.capabilities?.outdial).to.equal(true);
  });
});

describe('a method a backend lacks', () => {
  it('is a capability off: refused with unsupported, whatever the backend declares or sends', async () => {
    const r = deskRig();
    const backend = r.backend as unknown as Record<string, unknown>;
    backend.resume = undefined;
    backend.outdial = undefined;
    r.desk.attach(r.backend);
    expect(r.backend.capabilities).to.include({ hold: true, outdial: true });
    expect(r.desk.state.capabilities).to.include({ hold: false, outdial: false, mute: true, consult: true });
    await readyAgent(r.run);
    send(r, { type: 'capabilities', capabilities: ALL_CAPABILITIES });
    expect(r.desk.state.capabilities).to.include({ hold: false, outdial: false });
    const id = await connectedCall(r);
    await r.run('cc-task-hold-request', { taskId: id });
    await r.run('cc-outdial-request', { number: '+14155550100' });
    expect(detailsOf(r.events, 'cc-error').map((e) => `${e.action}/${e.code}/${e.message}`)).to.deep.equal([
      'task-hold/unsupported/The simulator backend cannot hold calls.',
      'outdial/unsupported/The simulator backend cannot place outbound calls.',
    ]);
    expect(r.server.task(id).held).to.equal(false);
  });

  it('turns off only the capabilities its actions need', () => {
    const partial = { hold: async () => undefined } as unknown as Parameters<typeof withMethods>[1];
    const caps = withMethods(ALL_CAPABILITIES, partial);
    expect(Object.entries(caps).filter(([, v]) => v === false).map(([k]) => k).sort()).to.deep.equal(
      // The optional switches (accept, decline, end, leaving and handing over a conference) are on unless said
      // off: without their methods they are off all the same.
      [
        'accept', 'cancelAutoWrapup', 'conference', 'conferenceLeave', 'conferenceTransfer', 'consult', 'consultTransfer', 'decline', 'dtmf', 'end', 'hold', 'messaging',
        'mute', 'outdial', 'recording', 'transfer', 'uploadLogs',
      ],
    );
    expect(caps).to.include({ wrapupCodes: true, oauth: true });
    // A backend with every method keeps what it declared, as it declared it.
    const r = deskRig();
    expect(withMethods(ALL_CAPABILITIES, r.backend)).to.equal(ALL_CAPABILITIES);
  });
});

describe('the task panel under capabilities sent as events', () => {
  it('hides the control a capability event turns off, and nothing else', async () => {
    const rig = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
    const panel = rig.sdk.querySelector('cc-task-panel') as CcTaskPanel;
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    rig.server.offer({ mediaType: 'telephony' });
    const id = rig.server.tasks[0].id;
    await rig.sdk.request('cc-task-accept-request', { taskId: id });
    const labels = () =>
      [...panel.shadowRoot!.querySelectorAll('[part~="task"] [part~="actions"] button')].map((b) => b.querySelector('.label')?.textContent?.trim());
    await until(() => labels().includes('Hold'));
    expect(labels()).to.deep.equal(['Hold', 'Mute', 'Pause recording', 'Consult', 'Transfer', 'End call']);
    rig.backend.deliver({ type: 'capabilities', capabilities: { ...ALL_CAPABILITIES, hold: false, transfer: false } });
    await panel.updateComplete;
    expect(labels()).to.deep.equal(['Mute', 'Pause recording', 'Consult', 'End call']);
    await expect(panel).to.be.accessible();
  });
});
