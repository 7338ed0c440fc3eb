import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/core/clock.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import type { CcOutcomeEvent } from '../../src/events/events.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { deepQueryAll, pageIsAccessible, settlePage, startJourney, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';
import { toFirstCallOutcomes } from '../fixtures/one-call-outcomes.js';

/**
 * The agent's day on the sample CRM page, by mouse: what the page shows, and the outcome events the page
 * receives, in order. axe checks the whole page at each step.
 */

const clock = new ManualClock();
const server = new SimulatorServer({ clock });
let heard: string[] = [];
let heardEvents: CcOutcomeEvent[] = [];

const shadow = (tag: string) => document.querySelector(tag)!.shadowRoot!;
const q = <T extends Element = HTMLElement>(tag: string, selector: string) => shadow(tag).querySelector<T>(selector);
const text = (selector: string) => visibleText(document.querySelector(selector));

function buttonIn(tag: string, name: RegExp): HTMLButtonElement {
  const buttons = [...shadow(tag).querySelectorAll('button')].filter((b) => name.test(b.textContent!.replace(/\s+/g, ' ').trim()));
  if (!buttons.length) throw new Error(`no button ${name} in <${tag}>: ${visibleText(document.querySelector(tag))}`);
  return buttons[0];
}

const settle = settlePage;

async function click(button: HTMLElement) {
  button.click();
  await settle();
}

async function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle();
}

async function choose(select: HTMLSelectElement | HTMLInputElement, value?: string) {
  if (select instanceof HTMLSelectElement) select.value = value!;
  else select.checked = true;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle();
}


const sdk = () => document.getElementById('desk') as CcSdk;

