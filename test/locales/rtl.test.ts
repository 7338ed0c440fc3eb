/**
 * Right to left: in Arabic every widget lays out from the right (its start edge), measured on screen, and the
 * same measures in English come out the other way round. Numbers keep their own order inside Arabic text;
 * the task tabs follow the arrow keys the way they run; the queue trend runs right to left.
 * (Screenshots: node scripts/locale-screenshots.mjs ar.)
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/all.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { sdkFixture, until } from '../helpers.js';

const WIDGETS = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup', 'cc-queue-stats', 'cc-agent-stats'];
type Widget = HTMLElement & { updateComplete: Promise<boolean>; shadowRoot: ShadowRoot };

async function desk(locale: string) {
  const sdkEl = document.createElement('cc-sdk');
  sdkEl.setAttribute('locale', locale);
  for (const tag of WIDGETS) sdkEl.append(document.createElement(tag));
  const rig = await sdkFixture(html`<div style="inline-size: 420px">${sdkEl}</div>`);
  const widget = (tag: string) => rig.sdk.querySelector(tag) as Widget;
  const $ = <E extends Element = HTMLElement>(tag: string, selector: string) => widget(tag).shadowRoot.querySelector<E>(selector);
  const settle = async () => {
    await until(() => Object.keys(rig.sdk.state.pending).length === 0, 3000, 'no pending request');
    for (const tag of WIDGETS) await widget(tag).updateComplete;
    for (const tag of WIDGETS) await widget(tag).updateComplete;
  };
  await settle();
  return { ...rig, widget, $, settle };
}

async function working(sdk: CcSdk, server: Awaited<ReturnType<typeof desk>>['server']) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  server.offer({ mediaType: 'telephony', ani: '+14155550142', customerName: 'Priya Raman' });
  const call = sdk.state.tasks[0].id;
  await sdk.request('cc-task-accept-request', { taskId: call });
  server.offer({ mediaType: 'chat' });
  const chat = sdk.state.tasks.find((t) => t.id !== call)!.id;
  await sdk.request('cc-task-accept-request', { taskId: chat });
  await sdk.request('cc-task-end-request', { taskId: chat });
  return { call, chat };
}

/** Where an element's text is drawn (not its box, which may span the line). */
const textBox = (el: Element | null | undefined) => {
  if (!el) throw new Error('no element to measure');
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect();
};

const box = (el: Element | null | undefined) => {
  if (!el) throw new Error('no element to measure');
  return el.getBoundingClientRect();
};

