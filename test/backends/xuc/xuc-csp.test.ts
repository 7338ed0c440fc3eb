/**
 * The desk on XuC under a strict Content-Security-Policy with Trusted Types, from the CDN build (`npm test`
 * builds /dist/cdn/ when it is missing or stale): what the README's XuC section says a page must allow (the XuC
 * server in connect-src, both schemes) is enough for a whole call with no violation, and without it the sign-in
 * fails with a message instead of hanging.
 */
import { expect } from '@open-wc/testing';
import { until } from '../../helpers-no-define.js';
import { cspDeskFrames, expectTrustedTypesEnforced } from '../../csp/desk-frame.js';
import { XucSite } from '../../xuc-double/client.js';

const open = cspDeskFrames();
let site: XucSite | null = null;

afterEach(async () => {
  await site?.close();
  site = null;
});

/** The README's policy for XuC: the kit's own strict policy plus the XuC server over http(s) and ws(s). */
const policyFor = (xucOrigin: string | null) =>
  `default-src 'none'; script-src 'self'; ` +
  (xucOrigin ? `connect-src ${xucOrigin} ${xucOrigin.replace(/^http/, 'ws')}; ` : '') +
  `require-trusted-types-for 'script'; trusted-types lit-html`;

async function pageUnder(allowXuc: boolean) {
  site = await XucSite.create({ wrapupSeconds: 60 });
  const origin = new URL(site.baseUrl).origin;
  const { win, doc, sdk, widget, signInSettled } = await open({
    title: 'cc-elements on XuC under a strict CSP',
    policy: policyFor(allowXuc ? origin : null),
    sdkAttributes: `backend="xuc" server="${site.baseUrl}"`,
  });
  const shadow = (tag: string) => widget(tag).shadowRoot!;
  const signIn = async () => {
    const auth = () => shadow('cc-auth');
    // The XuC backend loads lazily (a chunk of the CDN build): sign in once it is attached.
    await until(() => auth().querySelector('#username') && sdk.desk.backend, 10000, 'the username field and the backend');
    const field = (name: string) =>
      auth().querySelector<HTMLInputElement>(`#${name}`)!;
    for (const [name, value] of [['username', site!.alice.login], ['password', site!.alice.password]] as const) {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    const submit = auth().querySelector<HTMLButtonElement>('[part="submit"], button[type="submit"]')!;
    await widget('cc-auth').updateComplete;
    submit.click();
    await signInSettled();
  };
  return { win, doc, sdk, shadow, signIn };
}

describe('the desk on XuC under a strict CSP with Trusted Types', () => {
  it('signs in with username and password, takes a call and wraps it up with no violation', async function () {
    this.timeout(40000);
    const { win, doc, sdk, shadow, signIn } = await pageUnder(true);
    await expectTrustedTypesEnforced(win, doc);

    await signIn();
    expect(sdk.state.errors['cc-sign-in-request'], JSON.stringify(sdk.state.errors['cc-sign-in-request']) + JSON.stringify(win.cspViolations)).to.equal(undefined);
    expect(sdk.state.session.status).to.equal('signed-in');
    await until(() => sdk.state.profile, 5000, 'the profile');
    await sdk.request('cc-station-login-request', { teamId: sdk.state.profile!.teams[0].id, loginOption: 'EXTENSION', dialNumber: site!.alice.line });
    await until(() => sdk.state.agent?.state === 'Available', 5000, 'Available');
    const id = await site!.offer({ from: '0230210000' });
    await until(() => sdk.state.tasks.find((t) => t.id === id), 5000, 'the offer');
    await sdk.request('cc-task-accept-request', { taskId: id });
    await until(() => sdk.state.tasks[0]?.state === 'connected' && shadow('cc-task-panel').querySelector('[data-action="end"]'), 5000, 'connected');
    expect(shadow('cc-task-panel').textContent).to.contain('0230210000');
    shadow('cc-task-panel').querySelector<HTMLButtonElement>('[data-action="end"]')!.click();
    await until(() => shadow('cc-wrapup').querySelector('[part="submit"]'), 5000, 'the wrap-up');
    shadow('cc-wrapup').querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => sdk.state.tasks.length === 0, 5000, 'wrapped up');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('without the XuC server in connect-src, the sign-in fails with a message and the page reports the violation', async function () {
    this.timeout(30000);
    const { win, sdk, signIn } = await pageUnder(false);
    await signIn();
    expect(sdk.state.session.status).to.equal('signed-out');
    expect(sdk.state.errors['cc-sign-in-request']?.message).to.be.a('string').and.not.equal('');
    await until(() => win.cspViolations.some((v) => v.startsWith('connect-src')), 3000, 'the violation');
  });
});
