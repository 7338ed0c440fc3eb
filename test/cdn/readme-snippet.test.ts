/**
 * The README's embed example, run as pasted: the test reads the first ```html block of "## Embed it" from
 * README.md (so it fails when the README drifts), points its two CDN URLs at the CDN build (`npm test` builds
 * /dist/cdn/ when it is missing or stale), and loads it in a page of its own against the simulator. A call is
 * offered, pops the record, is answered and ended through the task panel; the wrap-up shows and is submitted,
 * and the page logs the call. An outbound call pops its record; after a reload the restored call pops it again.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';

const CDN = 'https://your.cdn/cc-elements@0.1.0/cdn/';

interface FrameSdk extends HTMLElement {
  desk: { backend: { name: string } | null };
  state: { tasks: readonly { id: string; state: string }[]; pending: Record<string, boolean> };
  simulator: { offer(spec: object): void; dispose(): void } | null;
  request(name: string, detail: unknown): Promise<boolean>;
}

/** The README's embed example, as written there. */
async function readmeSnippet(): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf('## Embed it'));
  const block = /```html\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('README.md has no ```html block under "## Embed it"');
  return block[1];
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Loads `html` in a page of its own (same origin, so sessionStorage is shared as on a reload). */
async function openPage(html: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 900px; border: 0';
  frame.srcdoc = html;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const sdk = doc.getElementById('desk') as FrameSdk;
  const tags = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
  await until(() => tags.every((t) => win.customElements.get(t)), 10000, 'every tag defined');
  await until(() => sdk.simulator, 10000, 'the simulator backend');
  const logged: unknown[][] = [];
  const log = win.console.log.bind(win.console);
  win.console.log = (...args: unknown[]) => {
    logged.push(args);
    log(...args);
  };
  const widget = (tag: string) => doc.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> };
  const settle = async () => {
    await until(() => Object.keys(sdk.state.pending).length === 0, 5000, 'no request under way');
    for (let i = 0; i < 3; i++) {
      await Promise.all(tags.slice(1).map((t) => widget(t).updateComplete));
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  const buttons = (tag: string) => [...widget(tag).shadowRoot!.querySelectorAll('button')];
  const click = async (tag: string, label: RegExp) => {
    const button = buttons(tag).find((b) => label.test(squash(b.textContent)));
    if (!button) throw new Error(`no button ${label} in <${tag}>: ${buttons(tag).map((b) => squash(b.textContent)).join(', ')}`);
    button.click();
    await settle();
  };
  const record = () => (doc.getElementById('record') as HTMLOutputElement).value;
  return { frame, win, doc, sdk, widget, settle, click, record, logged, close: () => frame.remove() };
}

async function signInAndAvailable(sdk: FrameSdk) {
  await sdk.request('cc-sign-in-request', { accessToken: 'readme-token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

/** Whether a user can see the element: rendered, with a size, not hidden by the page or itself. */
function seen(el: HTMLElement): boolean {
  const box = el.getBoundingClientRect();
  return !el.hidden && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && box.width > 0 && box.height > 0;
}

describe('README: the embed example', () => {
  let snippet = '';
  before(async () => {
    snippet = await readmeSnippet();
  });

  it('loads the kit from the CDN folder: the entry and the simulator file', () => {
    expect(snippet).to.contain(`src="${CDN}cc-elements.js"`);
    expect(snippet).to.contain(`href="${CDN}simulator.js"`);
  });

  it('works as pasted: a call pops the record, is answered and ended, and its wrap-up shows and is submitted', async function () {
    this.timeout(30000);
    const page = await openPage(snippet.replaceAll(CDN, '/dist/cdn/'));
    try {
      const { sdk, widget, click, record, logged, settle } = page;
      expect(record()).to.equal('none open');
      await signInAndAvailable(sdk);
      sdk.simulator!.offer({ ani: '+14155550142' });
      await until(() => sdk.state.tasks.length === 1, 5000, 'the offer');
      await settle();
      expect(record(), 'screen pop on the offer').to.equal('Priya Raman (+14155550142)');

      await click('cc-task-panel', /^Accept\b/);
      expect(sdk.state.tasks[0].state).to.equal('connected');
      const wrapup = widget('cc-wrapup');
      expect(seen(wrapup), 'no wrap-up during the call').to.equal(false);
      await click('cc-task-panel', /^End( call)?$/);
      expect(sdk.state.tasks[0].state).to.equal('wrapup');

      // The wrap-up is on screen, where the agent can reach it.
      expect(seen(wrapup), 'the wrap-up is visible').to.equal(true);
      const select = wrapup.shadowRoot!.querySelector('select')!;
      expect(seen(select)).to.equal(true);
      select.value = [...select.options].find((o) => o.value)!.value;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      const notes = wrapup.shadowRoot!.querySelector('textarea')!;
      notes.value = 'Billing question answered';
      notes.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await settle();
      await click('cc-wrapup', /Submit/);
      expect(sdk.state.tasks).to.deep.equal([]);
      expect(seen(wrapup), 'the wrap-up goes away once submitted').to.equal(false);
      const log = logged.find((args) => args[0] === 'call log');
      expect(log, 'the page logged the call').to.exist;
      expect(log!.slice(2)).to.deep.equal(['+14155550142', select.value, 'Billing question answered']);
    } finally {
      page.close();
    }
  });

  it('pops the record for an outbound call, and not for a premium-rate number the page vetoes', async function () {
    this.timeout(30000);
    const page = await openPage(snippet.replaceAll(CDN, '/dist/cdn/'));
    try {
      const { sdk, record } = page;
      await signInAndAvailable(sdk);
      expect(await sdk.request('cc-outdial-request', { number: '+19005550100' }), 'vetoed').to.equal(false);
      expect(sdk.state.tasks).to.deep.equal([]);
      await sdk.request('cc-outdial-request', { number: '+442071838750' });
      await until(() => sdk.state.tasks.length === 1, 5000, 'the outbound call');
      expect(record()).to.equal('Marcus Oyelaran (+442071838750)');
    } finally {
      page.close();
    }
  });

  it('pops the record again for the call a reload restores (cc-task-hydrate)', async function () {
    this.timeout(30000);
    // The simulator forgets everything on a reload unless it keeps its contact center in sessionStorage.
    const key = `readme-${Date.now()}`;
    const html = snippet.replaceAll(CDN, '/dist/cdn/').replace('<cc-sdk id="desk"', `<cc-sdk id="desk" persist="${key}"`);
    expect(html).to.contain(`persist="${key}"`);
    const first = await openPage(html);
    await signInAndAvailable(first.sdk);
    first.sdk.simulator!.offer({ ani: '+4930123456789' });
    await until(() => first.sdk.state.tasks.length === 1, 5000, 'the offer');
    await first.sdk.request('cc-task-accept-request', { taskId: first.sdk.state.tasks[0].id });
    first.close();

    const second = await openPage(html);
    try {
      expect(second.record()).to.equal('none open');
      await second.sdk.request('cc-sign-in-request', { accessToken: 'readme-token' });
      await until(() => second.sdk.state.tasks.length === 1, 5000, 'the restored call');
      expect(second.sdk.state.tasks[0].state).to.equal('connected');
      expect(second.record()).to.equal('Lena Fischer (+4930123456789)');
    } finally {
      second.close();
      sessionStorage.removeItem(`cc-elements-simulator:${key}`);
    }
  });
});