/** How the widgets lay out, measured: for each check, true when it starts on the right. */
async function layout(locale: string) {
  const { sdk, server, widget, $, settle } = await desk(locale);
  const signedOut = {
    // The token label starts at the input's start edge.
    authLabel: Math.abs(textBox($('cc-auth', 'label[for="token"]')).right - box($('cc-auth', '#token')).right) < 2,
  };
  const { call } = await working(sdk, server);
  const panel = widget('cc-task-panel');
  panel.shadowRoot.querySelector<HTMLElement>(`[role="tab"][data-task="${call}"]`)?.click();
  await settle();
  const buttons = [...panel.shadowRoot.querySelectorAll<HTMLElement>('[part~="task"] [part~="actions"] button')];
  const tabs = [...panel.shadowRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
  const wrapup = $('cc-wrapup', '[part="base"]')!;
  const base = box(panel.shadowRoot.querySelector('[part~="task"]'));
  return {
    dir: WIDGETS.map((tag) => getComputedStyle(widget(tag)).direction),
    ...signedOut,
    // The first control is right of the second, and starts at the task's right edge (its padding aside).
    firstControlOnTheRight: box(buttons[0]).right > box(buttons[1]).right,
    controlsFromTheRight: box(buttons[0]).left > base.left + base.width / 2,
    firstTabOnTheRight: box(tabs[0]).left > box(tabs[1]).left,
    // The wrap-up's accent edge (border-inline-start) is on the right.
    wrapupEdgeOnTheRight: parseFloat(getComputedStyle(wrapup).borderRightWidth) > parseFloat(getComputedStyle(wrapup).borderLeftWidth),
    sdk,
    panel,
    tabs,
  };
}

describe('right to left', () => {
  it('lays every widget out from the right in Arabic', async () => {
    const ar = await layout('ar');
    expect(ar.dir).to.deep.equal(WIDGETS.map(() => 'rtl'));
    expect(ar.sdk.querySelector('cc-task-panel')!.getAttribute('dir'), 'the widget says its direction').to.equal('rtl');
    expect({
      authLabel: ar.authLabel,
      firstControlOnTheRight: ar.firstControlOnTheRight,
      controlsFromTheRight: ar.controlsFromTheRight,
      firstTabOnTheRight: ar.firstTabOnTheRight,
      wrapupEdgeOnTheRight: ar.wrapupEdgeOnTheRight,
    }).to.deep.equal({ authLabel: true, firstControlOnTheRight: true, controlsFromTheRight: true, firstTabOnTheRight: true, wrapupEdgeOnTheRight: true });
    for (const tag of WIDGETS) await expect(ar.sdk.querySelector(tag)).to.be.accessible();
  });

  it('lays the same widgets out from the left in English (the measures tell the two apart)', async () => {
    const en = await layout('en');
    expect(en.dir).to.deep.equal(WIDGETS.map(() => 'ltr'));
    expect(en.sdk.querySelector('cc-task-panel')!.hasAttribute('dir')).to.equal(false);
    expect({
      authLabel: en.authLabel,
      firstControlOnTheRight: en.firstControlOnTheRight,
      controlsFromTheRight: en.controlsFromTheRight,
      firstTabOnTheRight: en.firstTabOnTheRight,
      wrapupEdgeOnTheRight: en.wrapupEdgeOnTheRight,
    }).to.deep.equal({
      authLabel: false,
      firstControlOnTheRight: false,
      controlsFromTheRight: false,
      firstTabOnTheRight: false,
      wrapupEdgeOnTheRight: false,
    });
  });

  it('follows <html lang="ar" dir="rtl"> with no attribute of its own, and an Arabic page without dir too', async () => {
    const root = document.documentElement;
    const [lang0, dir0] = [root.lang, root.dir];
    try {
      root.lang = 'ar';
      root.dir = 'rtl';
      const { widget } = await desk('');
      expect(getComputedStyle(widget('cc-task-panel')).direction).to.equal('rtl');
      expect(widget('cc-task-panel').hasAttribute('dir'), 'the page already gives it its direction').to.equal(false);
      expect(widget('cc-task-panel').shadowRoot.textContent).to.contain('ادخل إلى محطة عمل لتلقي المهام.');
      root.removeAttribute('dir');
      await until(() => getComputedStyle(widget('cc-task-panel')).direction === 'rtl' && widget('cc-task-panel').getAttribute('dir') === 'rtl', 2000, 'rtl without the page’s dir');
    } finally {
      root.lang = lang0;
      if (dir0) root.dir = dir0;
      else root.removeAttribute('dir');
    }
  });

  it('keeps a phone number in its own order inside Arabic, in network text and in sentences', async () => {
    const { sdk, server, widget, settle } = await desk('ar');
    const { call } = await working(sdk, server);
    await settle();
    const panel = widget('cc-task-panel').shadowRoot;
    panel.querySelector<HTMLElement>(`[role="tab"][data-task="${call}"]`)!.click();
    await settle();
    const ani = [...panel.querySelectorAll('bdi.net')].find((b) => b.textContent === '+14155550142');
    expect(ani, 'the caller number as network text').to.not.equal(undefined);
    expect(ani!.getAttribute('dir')).to.equal('ltr');
    const name = [...panel.querySelectorAll('bdi.net')].find((b) => /\p{L}/u.test(b.textContent ?? ''));
    expect(name?.hasAttribute('dir'), 'text with letters finds its own direction').to.equal(false);
    // In a sentence (the wrap-up's "Lasted {duration}"), a number is isolated left to right.
    const lasted = widget('cc-wrapup').shadowRoot.querySelector('.timer')?.textContent ?? '';
    expect(lasted).to.match(/^المدة: \u2066\d+:\d\d\u2069$/);
  });

  it('moves through the task tabs with the arrow keys the way they run', async () => {
    const { sdk, server, widget, settle } = await desk('ar');
    await sdk.request('cc-sign-in-request', { accessToken: 'token' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    for (const mediaType of ['telephony', 'chat', 'email'] as const) {
      server.offer({ mediaType });
      const offered = sdk.state.tasks.find((t) => t.state === 'offered');
      if (!offered) throw new Error(`no ${mediaType} offer: ${sdk.state.tasks.map((t) => t.state).join()}`);
      await sdk.request('cc-task-accept-request', { taskId: offered.id });
    }
    await settle();
    const panel = widget('cc-task-panel');
    // The tabs in their order, which runs from the right.
    const tabs = [...panel.shadowRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs).to.have.length(3);
    expect(box(tabs[0]).left).to.be.greaterThan(box(tabs[1]).left);
    tabs[0].focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle();
    expect(panel.shadowRoot.activeElement, 'ArrowLeft goes to the next tab, on its left').to.equal(tabs[1]);
    await sendKeys({ press: 'ArrowLeft' });
    await settle();
    expect(panel.shadowRoot.activeElement).to.equal(tabs[2]);
    await sendKeys({ press: 'ArrowRight' });
    await settle();
    expect(panel.shadowRoot.activeElement, 'ArrowRight goes back to the right').to.equal(tabs[1]);
  });

  it('runs the queue trend right to left', async () => {
    const { sdk, server, widget, settle } = await desk('ar');
    await working(sdk, server);
    await settle();
    const trend = widget('cc-queue-stats').shadowRoot.querySelector('[part="trend"]')!;
    expect(getComputedStyle(trend).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    const en = await desk('en');
    await working(en.sdk, en.server);
    await en.settle();
    expect(getComputedStyle(en.widget('cc-queue-stats').shadowRoot.querySelector('[part="trend"]')!).transform).to.equal('none');
  });
});
