// Stopping the automatic wrap-up (issue 12, item 4): the countdown comes with a button that stops it where the
// backend can; once stopped, nothing wraps the task up but the agent. Run on the simulator (its auto wrap-up
// timer on the simulator's clock); the same on the real Webex SDK is in test/backends/webex/wrapup-real-sdk.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-sdk.js';
import '../../../define/cc-wrapup.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import type { CcWrapup } from '../../../components/cc-wrapup/cc-wrapup.js';
import { simulatorProfile } from '../../../src/backends/simulator/data.js';
import { detailsOf, recordOutcomes, rig, until } from '../../helpers.js';

async function wrapupDesk({ canStop = true } = {}) {
  const r = rig({ profile: { ...simulatorProfile, autoWrapupSeconds: 30 } });
  // A backend without the method cannot stop an automatic wrap-up: the kit turns the capability off.
  if (!canStop) Object.defineProperty(r.backend, 'cancelAutoWrapup', { value: undefined });
  const sdk = await fixture<CcSdk>(html`<cc-sdk><cc-wrapup></cc-wrapup></cc-sdk>`);
  sdk.backend = r.backend;
  await until(() => sdk.desk.backend === r.backend);
  const events = recordOutcomes(sdk);
  const el = sdk.querySelector('cc-wrapup') as CcWrapup;
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const requests: unknown[] = [];
  el.addEventListener('cc-task-auto-wrapup-cancel-request', (e) => requests.push(e.detail));
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  r.server.offer({ mediaType: 'telephony' });
  const taskId = sdk.state.tasks[0].id;
  await sdk.request('cc-task-accept-request', { taskId });
  await sdk.request('cc-task-end-request', { taskId });
  await el.updateComplete;
  return { ...r, sdk, el, $, text, events, requests, taskId };
}

describe('<cc-wrapup>: stopping the automatic wrap-up', () => {
  it('the agent stops the countdown from the keyboard: the request goes out, the countdown goes, focus stays in the form, and nothing wraps the task up', async () => {
    const d = await wrapupDesk();
    expect(d.text('[part="timer"]')).to.equal('Wrapping up automatically in 0:30');
    const stop = d.$<HTMLButtonElement>('[part="stop-auto-wrapup"]')!;
    expect(stop.textContent!.trim()).to.equal("Don't wrap up automatically");
    await expect(d.el).to.be.accessible();
    stop.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => d.sdk.state.tasks[0]?.autoWrapupAt === null, 2000, 'the countdown stopped');
    await d.el.updateComplete;
    expect(d.requests).to.deep.equal([{ taskId: d.taskId }]);
    expect(d.$('[part="timer"]')).to.equal(null);
    expect(d.$('[part="stop-auto-wrapup"]')).to.equal(null);
    expect(d.el.shadowRoot!.activeElement?.id).to.equal('code');
    expect(d.el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('Automatic wrap-up stopped. Wrap up when you are ready.');
    // Long past the 30 s: still owed, never wrapped up by itself.
    d.clock.advance(120_000);
    await d.el.updateComplete;
    expect(d.sdk.state.tasks.map((t) => t.state)).to.deep.equal(['wrapup']);
    expect(detailsOf(d.events, 'cc-task-wrapup')).to.deep.equal([]);
    await expect(d.el).to.be.accessible();
    // The agent wraps it up when ready.
    const code = d.$<HTMLSelectElement>('[part="code"]')!;
    code.value = 'wrap-resolved';
    code.dispatchEvent(new Event('change'));
    d.$<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => detailsOf(d.events, 'cc-task-wrapup').length === 1, 2000, 'the wrap-up');
    expect(detailsOf(d.events, 'cc-task-wrapup')[0]).to.include({ auxCodeId: 'wrap-resolved', notes: '' });
  });

  it('shows the pending state while stopping, and a refusal next to the button', async () => {
    const d = await wrapupDesk();
    d.server.failNext({ action: 'cancelAutoWrapup', code: 'rejected', message: 'The wrap-up timer could not be stopped.' });
    d.$<HTMLButtonElement>('[part="stop-auto-wrapup"]')!.click();
    await d.el.updateComplete;
    await until(() => Object.keys(d.sdk.state.pending).length === 0, 2000, 'the refusal');
    await d.el.updateComplete;
    const button = d.$<HTMLButtonElement>('[part="stop-auto-wrapup"]')!;
    expect(d.text('#stop-error')).to.equal('The wrap-up timer could not be stopped.');
    expect(button.getAttribute('aria-describedby')).to.equal('stop-error');
    // Still counting down: the refusal left it as it was.
    expect(d.text('[part="timer"]')).to.equal('Wrapping up automatically in 0:30');
    await expect(d.el).to.be.accessible();
  });

  it('a backend that cannot stop it shows the countdown without the button, and refuses a script asking', async () => {
    const d = await wrapupDesk({ canStop: false });
    expect(d.text('[part="timer"]')).to.equal('Wrapping up automatically in 0:30');
    expect(d.$('[part="stop-auto-wrapup"]')).to.equal(null);
    await d.sdk.request('cc-task-auto-wrapup-cancel-request', { taskId: d.taskId });
    const refusal = d.sdk.state.errors[`cc-task-auto-wrapup-cancel-request:${d.taskId}`];
    expect(refusal?.code).to.equal('unsupported');
    d.clock.advance(30_000);
    await until(() => detailsOf(d.events, 'cc-task-wrapup').length === 1, 2000, 'the automatic wrap-up');
  });

  it('a task with no automatic wrap-up running has nothing to stop', async () => {
    const d = await wrapupDesk();
    await d.sdk.request('cc-task-auto-wrapup-cancel-request', { taskId: d.taskId });
    await d.sdk.request('cc-task-auto-wrapup-cancel-request', { taskId: d.taskId });
    expect(d.sdk.state.errors[`cc-task-auto-wrapup-cancel-request:${d.taskId}`]).to.deep.include({
      code: 'invalid-state',
      message: 'There is no automatic wrap-up to stop.',
    });
  });
});
