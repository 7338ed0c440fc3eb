import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { detailsOf, until } from '../../helpers.js';
import { panelFixture, type PanelFixtureOptions } from './panel-fixture.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import type { OfferSpec } from '../../../src/backends/simulator/scenarios.js';
import { taskControls } from '../../../src/core/actions.js';
import type { DestinationOption } from '../../../src/core/types.js';

const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
/** A short description of an element, for assertions (a failing assertion on a DOM node would print all of it). */
const nameOf = (e: Element | null | undefined) =>
  e ? `${e.localName}${e.id ? `#${e.id}` : ''}[${squash(e.querySelector('.label')?.textContent) ?? (e as HTMLInputElement).value ?? ''}]` : 'nothing';

async function deskWithPanel(options?: PanelFixtureOptions) {
  const rig = await panelFixture(options);
  const { el, $, $$, settle } = rig;
  const root = () => el.shadowRoot!;
  const has = (selector: string, scope?: ParentNode) => !!$(selector, scope);
  const focused = () => nameOf(root().activeElement);
  const text = (selector: string, scope?: ParentNode) => squash($(selector, scope)?.textContent);
  const texts = (selector: string, scope?: ParentNode) => $$(selector, scope).map((e) => squash(e.textContent));
  /** A button by its visible label. */
  const button = (label: string, scope: ParentNode = root()) =>
    $$<HTMLButtonElement>('button', scope).find((b) => squash(b.querySelector('.label')?.textContent) === label);
  const labels = (selector = '[part~="task"] [part~="actions"]') =>
    $$('button', $(selector) ?? root()).map((b) => squash(b.querySelector('.label')?.textContent));
  const live = () => squash($('[role="status"][aria-live]')!.textContent);
  const click = async (label: string, scope?: ParentNode) => {
    const target = button(label, scope);
    if (!target) throw new Error(`no button "${label}" (have: ${labels('[part="base"]').join(', ')})`);
    target.click();
    await settle();
  };
  const offerCard = (taskId: string) => $(`[part~="offer"][data-task="${taskId}"]`)!;
  const selected = () => $<HTMLButtonElement>('[role="tab"][aria-selected="true"]');
  const connect = async (spec: OfferSpec = {}) => {
    const taskId = await rig.offer(spec);
    await click('Accept', offerCard(taskId));
    return taskId;
  };
  const radio = (label: string) =>
    $$<HTMLLabelElement>('[part="picker"] label.choice').find((l) => squash(l.textContent) === label)!.querySelector('input')!;
  const choose = async (value: string) => {
    const select = $<HTMLSelectElement>('#destination')!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
  };
  const type = async (value: string) => {
    const input = $<HTMLInputElement>('#dial')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
  };
  return { ...rig, has, focused, text, texts, button, labels, live, click, offerCard, selected, connect, radio, choose, type };
}

type Panel = Awaited<ReturnType<typeof deskWithPanel>>;

/** The panel with the agent signed in, logged in to a station (BROWSER) and Available. */
async function availablePanel() {
  const rig = await deskWithPanel();
  await rig.login();
  return rig;
}

