import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/core/clock.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { FAULT_CODES, SIMULATOR_ACTIONS, SimulatorServer } from '../../src/backends/simulator/server.js';
import { simulatorProfile } from '../../src/backends/simulator/data.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { pageIsAccessible, settlePage, startJourney, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

/**
 * The sample page as a CRM developer reads it: the record on screen is always the customer the agent is dealing
 * with (incoming, outbound, after a reload, during wrap-up), the screen-pop banner never goes stale, and the
 * wrap-up never blocks the desk.
 */

const clock = new ManualClock();
// A profile that routes during wrap-up (some contact centers do): offers can ring while wrap-ups are owed.
const server = new SimulatorServer({ clock, profile: { ...simulatorProfile, routeDuringWrapup: true } });
let heard: string[] = [];

const sdk = () => document.getElementById('desk') as CcSdk;
const shadow = (tag: string) => document.querySelector(tag)!.shadowRoot!;
const text = (selector: string) => visibleText(document.querySelector(selector));
const record = () => text('#record-title');
const banner = () => (document.getElementById('screen-pop-bar')!.hidden ? '' : text('#screen-pop'));
const popButton = () => document.getElementById('screen-pop-open') as HTMLButtonElement;

function buttonIn(tag: string, name: RegExp): HTMLButtonElement {
  const buttons = [...shadow(tag).querySelectorAll('button')].filter((b) => name.test(b.textContent!.replace(/\s+/g, ' ').trim()));
  if (!buttons.length) throw new Error(`no button ${name} in <${tag}>: ${visibleText(document.querySelector(tag))}`);
  return buttons[0];
}

async function click(button: HTMLElement) {
  button.click();
  await settlePage();
}

function openCustomer(name: string): void {
  [...document.querySelectorAll<HTMLButtonElement>('#customer-list button')].find((b) => b.textContent === name)!.click();
}

async function offer(spec: Parameters<SimulatorServer['offer']>[0]): Promise<string> {
  const before = new Set(sdk().state.tasks.map((t) => t.id));
  server.offer(spec);
  await settlePage();
  const task = sdk().state.tasks.find((t) => !before.has(t.id));
  if (!task) throw new Error('the offer was queued');
  return task.id;
}

async function wrapUp(code = 'wrap-resolved') {
  const select = shadow('cc-wrapup').querySelector<HTMLSelectElement>('#code')!;
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settlePage();
  const before = heard.filter((h) => h === 'cc-task-wrapup').length;
  await click(buttonIn('cc-wrapup', /^Submit$/));
  await until(() => heard.filter((h) => h === 'cc-task-wrapup').length > before);
  await settlePage();
}

/** The element a pointer at the middle of `el` would hit (through shadow roots, to the host). */
function hitAt(el: Element): Element | null {
  const r = el.getBoundingClientRect();
  return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
}

