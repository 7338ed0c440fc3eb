/**
 * Multi-login (webex-sdk.md #14), on the real SDK through the loopback Webex cloud: by default the SDK
 * subscribes with `allowMultiLogin: false`, so signing in closes the agent's Agent Desktop, and Agent Desktop
 * signing in again closes this page's session (the page hears why). `<cc-sdk multi-login>` lets both stay.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import { Cloud, QUIET, loadRealSdk, realSdkBackend } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

describe('webex on the real SDK: multi-login', function () {
  this.timeout(30_000);

  it('by default, signing in closes the open Agent Desktop, and Agent Desktop signing in again signs this page out, saying why', async () => {
    const cloud = await Cloud.tenant();
    await cloud.desktopOpen();
    const { backend, events } = realSdkBackend(cloud, { readyTimeoutMs: 5000 });
    await backend.connect({ accessToken: cloud.tenant.token });
    await backend.register();
    const state = await cloud.state();
    expect(state.pageAllowsMultiLogin).to.equal(false);
    expect(state.desktop).to.deep.equal({ open: false, closedBy: 'multi-login' });
    await cloud.desktopSignsIn();
    await until(() => events.some((e) => e.type === 'signed-out'), 3000, 'the page signed out');
    const out = events.find((e) => e.type === 'signed-out');
    expect(out?.type === 'signed-out' && out.reason).to.match(/signed in somewhere else/);
    backend.dispose();
    await cloud.reset();
  });

  it('<cc-sdk multi-login>: the Agent Desktop stays open, and its sign-in leaves this page signed in', async () => {
    const cloud = await Cloud.tenant();
    await cloud.desktopOpen();
    const options = { loadSdk: () => loadRealSdk(cloud.tenant.sdkUrl), config: { ...cloud.tenant.config, ...QUIET }, readyTimeout: 5000 };
    const sdk = await fixture<CcSdk>(html`<cc-sdk backend="webex" multi-login .backendOptions=${options}></cc-sdk>`);
    await until(() => sdk.desk.backend?.name === 'webex', 5000, 'the webex backend');
    await sdk.request('cc-sign-in-request', { accessToken: cloud.tenant.token });
    expect(sdk.state.session.status).to.equal('signed-in');
    const state = await cloud.state();
    expect(state.pageAllowsMultiLogin).to.equal(true);
    expect(state.desktop).to.deep.equal({ open: true });
    const outs: Event[] = [];
    sdk.addEventListener('cc-signed-out', (e) => outs.push(e));
    await cloud.desktopSignsIn();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outs).to.have.length(0);
    expect(sdk.state.session.status).to.equal('signed-in');
    sdk.remove();
    await cloud.reset();
  });
});