/** Holds a backend method's answer until the test lets it go. */
function holdBack<K extends 'hold' | 'destinations' | 'outdial'>(rig: Panel, method: K) {
  let release!: () => void;
  const original = (rig.backend[method] as (...args: unknown[]) => Promise<unknown>).bind(rig.backend);
  (rig.backend as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
    new Promise<void>((r) => (release = r)).then(() => original(...args));
  return () => release();
}

/**
 * Focuses the button `label` and presses it twice while the backend holds back its `method` (the action stays
 * pending); resolves with the button and the release of the held answer.
 */
async function pressTwiceWhileHeldBack(rig: Panel, label: string, method: Parameters<typeof holdBack>[1]) {
  const release = holdBack(rig, method);
  const pressed = rig.button(label)!;
  pressed.focus();
  pressed.click();
  await rig.el.updateComplete;
  pressed.click();
  await rig.el.updateComplete;
  return { pressed, release };
}

/** A pending action's button: not pressable (aria-disabled), with a spinner, and "<label> Working…". */
function expectWorking(rig: Panel, pressed: HTMLButtonElement, label: string) {
  expect(pressed.getAttribute('aria-disabled')).to.equal('true');
  expect(rig.has('.spinner', pressed)).to.equal(true);
  expect(squash(pressed.textContent)).to.equal(`${label} Working…`);
}

/** Opens Consult, picks Sam Okafor and starts a consult that the contact center refuses ("Sam Okafor is on another call."). */
async function consultRefused(rig: Panel) {
  await rig.click('Consult');
  await until(() => rig.$$('#destination option').length > 1);
  await rig.choose('agent-sam');
  rig.server.failNext({ action: 'consult', code: 'rejected', message: 'Sam Okafor is on another call.' });
  await rig.click('Start consult');
}

describe('<cc-task-panel>', () => {
  it('says to log in before station login, and that there is nothing yet after', async () => {
    const rig = await deskWithPanel();
    expect(rig.text('[part="empty"]')).to.equal('Log in to a station to receive tasks.');
    await expect(rig.el).to.be.accessible();
    await rig.login();
    expect(rig.text('[part="empty"]')).to.equal('No tasks yet. New calls, chats and emails appear here when you are Available.');
    expect(rig.has('[role="tablist"]')).to.equal(false);
    await expect(rig.el).to.be.accessible();
  });

  it('shows an offer with its media, caller, queue and a countdown that follows the clock', async () => {
    const rig = await availablePanel();
    const taskId = await rig.offer({ mediaType: 'telephony' });
    const card = rig.offerCard(taskId);
    expect(rig.text('.media-label', card)).to.equal('Call');
    expect(rig.$('svg', card)!.getAttribute('aria-hidden')).to.equal('true');
    expect(rig.text('.who', card)).to.equal('Priya Raman');
    expect(rig.text('.ani', card)).to.equal('+14155550142');
    expect(rig.text('.queue', card)).to.equal('Queue: Support queue');
    expect(rig.text('[part~="timer"]', card)).to.equal('0:20');
    expect(rig.labels('[part~="offer"] [part~="actions"]')).to.deep.equal(['Accept', 'Decline']);
    expect(rig.button('Accept', card)!.className).to.equal('primary');
    await until(() => rig.live() === 'Incoming call from Priya Raman.');
    rig.clock.advance(5_000);
    await rig.el.updateComplete;
    expect(rig.text('[part~="timer"]', card)).to.equal('0:15');
    await expect(rig.el).to.be.accessible();
    // Unanswered, it is withdrawn (RONA) when the countdown runs out.
    rig.clock.advance(15_000);
    await rig.el.updateComplete;
    expect(rig.has('[part~="offer"]')).to.equal(false);
    expect(detailsOf(rig.events, 'cc-task-rejected').map((d) => d.reason)).to.deep.equal(['rona']);
    await until(() => rig.live() === 'The offer from Priya Raman is no longer available.');
  });

  it('shows an email offer with its subject', async () => {
    const rig = await availablePanel();
    const card = rig.offerCard(await rig.offer({ mediaType: 'email' }));
    expect(rig.text('.media-label', card)).to.equal('Email');
    expect(rig.text('.who', card)).to.equal('Priya Raman');
    expect(rig.text('.ani', card)).to.equal('priya.raman@example.org');
    expect(rig.text('.subject', card)).to.equal('Question about my last invoice');
    await until(() => rig.live() === 'Incoming email from Priya Raman.');
  });

  it('accepts an offer: the page gets the request, and the task is connected and selected', async () => {
    const rig = await availablePanel();
    const accepts = rig.requests('cc-task-accept-request');
    const taskId = await rig.connect();
    expect(accepts).to.deep.equal([{ taskId }]);
    expect(rig.has('[part~="offer"]')).to.equal(false);
    expect(rig.selected()!.textContent).to.contain('Priya Raman');
    expect(rig.text('.tab-state', rig.selected()!)).to.equal('Call · Connected');
    expect(rig.text('[part="header"] .who')).to.equal('Priya Raman');
    expect(rig.text('[part="header"] .meta')).to.equal('Call · +14155550142 · Queue: Support queue · Inbound');
    expect(rig.text('[data-timer="duration"]')).to.equal('0:00');
    rig.clock.advance(65_000);
    await rig.el.updateComplete;
    expect(rig.text('[data-timer="duration"]')).to.equal('1:05');
    expect(detailsOf(rig.events, 'cc-task-assigned').map((d) => d.task.id)).to.deep.equal([taskId]);
    await until(() => rig.live() === 'Connected to Priya Raman.');
    await expect(rig.el).to.be.accessible();
  });

  it('declines an offer', async () => {
    const rig = await availablePanel();
    const declines = rig.requests('cc-task-decline-request');
    const taskId = await rig.offer();
    await rig.click('Decline', rig.offerCard(taskId));
    expect(declines).to.deep.equal([{ taskId }]);
    expect(rig.has('[part~="offer"]')).to.equal(false);
    expect(detailsOf(rig.events, 'cc-task-rejected').map((d) => d.reason)).to.deep.equal(['declined']);
    expect(rig.text('[part="empty"]')).to.contain('No open tasks');
  });

  it('does nothing when the page cancels the request', async () => {
    const rig = await availablePanel();
    rig.el.addEventListener('cc-task-accept-request', (e) => e.preventDefault());
    const taskId = await rig.offer();
    await rig.click('Accept', rig.offerCard(taskId));
    expect(rig.server.task(taskId).state).to.equal('offered');
    expect(!!rig.offerCard(taskId)).to.equal(true);
    expect(rig.has('[part="error"]')).to.equal(false);
  });

  it('shows the controls of a connected call and plays its audio on a browser login', async () => {
    const rig = await deskWithPanel();
    await rig.login('BROWSER');
    const taskId = await rig.connect();
    expect(rig.labels()).to.deep.equal(['Hold', 'Mute', 'Pause recording', 'Consult', 'Transfer', 'End call']);
    expect(rig.texts('[part="status"] .badge')).to.deep.equal(['Recording']);
    expect(rig.button('End call')!.className).to.equal('danger');
    await until(() => rig.$('audio[part="audio"]'));
    await rig.el.updateComplete;
    const audio = rig.$<HTMLAudioElement>('audio[part="audio"]')!;
    expect(audio.autoplay).to.equal(true);
    expect(audio.srcObject).to.be.instanceOf(MediaStream);
    expect((audio.srcObject as MediaStream).getTracks()[0] === rig.sdk.desk.media(taskId)).to.equal(true);
    await expect(rig.el).to.be.accessible();
  });

  it('hides each control of a connected call whose capability (from the action table) the backend lacks, and only it', async () => {
    const all = ['hold', 'mute', 'recording-pause', 'consult', 'transfer', 'end'];
    const gated = taskControls.filter((c) => c.capability && all.includes(c.action));
    expect(gated.map((c) => c.action)).to.deep.equal(['hold', 'mute', 'recording-pause', 'consult', 'transfer', 'end']);
    for (const control of gated) {
      class Without extends SimulatorBackend {
        override readonly capabilities = { ...new SimulatorBackend().capabilities, [control.capability!]: false };
      }
      const rig = await deskWithPanel({ backend: (server) => new Without({ server }) });
      await rig.login('BROWSER');
      await rig.connect();
      const shown = rig.$$<HTMLButtonElement>('[part~="task"] [part~="actions"] button').map((b) => b.dataset.action);
      expect(shown, `without ${control.capability}`).to.deep.equal(all.filter((a) => a !== control.action));
      rig.sdk.remove();
    }
  });

  it('offers mute to a browser login only', async () => {
    const rig = await deskWithPanel();
    await rig.login('BROWSER');
    const mutes = rig.requests('cc-task-mute-request');
    const taskId = await rig.connect();
    await rig.click('Mute');
    expect(mutes).to.deep.equal([{ taskId }]);
    expect(!!rig.button('Unmute')).to.equal(true);
    expect(rig.texts('[part="status"] .badge')).to.include('Muted');
    await until(() => rig.live() === 'Your microphone is muted.');
    await rig.click('Unmute');
    expect(!!rig.button('Mute')).to.equal(true);
    expect(rig.texts('[part="status"] .badge')).to.not.include('Muted');

    const phone = await deskWithPanel();
    await phone.login('AGENT_DN');
    await phone.connect();
    expect(phone.labels()).to.deep.equal(['Hold', 'Pause recording', 'Consult', 'Transfer', 'End call']);
    expect(phone.has('audio')).to.equal(false);
  });

  it('holds with a hold timer, then resumes', async () => {
    const rig = await availablePanel();
    const holds = rig.requests('cc-task-hold-request');
    const resumes = rig.requests('cc-task-resume-request');
    const taskId = await rig.connect();
    rig.clock.advance(30_000);
    await rig.click('Hold');
    expect(holds).to.deep.equal([{ taskId }]);
    expect(rig.text('[part="status"] [data-status="held"]')).to.equal('On hold 0:00');
    expect(rig.text('.tab-state')).to.equal('Call · On hold');
    expect(rig.labels()[0]).to.equal('Resume');
    await until(() => rig.live() === 'Priya Raman is on hold.');
    rig.clock.advance(12_000);
    await rig.el.updateComplete;
    expect(rig.text('[part~="hold-timer"]')).to.equal('0:12');
    expect(rig.text('[data-timer="duration"]')).to.equal('0:42');
    await expect(rig.el).to.be.accessible();
    await rig.click('Resume');
    expect(resumes).to.deep.equal([{ taskId }]);
    expect(rig.has('[data-status="held"]')).to.equal(false);
    expect(rig.labels()[0]).to.equal('Hold');
    await until(() => rig.live() === 'Priya Raman is back from hold.');
    expect(detailsOf(rig.events, 'cc-task-change').map((d) => d.change)).to.deep.equal(['held', 'resumed']);
  });

  it('pauses and resumes the recording', async () => {
    const rig = await availablePanel();
    const pauses = rig.requests('cc-task-recording-pause-request');
    const taskId = await rig.connect();
    await rig.click('Pause recording');
    expect(pauses).to.deep.equal([{ taskId }]);
    expect(rig.texts('[part="status"] .badge')).to.deep.equal(['Recording paused']);
    expect(!!rig.button('Resume recording')).to.equal(true);
    await until(() => rig.live() === 'Recording paused.');
    await rig.click('Resume recording');
    expect(rig.texts('[part="status"] .badge')).to.deep.equal(['Recording']);
    await until(() => rig.live() === 'Recording resumed.');
  });

  it('consults an available agent, who answers after a while, then ends the consult', async () => {
    const rig = await availablePanel();
    const consults = rig.requests('cc-task-consult-request');
    const transfers = rig.requests('cc-task-consult-transfer-request');
    const taskId = await rig.connect();
    const release = holdBack(rig, 'destinations');
    rig.button('Consult')!.focus();
    await rig.click('Consult');
    expect(rig.button('Consult')!.getAttribute('aria-expanded')).to.equal('true');
    expect(rig.text('[part="picker"] legend')).to.equal('Consult with');
    expect(rig.radio('Agent').checked).to.equal(true);
    expect(rig.focused()).to.equal(nameOf(rig.radio('Agent')));
    expect(rig.text('#destination-loading')).to.equal('Loading available agents…');
    expect(rig.$('#destination')!.getAttribute('aria-busy')).to.equal('true');
    await expect(rig.el).to.be.accessible();
    release();
    await until(() => rig.$$('#destination option').length > 1);
    expect(rig.texts('#destination option')).to.deep.equal(['Choose an agent', 'Sam Okafor (Customer Support)', 'Inés Moreau (Billing)']);
    expect(rig.has('#destination-loading')).to.equal(false);

    await rig.click('Start consult');
    expect(rig.text('#destination-problem')).to.equal('Choose an agent.');
    expect(rig.$('#destination')!.getAttribute('aria-invalid')).to.equal('true');
    expect(consults).to.deep.equal([]);

    await rig.choose('agent-sam');
    await rig.click('Start consult');
    expect(consults).to.deep.equal([{ taskId, destination: { type: 'agent', to: 'agent-sam' } }]);
    expect(rig.has('[part="picker"]')).to.equal(false);
    expect(rig.text('[data-status="consult"]')).to.equal('Consulting Sam Okafor: ringing…');
    expect(rig.labels()).to.deep.equal(['Mute', 'Pause recording', 'End consult', 'Complete transfer', 'End call']);
    expect(rig.focused()).to.equal(nameOf(rig.button('End consult')));
    const complete = rig.button('Complete transfer')!;
    expect(complete.getAttribute('aria-disabled')).to.equal('true');
    await rig.click('Complete transfer');
    expect(transfers).to.deep.equal([]);
    await until(() => rig.live() === 'Consulting Sam Okafor. Priya Raman is on hold.');
    await expect(rig.el).to.be.accessible();

    rig.clock.advance(rig.server.timing.consultAnswerMs);
    await rig.el.updateComplete;
    expect(rig.text('[data-status="consult"]')).to.equal('Consulting Sam Okafor: connected');
    expect(rig.button('Complete transfer')!.hasAttribute('aria-disabled')).to.equal(false);
    await until(() => rig.live() === 'Sam Okafor answered the consult.');

    const ends = rig.requests('cc-task-consult-end-request');
    await rig.click('End consult');
    expect(ends).to.deep.equal([{ taskId }]);
    expect(rig.has('[data-status="consult"]')).to.equal(false);
    // The customer is still on hold until the agent resumes.
    expect(rig.labels()).to.deep.equal(['Resume', 'Mute', 'Pause recording', 'Consult', 'Transfer', 'End call']);
    await until(() => rig.live() === 'The consult ended.');
  });

  it('consults a queue and completes a consult transfer', async () => {
    const rig = await availablePanel();
    const transfers = rig.requests('cc-task-consult-transfer-request');
    const taskId = await rig.connect();
    await rig.click('Consult');
    rig.radio('Queue').click();
    // The agents' list may still be on screen for a moment: wait for the queues themselves.
    await until(() => rig.texts('#destination option').includes('Support queue'));
    expect(rig.texts('#destination option')).to.deep.equal(['Choose a queue', 'Support queue', 'Billing queue', 'Escalations']);
    await rig.choose('queue-billing');
    await rig.click('Start consult');
    expect(rig.sdk.state.tasks[0].consult?.destination).to.include({ type: 'queue', to: 'queue-billing' });
    expect(rig.text('[data-status="consult"]')).to.equal('Consulting Billing queue: ringing…');
    rig.clock.advance(rig.server.timing.consultAnswerMs);
    await rig.el.updateComplete;
    await rig.click('Complete transfer');
    expect(transfers).to.deep.equal([{ taskId }]);
    expect(detailsOf(rig.events, 'cc-task-change').map((d) => d.change)).to.include('transferred');
    expect(detailsOf(rig.events, 'cc-task-end').map((d) => d.task.id)).to.deep.equal([taskId]);
    expect(rig.text('.tab-state')).to.equal('Call · Wrap-up');
    expect(rig.has('[part="task"] [part~="actions"]')).to.equal(false);
  });

  it('consults a dial number, and refuses a bad one next to the field without sending it', async () => {
    const rig = await availablePanel();
    const consults = rig.requests('cc-task-consult-request');
    const taskId = await rig.connect();
    await rig.click('Consult');
    rig.radio('Dial number').click();
    await rig.el.updateComplete;
    expect(rig.has('#destination')).to.equal(false);
    await rig.click('Start consult');
    expect(rig.text('#dial-problem')).to.equal('Enter the number to dial.');
    await rig.type('call me');
    const input = rig.$<HTMLInputElement>('#dial')!;
    // By keyboard: Enter in the field submits the form.
    input.focus();
    await sendKeys({ press: 'Enter' });
    await rig.settle();
    expect(rig.text('#dial-problem')).to.equal('call me is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. Use 3 to 15 digits, with an optional leading +.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('dial-problem dial-hint');
    expect(rig.focused()).to.equal(nameOf(input));
    expect(consults).to.deep.equal([]);
    await expect(rig.el).to.be.accessible();
    await rig.type('+14155550177');
    expect(rig.has('#dial-problem')).to.equal(false);
    await rig.click('Start consult');
    expect(consults).to.deep.equal([{ taskId, destination: { type: 'dialNumber', to: '+14155550177' } }]);
    expect(rig.text('[data-status="consult"]')).to.equal('Consulting +14155550177: ringing…');
  });

  it('closes the consult form with Cancel or Escape and gives focus back', async () => {
    const rig = await availablePanel();
    await rig.connect();
    rig.button('Transfer')!.focus();
    await rig.click('Transfer');
    expect(rig.text('[part="picker"] legend')).to.equal('Transfer to');
    await sendKeys({ press: 'Escape' });
    await rig.el.updateComplete;
    expect(rig.has('[part="picker"]')).to.equal(false);
    expect(rig.focused()).to.equal(nameOf(rig.button('Transfer')));
    expect(rig.button('Transfer')!.getAttribute('aria-expanded')).to.equal('false');
    await rig.click('Transfer');
    await rig.click('Cancel');
    expect(rig.has('[part="picker"]')).to.equal(false);
  });

  it('transfers blind to an agent', async () => {
    const rig = await availablePanel();
    const transfers = rig.requests('cc-task-transfer-request');
    const taskId = await rig.connect();
    await rig.click('Transfer');
    await until(() => rig.$$('#destination option').length > 1);
    await rig.choose('agent-ines');
    await rig.click('Transfer now');
    expect(transfers).to.deep.equal([{ taskId, destination: { type: 'agent', to: 'agent-ines' } }]);
    expect(detailsOf(rig.events, 'cc-task-change').map((d) => d.change)).to.deep.equal(['transferred']);
    expect(rig.text('.tab-state')).to.equal('Call · Wrap-up');
    expect(rig.has('[part="picker"]')).to.equal(false);
  });

  it('ends a task, which then waits for its wrap-up without controls', async () => {
    const rig = await availablePanel();
    const ends = rig.requests('cc-task-end-request');
    const taskId = await rig.connect({ cad: { orderNumber: 'ORD-7' } });
    rig.button('End call')!.focus();
    await rig.click('End call');
    expect(ends).to.deep.equal([{ taskId }]);
    expect(rig.sdk.state.tasks[0].state).to.equal('wrapup');
    expect(rig.text('.tab-state')).to.equal('Call · Wrap-up');
    expect(rig.texts('[part="status"] .badge')).to.deep.equal(['Wrap-up']);
    expect(rig.has('[part="task"] [part~="actions"]')).to.equal(false);
    expect(rig.has('[data-timer="duration"]')).to.equal(false);
    expect(rig.text('[part="task"] .hint')).to.equal('This task has ended. Complete its wrap-up to finish it.');
    expect(rig.has('[part="cad"]')).to.equal(true);
    // The End button is gone: focus moves to the task's tab rather than to the page.
    expect(rig.focused()).to.equal(nameOf(rig.selected()));
    await until(() => rig.live() === 'Call with Priya Raman ended.');
    await expect(rig.el).to.be.accessible();
  });

  it("shows a refused action's message next to the controls, keeps the task as it was, and retries", async () => {
    const rig = await availablePanel();
    const taskId = await rig.connect();
    rig.server.failNext({ action: 'hold', code: 'rejected', message: 'Hold is not allowed on this queue.' });
    await rig.click('Hold');
    const error = rig.$('[part="error"]')!;
    expect(squash(error.textContent)).to.equal('Hold is not allowed on this queue.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(rig.button('Hold')!.getAttribute('aria-describedby')).to.equal(error.id);
    expect(rig.server.task(taskId).held).to.equal(false);
    expect(rig.has('[data-status="held"]')).to.equal(false);
    await expect(rig.el).to.be.accessible();
    await rig.click('Hold');
    expect(rig.has('[part="error"]')).to.equal(false);
    expect(rig.text('[data-status="held"]')).to.equal('On hold 0:00');
  });

  it('keeps the consult form open with the message when a consult is refused, and retries', async () => {
    const rig = await availablePanel();
    const consults = rig.requests('cc-task-consult-request');
    await rig.connect();
    await consultRefused(rig);
    expect(consults.length).to.equal(1);
    expect(rig.text('[part="picker"] [part="error"]')).to.equal('Sam Okafor is on another call.');
    expect(rig.$('[part="picker"] [part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(rig.$$('[part="error"]').length).to.equal(1);
    expect(rig.has('[data-status="consult"]')).to.equal(false);
    await expect(rig.el).to.be.accessible();
    await rig.click('Start consult');
    expect(consults.length).to.equal(2);
    expect(rig.has('[part="error"]')).to.equal(false);
    expect(rig.text('[data-status="consult"]')).to.equal('Consulting Sam Okafor: ringing…');
  });

  it('lets a refused consult go when the agent cancels the form', async () => {
    const rig = await availablePanel();
    await rig.connect();
    await consultRefused(rig);
    expect(rig.text('[part="picker"] [part="error"]')).to.equal('Sam Okafor is on another call.');
    await rig.click('Cancel');
    expect(Object.keys(rig.sdk.state.errors)).to.deep.equal([]);
    await rig.click('Consult');
    expect(rig.has('[part="error"]')).to.equal(false);
  });

  it('passes axe in the dark scheme too', async () => {
    const rig = await deskWithPanel();
    rig.el.style.setProperty('--cc-color-scheme', 'dark');
    await rig.login();
    await rig.connect();
    await rig.click('Hold');
    await rig.click('Pause recording');
    await rig.offer({ mediaType: 'chat' });
    expect(getComputedStyle(rig.$('[part="task"]')!).backgroundColor).to.equal('rgb(29, 33, 39)');
    await expect(rig.el).to.be.accessible();
  });

  it('shows progress while an action is pending and sends it once however often it is clicked', async () => {
    const rig = await availablePanel();
    const holds = rig.requests('cc-task-hold-request');
    await rig.connect();
    const { pressed: hold, release } = await pressTwiceWhileHeldBack(rig, 'Hold', 'hold');
    expect(holds.length).to.equal(1);
    expectWorking(rig, hold, 'Hold');
    expect(rig.focused()).to.equal(nameOf(hold));
    await expect(rig.el).to.be.accessible();
    release();
    await rig.settle();
    expect(rig.button('Resume')!.hasAttribute('aria-disabled')).to.equal(false);
    expect(rig.has('.spinner')).to.equal(false);
  });

  it('keeps two tasks apart, keeps the selection as things change, and switches by keyboard', async () => {
    const rig = await availablePanel();
    const call = await rig.connect({ mediaType: 'telephony' });
    // A chat arriving does not move the selection; accepting it selects it (by keyboard alone).
    const chat = await rig.offer({ mediaType: 'chat' });
    expect(rig.selected()!.dataset.task).to.equal(call);
    rig.button('Accept', rig.offerCard(chat))!.focus();
    await sendKeys({ press: 'Enter' });
    await rig.settle();
    const tabs = () => rig.$$<HTMLButtonElement>('[role="tab"]');
    expect(tabs().map((t) => rig.text('.tab-state', t))).to.deep.equal(['Call · Connected', 'Chat · Connected']);
    expect(rig.selected()!.dataset.task).to.equal(chat);
    expect(rig.focused()).to.equal(nameOf(rig.selected()));
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([-1, 0]);
    // A chat has no hold, mute or recording.
    expect(rig.labels()).to.deep.equal(['Consult', 'Transfer', 'End chat']);
    expect(rig.text('[part="header"] .meta')).to.equal('Chat · @marcus.o · Queue: Support queue · Inbound');
    await expect(rig.el).to.be.accessible();

    await sendKeys({ press: 'ArrowLeft' });
    await rig.el.updateComplete;
    expect(rig.selected()!.dataset.task).to.equal(call);
    expect(rig.focused()).to.equal(nameOf(rig.selected()));
    expect(rig.$('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal(rig.selected()!.id);
    expect(rig.labels()[0]).to.equal('Hold');
    await sendKeys({ press: 'End' });
    await rig.el.updateComplete;
    expect(rig.selected()!.dataset.task).to.equal(chat);
    await sendKeys({ press: 'ArrowRight' });
    await rig.el.updateComplete;
    expect(rig.selected()!.dataset.task).to.equal(call);

    // The call is held: still selected. The customer hangs up: still selected, now in wrap-up.
    await rig.click('Hold');
    expect(rig.selected()!.dataset.task).to.equal(call);
    rig.server.customerHangup(call);
    await rig.el.updateComplete;
    expect(rig.selected()!.dataset.task).to.equal(call);
    expect(rig.text('.tab-state', rig.selected()!)).to.equal('Call · Wrap-up');
    // Once it is wrapped up (elsewhere), the selection falls back to the chat.
    await rig.sdk.request('cc-wrapup-request', { taskId: call, auxCodeId: 'wrap-resolved', notes: '' });
    await rig.el.updateComplete;
    expect(tabs().length).to.equal(1);
    expect(rig.selected()!.dataset.task).to.equal(chat);
  });

  it('renders customer names and call-associated data as text, never as markup', async () => {
    const rig = await availablePanel();
    const name = '<img src=x onerror=alert(1)>';
    const taskId = await rig.offer({ customerName: name, subject: '<b>hi</b>', cad: { accountNumber: 'AC-1', vipNote: '<script>x()</script>' } });
    expect(rig.text('.who', rig.offerCard(taskId))).to.equal(name);
    await until(() => rig.live() === `Incoming call from ${name}.`);
    await rig.click('Accept', rig.offerCard(taskId));
    expect(rig.text('[part="header"] .who')).to.equal(name);
    const cad = rig.$('[part="cad"]')!;
    expect(rig.texts('dt', cad)).to.deep.equal(['Account number', 'Vip note']);
    expect(rig.texts('dd', cad)).to.deep.equal(['AC-1', '<script>x()</script>']);
    expect(rig.has('img, b, script')).to.equal(false);
    await expect(rig.el).to.be.accessible();
  });

  it('hides every control the backend cannot do', async () => {
    class Limited extends SimulatorBackend {
      override readonly capabilities = {
        ...new SimulatorBackend().capabilities,
        hold: false,
        mute: false,
        recording: false,
        consult: false,
        transfer: false,
        consultTransfer: false,
      };
    }
    const rig = await deskWithPanel({ backend: (server) => new Limited({ server }) });
    await rig.login();
    await rig.connect();
    expect(rig.labels()).to.deep.equal(['End call']);
    await expect(rig.el).to.be.accessible();
  });

  it('hides consult transfer when the backend has consult but not consult transfer', async () => {
    class NoConsultTransfer extends SimulatorBackend {
      override readonly capabilities = { ...new SimulatorBackend().capabilities, consultTransfer: false };
    }
    const rig = await deskWithPanel({ backend: (server) => new NoConsultTransfer({ server }) });
    await rig.login();
    await rig.connect();
    await rig.click('Consult');
    rig.radio('Dial number').click();
    await rig.el.updateComplete;
    await rig.type('+14155550177');
    await rig.click('Start consult');
    expect(rig.labels()).to.deep.equal(['Mute', 'Pause recording', 'End consult', 'End call']);
  });

  it('shows a failed destination list and loads it again', async () => {
    const rig = await availablePanel();
    await rig.connect();
    const original = rig.backend.destinations.bind(rig.backend);
    let fail = true;
    rig.backend.destinations = (kind: 'agent' | 'queue'): Promise<readonly DestinationOption[]> =>
      fail ? Promise.reject(new Error('Directory unavailable.')) : original(kind);
    await rig.click('Consult');
    await until(() => rig.$('[part="picker"] [role="alert"]'));
    expect(rig.text('[part="picker"] [role="alert"]')).to.equal('The list could not be loaded: Directory unavailable.');
    fail = false;
    await rig.click('Try again');
    await until(() => rig.$$('#destination option').length > 1);
    expect(rig.has('[part="picker"] [role="alert"]')).to.equal(false);
  });

  it('takes replacement strings', async () => {
    const rig = await deskWithPanel();
    rig.el.strings = { notLoggedIn: 'Bitte an einer Station anmelden.', accept: 'Annehmen', mediaTelephony: 'Anruf' };
    await rig.el.updateComplete;
    expect(rig.text('[part="empty"]')).to.equal('Bitte an einer Station anmelden.');
    await rig.login();
    const card = rig.offerCard(await rig.offer());
    expect(!!rig.button('Annehmen', card)).to.equal(true);
    expect(rig.text('.media-label', card)).to.equal('Anruf');
  });

  describe('New call (outdial)', () => {
    /** Opens the form by the New call button (focused first, as a user's click would). */
    const open = async (rig: Panel) => {
      rig.button('New call')!.focus();
      await rig.click('New call');
    };
    const dial = async (rig: Panel, value: string) => {
      const input = rig.$<HTMLInputElement>('#outdial-number')!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await rig.el.updateComplete;
    };

    it('is offered only on a station, with no call ringing or on, by a backend that can dial out', async () => {
      const rig = await deskWithPanel();
      await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
      await rig.el.updateComplete;
      expect(rig.has('[part="outdial"]')).to.equal(false);
      await rig.login();
      expect(!!rig.button('New call')).to.equal(true);
      expect(rig.$('[part="outdial"] [data-action="outdial"]')!.getAttribute('aria-expanded')).to.equal('false');
      // A call ringing, then on: no New call. A chat does not stop it.
      const call = await rig.offer({ mediaType: 'telephony' });
      expect(rig.has('[part="outdial"]')).to.equal(false);
      await rig.click('Accept', rig.offerCard(call));
      expect(rig.has('[part="outdial"]')).to.equal(false);
      await rig.click('End call');
      expect(!!rig.button('New call')).to.equal(true);
      // Nothing is routed while the wrap-up is owed (issue 9, item 5): wrap up before the chat arrives.
      await rig.sdk.request('cc-wrapup-request', { taskId: call, auxCodeId: 'wrap-resolved', notes: '' });
      await rig.connect({ mediaType: 'chat' });
      expect(!!rig.button('New call')).to.equal(true);

      class NoOutdial extends SimulatorBackend {
        override readonly capabilities = { ...new SimulatorBackend().capabilities, outdial: false };
      }
      const limited = await deskWithPanel({ backend: (server) => new NoOutdial({ server }) });
      await limited.login();
      expect(limited.text('[part="empty"]')).to.contain('No tasks yet');
      expect(limited.has('[part="outdial"]')).to.equal(false);
    });

    it('refuses an empty or bad number next to the field without sending anything', async () => {
      const rig = await availablePanel();
      const outdials = rig.requests('cc-outdial-request');
      await open(rig);
      const input = rig.$<HTMLInputElement>('#outdial-number')!;
      expect(rig.focused()).to.equal(nameOf(input));
      expect(rig.text('label[for="outdial-number"]')).to.equal('Number to call');
      expect(input.type).to.equal('tel');
      expect(rig.text('#outdial-hint')).to.equal('For example +14155550123.');
      expect(input.getAttribute('aria-describedby')).to.equal('outdial-hint');
      expect(rig.button('New call')!.getAttribute('aria-expanded')).to.equal('true');
      expect(rig.button('New call')!.getAttribute('aria-controls')).to.equal('outdial-form');
      expect(rig.labels('[part="outdial"] form')).to.deep.equal(['Call', 'Cancel']);
      expect(rig.button('Call')!.className).to.equal('primary');
      await expect(rig.el).to.be.accessible();

      await rig.click('Call');
      expect(rig.text('#outdial-problem')).to.equal('Enter the number to call.');
      await dial(rig, 'call me');
      expect(rig.has('#outdial-problem')).to.equal(false);
      await rig.click('Call');
      expect(rig.text('#outdial-problem')).to.equal('call me is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. Use 3 to 15 digits, with an optional leading +.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('outdial-problem outdial-hint');
      expect(outdials).to.deep.equal([]);
      expect(rig.server.tasks.length).to.equal(0);
      await expect(rig.el).to.be.accessible();
    });

    it('places the call: the page gets the request, the form closes and the outbound call is selected', async () => {
      const rig = await availablePanel();
      const outdials = rig.requests('cc-outdial-request');
      await rig.connect({ mediaType: 'chat' });
      await open(rig);
      await dial(rig, '  +14155550123 ');
      await rig.click('Call');
      expect(outdials).to.deep.equal([{ number: '+14155550123' }]);
      expect(rig.has('[part="outdial"]')).to.equal(false);
      const tab = rig.selected()!;
      expect(rig.text('.who', tab)).to.equal('+14155550123');
      expect(rig.text('.tab-state', tab)).to.equal('Call · Connected');
      expect(rig.text('[part="header"] .who')).to.equal('+14155550123');
      expect(rig.text('[part="header"] .meta')).to.contain('Outbound');
      expect(rig.text('[data-timer="duration"]')).to.equal('0:00');
      expect(rig.labels()[0]).to.equal('Hold');
      // The Call button went away with the form: focus is on the new call's tab, which is announced.
      expect(rig.focused()).to.equal(nameOf(tab));
      await until(() => rig.live() === 'Connected to +14155550123.');
      expect(detailsOf(rig.events, 'cc-task-assigned').map((d) => d.task.direction)).to.deep.equal(['inbound', 'outbound']);
      await expect(rig.el).to.be.accessible();
    });

    it('does nothing when the page cancels the request', async () => {
      const rig = await availablePanel();
      rig.el.addEventListener('cc-outdial-request', (e) => e.preventDefault());
      await open(rig);
      await dial(rig, '+14155550123');
      await rig.click('Call');
      expect(rig.server.tasks.length).to.equal(0);
      expect(rig.has('[part="outdial"] form')).to.equal(true);
      expect(rig.has('[part="error"]')).to.equal(false);
    });

    it('shows progress while the call is being placed and places it once however often Call is pressed', async () => {
      const rig = await availablePanel();
      const outdials = rig.requests('cc-outdial-request');
      await open(rig);
      await dial(rig, '+14155550123');
      const { pressed: call, release } = await pressTwiceWhileHeldBack(rig, 'Call', 'outdial');
      expect(outdials.length).to.equal(1);
      expectWorking(rig, call, 'Call');
      await expect(rig.el).to.be.accessible();
      release();
      await rig.settle();
      expect(rig.server.tasks.filter((t) => t.direction === 'outbound').length).to.equal(1);
      expect(rig.has('[part="outdial"]')).to.equal(false);
    });

    it('keeps the form open with the number when the call is refused, and retries', async () => {
      const rig = await availablePanel();
      const outdials = rig.requests('cc-outdial-request');
      await open(rig);
      await dial(rig, '+14155550123');
      rig.server.failNext({ action: 'outdial', code: 'rejected', message: 'Outbound calls are not allowed from this team.' });
      await rig.click('Call');
      expect(outdials.length).to.equal(1);
      const error = rig.$('[part="outdial"] form [part="error"]');
      expect(squash(error?.textContent)).to.equal('Outbound calls are not allowed from this team.');
      expect(error?.getAttribute('role')).to.equal('alert');
      expect(rig.$$('[part="error"]').length).to.equal(1);
      expect(rig.button('Call')!.getAttribute('aria-describedby')).to.equal(error?.id);
      expect(rig.$<HTMLInputElement>('#outdial-number')!.value).to.equal('+14155550123');
      expect(rig.server.tasks.length).to.equal(0);
      await expect(rig.el).to.be.accessible();
      await rig.click('Call');
      expect(outdials).to.deep.equal([{ number: '+14155550123' }, { number: '+14155550123' }]);
      expect(rig.has('[part="error"]')).to.equal(false);
      expect(rig.has('[part="outdial"]')).to.equal(false);
      expect(rig.text('[part="header"] .who')).to.equal('+14155550123');
    });

    it('lets a refused call go when the agent cancels the form', async () => {
      const rig = await availablePanel();
      await open(rig);
      await dial(rig, '+14155550123');
      rig.server.failNext({ action: 'outdial', code: 'rejected', message: 'Outbound calls are not allowed from this team.' });
      await rig.click('Call');
      expect(rig.text('[part="outdial"] [part="error"]')).to.equal('Outbound calls are not allowed from this team.');
      rig.button('Cancel')!.focus();
      await rig.click('Cancel');
      expect(rig.has('[part="outdial"] form')).to.equal(false);
      expect(Object.keys(rig.sdk.state.errors)).to.deep.equal([]);
      expect(rig.focused()).to.equal(nameOf(rig.button('New call')));
      await rig.click('New call');
      expect(rig.has('[part="error"]')).to.equal(false);
      expect(rig.$<HTMLInputElement>('#outdial-number')!.value).to.equal('');
    });

    it('closes with Escape or Cancel and gives focus back to New call', async () => {
      const rig = await availablePanel();
      await open(rig);
      await dial(rig, '+1415');
      await sendKeys({ press: 'Escape' });
      await rig.el.updateComplete;
      expect(rig.has('[part="outdial"] form')).to.equal(false);
      expect(rig.focused()).to.equal(nameOf(rig.button('New call')));
      expect(rig.button('New call')!.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await rig.el.updateComplete;
      expect(rig.focused()).to.equal(nameOf(rig.$('#outdial-number')));
      rig.button('Cancel')!.focus();
      await rig.click('Cancel');
      expect(rig.has('[part="outdial"] form')).to.equal(false);
      expect(rig.focused()).to.equal(nameOf(rig.button('New call')));
    });

    it('closes the form when a call comes in meanwhile, focus going to the offer', async () => {
      const rig = await availablePanel();
      await open(rig);
      await dial(rig, '+1415');
      const taskId = await rig.offer({ mediaType: 'telephony' });
      expect(rig.has('[part="outdial"]')).to.equal(false);
      expect(rig.focused()).to.equal(nameOf(rig.button('Accept', rig.offerCard(taskId))));
    });

    it('places a call by keyboard alone', async () => {
      const rig = await availablePanel();
      const outdials = rig.requests('cc-outdial-request');
      rig.el.focus();
      await sendKeys({ press: 'Tab' });
      expect(rig.focused()).to.equal(nameOf(rig.button('New call')));
      await sendKeys({ press: 'Enter' });
      await rig.el.updateComplete;
      expect(rig.focused()).to.equal(nameOf(rig.$('#outdial-number')));
      await sendKeys({ type: '+14155550123' });
      await sendKeys({ press: 'Enter' });
      await rig.settle();
      expect(outdials).to.deep.equal([{ number: '+14155550123' }]);
      expect(rig.text('.tab-state', rig.selected()!)).to.equal('Call · Connected');
      expect(rig.focused()).to.equal(nameOf(rig.selected()));
    });
  });
});
