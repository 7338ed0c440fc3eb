import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, detailsOf, until, allMarkup, allInputValues } from '../../helpers.js';
import '../../../define/cc-auth.js';
import type { CcAuth } from '../../../components/cc-auth/cc-auth.js';
import type { RequestDetails } from '../../../src/events/events.js';

const TOKEN = 'tok-Secret-7f3a9c2e51';

async function deskWithAuth(template = html`<cc-sdk><cc-auth></cc-auth></cc-sdk>`) {
  const rig = await sdkFixture(template);
  const el = rig.sdk.querySelector('cc-auth') as CcAuth;
  await el.updateComplete;
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const input = () => $<HTMLInputElement>('[part="input"]');
  const submit = () => $<HTMLButtonElement>('[part="submit"]');
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const live = () => $('[role="status"]')!.textContent!.trim();
  const signInRequests: RequestDetails['cc-sign-in-request'][] = [];
  const signOutRequests: unknown[] = [];
  el.addEventListener('cc-sign-in-request', (e) => signInRequests.push(e.detail));
  el.addEventListener('cc-sign-out-request', (e) => signOutRequests.push(e.detail));
  const settle = async () => {
    await until(() => !rig.sdk.state.pending['cc-sign-in-request'] && !rig.sdk.state.pending['cc-sign-out-request']);
    await el.updateComplete;
  };
  /** Types into the token field and submits the form, as a user does. */
  const typeToken = async (token: string) => {
    input()!.focus();
    if (token) await sendKeys({ type: token });
    await sendKeys({ press: 'Enter' });
    await settle();
  };
  /** A signed-in agent on a browser station, connected to a call. */
  const withConnectedCall = async () => {
    await rig.sdk.request('cc-sign-in-request', { accessToken: 'first-token' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    rig.server.offer();
    const taskId = rig.sdk.state.tasks[0].id;
    await rig.sdk.request('cc-task-accept-request', { taskId });
    await el.updateComplete;
    return taskId;
  };
  return { ...rig, el, $, input, submit, text, live, signInRequests, signOutRequests, settle, typeToken, withConnectedCall };
}

function storageText(): string {
  const text: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) text.push(storage.key(i)!, storage.getItem(storage.key(i)!)!);
  }
  return text.join('\n');
}

