/**
 * The desk on TCCC under a strict Content-Security-Policy with Trusted Types, from the CDN build (`npm test`
 * builds /dist/cdn/ when it is missing or stale): what the README says a page must allow for TCCC is enough (no
 * violation through a call), and each piece of it is needed (without it the sign-in says what is missing).
 */
import { expect } from '@open-wc/testing';
import { until } from '../../helpers-no-define.js';
import { TcccSite } from '../../tccc-double/client.js';

interface FrameSdk extends HTMLElement {
  state: { session: { status: string }; tasks: readonly { id: string; state: string }[]; errors: Record<string, { code: string; message: string }> };
  request(name: string, detail: unknown): Promise<boolean>;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

let site: TcccSite | null = null;
let frame: HTMLIFrameElement | null = null;

afterEach(async () => {
  frame?.remove();
  frame = null;
  await site?.close();
  site = null;
});

/** A page under `policy`, with the desk on TCCC (the double's sign-in route); its window once every tag is defined. */
async function pageUnder(policyOf: (origin: string) => string) {
  site = await TcccSite.create();
  const policy = policyOf(site.info.origin);
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 900px; border: 0';
  frame.srcdoc = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}">
<title>cc-elements on TCCC under a strict CSP</title>
<script src="/test/csp/violations.js"></script>
<script type="module" src="/dist/cdn/cc-elements.js"></script>
</head><body>
<cc-sdk id="desk" backend="tccc" sdk-url-endpoint="${site.endpoint}"><cc-auth></cc-auth><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>
</body></html>`;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis & { cspViolations: string[] };
  const doc = frame.contentDocument!;
  await until(() => ['cc-sdk', 'cc-auth', 'cc-task-panel', 'cc-wrapup'].every((t) => win.customElements.get(t)), 10000, 'every tag defined');
  const sdk = doc.getElementById('desk') as FrameSdk;
  const widget = (tag: string) => doc.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> };
  const button = (tag: string, selector: string) => widget(tag).shadowRoot!.querySelector<HTMLButtonElement>(selector);
  const signIn = async () => {
    await until(() => button('cc-auth', '[part="continue"]') && (sdk as unknown as { desk: { backend: unknown } }).desk.backend, 10000, 'the sign-in button');
    button('cc-auth', '[part="continue"]')!.click();
    await until(() => sdk.state.session.status === 'signed-in' || sdk.state.errors['cc-sign-in-request'], 10000, 'the sign-in');
  };
  return { win, doc, sdk, widget, button, signIn };
}

/** What the README asks of a page for TCCC, with the double standing in for TCCC's hosts. */
const policyFor = (origin: string, { trustedTypes = 'lit-html cc-elements-tccc', scripts = `'self' ${origin}` } = {}) =>
  `default-src 'none'; script-src ${scripts}; connect-src ${origin} ${origin.replace(/^http/, 'ws')}; ` +
  `require-trusted-types-for 'script'; trusted-types ${trustedTypes}`;

describe('the desk on TCCC under a strict CSP with Trusted Types', () => {
  it('signs in, takes a call and wraps it up with no violation', async function () {
    this.timeout(40000);
    const { win, doc, sdk, widget, button, signIn } = await pageUnder((origin) => policyFor(origin));
    // The policy is in force: a string reaching an HTML sink is refused in this page.
    expect(() => {
      doc.createElement('div').innerHTML = '<b>x</b>';
    }, 'Trusted Types enforced').to.throw(/TrustedHTML/);
    await until(() => win.cspViolations.length === 1, 3000, 'the probe reported');
    win.cspViolations.length = 0;

    await signIn();
    expect(sdk.state.errors['cc-sign-in-request']).to.equal(undefined);
    // TCCC's own UI is in the page, hidden.
    const root = doc.getElementById('tcccSdkDomRoot')!;
    expect(root.closest('[hidden]')).to.not.equal(null);
    await sdk.request('cc-station-login-request', { teamId: 'tccc-skill-groups', loginOption: 'BROWSER' });
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    await site!.ring({ caller: '13800138000' });
    await until(() => button('cc-task-panel', '[data-action="accept"]'), 5000, 'the offer');
    button('cc-task-panel', '[data-action="accept"]')!.click();
    await until(() => sdk.state.tasks[0]?.state === 'connected' && button('cc-task-panel', '[data-action="end"]'), 5000, 'connected');
    expect(squash(widget('cc-task-panel').shadowRoot!.textContent)).to.contain('13800138000');
    button('cc-task-panel', '[data-action="end"]')!.click();
    await until(() => button('cc-wrapup', '[part="submit"]'), 5000, 'the wrap-up');
    button('cc-wrapup', '[part="submit"]')!.click();
    await until(() => sdk.state.tasks.length === 0, 5000, 'wrapped up');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(win.cspViolations).to.deep.equal([]);
  });

  it("without the backend's Trusted Types policy, the sign-in says which to add", async function () {
    this.timeout(30000);
    const { doc, sdk, signIn } = await pageUnder((origin) => policyFor(origin, { trustedTypes: 'lit-html' }));
    await signIn();
    // Nothing of TCCC's loading is left in the page.
    expect(doc.getElementById('cc-tccc-ui')).to.equal(null);
    expect(doc.querySelector('script[data-cc-tccc]')).to.equal(null);
    expect(sdk.state.errors['cc-sign-in-request']).to.deep.include({
      code: 'backend-error',
      message: 'The page\'s Content-Security-Policy does not allow the Trusted Types policy "cc-elements-tccc" that loads TCCC\'s script: add it to trusted-types.',
    });
    expect(sdk.state.session.status).to.equal('signed-out');
  });

  it("without TCCC's host in script-src, the sign-in points at the CSP", async function () {
    this.timeout(30000);
    const { win, sdk, signIn } = await pageUnder((origin) => policyFor(origin, { scripts: "'self'" }));
    await signIn();
    expect(sdk.state.errors['cc-sign-in-request']).to.deep.include({ code: 'offline' });
    expect(sdk.state.errors['cc-sign-in-request'].message).to.contain("Content-Security-Policy allows TCCC's script");
    await until(() => win.cspViolations.some((v) => v.startsWith('script-src')), 3000, 'the violation');
  });
});
