// Wrap-up progress, drafts kept over a reload, and where focus goes (issue 9, items 11 and 13).
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, until } from '../../helpers.js';
import { memoryStorage } from '../../desk-helpers.js';
import type { CcWrapup } from '../../../components/cc-wrapup/cc-wrapup.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { SimulatorServerOptions } from '../../../src/backends/simulator/server.js';

async function desk(template = html`<cc-sdk><cc-wrapup></cc-wrapup></cc-sdk>`, options: SimulatorServerOptions = {}) {
  const rig = await sdkFixture(template, options);
  const el = (rig.root.querySelector('cc-wrapup') ?? document.querySelector('cc-wrapup')) as CcWrapup;
  const $ = <E extends Element = HTMLElement>(s: string) => el.shadowRoot!.querySelector<E>(s);
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim();
  const ready = async () => {
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  };
  /** Chats the agent accepts and ends, so that `n` wrap-ups are owed together. */
  const owe = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      rig.server.offer({ mediaType: 'chat' });
      const id = rig.sdk.state.tasks.at(-1)!.id;
      await rig.sdk.request('cc-task-accept-request', { taskId: id });
      ids.push(id);
    }
    for (const id of ids) {
      rig.clock.advance(1000);
      await rig.sdk.request('cc-task-end-request', { taskId: id });
    }
    await el.updateComplete;
    return ids;
  };
  const submit = async (code = 'wrap-resolved') => {
    const select = $<HTMLSelectElement>('#code')!;
    select.value = code;
    select.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => Object.keys(rig.sdk.state.pending).length === 0);
    await el.updateComplete;
  };
  return { ...rig, el, $, text, ready, owe, submit };
}

describe('<cc-wrapup> progress', () => {
  it('counts progress through a batch: 1 of 3, 2 of 3, 3 of 3', async () => {
    const d = await desk();
    await d.ready();
    await d.owe(3);
    expect(d.text('[part="counter"]')).to.equal('1 of 3');
    await d.submit();
    expect(d.text('[part="counter"]')).to.equal('2 of 3');
    await d.submit();
    expect(d.text('[part="counter"]')).to.equal('3 of 3');
    await expect(d.el).to.be.accessible();
    await d.submit();
    expect(d.sdk.state.tasks).to.have.length(0);
  });
});

describe('<cc-wrapup> drafts', () => {
  // Before as well as after: a test file run earlier in the same tab (cc-wrapup.test.ts, with --concurrency=1)
  // may have left drafts of its own tasks behind, which the key count below would see.
  const forgetDrafts = () => {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('cc-elements:wrapup-draft:')) sessionStorage.removeItem(key);
  };
  beforeEach(forgetDrafts);
  afterEach(forgetDrafts);

  it('keeps half-typed notes and the code over a reload, by task id only, and forgets them once wrapped up', async () => {
    const clock = new ManualClock();
    const storage = memoryStorage();
    const first = await desk(html`<cc-sdk><cc-wrapup></cc-wrapup></cc-sdk>`, { clock, storage });
    await first.ready();
    const [taskId] = await first.owe(1);
    const select = first.$<HTMLSelectElement>('#code')!;
    select.value = 'wrap-followup';
    select.dispatchEvent(new Event('change'));
    const notes = first.$<HTMLTextAreaElement>('#notes')!;
    notes.focus();
    await sendKeys({ type: 'Customer will send the invoice' });
    const keys = Object.keys(sessionStorage).filter((k) => k.startsWith('cc-elements:'));
    expect(keys).to.deep.equal([`cc-elements:wrapup-draft:${taskId}`]);
    expect(JSON.parse(sessionStorage.getItem(keys[0])!)).to.deep.equal({ code: 'wrap-followup', notes: 'Customer will send the invoice' });
    expect(sessionStorage.getItem(keys[0])).to.not.contain('token');

    // The page reloads: a new desk on the same contact center, signed in again.
    first.sdk.remove();
    first.server.dispose?.();
    const second = await desk(html`<cc-sdk><cc-wrapup></cc-wrapup></cc-sdk>`, { clock, storage });
    await second.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await second.el.updateComplete;
    expect(second.$<HTMLTextAreaElement>('#notes')!.value).to.equal('Customer will send the invoice');
    expect(second.$<HTMLSelectElement>('#code')!.value).to.equal('wrap-followup');
    second.$<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => second.sdk.state.tasks.length === 0);
    await second.el.updateComplete;
    expect(sessionStorage.getItem(`cc-elements:wrapup-draft:${taskId}`)).to.equal(null);
  });
});

