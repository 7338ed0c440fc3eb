// Sign-in hardening (issue 10, "Sign-in" 1–4): an OAuth redirect is finished only when this page started it,
// the URL never keeps a token, and the token in `cc-sign-in-request` is sealed in a handle only <cc-sdk>
// redeems.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, until, allMarkup } from '../../helpers.js';
import '../../../define/cc-auth.js';
import type { CcAuth } from '../../../components/cc-auth/cc-auth.js';
import type { RequestDetails } from '../../../src/events/events.js';
import { OAUTH_STATE_KEY, beginOAuthRoundTrip } from '../../../src/core/oauth.js';

const VICTIM_TOKEN = 'ZmFrZS12aWN0aW0tdG9rZW4_P0D1_8f3e2c1a-victim';
const KEPT_STATE = 'kept-state-Q2hvb3NlIGEgc3RhdGUgdGhhdCBpcyBsb25n';

/** Puts OAuth parameters in the URL as a sign-in page (or an attacker's link) would; puts it back after. */
async function withUrl(suffix: string, body: () => Promise<void>) {
  const before = `${location.pathname}${location.search}`;
  history.replaceState(null, '', `${location.pathname}${suffix}`);
  try {
    await body();
  } finally {
    history.replaceState(null, '', before);
    sessionStorage.removeItem(OAUTH_STATE_KEY);
  }
}