describe('the sample CRM page: an agent\'s journey by mouse', function () {
  this.timeout(60_000);

  before(async () => {
    const journey = await startJourney(new SimulatorBackend({ server }), server);
    heard = journey.heard;
    heardEvents = journey.events as CcOutcomeEvent[];
  });

  it('starts signed out, with the sign-in form and an accessible page', async () => {
    expect(visibleText(document.querySelector('cc-auth'))).to.contain('Access token');
    expect(visibleText(document.querySelector('cc-task-panel'))).to.contain('Log in to a station to receive tasks.');
    await pageIsAccessible('signed out');
  });

  it('signs in', async () => {
    await fill(q<HTMLInputElement>('cc-auth', '#token')!, 'agent-token-7c1f');
    await click(buttonIn('cc-auth', /^Sign in$/));
    await until(() => visibleText(document.querySelector('cc-auth')).includes('Dana Whitfield'));
    expect(heard).to.deep.equal(['cc-ready', 'cc-registered']);
    // The token is nowhere on the page, shadow roots included, nor in storage.
    const everything = [document.documentElement.outerHTML, ...deepQueryAll('*').filter((el) => el.shadowRoot).map((el) => el.shadowRoot!.innerHTML)];
    const fields = deepQueryAll<HTMLInputElement>('input, textarea').map((f) => f.value);
    const stored = [localStorage, sessionStorage].flatMap((st) => Object.keys(st).map((k) => `${k}=${st.getItem(k)}`));
    expect([...everything, ...fields, ...stored].filter((t) => t.includes('agent-token-7c1f'))).to.deep.equal([]);
    await pageIsAccessible('signed in');
  });

  it('refuses a bad dial number next to the field, then logs in with a good one', async () => {
    const deskPhone = [...shadow('cc-station-login').querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'AGENT_DN')!;
    await choose(deskPhone);
    const dial = () => q<HTMLInputElement>('cc-station-login', '#dial')!;
    await fill(dial(), '555-CALL-ME');
    await click(buttonIn('cc-station-login', /^Log in$/));
    expect(visibleText(document.querySelector('cc-station-login'))).to.contain('555-CALL-ME is not a dial number: only digits and a leading + are allowed. Use a leading + and 8 to 15 digits.');
    expect(dial().getAttribute('aria-invalid')).to.equal('true');
    expect(heard).to.not.include('cc-station-login');
    await pageIsAccessible('bad dial number');
    await fill(dial(), '+14155550199');
    await click(buttonIn('cc-station-login', /^Log in$/));
    await until(() => heard.includes('cc-station-login'));
    await settle();
    expect(visibleText(document.querySelector('cc-station-login'))).to.contain('Desk phone (dial number)');
    await pageIsAccessible('logged in');
  });

  it('goes Available from the header', async () => {
    await choose(q<HTMLSelectElement>('cc-state-select', 'select')!, '0');
    await until(() => sdk().state.agent?.state === 'Available');
    await settle();
    expect(q<HTMLSelectElement>('cc-state-select', 'select')!.selectedOptions[0].textContent!.trim()).to.equal('Available');
  });

  it('gets a call: the task panel rings and the page pops the caller\'s record', async () => {
    server.offer({ mediaType: 'telephony', ani: '+14155550142' });
    await settle();
    expect(visibleText(document.querySelector('cc-task-panel'))).to.contain('Priya Raman');
    expect(text('#screen-pop')).to.equal('Call from Priya Raman: record opened.');
    expect(text('#record-title')).to.equal('Priya Raman');
    await pageIsAccessible('ringing');
  });

  it('accepts, holds, resumes and pauses the recording', async () => {
    await click(buttonIn('cc-task-panel', /^Accept$/));
    await until(() => heard.includes('cc-task-assigned'));
    await click(buttonIn('cc-task-panel', /^Hold$/));
    await until(() => visibleText(q('cc-task-panel', '[part="status"]')).includes('On hold'));
    await pageIsAccessible('on hold');
    await click(buttonIn('cc-task-panel', /^Resume$/));
    await click(buttonIn('cc-task-panel', /^Pause recording$/));
    await until(() => visibleText(document.querySelector('cc-task-panel')).includes('Recording paused'));
    await pageIsAccessible('recording paused');
  });

  it('takes a chat at the same time', async () => {
    server.offer({ mediaType: 'chat', ani: '@marcus.o' });
    await settle();
    await click(buttonIn('cc-task-panel', /^Accept$/));
    await until(() => sdk().state.tasks.filter((t) => t.state === 'connected').length === 2);
    await settle();
    expect(shadow('cc-task-panel').querySelectorAll('[role="tab"]').length).to.equal(2);
    expect(text('#record-title')).to.equal('Marcus Oyelaran');
    await pageIsAccessible('two tasks');
  });

  it('consults an agent about the call and transfers it', async () => {
    const callTab = [...shadow('cc-task-panel').querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => /Priya/.test(t.textContent!))!;
    await click(callTab);
    await click(buttonIn('cc-task-panel', /^Consult$/));
    await until(() => (q<HTMLSelectElement>('cc-task-panel', '#destination')?.options.length ?? 0) > 1);
    await choose(q<HTMLSelectElement>('cc-task-panel', '#destination')!, 'agent-sam');
    await pageIsAccessible('consult form');
    await click(buttonIn('cc-task-panel', /^Start consult$/));
    await until(() => visibleText(document.querySelector('cc-task-panel')).replace(/ :/g, ':').includes('Consulting Sam Okafor: ringing'));
    clock.advance(server.timing.consultAnswerMs);
    await settle();
    expect(visibleText(document.querySelector('cc-task-panel')).replace(/ :/g, ':')).to.contain('Consulting Sam Okafor: connected');
    await click(buttonIn('cc-task-panel', /^Complete transfer$/));
    await until(() => heard.includes('cc-task-end'));
    await settle();
  });

  it('wraps up the transferred call beside the task panel, and the page logs it on the timeline', async () => {
    const area = document.getElementById('wrapup-area')!;
    expect(area.hidden).to.equal(false);
    expect(visibleText(document.querySelector('cc-wrapup'))).to.contain('Wrap up: Call with Priya Raman');
    await pageIsAccessible('wrap-up');
    await click(buttonIn('cc-wrapup', /^Submit$/));
    expect(visibleText(document.querySelector('cc-wrapup'))).to.contain('Choose a wrap-up code.');
    expect(heard).to.not.include('cc-task-wrapup');
    await choose(q<HTMLSelectElement>('cc-wrapup', '#code')!, 'wrap-escalated');
    await fill(q<HTMLTextAreaElement>('cc-wrapup', '#notes')!, 'Billing dispute; Sam takes it from here.');
    await click(buttonIn('cc-wrapup', /^Submit$/));
    await until(() => heard.includes('cc-task-wrapup'));
    await settle();
    expect(area.hidden).to.equal(true);
    const timeline = text('#timeline');
    // The chat moved the record to Marcus; the call is logged against Priya's record.
    document.querySelectorAll<HTMLButtonElement>('#customer-list button')[0].click();
    expect(text('#timeline')).to.contain('Call with Priya Raman · Escalated');
    expect(text('#timeline')).to.contain('Billing dispute; Sam takes it from here.');
    expect(timeline).to.not.contain('Call with Priya Raman');
  });

  it('ends the chat and wraps it up', async () => {
    await click(buttonIn('cc-task-panel', /^End chat$/));
    await until(() => !document.getElementById('wrapup-area')!.hidden);
    await settle();
    await choose(q<HTMLSelectElement>('cc-wrapup', '#code')!, 'wrap-resolved');
    await click(buttonIn('cc-wrapup', /^Submit$/));
    await until(() => sdk().state.tasks.length === 0);
    await settle();
    expect(visibleText(document.querySelector('cc-task-panel'))).to.contain('No open tasks');
  });

  it('takes a break and comes back Available', async () => {
    await choose(q<HTMLSelectElement>('cc-state-select', 'select')!, 'idle-lunch');
    await until(() => sdk().state.agent?.auxCodeId === 'idle-lunch');
    await choose(q<HTMLSelectElement>('cc-state-select', 'select')!, '0');
    await until(() => sdk().state.agent?.state === 'Available');
    await settle();
    await pageIsAccessible('available again');
  });

  it('renders a customer name that carries HTML as text, in the widgets and in the page', async () => {
    const name = '<img src=x onerror="window.__pwned=1">Eve';
    server.offer({ mediaType: 'social', ani: '@eve', customerName: name });
    await settle();
    expect(visibleText(document.querySelector('cc-task-panel'))).to.contain(name);
    expect(shadow('cc-task-panel').querySelectorAll('img').length).to.equal(0);
    expect(text('#screen-pop')).to.contain(name);
    expect(document.querySelectorAll('main img').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await click(buttonIn('cc-task-panel', /^Decline$/));
    await until(() => sdk().state.tasks.length === 0);
  });

  it('signs out', async () => {
    await click(buttonIn('cc-auth', /^Sign out$/));
    await until(() => heard.includes('cc-signed-out'));
    await settle();
    expect(visibleText(document.querySelector('cc-auth'))).to.contain('Access token');
    await pageIsAccessible('signed out again');
  });

  it('heard every outcome once, in order', () => {
    expect(heard).to.deep.equal([
      ...toFirstCallOutcomes,
      'cc-task-change:held',
      'cc-task-change:resumed',
      'cc-task-change:recording-paused',
      'cc-task-incoming',
      // The chat is offered with the customer's first line: the page hears it (a CRM logs the transcript).
      'cc-message',
      'cc-task-assigned',
      'cc-task-change:held',
      'cc-task-change:consult-started',
      'cc-task-change:consult-answered',
      'cc-task-change:transferred',
      'cc-task-end',
      'cc-task-wrapup',
      'cc-task-end',
      'cc-task-wrapup',
      'cc-agent-state-change',
      'cc-agent-state-change',
      'cc-task-incoming',
      'cc-message',
      'cc-task-rejected',
      'cc-station-logout',
      'cc-signed-out',
    ]);
    const wrapups = heardEvents.filter((e) => e.type === 'cc-task-wrapup').map((e) => (e as CcOutcomeEvent<'cc-task-wrapup'>).detail);
    expect(wrapups.map((w) => `${w.task.mediaType}/${w.auxCodeId}/${w.notes}`)).to.deep.equal([
      'telephony/wrap-escalated/Billing dispute; Sam takes it from here.',
      'chat/wrap-resolved/',
    ]);
  });
});
