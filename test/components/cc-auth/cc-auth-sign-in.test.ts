/**
 * `<cc-auth>` renders how the backend says agents sign in (its sign-in descriptor, known before the backend
 * loads): XuC's username and password against the loopback XuC double, and the descriptor of a backend a page
 * registers itself, with no change to `<cc-auth>`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-sdk.js';
import '../../../define/cc-auth.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import type { CcAuth } from '../../../components/cc-auth/cc-auth.js';
import { registerBackend } from '../../../src/backends/registry.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import type { Backend } from '../../../src/core/backend.js';
import type { Credentials } from '../../../src/core/types.js';
import type { RequestDetails } from '../../../src/events/events.js';
import { allInputValues, allMarkup, until } from '../../helpers.js';
import { XucSite } from '../../xuc-double/client.js';

/** A `<cc-sdk>` with a `<cc-auth>` inside, and handy views of what the agent sees. */
async function page(template: ReturnType<typeof html>) {
  const sdk = await fixture<CcSdk>(template);
  const el = sdk.querySelector('cc-auth') as CcAuth;
  await el.updateComplete;
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const label = (id: string) => el.shadowRoot!.querySelector(`label[for="${id}"]`)?.textContent?.trim();
  const requests: RequestDetails['cc-sign-in-request'][] = [];
  el.addEventListener('cc-sign-in-request', (e) => requests.push(e.detail));
  /** Types into a field as a user does. */
  const type = async (selector: string, value: string) => {
    $<HTMLInputElement>(selector)!.focus();
    if (value) await sendKeys({ type: value });
  };
  return { sdk, el, $, text, label, requests, type };
}

