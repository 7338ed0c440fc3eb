import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, detailsOf, until } from '../../helpers.js';
import '../../../define/cc-station-login.js';
import type { CcStationLogin } from '../../../components/cc-station-login/cc-station-login.js';
import type { RequestDetails } from '../../../src/events/events.js';

async function deskWithStationLogin() {
  const rig = await sdkFixture(html`<cc-sdk><cc-station-login></cc-station-login></cc-sdk>`);
  const el = rig.sdk.querySelector('cc-station-login') as CcStationLogin;
  await el.updateComplete;
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const live = () => $('[role="status"]')!.textContent!.trim();
  const team = () => $<HTMLSelectElement>('[part="team"]');
  const dial = () => $<HTMLInputElement>('[part="dial-number"]');
  const submit = () => $<HTMLButtonElement>('[part="submit"]');
  const radios = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const radio = (option: string) => radios().find((r) => r.value === option)!;
  const logins: RequestDetails['cc-station-login-request'][] = [];
  const logouts: unknown[] = [];
  el.addEventListener('cc-station-login-request', (e) => logins.push(e.detail));
  el.addEventListener('cc-station-logout-request', (e) => logouts.push(e.detail));
  const settle = async () => {
    await until(() => !rig.sdk.state.pending['cc-station-login-request'] && !rig.sdk.state.pending['cc-station-logout-request']);
    await el.updateComplete;
  };
  const signIn = async () => {
    await rig.sdk.request('cc-sign-in-request', { accessToken: 'token' });
    await el.updateComplete;
  };
  const pick = async (option: string) => {
    radio(option).click();
    await el.updateComplete;
  };
  /** Replaces the dial number as a user does: select all, type. */
  const typeDial = async (value: string) => {
    dial()!.focus();
    dial()!.select();
    await sendKeys({ press: 'Backspace' });
    if (value) await sendKeys({ type: value });
    await el.updateComplete;
  };
  /** The station summary as [label, value] rows. */
  const summary = () =>
    [...el.shadowRoot!.querySelectorAll('[part="summary"] div')].map((row) => [
      row.querySelector('dt')!.textContent!.trim(),
      row.querySelector('dd')!.textContent!.trim(),
    ]);
  const send = async () => {
    submit()!.click();
    await settle();
  };
  return { ...rig, el, $, text, live, summary, team, dial, submit, radios, radio, logins, logouts, settle, signIn, pick, typeDial, send };
}