describe('<cc-auth>', () => {
  it('offers a token form when signed out', async () => {
    const { el, input, submit, text } = await deskWithAuth();
    expect(input()!.type).to.equal('password');
    expect(input()!.getAttribute('autocomplete')).to.equal('off');
    expect(el.shadowRoot!.querySelector('label[for="token"]')!.textContent!.trim()).to.equal('Access token');
    expect(submit()!.textContent!.trim()).to.equal('Sign in');
    expect(text('[part="oauth"]')).to.equal(undefined);
    expect(text('[part="user"]')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('asks for a token and sends nothing when the field is empty', async () => {
    const { el, input, text, typeToken, signInRequests, sdk } = await deskWithAuth();
    await typeToken('');
    await el.updateComplete;
    expect(signInRequests).to.deep.equal([]);
    expect(text('[part="error"]')).to.equal('Enter your access token.');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(input()!.getAttribute('aria-invalid')).to.equal('true');
    expect(input()!.getAttribute('aria-describedby')).to.equal('token-error');
    expect(el.shadowRoot!.activeElement).to.equal(input());
    expect(sdk.state.session.status).to.equal('signed-out');
    await expect(el).to.be.accessible();
    // Typing clears the message.
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(text('[part="error"]')).to.equal(undefined);
    expect(input()!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('signs in by keyboard, shows who is signed in, and announces it', async () => {
    const { el, text, typeToken, signInRequests, names, live, sdk } = await deskWithAuth();
    await typeToken(TOKEN);
    // The page's listeners get the token sealed in a handle, not the token (issue 10, sign-in item 4).
    expect(signInRequests.map((d) => Object.keys(d))).to.deep.equal([['credential']]);
    expect(String(signInRequests[0].credential)).to.equal('[access token]');
    expect(names()).to.include.members(['cc-ready', 'cc-registered']);
    expect(sdk.state.session.status).to.equal('signed-in');
    expect(text('[part="user"]')).to.equal('Signed in as Dana Whitfield dana.whitfield@example.com');
    expect(text('[part="sign-out"]')).to.equal('Sign out');
    expect(text('[part="form"]')).to.equal(undefined);
    // The form went away under the agent's focus: focus moves to who is signed in, never to Sign out, so a
    // second Enter cannot sign the agent out (issue 9, item 6).
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part="user"]'));
    await until(() => live() === 'Signed in as Dana Whitfield.');
    await expect(el).to.be.accessible();
  });

  it('never writes the token to an attribute, the DOM or storage', async () => {
    const { input, el, sdk, backend } = await deskWithAuth();
    let release!: () => void;
    const original = backend.connect.bind(backend);
    backend.connect = (credentials) => new Promise<void>((r) => (release = r)).then(() => original(credentials));
    input()!.focus();
    await sendKeys({ type: TOKEN });
    expect(allMarkup()).not.to.include(TOKEN);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Cleared as soon as it is submitted, while the backend is still answering.
    expect(sdk.state.pending['cc-sign-in-request']).to.equal(true);
    expect(input()!.value).to.equal('');
    expect(allInputValues()).not.to.include(TOKEN);
    expect(allMarkup()).not.to.include(TOKEN);
    release();
    await until(() => sdk.state.profile !== null);
    await el.updateComplete;
    expect(allMarkup()).not.to.include(TOKEN);
    expect(allInputValues()).not.to.include(TOKEN);
    expect(storageText()).not.to.include(TOKEN);
    expect(JSON.stringify(sdk.state)).not.to.include(TOKEN);
    expect([...el.attributes].map((a) => a.value).join(' ')).not.to.include(TOKEN);
  });

  it('sends nothing to the backend when the page cancels the request', async () => {
    const { el, typeToken, signInRequests, names, sdk, input } = await deskWithAuth();
    el.addEventListener('cc-sign-in-request', (e) => e.preventDefault());
    await typeToken(TOKEN);
    expect(signInRequests).to.have.length(1);
    expect(names()).to.deep.equal([]);
    expect(sdk.state.session.status).to.equal('signed-out');
    expect(input()).to.exist;
    expect(input()!.value).to.equal('');
  });

  it('shows a refused token next to the field and signs in on retry', async () => {
    const { el, input, text, typeToken, sdk, events } = await deskWithAuth();
    await typeToken('invalid-token');
    expect(text('[part="error"]')).to.equal('The access token was refused: it is malformed or has expired.');
    expect(input()!.getAttribute('aria-invalid')).to.equal('true');
    expect(input()!.getAttribute('aria-describedby')).to.equal('token-error');
    expect(detailsOf(events, 'cc-error').at(-1)).to.include({ action: 'sign-in', code: 'auth-failed' });
    expect(sdk.state.session.status).to.equal('signed-out');
    await expect(el).to.be.accessible();
    await typeToken(TOKEN);
    expect(text('[part="error"]')).to.equal(undefined);
    expect(text('[part="user"]')).to.include('Dana Whitfield');
  });

  it('shows progress while signing in, and a second click sends nothing', async () => {
    const { el, input, submit, backend, signInRequests, sdk } = await deskWithAuth();
    let release!: () => void;
    let calls = 0;
    const original = backend.connect.bind(backend);
    backend.connect = (credentials) => {
      calls++;
      return new Promise<void>((r) => (release = r)).then(() => original(credentials));
    };
    input()!.value = TOKEN;
    submit()!.click();
    await el.updateComplete;
    expect(submit()!.getAttribute('aria-disabled')).to.equal('true');
    expect(submit()!.querySelector('.spinner')!.getAttribute('aria-label')).to.equal('Signing in…');
    await expect(el).to.be.accessible();
    input()!.value = 'another-token';
    submit()!.click();
    submit()!.click();
    expect(signInRequests).to.have.length(1);
    expect(calls).to.equal(1);
    release();
    await until(() => sdk.state.profile !== null);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="user"]')).to.exist;
  });

  it('offers Sign in with Webex when OAuth is configured', async () => {
    const { el, text, $, signInRequests, sdk, input } = await deskWithAuth(
      html`<cc-sdk><cc-auth client-id="C0ffee" redirect-uri="https://crm.example.com/cb"></cc-auth></cc-sdk>`,
    );
    expect(text('[part="oauth"]')).to.equal('Sign in with Webex');
    expect(input()).to.exist;
    await expect(el).to.be.accessible();
    $('[part="oauth"]')!.click();
    await until(() => sdk.state.profile !== null);
    // The round trip carries a fresh random state (issue 10, sign-in item 1); the simulator signs in without
    // leaving the page, so the kept state is forgotten at once.
    expect(signInRequests).to.have.length(1);
    const { state, ...oauth } = signInRequests[0].oauth!;
    expect(oauth).to.deep.equal({ clientId: 'C0ffee', redirectUri: 'https://crm.example.com/cb' });
    expect(state).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionStorage.getItem('cc-elements:oauth-state')).to.equal(null);
  });

  it('takes OAuth scopes, hides the token form on request, and takes replacement strings', async () => {
    const { el, text, $, input, signInRequests, server } = await deskWithAuth(
      html`<cc-sdk>
        <cc-auth client-id="C0ffee" redirect-uri="https://crm.example.com/cb" scopes="spark:kms  cjp:user" hide-token></cc-auth>
      </cc-sdk>`,
    );
    el.strings = { signInWithWebex: 'Continuer avec Webex' };
    await el.updateComplete;
    expect(input()).to.equal(null);
    expect(text('[part="oauth"]')).to.equal('Continuer avec Webex');
    await expect(el).to.be.accessible();
    server.failNext({ action: 'connect', code: 'auth-failed', message: 'The Webex login window was closed.' });
    $('[part="oauth"]')!.click();
    await until(() => text('[part="error"]') === 'The Webex login window was closed.');
    expect($('[part="oauth"]')!.getAttribute('aria-describedby')).to.equal('oauth-error');
    expect(signInRequests[0].oauth!.scopes).to.deep.equal(['spark:kms', 'cjp:user']);
    await expect(el).to.be.accessible();
  });

  it('shows no OAuth button without a client id, nor hides the token form', async () => {
    const { text, input } = await deskWithAuth(html`<cc-sdk><cc-auth redirect-uri="https://x.example/cb" hide-token></cc-auth></cc-sdk>`);
    expect(text('[part="oauth"]')).to.equal(undefined);
    expect(input()).to.exist;
  });

  it('signs out, and announces it', async () => {
    const { el, $, typeToken, signOutRequests, names, live, input, settle } = await deskWithAuth();
    await typeToken(TOKEN);
    $('[part="sign-out"]')!.click();
    await settle();
    expect(signOutRequests).to.deep.equal([{}]);
    expect(names()).to.include('cc-signed-out');
    expect(input()).to.exist;
    await until(() => live() === 'You are signed out.');
    await expect(el).to.be.accessible();
  });

  it('keeps the agent signed in when the page cancels sign-out', async () => {
    const { el, $, typeToken, names, sdk } = await deskWithAuth();
    await typeToken(TOKEN);
    el.addEventListener('cc-sign-out-request', (e) => e.preventDefault());
    $('[part="sign-out"]')!.click();
    await el.updateComplete;
    expect(names()).not.to.include('cc-signed-out');
    expect(sdk.state.session.status).to.equal('signed-in');
    expect($('[part="user"]')).to.exist;
  });

  it('says why sign-out was refused while a task is open, and retries', async () => {
    const { el, $, text, withConnectedCall, settle, sdk, server } = await deskWithAuth();
    const taskId = await withConnectedCall();
    $('[part="sign-out"]')!.click();
    await settle();
    expect(text('[part="error"]')).to.equal('You cannot sign out while you have a task or a wrap-up open.');
    expect($('[part="sign-out"]')!.getAttribute('aria-describedby')).to.equal('sign-out-error');
    expect(sdk.state.session.status).to.equal('signed-in');
    await expect(el).to.be.accessible();
    await sdk.request('cc-task-end-request', { taskId });
    await sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: '' });
    expect(server.tasks).to.have.length(0);
    $('[part="sign-out"]')!.click();
    await settle();
    expect(sdk.state.session.status).to.equal('signed-out');
    expect(text('[part="error"]')).to.equal(undefined);
  });

  it('shows a sign-out spinner while pending and sends one request for a double click', async () => {
    const { el, $, typeToken, backend, signOutRequests, sdk } = await deskWithAuth();
    await typeToken(TOKEN);
    let release!: () => void;
    const original = backend.deregister.bind(backend);
    backend.deregister = () => new Promise<void>((r) => (release = r)).then(() => original());
    $('[part="sign-out"]')!.click();
    $('[part="sign-out"]')!.click();
    await el.updateComplete;
    expect(signOutRequests).to.have.length(1);
    expect($('[part="sign-out"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($('[part="sign-out"] .spinner')!.getAttribute('aria-label')).to.equal('Signing out…');
    release();
    await until(() => sdk.state.session.status === 'signed-out');
  });

  it('warns before the session expires, counts down, and signs in again keeping the call', async () => {
    const { el, $, text, live, server, clock, sdk, typeToken, signInRequests, withConnectedCall, names } = await deskWithAuth();
    const taskId = await withConnectedCall();
    server.expireToken(4 * 60_000 + 12_000);
    await el.updateComplete;
    expect(text('[part="warning"] .timer')).to.equal('Your session expires in 4:12');
    expect(names()).to.include('cc-auth-expiring');
    await until(() => live() === 'Your session expires in 4:12. Sign in again to stay connected.');
    await expect(el).to.be.accessible();
    clock.advance(2_000);
    await el.updateComplete;
    expect(text('[part="warning"] .timer')).to.equal('Your session expires in 4:10');
    // Sign in again: the form opens with focus in it, and takes a new token.
    $('[part="renew"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($('[part="input"]'));
    expect($('[part="user"]')).to.exist;
    await expect(el).to.be.accessible();
    await typeToken(TOKEN);
    expect(Object.keys(signInRequests.at(-1)!)).to.deep.equal(['credential']);
    expect($('[part="warning"]')).to.equal(null);
    expect($('[part="form"]')).to.equal(null);
    expect(sdk.state.tasks.map((t) => [t.id, t.state])).to.deep.equal([[taskId, 'connected']]);
    expect(sdk.state.station?.teamId).to.equal('team-support');
    expect(allMarkup()).not.to.include(TOKEN);
  });

  it('warns five minutes before the natural end of the token, and can close the form again', async () => {
    const { el, $, text, clock, server, typeToken } = await deskWithAuth();
    await typeToken(TOKEN);
    clock.advance(server.timing.tokenLifetimeMs - 5 * 60_000 - 1_000);
    await el.updateComplete;
    expect($('[part="warning"]')).to.equal(null);
    clock.advance(1_000);
    await el.updateComplete;
    expect(text('[part="warning"] .timer')).to.equal('Your session expires in 5:00');
    $('[part="renew"]')!.click();
    await el.updateComplete;
    expect($('[part="form"]')).to.exist;
    const cancel = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!;
    cancel.click();
    await el.updateComplete;
    expect($('[part="form"]')).to.equal(null);
    expect($('[part="renew"]')).to.exist;
  });

  it('says when the session has expired and signs in again keeping the call', async () => {
    const { el, $, text, server, sdk, typeToken, withConnectedCall } = await deskWithAuth();
    const taskId = await withConnectedCall();
    server.expireToken(0);
    await el.updateComplete;
    expect(sdk.state.session.expired).to.equal(true);
    expect($('[part="expired"]')!.getAttribute('role')).to.equal('alert');
    expect(text('[part="expired"]')).to.match(/^Your session has expired/);
    expect($('[part="warning"]')).to.equal(null);
    expect($('[part="form"]')).to.exist;
    await expect(el).to.be.accessible();
    await typeToken('expired-token');
    expect(text('[part="error"]')).to.equal('The access token was refused: it is malformed or has expired.');
    expect($('[part="expired"]')).to.exist;
    await typeToken(TOKEN);
    expect(sdk.state.session.expired).to.equal(false);
    expect($('[part="expired"]')).to.equal(null);
    expect($('[part="form"]')).to.equal(null);
    expect(sdk.state.tasks.map((t) => [t.id, t.state])).to.deep.equal([[taskId, 'connected']]);
    await sdk.request('cc-task-hold-request', { taskId });
    expect(sdk.state.tasks[0].held).to.equal(true);
  });

  it('passes axe in the dark scheme, warning and error shown', async () => {
    const { el, server, withConnectedCall, $, typeToken } = await deskWithAuth();
    el.style.setProperty('--cc-color-scheme', 'dark');
    await withConnectedCall();
    server.expireToken(60_000);
    await el.updateComplete;
    ($('[part="renew"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await typeToken('invalid-again');
    expect($('[part="warning"]')).to.exist;
    expect($('[part="error"]')).to.exist;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});

describe('<cc-auth> back from the OAuth sign-in page', () => {
  it('finishes signing in by itself when the page URL carries the token', async () => {
    const before = location.href;
    const rig = await sdkFixture(html`<cc-sdk></cc-sdk>`);
    const requests: unknown[] = [];
    rig.sdk.addEventListener('cc-sign-in-request', (e) => requests.push(e.detail));
    // This page started the round trip (its state is kept), and the sign-in page sends it back with the token.
    sessionStorage.setItem('cc-elements:oauth-state', 'state-of-this-page-0123456789');
    history.replaceState(null, '', `${location.pathname}${location.search}#access_token=abc&expires_in=3600&state=state-of-this-page-0123456789`);
    try {
      const auth = document.createElement('cc-auth');
      auth.setAttribute('client-id', 'C0ffee');
      auth.setAttribute('redirect-uri', 'https://crm.example.com/cb');
      rig.sdk.append(auth);
      await until(() => rig.sdk.state.session.status === 'signed-in');
      expect(requests.map((d) => Object.keys(d as object))).to.deep.equal([['credential']]);
      expect(location.href).to.not.contain('access_token');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
