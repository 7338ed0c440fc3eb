/**
 * The desk on TCCC under a strict Content-Security-Policy with Trusted Types, from the CDN build (`npm test`
 * builds /dist/cdn/ when it is missing or stale): what the README says a page must allow for TCCC is enough (no
 * violation through a call), and each piece of it is needed (without it the sign-in says what is missing).
 */
import { expect } from '@open-wc/testing';
import { until } from '../../helpers-no-define.js';
import { cspDeskFrames, expectTrustedTypesEnforced } from '../../csp/desk-frame.js';
import { TcccSite } from '../../tccc-double/client.js';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const open = cspDeskFrames();
let site: TcccSite | null = null;

afterEach(async () => {
  await site?.close();
  site = null;
});

/** A page under `policy`, with the desk on TCCC (the double's sign-in route); its window once every tag is defined. */
async function pageUnder(policyOf: (origin: string) => string) {
  site = await TcccSite.create();
  const { win, doc, sdk, widget, signInSettled } = await open({
    title: 'cc-elements on TCCC under a strict CSP',
    policy: policyOf(site.info.origin),
    sdkAttributes: `backend="tccc" sdk-url-endpoint="${site.endpoint}"`,
  });
  const button = (tag: string, selector: string) => widget(tag).shadowRoot!.querySelector<HTMLButtonElement>(selector);
  const signIn = async () => {
    await until(() => button('cc-auth', '[part="continue"]') && sdk.desk.backend, 10000, 'the sign-in button');
    button('cc-auth', '[part="continue"]')!.click();
    await signInSettled();
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
    await expectTrustedTypesEnforced(win, doc);

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