describe('<cc-station-login>', () => {
  it('asks the agent to sign in first', async () => {
    const { el, text, $ } = await deskWithStationLogin();
    expect(text('[part="hint"]')).to.equal('Sign in to log in to a station.');
    expect($('[part="form"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers the teams and the login options of the profile', async () => {
    const { el, signIn, team, radios, dial, text, pick, $ } = await deskWithStationLogin();
    await signIn();
    expect([...team()!.options].map((o) => o.textContent!.trim())).to.deep.equal(['Customer Support', 'Billing', 'Sales']);
    expect(team()!.value).to.equal('team-support');
    expect(radios().map((r) => [r.value, r.checked, r.closest('label')!.textContent!.trim()])).to.deep.equal([
      ['BROWSER', true, 'Browser (WebRTC)'],
      ['AGENT_DN', false, 'Desk phone (dial number)'],
      ['EXTENSION', false, 'Extension'],
    ]);
    expect(text('[part="options"] legend')).to.equal('How you take calls');
    expect(dial()).to.equal(null);
    await expect(el).to.be.accessible();
    await pick('AGENT_DN');
    expect(dial()!.value).to.equal('+14155550123');
    expect(el.shadowRoot!.querySelector('label[for="dial"]')!.textContent!.trim()).to.equal('Dial number');
    expect(text('[part="dial-hint"]')).to.equal('For example, +14155550123');
    expect(dial()!.getAttribute('aria-describedby')).to.equal('dial-hint');
    await expect(el).to.be.accessible();
    await pick('EXTENSION');
    expect(dial()!.value).to.equal('');
    expect(el.shadowRoot!.querySelector('label[for="dial"]')!.textContent!.trim()).to.equal('Extension');
    expect(text('[part="dial-hint"]')).to.equal('For example, 1042');
    await pick('BROWSER');
    expect($('[part="dial-number"]')).to.equal(null);
  });

  it('logs in by keyboard alone and shows the station', async () => {
    const { el, signIn, team, dial, logins, settle, summary, live, $, names, events } = await deskWithStationLogin();
    await signIn();
    team()!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(team()!.value).to.equal('team-billing');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.have.property('value', 'BROWSER');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(dial()!.value).to.equal('+14155550123');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(dial());
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(logins).to.deep.equal([{ teamId: 'team-billing', loginOption: 'AGENT_DN', dialNumber: '+14155550123' }]);
    expect(names()).to.include('cc-station-login');
    expect(detailsOf(events, 'cc-station-login').at(-1)).to.deep.equal({
      teamId: 'team-billing',
      loginOption: 'AGENT_DN',
      dialNumber: '+14155550123',
    });
    expect(summary()).to.deep.equal([
      ['Team', 'Billing'],
      ['How you take calls', 'Desk phone (dial number)'],
      ['Dial number', '+14155550123'],
    ]);
    expect($('[part="form"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($('[part="change"]'));
    await until(() => live() === 'Logged in to Billing: Desk phone (dial number).');
    await expect(el).to.be.accessible();
  });

  it('logs in with the browser without a dial number', async () => {
    const { signIn, send, logins, sdk } = await deskWithStationLogin();
    await signIn();
    await send();
    expect(logins).to.deep.equal([{ teamId: 'team-support', loginOption: 'BROWSER' }]);
    expect(sdk.state.station).to.deep.equal({ teamId: 'team-support', loginOption: 'BROWSER' });
  });

  it('checks the dial number before sending, then takes a good one', async () => {
    const { el, signIn, pick, typeDial, dial, text, logins, send, sdk } = await deskWithStationLogin();
    await signIn();
    await pick('AGENT_DN');
    await typeDial('');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text('[part="error"]')).to.equal('Enter the number to ring. Use a leading + and 8 to 15 digits.');
    expect(logins).to.deep.equal([]);
    await typeDial('555-1234');
    await send();
    expect(logins).to.deep.equal([]);
    expect(text('[part="error"]')).to.equal(
      '555-1234 is not a dial number: only digits and a leading + are allowed. Use a leading + and 8 to 15 digits.',
    );
    expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(dial()!.getAttribute('aria-invalid')).to.equal('true');
    expect(dial()!.getAttribute('aria-describedby')).to.equal('dial-error dial-hint');
    expect(el.shadowRoot!.activeElement).to.equal(dial());
    expect(sdk.state.station).to.equal(null);
    await expect(el).to.be.accessible();
    await typeDial('+14155550177');
    expect(text('[part="error"]')).to.equal(undefined);
    expect(dial()!.getAttribute('aria-invalid')).to.equal('false');
    await send();
    expect(logins).to.deep.equal([{ teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '+14155550177' }]);
    expect(sdk.state.station?.dialNumber).to.equal('+14155550177');
  });

  it('checks an extension against its rule', async () => {
    const { el, signIn, pick, typeDial, text, logins, send } = await deskWithStationLogin();
    await signIn();
    await pick('EXTENSION');
    await send();
    expect(text('[part="error"]')).to.equal('Enter your extension. Use 4 digits.');
    await typeDial('42');
    await send();
    expect(text('[part="error"]')).to.equal('42 is too short for an extension (2 digits). Use 4 digits.');
    expect(logins).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('every dial-number message states the rule: too short, too long, letters, a bad first digit (issue 9, item 8)', async () => {
    const { el, signIn, pick, typeDial, dial, text, logins, send } = await deskWithStationLogin();
    await signIn();
    await pick('AGENT_DN');
    const cases: [string, string][] = [
      ['+1415', '+1415 is too short for a dial number (4 digits). Use a leading + and 8 to 15 digits.'],
      ['+1415555012345678', '+1415555012345678 is too long for a dial number (16 digits). Use a leading + and 8 to 15 digits.'],
      ['+1415CALLME', '+1415CALLME is not a dial number: only digits and a leading + are allowed. Use a leading + and 8 to 15 digits.'],
      ['14155550123', '14155550123 is not a valid dial number. Use a leading + and 8 to 15 digits.'],
    ];
    for (const [typed, message] of cases) {
      await typeDial(typed);
      await send();
      // Next to the field, described by it, and nothing sent.
      expect(text('[part="error"]'), typed).to.equal(message);
      expect(dial()!.getAttribute('aria-describedby')).to.equal('dial-error dial-hint');
      expect(el.shadowRoot!.querySelector('#dial-error')!.closest('.field')!.contains(dial()), 'beside the field').to.equal(true);
    }
    expect(logins).to.deep.equal([]);
    await pick('EXTENSION');
    await typeDial('104212');
    await send();
    expect(text('[part="error"]')).to.equal('104212 is too long for an extension (6 digits). Use 4 digits.');
    await typeDial('1o42');
    await send();
    expect(text('[part="error"]')).to.equal('1o42 is not an extension: only digits are allowed. Use 4 digits.');
    expect(text('[part="error"]')).to.not.contain('Use the form');
    expect(logins).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows an extension the backend does not know next to the field, and retries', async () => {
    const { el, signIn, pick, typeDial, dial, text, logins, send, sdk, events, summary } = await deskWithStationLogin();
    await signIn();
    await pick('EXTENSION');
    await typeDial('9042');
    await send();
    expect(logins).to.deep.equal([{ teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: '9042' }]);
    expect(text('[part="error"]')).to.equal('Extension 9042 does not exist on this phone system.');
    expect(dial()!.getAttribute('aria-invalid')).to.equal('true');
    expect(dial()!.getAttribute('aria-describedby')).to.equal('dial-error dial-hint');
    expect(detailsOf(events, 'cc-error').at(-1)).to.include({ action: 'station-login', code: 'invalid-dial-number' });
    expect(sdk.state.station).to.equal(null);
    await expect(el).to.be.accessible();
    await typeDial('1042');
    expect(text('[part="error"]')).to.equal(undefined);
    await send();
    expect(sdk.state.station).to.deep.equal({ teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: '1042' });
    expect(summary().at(-1)).to.deep.equal(['Extension', '1042']);
  });

  it('sends nothing to the backend when the page cancels the request', async () => {
    const { el, signIn, send, logins, names, sdk, $ } = await deskWithStationLogin();
    await signIn();
    el.addEventListener('cc-station-login-request', (e) => e.preventDefault());
    await send();
    expect(logins).to.have.length(1);
    expect(names()).not.to.include('cc-station-login');
    expect(sdk.state.station).to.equal(null);
    expect($('[part="form"]')).to.exist;
  });

  it('shows progress while logging in, and a double click sends one request', async () => {
    const { el, signIn, submit, backend, logins, sdk } = await deskWithStationLogin();
    await signIn();
    let release!: () => void;
    let calls = 0;
    const original = backend.stationLogin.bind(backend);
    backend.stationLogin = (args) => {
      calls++;
      return new Promise<void>((r) => (release = r)).then(() => original(args));
    };
    submit()!.click();
    submit()!.click();
    await el.updateComplete;
    expect(submit()!.getAttribute('aria-disabled')).to.equal('true');
    expect(submit()!.querySelector('.spinner')!.getAttribute('aria-label')).to.equal('Logging in…');
    await expect(el).to.be.accessible();
    submit()!.click();
    expect(logins).to.have.length(1);
    expect(calls).to.equal(1);
    release();
    await until(() => sdk.state.station !== null);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="summary"]')).to.exist;
  });

  it('shows any other refusal by the button, and retries', async () => {
    const { el, signIn, send, server, text, submit, sdk } = await deskWithStationLogin();
    await signIn();
    server.failNext({ action: 'stationLogin', code: 'rejected', message: 'Station login is paused for maintenance.' });
    await send();
    expect(text('[part="error"]')).to.equal('Station login is paused for maintenance.');
    expect(submit()!.getAttribute('aria-describedby')).to.equal('login-error');
    expect(sdk.state.station).to.equal(null);
    await expect(el).to.be.accessible();
    await send();
    expect(sdk.state.station?.loginOption).to.equal('BROWSER');
    expect(text('[part="error"]')).to.equal(undefined);
  });

  it('changes station with the form prefilled, or cancels the change', async () => {
    const { el, signIn, send, $, team, radio, pick, typeDial, logins, sdk, text, live, summary } = await deskWithStationLogin();
    await signIn();
    await pick('AGENT_DN');
    await typeDial('+14155550177');
    await send();
    $('[part="change"]')!.click();
    await el.updateComplete;
    expect(team()!.value).to.equal('team-support');
    expect(radio('AGENT_DN').checked).to.equal(true);
    expect($<HTMLInputElement>('[part="dial-number"]')!.value).to.equal('+14155550177');
    expect(el.shadowRoot!.activeElement).to.equal(team());
    await expect(el).to.be.accessible();
    // Cancel keeps the station.
    $('[part="cancel"]')!.click();
    await el.updateComplete;
    expect(text('[part="summary"]')).to.include('+14155550177');
    expect(el.shadowRoot!.activeElement).to.equal($('[part="change"]'));
    // Change to an extension on another team.
    $('[part="change"]')!.click();
    await el.updateComplete;
    team()!.value = 'team-sales';
    team()!.dispatchEvent(new Event('change'));
    await pick('EXTENSION');
    await typeDial('1077');
    await send();
    expect(logins.at(-1)).to.deep.equal({ teamId: 'team-sales', loginOption: 'EXTENSION', dialNumber: '1077' });
    expect(sdk.state.station).to.deep.equal({ teamId: 'team-sales', loginOption: 'EXTENSION', dialNumber: '1077' });
    expect(summary()).to.deep.equal([
      ['Team', 'Sales'],
      ['How you take calls', 'Extension'],
      ['Extension', '1077'],
    ]);
    await until(() => live() === 'Logged in to Sales: Extension.');
  });

  it('refuses a change while a call is open, and forgets the refusal once the form is closed', async () => {
    const { el, signIn, send, $, text, sdk, server, pick, typeDial, submit } = await deskWithStationLogin();
    await signIn();
    await send();
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    server.offer();
    await sdk.request('cc-task-accept-request', { taskId: sdk.state.tasks[0].id });
    $('[part="change"]')!.click();
    await el.updateComplete;
    await pick('EXTENSION');
    await typeDial('1042');
    await send();
    expect(text('[part="error"]')).to.equal('Finish your active tasks before changing station.');
    expect(submit()!.getAttribute('aria-describedby')).to.equal('login-error');
    expect(sdk.state.station).to.deep.equal({ teamId: 'team-support', loginOption: 'BROWSER' });
    await expect(el).to.be.accessible();
    $('[part="cancel"]')!.click();
    await el.updateComplete;
    $('[part="change"]')!.click();
    await el.updateComplete;
    expect(text('[part="error"]')).to.equal(undefined);
  });

  it('logs out, announces it, and offers the last station again', async () => {
    const { el, signIn, send, $, logouts, settle, names, live, radio, team } = await deskWithStationLogin();
    await signIn();
    await send();
    $('[part="logout"]')!.click();
    await settle();
    expect(logouts).to.deep.equal([{}]);
    expect(names()).to.include('cc-station-logout');
    expect($('[part="form"]')).to.exist;
    expect(team()!.value).to.equal('team-support');
    expect(radio('BROWSER').checked).to.equal(true);
    await until(() => live() === 'You are logged out of your station.');
    await expect(el).to.be.accessible();
  });

  it('stays logged in when the page cancels the logout', async () => {
    const { el, signIn, send, $, settle, sdk, names } = await deskWithStationLogin();
    await signIn();
    await send();
    el.addEventListener('cc-station-logout-request', (e) => e.preventDefault());
    $('[part="logout"]')!.click();
    await settle();
    expect(sdk.state.station).to.not.equal(null);
    expect(names()).not.to.include('cc-station-logout');
  });

  it('says why logout is refused while a task is open, and logs out once it is wrapped up', async () => {
    const { el, signIn, send, $, text, logouts, settle, sdk, server } = await deskWithStationLogin();
    await signIn();
    await send();
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    server.offer();
    const taskId = sdk.state.tasks[0].id;
    await el.updateComplete;
    $('[part="logout"]')!.click();
    await el.updateComplete;
    expect(logouts).to.deep.equal([]);
    expect(text('[part="error"]')).to.equal('You cannot log out while you have a task or a wrap-up open.');
    expect($('[part="logout"]')!.getAttribute('aria-describedby')).to.equal('logout-error');
    expect(sdk.state.station).to.not.equal(null);
    await expect(el).to.be.accessible();
    await sdk.request('cc-task-accept-request', { taskId });
    await sdk.request('cc-task-end-request', { taskId });
    await sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: '' });
    await el.updateComplete;
    expect(text('[part="error"]')).to.equal(undefined);
    $('[part="logout"]')!.click();
    await settle();
    expect(logouts).to.have.length(1);
    expect(sdk.state.station).to.equal(null);
  });

  it("shows the backend's refusal of a logout, with progress while pending, and retries", async () => {
    const { el, signIn, send, $, text, logouts, settle, sdk, server, backend } = await deskWithStationLogin();
    await signIn();
    await send();
    server.failNext({ action: 'stationLogout', code: 'task-active', message: 'A supervisor is monitoring you; try again shortly.' });
    $('[part="logout"]')!.click();
    await settle();
    expect(text('[part="error"]')).to.equal('A supervisor is monitoring you; try again shortly.');
    expect(sdk.state.station).to.not.equal(null);
    await expect(el).to.be.accessible();
    let release!: () => void;
    const original = backend.stationLogout.bind(backend);
    backend.stationLogout = (reason) => new Promise<void>((r) => (release = r)).then(() => original(reason));
    $('[part="logout"]')!.click();
    $('[part="logout"]')!.click();
    await el.updateComplete;
    expect(logouts).to.have.length(2);
    expect($('[part="logout"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($('[part="logout"] .spinner')!.getAttribute('aria-label')).to.equal('Logging out…');
    release();
    await until(() => sdk.state.station === null);
  });

  it('takes replacement strings', async () => {
    const { el, signIn, radios, send, text, summary } = await deskWithStationLogin();
    el.strings = { BROWSER: 'Navigateur', logIn: 'Connexion', team: 'Équipe' };
    await signIn();
    expect(radios()[0].closest('label')!.textContent!.trim()).to.equal('Navigateur');
    expect(text('[part="submit"]')).to.equal('Connexion');
    await send();
    expect(summary()).to.deep.equal([
      ['Équipe', 'Customer Support'],
      ['How you take calls', 'Navigateur'],
    ]);
  });

  it('passes axe in the dark scheme with a message shown', async () => {
    const { el, signIn, pick, typeDial, send, $ } = await deskWithStationLogin();
    el.style.setProperty('--cc-color-scheme', 'dark');
    await signIn();
    await pick('AGENT_DN');
    await typeDial('12');
    await send();
    expect($('[part="error"]')).to.exist;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});
