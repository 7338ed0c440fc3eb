import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, detailsOf, until } from '../../helpers.js';
import type { CcStateSelect } from '../../../components/cc-state-select/cc-state-select.js';

async function deskWithStateSelect() {
  const rig = await sdkFixture(html`<cc-sdk><cc-state-select></cc-state-select></cc-sdk>`);
  const el = rig.sdk.querySelector('cc-state-select') as CcStateSelect;
  const select = () => el.shadowRoot!.querySelector('select')!;
  const timer = () => el.shadowRoot!.querySelector('[part="timer"]')?.textContent?.trim();
  const error = () => el.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim();
  const live = () => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
  const login = async () => {
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await el.updateComplete;
  };
  const choose = async (value: string) => {
    select().value = value;
    select().dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => !rig.sdk.state.pending['cc-agent-state-request']);
    await el.updateComplete;
  };
  return { ...rig, el, select, timer, error, live, login, choose };
}

const selectedText = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim();

describe('<cc-state-select>', () => {
  it('is disabled and says why before station login', async () => {
    const { select, el } = await deskWithStateSelect();
    expect(select().disabled).to.equal(true);
    // A placeholder, not a sentence; the reason is the picker's description.
    expect(selectedText(select())).to.equal('Not logged in');
    const hint = el.shadowRoot!.getElementById(select().getAttribute('aria-describedby')!.split(' ')[0]);
    expect(hint?.textContent?.trim()).to.equal('Log in to a station to set your state.');
    await expect(el).to.be.accessible();
  });

  it('offers Available and every idle code, showing the current state and time in it', async () => {
    const { select, timer, login, clock, el } = await deskWithStateSelect();
    await login();
    const options = [...select().options].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Available', 'Idle: Break', 'Idle: Lunch', 'Idle: Meeting', 'Idle: Training', 'Idle: Admin work']);
    expect(selectedText(select())).to.equal('Idle: Break');
    expect(timer()).to.equal('0:00');
    clock.advance(65_000);
    await el.updateComplete;
    expect(timer()).to.equal('1:05');
    await expect(el).to.be.accessible();
  });

  it('sends a cancelable request and shows the new state once the backend confirms', async () => {
    const { el, select, choose, login, sdk, events } = await deskWithStateSelect();
    await login();
    const requests: unknown[] = [];
    el.addEventListener('cc-agent-state-request', (e) => requests.push(e.detail));
    await choose('0');
    expect(requests).to.deep.equal([{ state: 'Available', auxCodeId: '0' }]);
    expect(selectedText(select())).to.equal('Available');
    expect(sdk.state.agent?.state).to.equal('Available');
    expect(detailsOf(events, 'cc-agent-state-change').at(-1)).to.include({ state: 'Available', by: 'agent' });
  });

  it('stays as it was when the page cancels the request', async () => {
    const { el, select, choose, login, server } = await deskWithStateSelect();
    await login();
    el.addEventListener('cc-agent-state-request', (e) => e.preventDefault());
    await choose('idle-lunch');
    expect(selectedText(select())).to.equal('Idle: Break');
    expect(server.agent?.auxCodeId).to.equal('idle-break');
  });

  it('reverts a refused change and shows why next to the control', async () => {
    const { select, choose, login, server, error, el } = await deskWithStateSelect();
    await login();
    server.failNext({ action: 'setAgentState', code: 'rejected', message: 'State changes are locked by your supervisor.' });
    await choose('0');
    expect(selectedText(select())).to.equal('Idle: Break');
    expect(error()).to.equal('State changes are locked by your supervisor.');
    expect(select().getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await choose('0');
    expect(error()).to.equal(undefined);
    expect(selectedText(select())).to.equal('Available');
  });

  it('shows progress while the change is pending', async () => {
    const rig = await deskWithStateSelect();
    await rig.login();
    // Hold the backend's answer until the test lets it go.
    let release!: () => void;
    const original = rig.backend.setAgentState.bind(rig.backend);
    rig.backend.setAgentState = (args) => new Promise<void>((r) => (release = r)).then(() => original(args));
    rig.select().value = '0';
    rig.select().dispatchEvent(new Event('change'));
    await rig.el.updateComplete;
    expect(rig.select().getAttribute('aria-busy')).to.equal('true');
    expect(rig.el.shadowRoot!.querySelector('.spinner')?.getAttribute('aria-label')).to.equal('Changing state…');
    release();
    await until(() => rig.sdk.state.agent?.state === 'Available');
    await rig.el.updateComplete;
    expect(rig.select().getAttribute('aria-busy')).to.equal('false');
  });

  it('follows a supervisor and RONA at once, and announces it', async () => {
    const { select, login, server, el, live, clock, choose } = await deskWithStateSelect();
    await login();
    server.supervisorSetState('Idle', 'idle-meeting');
    await el.updateComplete;
    expect(selectedText(select())).to.equal('Idle: Meeting');
    await until(() => live() === 'A supervisor changed your state to Idle: Meeting.');
    await choose('0');
    server.offer();
    clock.advance(server.timing.ringMs);
    await el.updateComplete;
    expect(selectedText(select())).to.equal('Missed offer (RONA)');
    expect(el.shadowRoot!.querySelector('[part="indicator"]')!.getAttribute('data-state')).to.equal('RONA');
    await until(() => live() === 'Your state is now Missed offer (RONA).');
  });

  it('works by keyboard alone', async () => {
    const { select, login, sdk } = await deskWithStateSelect();
    await login();
    select().focus();
    // In a closed select, ArrowUp moves to the previous option; Enter applies it (arrows alone only browse).
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await until(() => sdk.state.agent?.state === 'Available');
  });

  it('takes replacement strings', async () => {
    const { el, login, select } = await deskWithStateSelect();
    el.strings = { available: 'Disponible', idle: 'Pause : {reason}' };
    await login();
    expect([...select().options].slice(0, 2).map((o) => o.textContent!.trim())).to.deep.equal(['Disponible', 'Pause : Break']);
  });
});

describe('locale strings for a whole page', () => {
  it('replace a tag\'s strings on every widget of that tag; a widget\'s own strings still win', async () => {
    const { setLocaleStrings } = await import('../../../src/base/cc-widget.js');
    const rig = await sdkFixture(html`<cc-sdk><cc-state-select id="a"></cc-state-select><cc-state-select id="b"></cc-state-select></cc-sdk>`);
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    const [a, b] = rig.sdk.querySelectorAll('cc-state-select');
    b.strings = { available: 'Bereit' };
    setLocaleStrings('cc-state-select', { available: 'Disponible', idle: 'En pause : {reason}' });
    try {
      await a.updateComplete;
      await b.updateComplete;
      const first = (el: Element) => [...el.shadowRoot!.querySelectorAll('option')].slice(0, 2).map((o) => o.textContent!.trim());
      expect(first(a)).to.deep.equal(['Disponible', 'En pause : Break']);
      expect(first(b)).to.deep.equal(['Bereit', 'En pause : Break']);
    } finally {
      setLocaleStrings('cc-state-select', { available: 'Available', idle: 'Idle: {reason}' });
    }
  });
});