describe('the sample page: screen pops, banner and record', function () {
  this.timeout(60_000);

  before(async () => {
    ({ heard } = await startJourney(new SimulatorBackend({ server }), server));
    await sdk().request('cc-sign-in-request', { accessToken: 't' });
    await sdk().request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk().request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    await settlePage();
    openCustomer('Tomás Álvarez');
  });

  it('pops the record of an outbound call (no offer, so on cc-task-assigned)', async () => {
    expect(record()).to.equal('Tomás Álvarez');
    await sdk().request('cc-outdial-request', { number: '+14155550142' });
    await settlePage();
    expect(record()).to.equal('Priya Raman');
    expect(banner()).to.equal('Outbound call to Priya Raman: record opened.');
  });

  it('a new offer while on a call leaves the record alone and says so, with a button to open the new one', async () => {
    await offer({ mediaType: 'chat', ani: '@marcus.o' });
    expect(record()).to.equal('Priya Raman');
    expect(banner()).to.equal("Chat from Marcus Oyelaran is waiting. You are still on Priya Raman's record.");
    expect(popButton().hidden).to.equal(false);
    expect(popButton().textContent).to.equal("Open Marcus Oyelaran's record");
    await pageIsAccessible('offer while on a call');
    // The agent chooses to look: one click opens it.
    await click(popButton());
    expect(record()).to.equal('Marcus Oyelaran');
    expect(banner()).to.equal('Chat from Marcus Oyelaran: record opened.');
    expect(popButton().hidden).to.equal(true);
    openCustomer('Priya Raman');
  });

  it('after a decline, the banner says the offer was declined (not that it waits)', async () => {
    const taskId = await offer({ mediaType: 'email', ani: 'lena.fischer@example.de' });
    expect(banner()).to.contain('Email from Lena Fischer is waiting');
    await sdk().request('cc-task-decline-request', { taskId });
    await settlePage();
    expect(banner()).to.equal('Email from Lena Fischer was declined.');
    expect(popButton().hidden).to.equal(true);
    expect(record()).to.equal('Priya Raman');
  });

  it('after a RONA, the banner says the offer rang out', async () => {
    await offer({ mediaType: 'chat', ani: '@tomas' });
    expect(banner()).to.contain('Chat from Tomás Álvarez is waiting');
    clock.advance(server.timing.ringMs);
    await settlePage();
    await until(() => heard.includes('cc-task-rejected'));
    expect(banner()).to.equal('Chat from Tomás Álvarez was not answered in time and went back to the queue.');
    expect(record()).to.equal('Priya Raman');
    // RONA left the agent unavailable: back to Available for what follows.
    await sdk().request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  });

  it('an inbound offer when on no call pops its record', async () => {
    // End the outbound call and wrap it up: nothing is live now.
    await sdk().request('cc-task-end-request', { taskId: sdk().state.tasks.find((t) => t.state === 'connected')!.id });
    await settlePage();
    await wrapUp();
    openCustomer('Tomás Álvarez');
    await offer({ mediaType: 'telephony', ani: '+4930123456789' });
    expect(record()).to.equal('Lena Fischer');
    expect(banner()).to.equal('Call from Lena Fischer: record opened.');
  });

  it('several wrap-ups: beside the task panel, never modal; the record follows the wrap-up in view', async () => {
    const lena = sdk().state.tasks[0].id;
    await sdk().request('cc-task-accept-request', { taskId: lena });
    const marcus = await offer({ mediaType: 'chat', ani: '@marcus.o' });
    await sdk().request('cc-task-accept-request', { taskId: marcus });
    await sdk().request('cc-task-end-request', { taskId: lena });
    await sdk().request('cc-task-end-request', { taskId: marcus });
    await settlePage();
    const area = document.getElementById('wrapup-area')!;
    expect(area.hidden).to.equal(false);
    expect(document.querySelectorAll('dialog[open], :modal').length, 'modal elements').to.equal(0);
    expect(text('#wrapup-reopen')).to.equal('2 wrap-ups owed');
    expect(visibleText(document.querySelector('cc-wrapup'))).to.contain('Wrap up: Call with Lena Fischer');
    expect(record()).to.equal('Lena Fischer');
    // A new offer rings while both wait: its Accept is in reach, nothing to close first.
    const chat = await offer({ mediaType: 'chat', ani: '@priya' });
    const accept = buttonIn('cc-task-panel', /^Accept$/);
    accept.scrollIntoView({ block: 'center' });
    expect(hitAt(accept)?.localName, 'what a click on Accept hits').to.equal('cc-task-panel');
    expect(area.hidden).to.equal(false);
    await pageIsAccessible('offer while wrap-ups wait');
    await click(accept);
    await until(() => sdk().state.tasks.find((t) => t.id === chat)?.state === 'connected');
    await settlePage();
    expect(record()).to.equal('Priya Raman');
    // On the chat, the first wrap-up is done from the same place; the record stays with the live chat.
    await wrapUp();
    expect(visibleText(document.querySelector('cc-wrapup'))).to.contain('Wrap up: Chat with Marcus Oyelaran');
    expect(text('#wrapup-reopen')).to.equal('Wrap-up owed');
    expect(record()).to.equal('Priya Raman');
    // Chat ended: nothing live, so the record follows the wrap-up in view.
    await sdk().request('cc-task-end-request', { taskId: chat });
    await settlePage();
    expect(visibleText(document.querySelector('cc-wrapup'))).to.contain('Wrap up: Chat with Marcus Oyelaran');
    expect(record()).to.equal('Marcus Oyelaran');
    await wrapUp();
    expect(visibleText(document.querySelector('cc-wrapup'))).to.contain('Wrap up: Chat with Priya Raman');
    expect(record()).to.equal('Priya Raman');
  });

  it('"Wrap-up owed" in the header brings the wrap-up into view and focus', async () => {
    const owed = document.getElementById('wrapup-reopen') as HTMLButtonElement;
    expect(owed.hidden).to.equal(false);
    await click(owed);
    expect(document.activeElement?.id).to.equal('wrapup-area');
  });

  it('a reload mid-wrap-up reopens the record of the task being wrapped up', async () => {
    openCustomer('Tomás Álvarez');
    // A reload: a new session of the same contact center, which hands back the owed wrap-up (cc-task-hydrate).
    sdk().backend = new SimulatorBackend({ server });
    await until(() => sdk().desk.backend !== null && sdk().state.session.status === 'signed-out');
    const before = heard.filter((h) => h === 'cc-task-hydrate').length;
    await sdk().request('cc-sign-in-request', { accessToken: 't' });
    await until(() => heard.filter((h) => h === 'cc-task-hydrate').length > before, 3000, 'the hydrated wrap-up');
    await settlePage();
    expect(record()).to.equal('Priya Raman');
    expect(banner()).to.equal('Wrap-up of the chat with Priya Raman: record opened.');
    expect(document.getElementById('wrapup-area')!.hidden).to.equal(false);
    await wrapUp();
    expect(document.getElementById('wrapup-area')!.hidden).to.equal(true);
    expect(document.getElementById('wrapup-reopen')!.hidden).to.equal(true);
    // The task is finished: its banner goes.
    expect(banner()).to.equal('');
  });

  it('signing out clears the banner', async () => {
    await sdk().request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    const taskId = await offer({ mediaType: 'social', ani: '@marcus.o' });
    expect(banner()).to.equal('Social message from Marcus Oyelaran: record opened.');
    await sdk().request('cc-task-decline-request', { taskId });
    await settlePage();
    expect(banner()).to.equal('Social message from Marcus Oyelaran was declined.');
    const before = heard.filter((h) => h === 'cc-signed-out').length;
    await sdk().request('cc-sign-out-request', {});
    await until(() => heard.filter((h) => h === 'cc-signed-out').length > before, 3000, `cc-signed-out (${JSON.stringify(sdk().state.errors)})`);
    await settlePage();
    expect(banner()).to.equal('');
    expect(document.getElementById('screen-pop-bar')!.hidden).to.equal(true);
  });
});

