import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/core/clock.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { deepActiveElement, isButton, isField, pageIsAccessible, press, settlePage, startJourney, tabTo, type, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

/**
 * The same agent's day on the sample page, by keyboard alone: Tab, Shift+Tab, arrows, Enter, Space and typing.
 * No click, no value set from script. axe checks the whole page at each step.
 */

const clock = new ManualClock();
const server = new SimulatorServer({ clock });
let heard: string[] = [];
const sdk = () => document.getElementById('desk') as CcSdk;
const inWidget = (tag: string) => (el: Element) => (el.getRootNode() as ShadowRoot).host?.localName === tag;

const settle = settlePage;

/** Tab to a control in a widget and press a key on it. */
async function activate(tag: string, name: RegExp, key = 'Enter') {
  await tabTo((el) => inWidget(tag)(el) && isButton(name)(el), `${name} in <${tag}>`);
  await press(key);
  await settle();
}

/** Empties the focused field as a user would: End, then Backspace until it is empty. */
async function clearField() {
  const field = deepActiveElement() as HTMLInputElement;
  await press('End');
  while (field.value.length > 0) await press('Backspace');
}

const accessible = pageIsAccessible;

describe('the sample CRM page: the same journey by keyboard alone', function () {
  this.timeout(90_000);

  before(async () => {
    ({ heard } = await startJourney(new SimulatorBackend({ server }), server));
    document.body.focus();
  });

  it('signs in: Tab to the token, type it, Enter', async () => {
    await tabTo(isField(/^token$/), 'the token field');
    await type('agent-token-kbd');
    await press('Enter');
    await until(() => sdk().state.profile);
    await settle();
    expect(visibleText(document.querySelector('cc-auth'))).to.contain('Dana Whitfield');
    await accessible('signed in');
  });

  it('logs in to a desk phone: arrows pick the option, a bad number is refused, a good one accepted', async () => {
    await tabTo((el) => inWidget('cc-station-login')(el) && (el as HTMLInputElement).type === 'radio', 'the login options');
    while ((deepActiveElement() as HTMLInputElement).value !== 'AGENT_DN') await press('ArrowDown');
    await settle();
    await tabTo(isField(/^dial$/), 'the dial-number field');
    await clearField();
    await type('12ab');
    await press('Enter');
    await settle();
    expect(visibleText(document.querySelector('cc-station-login'))).to.contain('12ab is not a dial number: only digits and a leading + are allowed. Use a leading + and 8 to 15 digits.');
    expect(deepActiveElement()?.id).to.equal('dial');
    await accessible('bad dial number');
    await clearField();
    await type('+14155550199');
    await press('Enter');
    await until(() => sdk().state.station);
    await settle();
    expect(visibleText(document.querySelector('cc-station-login'))).to.contain('Desk phone (dial number)');
  });

  it('goes Available from the header with the arrow keys', async () => {
    await tabTo((el) => inWidget('cc-state-select')(el) && el.localName === 'select', 'the state picker');
    // The arrows browse; Enter applies (issue 9, item 10).
    await press('ArrowUp');
    await press('Enter');
    await until(() => sdk().state.agent?.state === 'Available');
    await settle();
    await accessible('available');
  });

  it('answers a call, holds, resumes and pauses the recording', async () => {
    server.offer({ mediaType: 'telephony' });
    await settle();
    expect(document.getElementById('record-title')!.textContent).to.equal('Priya Raman');
    await activate('cc-task-panel', /^Accept$/);
    await until(() => sdk().state.tasks[0]?.state === 'connected');
    await settle();
    await activate('cc-task-panel', /^Hold$/);
    await until(() => sdk().state.tasks[0]?.held);
    await settle();
    await accessible('held');
    await activate('cc-task-panel', /^Resume$/, ' ');
    await until(() => !sdk().state.tasks[0]?.held);
    await settle();
    await activate('cc-task-panel', /^Pause recording$/);
    await until(() => sdk().state.tasks[0]?.recordingPaused);
    await settle();
  });

  it('answers a chat too, then goes back to the call with the arrow keys', async () => {
    server.offer({ mediaType: 'chat' });
    await settle();
    await activate('cc-task-panel', /^Accept$/);
    await until(() => sdk().state.tasks.filter((t) => t.state === 'connected').length === 2);
    await settle();
    await tabTo((el) => el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true', 'the selected task');
    for (let i = 0; i < 3 && !/Priya/.test(deepActiveElement()!.textContent!); i++) await press('ArrowLeft');
    await press('Enter');
    await settle();
    expect(deepActiveElement()!.textContent).to.contain('Priya Raman');
    await accessible('two tasks');
  });

  it('consults an agent and completes the transfer', async () => {
    await activate('cc-task-panel', /^Consult$/);
    await tabTo(isField(/^destination$/), 'the agent picker');
    await until(() => (deepActiveElement() as HTMLSelectElement).options.length > 1);
    await press('ArrowDown');
    await settle();
    await accessible('consult form');
    await activate('cc-task-panel', /^Start consult$/);
    await until(() => sdk().state.tasks.some((t) => t.consult?.state === 'ringing'));
    clock.advance(server.timing.consultAnswerMs);
    await settle();
    await activate('cc-task-panel', /^Complete transfer$/);
    await until(() => !document.getElementById('wrapup-area')!.hidden);
    await settle();
  });

  it('wraps up the call beside the task panel: code by arrows, a typed note, Enter on Submit', async () => {
    await tabTo(isField(/^code$/), 'the wrap-up code');
    await press('ArrowDown');
    await tabTo(isField(/^notes$/), 'the notes');
    await type('Customer asked for a callback tomorrow.');
    await accessible('wrap-up');
    await activate('cc-wrapup', /^Submit$/);
    await until(() => heard.includes('cc-task-wrapup'));
    await settle();
    // The chat brought up Marcus's record; the call is logged on Priya's.
    await tabTo((el) => el.localName === 'button' && el.textContent === 'Priya Raman', "Priya's record");
    await press('Enter');
    expect(document.getElementById('timeline')!.textContent).to.contain('Customer asked for a callback tomorrow.');
  });

  it('ends the chat and wraps it up', async () => {
    await activate('cc-task-panel', /^End chat$/);
    await until(() => !document.getElementById('wrapup-area')!.hidden);
    await settle();
    await tabTo(isField(/^code$/), 'the wrap-up code');
    await press('ArrowDown');
    await activate('cc-wrapup', /^Submit$/);
    await until(() => sdk().state.tasks.length === 0);
  });

  it('takes a break, comes back Available, and signs out', async () => {
    await tabTo((el) => inWidget('cc-state-select')(el) && el.localName === 'select', 'the state picker');
    await press('ArrowDown');
    await press('Enter');
    await until(() => sdk().state.agent?.state === 'Idle');
    await press('ArrowUp');
    await press('Enter');
    await until(() => sdk().state.agent?.state === 'Available');
    await settle();
    await activate('cc-auth', /^Sign out$/);
    await until(() => heard.includes('cc-signed-out'));
    await settle();
    await accessible('signed out');
  });

  it('heard the same outcomes as by mouse, in order', () => {
    expect(heard).to.deep.equal([
      'cc-ready', 'cc-registered', 'cc-station-login', 'cc-agent-state-change', 'cc-agent-state-change',
      'cc-task-incoming', 'cc-task-assigned', 'cc-task-change:held', 'cc-task-change:resumed', 'cc-task-change:recording-paused',
      'cc-task-incoming', 'cc-message', 'cc-task-assigned', 'cc-task-change:held', 'cc-task-change:consult-started',
      'cc-task-change:consult-answered', 'cc-task-change:transferred', 'cc-task-end', 'cc-task-wrapup',
      'cc-task-end', 'cc-task-wrapup', 'cc-agent-state-change', 'cc-agent-state-change', 'cc-station-logout', 'cc-signed-out',
    ]);
  });
});