describe('<cc-wrapup> focus', () => {
  it('after the last wrap-up, focus stays in the widget on "All wrap-ups done", which is announced', async () => {
    const d = await desk();
    await d.ready();
    await d.owe(2);
    d.$<HTMLSelectElement>('#code')!.focus();
    await d.submit();
    expect(d.el.shadowRoot!.activeElement === d.$('#code'), 'focus').to.equal(true);
    d.$<HTMLSelectElement>('#code')!.focus();
    await d.submit();
    const done = d.$('[part="done"]')!;
    expect(done.textContent!.trim()).to.equal('All wrap-ups done.');
    expect(done.getAttribute('role')).to.equal('status');
    expect(d.el.hidden).to.equal(false);
    expect(document.activeElement === d.el, 'focus').to.equal(true);
    expect(d.el.shadowRoot!.activeElement === done, 'focus').to.equal(true);
    await expect(d.el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await d.el.updateComplete;
    expect(d.el.hidden).to.equal(true);
  });

  it('a wrap-up finished elsewhere (auto wrap-up, another widget) takes no focus', async () => {
    const d = await desk();
    await d.ready();
    const [taskId] = await d.owe(1);
    // The wrap-up took focus when it opened (focus was on the body); the agent has moved elsewhere since.
    expect(d.el.shadowRoot!.activeElement === d.$('#code'), 'focus on the code').to.equal(true);
    (d.el.shadowRoot!.activeElement as HTMLElement).blur();
    await d.sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: '' });
    await d.el.updateComplete;
    expect(d.el.hidden).to.equal(true);
    expect(!!d.$('[part="done"]')).to.equal(false);
  });
});

describe('<cc-wrapup> heading', () => {
  it('shows its heading once: one heading, its text once on screen, and no region that repeats it', async () => {
    const d = await desk();
    await d.ready();
    await d.owe(2);
    const title = d.text('h2')!;
    expect(title).to.match(/^Wrap up: Chat with /);
    expect(d.el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')).to.have.length(1);
    const seen = (d.$('[part="base"]')!.innerText.match(/Wrap up: /g) ?? []).length;
    expect(seen, 'times the heading text is on screen').to.equal(1);
    // What a screen reader says: the heading, not also a region named after it.
    const named = [...d.el.shadowRoot!.querySelectorAll('[aria-labelledby], [aria-label]')].filter(
      (e) => (e.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes('title') || (e.getAttribute('aria-label') ?? '').includes('Wrap up'),
    );
    expect(named, 'elements named after the heading').to.have.length(0);
    expect(d.text('[part="counter"]')).to.equal('1 of 2');
    await expect(d.el).to.be.accessible();
  });
});

describe('<cc-wrapup> focus when a wrap-up becomes owed', () => {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const onCall = async (d: Awaited<ReturnType<typeof desk>>) => {
    await d.ready();
    d.server.offer();
    const id = d.sdk.state.tasks.at(-1)!.id;
    await d.sdk.request('cc-task-accept-request', { taskId: id });
    await d.el.updateComplete;
    expect(d.el.hidden).to.equal(true);
    return id;
  };

  it('a call ended by keyboard (focus on End): the wrap-up appears with focus on its code', async () => {
    const d = await desk(html`<cc-sdk><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>`);
    await onCall(d);
    const panel = d.sdk.querySelector('cc-task-panel')!;
    await (panel as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="end"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !d.el.hidden && d.$('#code'));
    await until(() => d.el.shadowRoot!.activeElement === d.$('#code'));
    expect(document.activeElement === d.el, 'focus in the wrap-up').to.equal(true);
    expect(d.el.shadowRoot!.activeElement!.getAttribute('id')).to.equal('code');
    // The agent goes on by keyboard: a code, then Submit.
    await sendKeys({ press: 'ArrowDown' });
    await d.el.updateComplete;
    expect(d.$<HTMLSelectElement>('#code')!.value).to.equal('wrap-resolved');
  });

  it('a call that ends while focus is on the page body: focus goes to the code', async () => {
    const d = await desk();
    const id = await onCall(d);
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).to.equal(document.body);
    await d.sdk.request('cc-task-end-request', { taskId: id });
    await until(() => !d.el.hidden);
    await until(() => d.el.shadowRoot!.activeElement === d.$('#code'));
  });

  it('never takes focus from a field of the host page', async () => {
    const d = await desk(html`<div><input id="crm-note" aria-label="CRM note" /><cc-sdk><cc-wrapup></cc-wrapup></cc-sdk></div>`);
    const id = await onCall(d);
    const input = document.querySelector<HTMLInputElement>('#crm-note')!;
    input.focus();
    await sendKeys({ type: 'Caller asks' });
    await d.sdk.request('cc-task-end-request', { taskId: id });
    await until(() => !d.el.hidden);
    await d.el.updateComplete;
    await frames();
    expect(document.activeElement === input, 'focus stays in the host field').to.equal(true);
    await sendKeys({ type: ' for a refund' });
    expect(input.value).to.equal('Caller asks for a refund');
    expect(d.el.shadowRoot!.activeElement).to.equal(null);
  });
});