describe('<cc-auth> on a backend that signs in with a username and password (XuC)', () => {
  let site: XucSite | null = null;
  afterEach(async () => {
    document.querySelectorAll('cc-sdk').forEach((s) => s.remove());
    await site?.close();
    site = null;
  });

  it('shows username and password fields before the backend has loaded, and no token field', async () => {
    // A server that does not exist: the descriptor comes from the registry, not from a built backend.
    const { el, $, label } = await page(html`<cc-sdk backend="xuc" server="https://xivo.invalid"><cc-auth></cc-auth></cc-sdk>`);
    expect(label('username')).to.equal('Username');
    expect(label('password')).to.equal('Password');
    expect($<HTMLInputElement>('#password')!.type).to.equal('password');
    expect($<HTMLInputElement>('#username')!.autocomplete).to.equal('username');
    expect($('#token')).to.equal(null);
    expect($('[part="oauth"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks for what is missing, next to the field, and sends nothing', async () => {
    const { el, $, text, requests, type } = await page(html`<cc-sdk backend="xuc" server="https://xivo.invalid"><cc-auth></cc-auth></cc-sdk>`);
    await type('#username', '');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text('#username-error')).to.equal('Enter your username.');
    expect(text('#password-error')).to.equal('Enter your password.');
    expect($('#username')!.getAttribute('aria-invalid')).to.equal('true');
    expect($('#username')!.getAttribute('aria-describedby')).to.equal('username-error');
    expect(el.shadowRoot!.activeElement).to.equal($('#username'));
    await expect(el).to.be.accessible();
    await type('#username', 'alice');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text('#username-error')).to.equal(undefined);
    expect(text('#password-error')).to.equal('Enter your password.');
    expect(el.shadowRoot!.activeElement).to.equal($('#password'));
    expect(requests).to.deep.equal([]);
  });

  it('signs in against the XuC double: the password is sealed, the field emptied, and it appears nowhere', async () => {
    site = await XucSite.create();
    const { sdk, el, $, text, requests, type } = await page(
      html`<cc-sdk backend="xuc" server=${site.baseUrl} heartbeat-ms="200"><cc-auth></cc-auth></cc-sdk>`,
    );
    await until(() => sdk.desk.backend?.name === 'xuc', 5000, 'the xuc backend');
    const { login, password } = site.alice;
    await type('#username', login);
    await type('#password', password);
    await sendKeys({ press: 'Enter' });
    // The field is emptied as the request leaves, before XiVO answers.
    expect($<HTMLInputElement>('#password')!.value).to.equal('');
    await until(() => sdk.state.profile, 5000, 'signed in');
    await el.updateComplete;
    expect(text('[part="user"] .name')).to.equal('Alice Martin');
    // The page's listeners saw the username and a sealed handle, never the password.
    expect(requests).to.have.length(1);
    expect(requests[0].username).to.equal(login);
    expect(requests[0].password).to.equal(undefined);
    expect(JSON.stringify(requests[0])).to.not.contain(password);
    expect(String(requests[0].credential)).to.not.contain(password);
    // Nowhere on the page: markup, attributes, field values, storage, the URL.
    expect(allMarkup()).to.not.contain(password);
    expect(allInputValues().join('\n')).to.not.contain(password);
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.not.contain(password);
    expect(location.href).to.not.contain(password);
    await expect(el).to.be.accessible();
  });

  it('says so next to the password when XiVO refuses the credentials, and keeps the username', async () => {
    site = await XucSite.create();
    const { sdk, el, $, text, type } = await page(html`<cc-sdk backend="xuc" server=${site.baseUrl}><cc-auth></cc-auth></cc-sdk>`);
    await until(() => sdk.desk.backend?.name === 'xuc', 5000, 'the xuc backend');
    await type('#username', site.alice.login);
    await type('#password', 'not-the-password');
    await sendKeys({ press: 'Enter' });
    await until(() => sdk.state.errors['cc-sign-in-request'], 5000, 'the refusal');
    await el.updateComplete;
    expect(text('#password-error')).to.equal('The username or password is wrong.');
    expect($('#password')!.getAttribute('aria-describedby')).to.equal('password-error');
    expect($<HTMLInputElement>('#username')!.value).to.equal(site.alice.login);
    expect($<HTMLInputElement>('#password')!.value).to.equal('');
    expect(allMarkup()).to.not.contain('not-the-password');
    await expect(el).to.be.accessible();
  });
});

describe("<cc-auth> renders a registered backend's own descriptor", () => {
  afterEach(() => document.querySelectorAll('cc-sdk').forEach((s) => s.remove()));

  /** A backend of the page's own: the simulator underneath, its sign-in recorded. */
  function acme(connects: Credentials[], gate?: Promise<void>) {
    return async (): Promise<Backend> => {
      await gate;
      const backend = new SimulatorBackend();
      const connect = backend.connect.bind(backend);
      Object.defineProperty(backend, 'name', { value: 'acme' });
      backend.connect = (credentials: Credentials) => {
        connects.push(credentials);
        // What the host's server would issue.
        return connect({ accessToken: 'from-acme-server' });
      };
      return backend as Backend;
    };
  }
  const acmeSignIn = {
    methods: [{ kind: 'server' as const, label: 'signInWithAcme' }],
    strings: { signInWithAcme: 'Sign in with Acme' },
  };

  it('shows its button with its label as soon as it is chosen, and signs in with nothing to enter', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const connects: Credentials[] = [];
    registerBackend('acme', acme(connects, gate), { signIn: acmeSignIn });
    const { sdk, el, $, text, requests } = await page(html`<cc-sdk backend="acme"><cc-auth></cc-auth></cc-sdk>`);
    // The backend's code has not loaded yet: its way in is on screen already.
    expect(sdk.desk.backend).to.equal(null);
    expect(text('[part="continue"]')).to.equal('Sign in with Acme');
    expect($('#token')).to.equal(null);
    await expect(el).to.be.accessible();
    open();
    await until(() => sdk.desk.backend?.name === 'acme', 3000, 'the acme backend');
    $<HTMLButtonElement>('[part="continue"]')!.click();
    await until(() => sdk.state.profile, 3000, 'signed in');
    expect(requests).to.deep.equal([{}]);
    expect(connects).to.deep.equal([{}]);
  });

  it("takes the page's replacement for the descriptor's label", async () => {
    registerBackend('acme-fr', acme([]), { signIn: acmeSignIn });
    const { el, text } = await page(html`<cc-sdk backend="acme-fr"><cc-auth></cc-auth></cc-sdk>`);
    el.strings = { signInWithAcme: 'Se connecter avec Acme' };
    await el.updateComplete;
    expect(text('[part="continue"]')).to.equal('Se connecter avec Acme');
  });

  it('refuses a token sign-in on a backend that takes a username and password, with its words', async () => {
    registerBackend('acme-password', acme([]), { signIn: { methods: [{ kind: 'password' }] } });
    const { sdk } = await page(html`<cc-sdk backend="acme-password"><cc-auth></cc-auth></cc-sdk>`);
    await until(() => sdk.desk.backend?.name === 'acme', 3000, 'the backend');
    await sdk.request('cc-sign-in-request', { accessToken: 'a-token' });
    expect(sdk.state.errors['cc-sign-in-request']).to.include({ code: 'invalid-request', message: 'Enter your username and password.' });
    expect(sdk.state.session.status).to.equal('signed-out');
  });
});
