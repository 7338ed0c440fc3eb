/**
 * `npm run start:webex-local`: the sample page on the real Webex SDK against the local Webex cloud, no account.
 * The page is opened as the script's URL opens it (`?backend=webex-local&cloud=…`); the cloud is the one
 * web-test-runner runs (test/webex-cloud/server.mjs). The page's "Local Webex cloud" controls post to the start
 * script's /webex-local/command, which runs the cloud's script API; here that one route is answered by the
 * same script API through the test runner (test/node/webex-local.test.mjs checks the script's own route).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { Cloud } from '../webex-cloud/client.js';
import { loadSamplePage, settlePage, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

const shadow = (tag: string) => document.querySelector(tag)!.shadowRoot!;
const q = <T extends Element = HTMLElement>(tag: string, selector: string) => shadow(tag).querySelector<T>(selector)!;
function buttonIn(tag: string, name: RegExp): HTMLButtonElement {
  const found = [...shadow(tag).querySelectorAll('button')].find((b) => name.test(b.textContent!.replace(/\s+/g, ' ').trim()));
  if (!found) throw new Error(`no button ${name} in <${tag}>: ${visibleText(document.querySelector(tag))}`);
  return found;
}
async function fill(field: HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settlePage();
}
async function choose(field: HTMLSelectElement | HTMLInputElement, value?: string) {
  if (field instanceof HTMLSelectElement) field.value = value!;
  else field.checked = true;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settlePage();
}

describe('the sample page on the local Webex cloud (npm run start:webex-local)', function () {
  this.timeout(60_000);
  let cloud: Cloud;
  const sdk = () => document.getElementById('desk') as CcSdk;
  const posted: unknown[] = [];

  before(async () => {
    sessionStorage.clear();
    cloud = await Cloud.tenant();
    const origin = new URL(cloud.tenant.sdkUrl).origin;
    const params = new URLSearchParams(location.search);
    params.set('backend', 'webex-local');
    params.set('cloud', origin);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    // The start script's route, for this tenant: the page's request goes to the cloud's script API.
    const pageFetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      if (String(input) !== '/webex-local/command') return pageFetch(input, init);
      const payload = JSON.parse(String(init?.body));
      posted.push(payload);
      const result = await executeServerCommand('webex-cloud', { ...payload, tenant: cloud.tenant.orgId });
      return new Response(JSON.stringify(result ?? {}), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await loadSamplePage((el) => el.removeAttribute('persist'));
  });

  it('opens on the Webex backend pointed at the local cloud, and says how to sign in', async () => {
    await until(() => sdk().desk.backend?.name === 'webex', 5000, 'the webex backend');
    expect(sdk().backendOptions).to.have.nested.property('config.services.discovery.u2c', `${new URL(cloud.tenant.sdkUrl).origin}/u2c/api/v1`);
    await settlePage();
    const switcher = visibleText(document.querySelector('demo-backend-switch'));
    expect(switcher).to.contain('Backend: Webex (local cloud)');
    expect(q<HTMLInputElement>('demo-backend-switch', 'input[value="webex-local"]').checked).to.equal(true);
    expect(switcher).to.contain('Sign in with the access token npm run start:webex-local printed');
    expect(visibleText(document.querySelector('demo-simulator-panel'))).to.contain('Local Webex cloud');
    // The token is the visitor's to paste: it is nowhere in the page's address.
    expect(location.href).to.not.contain(cloud.tenant.token);
  });

  it('signs in with the cloud\'s token on the real SDK, logs in to a desk phone, goes Available, and a call offered from the page rings in the task panel', async () => {
    await fill(q<HTMLInputElement>('cc-auth', '#token'), cloud.tenant.token);
    buttonIn('cc-auth', /^Sign in$/).click();
    await until(() => sdk().state.profile !== null, 20_000, 'signed in through the local cloud');
    // The real SDK, loaded from the cloud, did the sign-in.
    expect((globalThis as { Webex?: unknown }).Webex).to.be.a('function');
    expect((await cloud.state()).calls).to.include('POST /v1/notification/subscribe');
    await settlePage();

    await choose(q<HTMLInputElement>('cc-station-login', 'input[value="AGENT_DN"]'));
    await fill(q<HTMLInputElement>('cc-station-login', '#dial'), '+14155550199');
    buttonIn('cc-station-login', /^Log in$/).click();
    await until(() => sdk().state.station !== null, 10_000, 'the station login');
    await until(async () => (await cloud.state()).agent !== null, 5000, 'the cloud to have the agent logged in');
    await settlePage();
    expect(visibleText(document.querySelector('cc-station-login'))).to.contain('+14155550199');

    await choose(q<HTMLSelectElement>('cc-state-select', 'select'), '0');
    await until(() => sdk().state.agent?.state === 'Available', 10_000, 'Available');

    (document.querySelector('demo-simulator-panel')!.shadowRoot!.querySelector('details') as HTMLDetailsElement).open = true;
    buttonIn('demo-simulator-panel', /^Offer a call$/).click();
    await until(() => visibleText(document.querySelector('demo-simulator-panel')).includes('A call arrives: done.'), 5000, 'the offer');
    expect(posted).to.deep.equal([{ action: 'offer', mediaType: 'telephony' }]);
    await until(() => sdk().state.tasks.some((t) => t.state === 'offered'), 10_000, 'the offer to reach the desk');
    await settlePage();
    const panel = visibleText(document.querySelector('cc-task-panel'));
    const task = sdk().state.tasks[0];
    expect(panel).to.contain(task.customerName ?? task.ani);
    expect((await cloud.state()).contacts).to.include(task.id);
    await expect(document.body).to.be.accessible();
  });

  it('answers the call on the desk phone and lets the customer hang up, from the page\'s Local Webex cloud panel', async () => {
    const taskId = sdk().state.tasks[0].id;
    buttonIn('demo-simulator-panel', /^Answer on the phone$/).click();
    await until(() => sdk().state.tasks.find((t) => t.id === taskId)?.state === 'connected', 10_000, 'the call to connect');
    expect(posted.at(-1)).to.deep.equal({ action: 'answer', taskId });
    // The panel takes one action at a time (its buttons are aria-disabled meanwhile): wait for its answer.
    await until(() => visibleText(document.querySelector('demo-simulator-panel')).includes('You answered on the phone: done.'), 5000, 'the answer');
    buttonIn('demo-simulator-panel', /^Customer hangs up$/).click();
    await until(() => sdk().state.tasks.find((t) => t.id === taskId)?.state === 'wrapup', 10_000, 'the call to end');
    expect(posted.at(-1)).to.deep.equal({ action: 'hangup', taskId });
    await until(() => !(document.getElementById('wrapup-area') as HTMLElement).hidden, 3000, 'the wrap-up');
    await until(() => visibleText(document.querySelector('demo-simulator-panel')).includes('The customer hung up: done.'), 5000, 'the panel to say so');
  });
});

describe('the page takes a local cloud from its address only on loopback http', () => {
  it('ignores another host, https, or no cloud (the page would load the SDK\'s code from it)', async () => {
    const { localCloud } = await import('../../demo/backend-switch.js');
    expect(localCloud('?backend=webex-local&cloud=http%3A%2F%2F127.0.0.1%3A4567')).to.equal('http://127.0.0.1:4567');
    expect(localCloud('?backend=webex-local&cloud=http://localhost:4567/anything')).to.equal('http://localhost:4567');
    expect(localCloud('?backend=webex-local&cloud=http://evil.example:4567')).to.equal(null);
    expect(localCloud('?backend=webex-local&cloud=http://127.0.0.1.evil.example')).to.equal(null);
    expect(localCloud('?backend=webex-local&cloud=https://127.0.0.1:4567')).to.equal(null);
    expect(localCloud('?backend=webex-local&cloud=javascript:alert(1)')).to.equal(null);
    expect(localCloud('?backend=webex-local')).to.equal(null);
    expect(localCloud('?backend=webex&cloud=http://127.0.0.1:4567')).to.equal(null);
  });
});
