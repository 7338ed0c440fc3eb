/**
 * The kit under the strictest Content-Security-Policy a simulator page can have (test/csp/strict.html:
 * `default-src 'none'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`), loaded
 * from the CDN build (`npm test` builds /dist/cdn/ when it is missing or stale). The agent's whole call runs
 * and every widget renders, styled, with no violation reported.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';
import { expectTrustedTypesEnforced } from '../csp/desk-frame.js';

interface FrameSdk extends HTMLElement {
  desk: { backend: { name: string } | null };
  state: { tasks: readonly { id: string; state: string }[]; pending: Record<string, boolean>; errors: Record<string, { code: string }> };
  simulator: { offer(spec: object): void; failNext(fault: object): void } | null;
  request(name: string, detail: unknown): Promise<boolean>;
}

const TAGS = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('a page with a strict CSP and Trusted Types', () => {
  it('runs the kit on the simulator: sign-in, a call, a refused action, wrap-up; no violation', async function () {
    this.timeout(30000);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 900px; border: 0';
    frame.src = '/test/csp/strict.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    try {
      const win = frame.contentWindow as Window & typeof globalThis & { cspViolations: string[] };
      const doc = frame.contentDocument!;
      await expectTrustedTypesEnforced(win, doc);

      await until(() => TAGS.every((t) => win.customElements.get(t)), 10000, 'every tag defined');
      const sdk = doc.getElementById('desk') as FrameSdk;
      await until(() => sdk.simulator, 10000, 'the simulator');
      const widget = (tag: string) => doc.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      const settle = async () => {
        await until(() => Object.keys(sdk.state.pending).length === 0, 5000, 'no request under way');
        for (let i = 0; i < 3; i++) {
          await Promise.all(TAGS.slice(1).map((t) => widget(t).updateComplete));
          await new Promise((r) => setTimeout(r, 0));
        }
      };
      const click = async (tag: string, label: RegExp) => {
        const all = [...widget(tag).shadowRoot!.querySelectorAll('button')];
        const button = all.find((b) => label.test(squash(b.textContent)));
        if (!button) throw new Error(`no button ${label} in <${tag}>: ${all.map((b) => squash(b.textContent)).join(', ')}`);
        button.click();
        await settle();
      };

      // Styled: the widgets' own styles apply (constructable style sheets need no style-src).
      expect(win.getComputedStyle(widget('cc-auth')).display).to.equal('block');

      // Sign in through the form.
      const token = widget('cc-auth').shadowRoot!.querySelector('input')!;
      token.value = 'csp-token';
      token.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await click('cc-auth', /^Sign in$/);
      await until(() => (sdk as unknown as { state: { session: { status: string } } }).state.session.status === 'signed-in', 5000, 'signed in');
      await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
      await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
      await settle();

      // A call with text from the network (a name with markup in it: shown as text).
      sdk.simulator!.offer({ ani: '+14155550142', customerName: '<img src=x onerror=alert(1)>Ann' });
      await until(() => sdk.state.tasks.length === 1, 5000, 'the offer');
      await settle();
      await click('cc-task-panel', /^Accept\b/);
      expect(squash(widget('cc-task-panel').shadowRoot!.textContent)).to.contain('<img src=x onerror=alert(1)>Ann');
      expect(widget('cc-task-panel').shadowRoot!.querySelector('img')).to.equal(null);
      // A refused action shows its message.
      sdk.simulator!.failNext({ action: 'hold', code: 'rejected', message: 'Hold is not allowed now.' });
      await click('cc-task-panel', /^Hold$/);
      expect(squash(widget('cc-task-panel').shadowRoot!.textContent)).to.contain('Hold is not allowed now.');
      await click('cc-task-panel', /^End( call)?$/);
      const wrapup = widget('cc-wrapup');
      expect(wrapup.hidden).to.equal(false);
      const select = wrapup.shadowRoot!.querySelector('select')!;
      select.value = [...select.options].find((o) => o.value)!.value;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await settle();
      await click('cc-wrapup', /Submit/);
      expect(sdk.state.tasks).to.deep.equal([]);

      await new Promise((r) => setTimeout(r, 100));
      expect(win.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
