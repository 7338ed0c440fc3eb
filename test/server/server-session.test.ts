/**
 * `<cc-auth>` with a server session: `<cc-sdk backend="webex" token-endpoint="/cc/webex/token">` signs in with the
 * token the host's server hands out (the real companion, cc-elements/server, mounted on the test server with a
 * loopback Webex behind it: test/server-companion/plugin.mjs), renews it silently before it expires without
 * touching a call, and sends the agent to the server's sign-in when the server says the session is gone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../define/cc-sdk.js';
import '../../define/cc-auth.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import type { CcAuth } from '../../components/cc-auth/cc-auth.js';
import { ManualClock } from '../../src/core/clock.js';
import type { WebexStatic } from '../../src/backends/webex/index.js';
import { commandsOf } from '../loopback/client.js';
import { allInputValues, allMarkup, until } from '../helpers.js';
import { WebexDouble, fakeWebexClass } from '../webex-double.js';

const companion = commandsOf('server-companion');
const MIN = 60_000;

/** The agent signs in on the server (the code flow through the companion): the browser gets its session cookie. */
async function serverSignIn(): Promise<void> {
  const res = await fetch('/cc/webex/login?return=/cc-test/signed-in', { credentials: 'same-origin' });
  expect(new URL(res.url).pathname).to.equal('/cc-test/signed-in');
}

async function desk() {
  const clock = new ManualClock(Date.now());
  const doubles: WebexDouble[] = [];
  const { Webex, inits } = fakeWebexClass(() => {
    const double = new WebexDouble();
    doubles.push(double);
    return double;
  });
  const navigations: string[] = [];
  const options = { loadSdk: async () => Webex as unknown as WebexStatic, clock, navigate: (url: string) => navigations.push(url), readyTimeout: 1000 };
  const sdk = await fixture<CcSdk>(html`<cc-sdk backend="webex" token-endpoint="/cc/webex/token" .backendOptions=${options}><cc-auth></cc-auth></cc-sdk>`);
  await until(() => !!sdk.desk.backend, 5000, 'the backend is built');
  const auth = sdk.querySelector('cc-auth') as CcAuth;
  await auth.updateComplete;
  const $ = (selector: string) => auth.shadowRoot!.querySelector<HTMLElement>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { sdk, auth, clock, doubles, inits, navigations, $, text };
}

/** Lets the backend's fetches and the widgets settle. */
const settle = async (auth: CcAuth) => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
  await auth.updateComplete;
};

describe('<cc-auth> with a server session (token-endpoint, cc-elements/server)', () => {
  beforeEach(async () => {
    await companion({ action: 'reset', origin: location.origin });
  });
  afterEach(() => {
    document.querySelectorAll('cc-sdk').forEach((s) => s.remove());
  });

  it('offers one button, signs in with the token the server hands out, and the token reaches no attribute, DOM or input', async () => {
    await serverSignIn();
    const { auth, $, text, inits } = await desk();
    expect($('#token')).to.equal(null, 'no token field');
    expect(text('[part="continue"]')).to.equal('Sign in with Webex');
    await expect(auth).to.be.accessible();
    $('[part="continue"]')!.click();
    await until(() => !!$('[part="user"]'), 5000, 'signed in');
    const [issued] = await companion<string[]>({ action: 'issued' });
    expect(inits[0].credentials.access_token).to.equal(issued);
    expect(allMarkup()).not.to.include(issued);
    expect(allInputValues().join(' ')).not.to.include(issued);
    await expect(auth).to.be.accessible();
  });

  it('renews the token before it expires, in place: the call goes on, no warning, no new sign-in', async () => {
    await serverSignIn();
    const { auth, $, clock, doubles, inits } = await desk();
    $('[part="continue"]')!.click();
    await until(() => !!$('[part="user"]'), 5000, 'signed in');
    const double = doubles[0];
    const taskId = double.offer();
    await until(() => (auth.closest('cc-sdk') as CcSdk).desk.state.tasks.some((t) => t.id === taskId), 5000, 'the call is offered');
    const registers = double.cc.calls.filter((c) => c.method === 'register').length;
    // 55 minutes later on both clocks: the page asks the server 6 minutes before expiry; the server renews.
    await companion({ action: 'advance', ms: 55 * MIN });
    clock.advance(55 * MIN);
    await until(() => double.webex.credentials.supertoken.access_token !== inits[0].credentials.access_token, 5000, 'the SDK has the new token');
    const issued = await companion<string[]>({ action: 'issued' });
    expect(issued).to.have.length(2);
    expect(double.webex.credentials.supertoken.access_token).to.equal(issued[1]);
    // Past the old token's expiry: no warning, no expiry, the call still there, no second register().
    clock.advance(10 * MIN);
    await settle(auth);
    expect($('[part="warning"]')).to.equal(null);
    expect($('[part="expired"]')).to.equal(null);
    expect($('[part="user"]')).to.not.equal(null);
    expect((auth.closest('cc-sdk') as CcSdk).desk.state.tasks.map((t) => t.id)).to.deep.equal([taskId]);
    expect(double.cc.calls.filter((c) => c.method === 'register').length).to.equal(registers);
    expect(inits).to.have.length(1);
  });

  it('a session the server ended: no jump mid-call; the warning comes, and signing in again opens the server’s sign-in', async () => {
    await serverSignIn();
    const { auth, $, text, clock, navigations } = await desk();
    $('[part="continue"]')!.click();
    await until(() => !!$('[part="user"]'), 5000, 'signed in');
    await companion({ action: 'revoke-all' });
    await companion({ action: 'advance', ms: 55 * MIN });
    clock.advance(54 * MIN + 30_000);
    await settle(auth);
    expect(navigations).to.deep.equal([], 'the page stays (a call may be on)');
    expect($('[part="user"]')).to.not.equal(null);
    // Five minutes before expiry: the usual warning, then Sign in again.
    clock.advance(MIN);
    await until(() => !!$('[part="warning"]'), 5000, 'the warning');
    $('[part="renew"]')!.click();
    await auth.updateComplete;
    $('[part="continue"]')!.click();
    await until(() => navigations.length > 0, 5000, 'sent to the sign-in');
    expect(navigations[0]).to.equal(`/cc/webex/login?return=${encodeURIComponent(location.pathname + location.search)}`);
    await until(() => /session on this site has ended/.test(text('[part="error"]')), 5000, 'says why');
  });

  it('no session on the server yet: the button sends the agent to the server’s sign-in', async () => {
    await fetch('/cc/webex/logout', { method: 'POST', credentials: 'same-origin' });
    const { $, text, navigations } = await desk();
    $('[part="continue"]')!.click();
    await until(() => navigations.length > 0, 5000, 'sent to the sign-in');
    expect(navigations[0]).to.match(/^\/cc\/webex\/login\?return=/);
    await until(() => /sign-in page/.test(text('[part="error"]')), 5000, 'says where it goes');
  });
});
