import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, detailsOf, until } from '../../helpers.js';
import '../../../define/cc-wrapup.js';
import type { CcWrapup } from '../../../components/cc-wrapup/cc-wrapup.js';
import type { RequestDetails } from '../../../src/events/events.js';
import type { SimulatorServerOptions } from '../../../src/backends/simulator/server.js';
import { simulatorProfile } from '../../../src/backends/simulator/data.js';

async function deskWithWrapup(options: SimulatorServerOptions = {}) {
  const rig = await sdkFixture(html`<cc-sdk><cc-wrapup></cc-wrapup></cc-sdk>`, options);
  const { sdk, server, clock } = rig;
  const el = sdk.querySelector('cc-wrapup') as CcWrapup;
  await el.updateComplete;
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const live = () => $('[role="status"]')!.textContent!.trim();
  const code = () => $<HTMLSelectElement>('[part="code"]');
  const notes = () => $<HTMLTextAreaElement>('[part="notes"]');
  const submit = () => $<HTMLButtonElement>('[part="submit"]');
  const requests: RequestDetails['cc-wrapup-request'][] = [];
  el.addEventListener('cc-wrapup-request', (e) => requests.push(e.detail));
  const ready = async () => {
    await sdk.request('cc-sign-in-request', { accessToken: 'token' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  };
  /** Offers a task, accepts it, and ends it after `lastMs`; returns its id. */
  const handle = async (mediaType: 'telephony' | 'chat' = 'telephony', lastMs = 0) => {
    const before = new Set(sdk.state.tasks.map((t) => t.id));
    server.offer({ mediaType });
    const taskId = sdk.state.tasks.find((t) => !before.has(t.id))!.id;
    await sdk.request('cc-task-accept-request', { taskId });
    clock.advance(lastMs);
    return taskId;
  };
  const end = async (taskId: string) => {
    await sdk.request('cc-task-end-request', { taskId });
    await el.updateComplete;
  };
  const choose = async (value: string) => {
    code()!.value = value;
    code()!.dispatchEvent(new Event('change'));
    await el.updateComplete;
  };
  const send = async () => {
    submit()!.click();
    await until(() => Object.keys(sdk.state.pending).length === 0);
    await el.updateComplete;
  };
  return { ...rig, el, $, text, live, code, notes, submit, requests, ready, handle, end, choose, send };
}

describe('<cc-wrapup>', () => {
  it('is hidden while no wrap-up is owed', async () => {
    const { el, ready, handle, $ } = await deskWithWrapup();
    expect(el.hidden).to.equal(true);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect($('form')).to.equal(null);
    await expect(el).to.be.accessible();
    await ready();
    await handle();
    await el.updateComplete;
    expect(el.hidden).to.equal(true);
    expect($('form')).to.equal(null);
  });

  it('shows the ended task with a code picker and notes, and announces it', async () => {
    const { el, ready, handle, end, text, code, notes, submit, live, $ } = await deskWithWrapup();
    await ready();
    const taskId = await handle('telephony', 125_000);
    await end(taskId);
    expect(el.hidden).to.equal(false);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(text('.title')).to.equal('Wrap up: Call with Priya Raman');
    expect(text('[part="details"]')).to.equal('+14155550142 Lasted 2:05');
    expect($('[part="counter"]')).to.equal(null);
    expect($('[part="timer"]')).to.equal(null);
    expect([...code()!.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Choose a code',
      'Resolved',
      'Follow-up needed',
      'Escalated',
      'Sale made',
      'Wrong number',
    ]);
    expect(code()!.value).to.equal('');
    expect(code()!.getAttribute('aria-required')).to.equal('true');
    expect(el.shadowRoot!.querySelector('label[for="notes"]')!.textContent!.trim()).to.equal('Notes (optional)');
    expect(notes()!.value).to.equal('');
    expect(submit()!.textContent!.trim()).to.equal('Submit');
    await until(() => live() === 'Wrap-up needed: Call with Priya Raman.');
    await expect(el).to.be.accessible();
  });

  it('requires a code: a message by the picker and no request', async () => {
    const { el, ready, handle, end, send, requests, text, code, choose, sdk } = await deskWithWrapup();
    await ready();
    const taskId = await handle();
    await end(taskId);
    await send();
    expect(requests).to.deep.equal([]);
    expect(text('[part="error"]')).to.equal('Choose a wrap-up code.');
    expect($role(el, '[part="error"]')).to.equal('alert');
    expect(code()!.getAttribute('aria-invalid')).to.equal('true');
    expect(code()!.getAttribute('aria-describedby')).to.equal('code-error');
    expect(el.shadowRoot!.activeElement).to.equal(code());
    expect(sdk.state.tasks[0].state).to.equal('wrapup');
    await expect(el).to.be.accessible();
    await choose('wrap-followup');
    expect(text('[part="error"]')).to.equal(undefined);
    expect(code()!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('sends the code and notes, by keyboard alone', async () => {
    const { el, ready, handle, end, requests, code, names, events, sdk } = await deskWithWrapup();
    await ready();
    const taskId = await handle();
    await end(taskId);
    code()!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(code()!.value).to.equal('wrap-followup');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Customer will call back about the refund.  ' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.have.attribute('part', 'submit');
    await sendKeys({ press: 'Enter' });
    await until(() => sdk.state.tasks.length === 0);
    await el.updateComplete;
    expect(requests).to.deep.equal([{ taskId, auxCodeId: 'wrap-followup', notes: 'Customer will call back about the refund.' }]);
    expect(names()).to.include('cc-task-wrapup');
    expect(detailsOf(events, 'cc-task-wrapup').at(-1)).to.include({ auxCodeId: 'wrap-followup', notes: 'Customer will call back about the refund.' });
    // The last one done from the keyboard: focus stays in the widget, on what says so (issue 9, item 11);
    // the widget hides once focus moves on.
    expect(el.shadowRoot!.activeElement).to.have.attribute('part', 'done');
    el.shadowRoot!.querySelector<HTMLElement>('[part="done"]')!.blur();
    await el.updateComplete;
    expect(el.hidden).to.equal(true);
  });

  it('sends nothing to the backend when the page cancels the request', async () => {
    const { el, ready, handle, end, choose, send, requests, names, sdk } = await deskWithWrapup();
    await ready();
    const taskId = await handle();
    await end(taskId);
    el.addEventListener('cc-wrapup-request', (e) => e.preventDefault());
    await choose('wrap-resolved');
    await send();
    expect(requests).to.have.length(1);
    expect(names()).not.to.include('cc-task-wrapup');
    expect(sdk.state.tasks.map((t) => t.state)).to.deep.equal(['wrapup']);
    expect(el.hidden).to.equal(false);
  });

  it('shows progress while submitting, and a double click sends one request', async () => {
    const { el, ready, handle, end, choose, submit, backend, requests, sdk } = await deskWithWrapup();
    await ready();
    const taskId = await handle();
    await end(taskId);
    await choose('wrap-resolved');
    let release!: () => void;
    let calls = 0;
    const original = backend.wrapup.bind(backend);
    backend.wrapup = (id, args) => {
      calls++;
      return new Promise<void>((r) => (release = r)).then(() => original(id, args));
    };
    submit()!.click();
    submit()!.click();
    await el.updateComplete;
    expect(submit()!.getAttribute('aria-disabled')).to.equal('true');
    expect(submit()!.querySelector('.spinner')!.getAttribute('aria-label')).to.equal('Submitting…');
    await expect(el).to.be.accessible();
    submit()!.click();
    expect(requests).to.have.length(1);
    expect(calls).to.equal(1);
    release();
    await until(() => sdk.state.tasks.length === 0);
    await el.updateComplete;
    // The wrap-up took focus when it opened (the call ended with focus on the page), so the last one done says so
    // and keeps focus (issue 9, item 11) instead of hiding at once.
    expect(el.shadowRoot!.querySelector('[part="done"]')?.textContent?.trim()).to.equal('All wrap-ups done.');
  });

  it("shows the backend's refusal by the button, keeps the input, and retries", async () => {
    const { el, ready, handle, end, choose, send, server, text, submit, sdk, code, notes } = await deskWithWrapup();
    await ready();
    const taskId = await handle();
    await end(taskId);
    await choose('wrap-escalated');
    notes()!.value = 'Escalated to tier 2';
    notes()!.dispatchEvent(new Event('input'));
    server.failNext({ action: 'wrapup', code: 'backend-error', message: 'The wrap-up service is not answering.' });
    await send();
    expect(text('[part="error"]')).to.equal('The wrap-up service is not answering.');
    expect(submit()!.getAttribute('aria-describedby')).to.equal('wrapup-error');
    expect(sdk.state.tasks.map((t) => t.id)).to.deep.equal([taskId]);
    expect(code()!.value).to.equal('wrap-escalated');
    expect(notes()!.value).to.equal('Escalated to tier 2');
    await expect(el).to.be.accessible();
    await send();
    expect(sdk.state.tasks).to.have.length(0);
    // The wrap-up took focus when it opened (the call ended with focus on the page), so the last one done says so
    // and keeps focus (issue 9, item 11) instead of hiding at once.
    expect(el.shadowRoot!.querySelector('[part="done"]')?.textContent?.trim()).to.equal('All wrap-ups done.');
  });

  it('shows a refused code by the picker', async () => {
    const { el, ready, handle, end, choose, send, server, text, code, sdk } = await deskWithWrapup();
    await ready();
    await end(await handle());
    await choose('wrap-sale');
    server.failNext({ action: 'wrapup', code: 'invalid-request', message: 'Sale made is not a code of this queue.' });
    await send();
    expect(text('[part="error"]')).to.equal('Sale made is not a code of this queue.');
    expect(code()!.getAttribute('aria-invalid')).to.equal('true');
    expect(code()!.getAttribute('aria-describedby')).to.equal('code-error');
    expect(sdk.state.tasks).to.have.length(1);
    await expect(el).to.be.accessible();
    await choose('wrap-resolved');
    await send();
    expect(sdk.state.tasks).to.have.length(0);
  });

  it('handles several wrap-ups in turn, the first ended first', async () => {
    const { el, ready, handle, end, choose, send, requests, text, code, notes, clock, live, $ } = await deskWithWrapup();
    await ready();
    const first = await handle('chat');
    const second = await handle('chat');
    // The later offer ends first, so it is wrapped up first.
    clock.advance(30_000);
    await end(second);
    clock.advance(10_000);
    await end(first);
    await until(() => live().startsWith('Wrap-up needed: Chat with'));
    expect(text('[part="counter"]')).to.equal('1 of 2');
    expect(text('.title')).to.equal('Wrap up: Chat with Marcus Oyelaran');
    expect(text('[part="details"]')).to.equal('@marcus.o Lasted 0:30');
    // The heading is said once: the panel takes no name from it (issue 9, item 13).
    expect($('[part="base"]')!.hasAttribute('aria-labelledby')).to.equal(false);
    await expect(el).to.be.accessible();
    await choose('wrap-sale');
    notes()!.value = 'Upgraded plan';
    notes()!.dispatchEvent(new Event('input'));
    await send();
    expect(requests).to.deep.equal([{ taskId: second, auxCodeId: 'wrap-sale', notes: 'Upgraded plan' }]);
    // The next one starts afresh.
    expect(el.hidden).to.equal(false);
    expect(text('.title')).to.equal('Wrap up: Chat with Priya Raman');
    // Progress through the batch, not what remains (issue 9, item 13).
    expect(text('[part="counter"]')).to.equal('2 of 2');
    expect(code()!.value).to.equal('');
    expect(notes()!.value).to.equal('');
    await choose('wrap-resolved');
    await send();
    expect(requests.at(-1)).to.deep.equal({ taskId: first, auxCodeId: 'wrap-resolved', notes: '' });
    // The wrap-up took focus when it opened (the call ended with focus on the page), so the last one done says so
    // and keeps focus (issue 9, item 11) instead of hiding at once.
    expect(el.shadowRoot!.querySelector('[part="done"]')?.textContent?.trim()).to.equal('All wrap-ups done.');
  });

  it('counts down to the automatic wrap-up, which then takes the panel away', async () => {
    const { el, ready, handle, end, text, clock, events, requests } = await deskWithWrapup({
      profile: { ...simulatorProfile, autoWrapupSeconds: 30 },
    });
    await ready();
    const taskId = await handle();
    await end(taskId);
    expect(text('[part="timer"]')).to.equal('Wrapping up automatically in 0:30');
    await expect(el).to.be.accessible();
    clock.advance(3_000);
    await el.updateComplete;
    expect(text('[part="timer"]')).to.equal('Wrapping up automatically in 0:27');
    clock.advance(27_000);
    await el.updateComplete;
    // The wrap-up took focus when it opened (the call ended with focus on the page), so the last one done says so
    // and keeps focus (issue 9, item 11) instead of hiding at once.
    expect(el.shadowRoot!.querySelector('[part="done"]')?.textContent?.trim()).to.equal('All wrap-ups done.');
    expect(requests).to.deep.equal([]);
    expect(detailsOf(events, 'cc-task-wrapup').at(-1)).to.include({ auxCodeId: 'wrap-resolved', notes: 'Wrapped up automatically' });
  });

  it('shows a wrap-up owed when the customer hangs up, by number when the name is unknown', async () => {
    const { el, ready, sdk, server, text } = await deskWithWrapup();
    await ready();
    server.offer({ mediaType: 'telephony', ani: '+14155550999' });
    const taskId = sdk.state.tasks[0].id;
    await sdk.request('cc-task-accept-request', { taskId });
    server.customerHangup(taskId);
    await el.updateComplete;
    expect(text('.title')).to.equal('Wrap up: Call with +14155550999');
    expect(text('[part="details"]')).to.equal('Lasted 0:00');
  });

  it('takes replacement strings', async () => {
    const { el, ready, handle, end, text, code } = await deskWithWrapup();
    el.strings = { title: 'Abschluss: {media} mit {who}', telephony: 'Anruf', chooseCode: 'Code wählen', submit: 'Senden' };
    await ready();
    await end(await handle());
    expect(text('.title')).to.equal('Abschluss: Anruf mit Priya Raman');
    expect(code()!.options[0].textContent!.trim()).to.equal('Code wählen');
    expect(text('[part="submit"]')).to.equal('Senden');
  });

  it('passes axe in the dark scheme with the countdown and a message shown', async () => {
    const { el, ready, handle, end, send, $ } = await deskWithWrapup({ profile: { ...simulatorProfile, autoWrapupSeconds: 30 } });
    el.style.setProperty('--cc-color-scheme', 'dark');
    await ready();
    await end(await handle());
    await send();
    expect($('[part="timer"]')).to.exist;
    expect($('[part="error"]')).to.exist;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});

function $role(el: HTMLElement, selector: string): string | null {
  return el.shadowRoot!.querySelector(selector)!.getAttribute('role');
}