/** A desk whose <cc-auth> connects while the URL is what the test set. */
async function arrive(attrs = html`<cc-auth client-id="C0ffee" redirect-uri="https://crm.example.com/cb"></cc-auth>`) {
  const rig = await sdkFixture(html`<cc-sdk></cc-sdk>`);
  const requests: RequestDetails['cc-sign-in-request'][] = [];
  rig.sdk.addEventListener('cc-sign-in-request', (e) => requests.push(e.detail));
  const holder = document.createElement('div');
  const { render } = await import('lit');
  render(attrs, holder);
  const auth = holder.firstElementChild as CcAuth;
  rig.sdk.append(auth);
  await auth.updateComplete;
  await new Promise((r) => setTimeout(r, 20));
  await auth.updateComplete;
  const alerts = () => [...auth.shadowRoot!.querySelectorAll('[role="alert"]')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
  return { ...rig, auth, requests, alerts };
}

describe('<cc-auth> and a redirect it did not start (login CSRF)', () => {
  it('a link with #access_token and no state signs nobody in, leaves no token in the URL, and says so', async () => {
    await withUrl(`?view=queue#access_token=${VICTIM_TOKEN}&expires_in=3600`, async () => {
      const historyLength = history.length;
      const d = await arrive();
      expect(location.href).to.not.contain('access_token');
      expect(location.href).to.not.contain(VICTIM_TOKEN);
      expect(location.search).to.equal('?view=queue');
      expect(location.hash).to.equal('');
      expect(history.length).to.equal(historyLength);
      expect(d.requests).to.deep.equal([]);
      expect(d.sdk.state.session.status).to.equal('signed-out');
      expect(d.alerts()).to.deep.equal(['A sign-in link that this page did not start was ignored. Sign in here to continue.']);
      expect(allMarkup()).to.not.contain(VICTIM_TOKEN);
      await expect(d.auth).to.be.accessible();
    });
  });

  it('a state that is not the one this page kept is refused, and the message repeats neither state', async () => {
    sessionStorage.setItem(OAUTH_STATE_KEY, KEPT_STATE);
    await withUrl(`#access_token=${VICTIM_TOKEN}&state=attacker-state-0000`, async () => {
      const d = await arrive();
      expect(d.requests).to.deep.equal([]);
      expect(location.href).to.not.contain(VICTIM_TOKEN);
      expect(d.alerts().join(' ')).to.not.contain(KEPT_STATE);
      expect(d.alerts().join(' ')).to.not.contain('attacker-state');
      expect(allMarkup()).to.not.contain(KEPT_STATE);
    });
  });

  it('works on a page without OAuth settings too: the fragment is dropped, never used', async () => {
    await withUrl(`#access_token=${VICTIM_TOKEN}`, async () => {
      const d = await arrive(html`<cc-auth></cc-auth>`);
      expect(d.requests).to.deep.equal([]);
      expect(location.href).to.not.contain('access_token');
      expect(d.alerts()).to.have.length(1);
    });
  });
});

describe('<cc-auth> back from a round trip it started', () => {
  it('signs in with the token when the state matches exactly, forgets the state, and cleans the URL', async () => {
    const state = beginOAuthRoundTrip();
    expect(state).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(beginOAuthRoundTrip()).to.not.equal(state);
    sessionStorage.setItem(OAUTH_STATE_KEY, state);
    await withUrl(`#tab=notes&access_token=${VICTIM_TOKEN}&token_type=Bearer&expires_in=3600&state=${state}`, async () => {
      const d = await arrive();
      await until(() => d.sdk.state.session.status === 'signed-in');
      expect(location.hash).to.equal('#tab=notes');
      expect(sessionStorage.getItem(OAUTH_STATE_KEY)).to.equal(null);
      expect(d.requests.map((r) => Object.keys(r))).to.deep.equal([['credential']]);
      expect(JSON.stringify(d.requests)).to.not.contain(VICTIM_TOKEN);
    });
  });

  it('accepts the state as the Webex SDK sends it back (its own CSRF token beside ours, base64url JSON)', async () => {
    sessionStorage.setItem(OAUTH_STATE_KEY, KEPT_STATE);
    const wrapped = btoa(JSON.stringify({ csrf_token: 'sdk-own-token', cc: KEPT_STATE })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    await withUrl(`#access_token=${VICTIM_TOKEN}&state=${wrapped}`, async () => {
      const d = await arrive();
      await until(() => d.sdk.state.session.status === 'signed-in');
      expect(location.href).to.not.contain(wrapped);
    });
  });

  it('a refusal from the sign-in page (?error=…) is shown and leaves the URL; the page\'s own parameters stay', async () => {
    sessionStorage.setItem(OAUTH_STATE_KEY, KEPT_STATE);
    await withUrl(`?view=queue&error=access_denied&error_description=The+user+said+no&state=${KEPT_STATE}`, async () => {
      const d = await arrive();
      expect(location.search).to.equal('?view=queue');
      expect(d.requests).to.deep.equal([]);
      expect(d.alerts()).to.deep.equal(['Sign-in with Webex did not finish (access_denied). Try again.']);
    });
  });
});

describe('the token in cc-sign-in-request', () => {
  async function deskWithAuth(template = html`<cc-sdk><cc-auth></cc-auth></cc-sdk>`) {
    const rig = await sdkFixture(template);
    const auth = rig.sdk.querySelector('cc-auth') as CcAuth;
    await auth.updateComplete;
    const signIn = async (token: string) => {
      auth.shadowRoot!.querySelector<HTMLInputElement>('#token')!.focus();
      await sendKeys({ type: token });
      await sendKeys({ press: 'Enter' });
      await until(() => !rig.sdk.state.pending['cc-sign-in-request']);
    };
    return { ...rig, auth, signIn };
  }

  it('a document listener cannot read the token nor change the detail, and sign-in still works', async () => {
    const d = await deskWithAuth();
    const TOKEN = 'tok-Secret-91be77aa';
    const seen: { json: string; text: string; mutations: string[] }[] = [];
    const listener = (e: Event) => {
      const event = e as CustomEvent<Record<string, unknown>>;
      const mutations: string[] = [];
      const attempt = (name: string, fn: () => void) => {
        try {
          fn();
          mutations.push(`${name}: allowed`);
        } catch {
          mutations.push(`${name}: refused`);
        }
      };
      attempt('set accessToken', () => ((event.detail as Record<string, unknown>).accessToken = 'attacker-token'));
      attempt('replace credential', () => ((event.detail as Record<string, unknown>).credential = {}));
      attempt('replace detail', () => ((event as unknown as { detail: unknown }).detail = { accessToken: 'attacker-token' }));
      const values = Object.values(event.detail).map((v) => `${String(v)} ${JSON.stringify(v)} ${Object.keys(v as object).join()}`);
      seen.push({ json: JSON.stringify(event.detail), text: values.join(' '), mutations });
    };
    document.addEventListener('cc-sign-in-request', listener);
    try {
      await d.signIn(TOKEN);
    } finally {
      document.removeEventListener('cc-sign-in-request', listener);
    }
    expect(seen).to.have.length(1);
    expect(seen[0].json).to.not.contain(TOKEN);
    expect(seen[0].text).to.not.contain(TOKEN);
    expect(seen[0].json).to.equal('{"credential":"[access token]"}');
    expect(seen[0].mutations).to.deep.equal(['set accessToken: refused', 'replace credential: refused', 'replace detail: refused']);
    expect(d.sdk.state.session.status).to.equal('signed-in');
  });

  it('a handle is redeemed once: replaying a captured one signs nobody in', async () => {
    const d = await deskWithAuth();
    let captured: RequestDetails['cc-sign-in-request'] | null = null;
    d.sdk.addEventListener('cc-sign-in-request', (e) => {
      captured = e.detail;
      e.preventDefault();
    });
    await d.signIn('tok-Secret-first');
    expect(d.sdk.state.session.status).to.equal('signed-out');
    // The page cancelled it, so nobody redeemed it; the first redemption works, a second one does not.
    const replay = { credential: captured!.credential };
    const other = await sdkFixture(html`<cc-sdk></cc-sdk>`);
    await other.sdk.request('cc-sign-in-request', replay);
    expect(other.sdk.state.session.status).to.equal('signed-in');
    const third = await sdkFixture(html`<cc-sdk></cc-sdk>`);
    await third.sdk.request('cc-sign-in-request', replay);
    expect(third.sdk.state.session.status).to.equal('signed-out');
    expect(third.sdk.state.errors['cc-sign-in-request']?.code).to.equal('auth-failed');
  });

  it('scripts still sign in with sdk.request and a raw token', async () => {
    const rig = await sdkFixture(html`<cc-sdk></cc-sdk>`);
    const given = { accessToken: 'tok-from-script' };
    await rig.sdk.request('cc-sign-in-request', given);
    expect(rig.sdk.state.session.status).to.equal('signed-in');
    // The caller's own object is left as it was (the event carries a frozen copy).
    expect(Object.isFrozen(given)).to.equal(false);
  });

  it('expose-token: a page that opts in sees the raw token, in a frozen detail', async () => {
    const d = await deskWithAuth(html`<cc-sdk><cc-auth expose-token></cc-auth></cc-sdk>`);
    const details: RequestDetails['cc-sign-in-request'][] = [];
    d.sdk.addEventListener('cc-sign-in-request', (e) => details.push(e.detail));
    await d.signIn('tok-Secret-optin');
    expect(details).to.deep.equal([{ accessToken: 'tok-Secret-optin' }]);
    expect(Object.isFrozen(details[0])).to.equal(true);
    expect(d.sdk.state.session.status).to.equal('signed-in');
  });
});