describe('the sample page: "Make the next action fail" offers the real action names', function () {
  this.timeout(30_000);

  it('lists every simulator action and error code; toggleMute armed makes Mute fail', async () => {
    await sdk().request('cc-sign-in-request', { accessToken: 't' });
    await sdk().request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk().request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    const taskId = await offer({ mediaType: 'telephony' });
    await sdk().request('cc-task-accept-request', { taskId });
    await settlePage();
    const panel = shadow('demo-simulator-panel');
    (panel.querySelector('details') as HTMLDetailsElement).open = true;
    const action = panel.querySelector<HTMLSelectElement>('#action')!;
    const code = panel.querySelector<HTMLSelectElement>('#code')!;
    expect(action.localName).to.equal('select');
    expect([...action.options].map((o) => o.value)).to.deep.equal(['', ...SIMULATOR_ACTIONS]);
    expect([...action.options].map((o) => o.value)).to.include('toggleMute').and.not.include('mute');
    expect([...code.options].map((o) => o.value)).to.deep.equal([...FAULT_CODES]);
    action.value = 'toggleMute';
    action.dispatchEvent(new Event('change'));
    code.value = 'rejected';
    code.dispatchEvent(new Event('change'));
    await settlePage();
    await click([...panel.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Arm')!);
    expect(visibleText(panel.querySelector('[role="status"]'))).to.equal('The next toggleMute will fail (rejected).');
    // Hold is not the armed action: it works.
    await click(buttonIn('cc-task-panel', /^Hold$/));
    await until(() => sdk().state.tasks[0].held);
    await click(buttonIn('cc-task-panel', /^Resume$/));
    await until(() => !sdk().state.tasks[0].held);
    await click(buttonIn('cc-task-panel', /^Mute$/));
    await until(() => heard.includes('cc-error'));
    await settlePage();
    expect(visibleText(document.querySelector('cc-task-panel'))).to.contain('Simulated failure (rejected).');
    expect(sdk().state.tasks[0].muted).to.equal(false);
  });
});
