import { expect, fixture, html } from '@open-wc/testing';
import { sdkFixture, detailsOf, recordOutcomes, rig, until } from '../../helpers.js';
import '../../probe.js';
import type { CcProbe } from '../../probe.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';

async function signInAndAvailable(sdk: CcSdk) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

describe('<cc-sdk>', () => {
  it('defaults to the simulator backend', async () => {
    const sdk = await fixture<CcSdk>(html`<cc-sdk></cc-sdk>`);
    await until(() => sdk.desk.backend);
    expect(sdk.desk.backend?.name).to.equal('simulator');
    expect(sdk.simulator).to.exist;
  });

  it('turns a request into a backend call and announces the outcome once, bubbling and composed', async () => {
    const { sdk } = await sdkFixture();
    const received = recordOutcomes(document);
    await signInAndAvailable(sdk);
    const changes = received.filter((e) => e.type === 'cc-agent-state-change');
    expect(detailsOf(changes, 'cc-agent-state-change').map((d) => d.state)).to.deep.equal(['Idle', 'Available']);
    expect(changes[0].bubbles && changes[0].composed && !changes[0].cancelable).to.equal(true);
  });

  it('does not run a request the page cancelled', async () => {
    const { sdk, server, events } = await sdkFixture(html`<cc-sdk><cc-probe></cc-probe></cc-sdk>`);
    await sdk.request('cc-sign-in-request', { accessToken: 'token' });
    const probe = sdk.querySelector('cc-probe') as CcProbe;
    document.addEventListener('cc-station-login-request', (e) => e.preventDefault(), { once: true });
    const sent = probe.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    expect(sent).to.equal(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.station).to.equal(null);
    expect(events.map((e) => e.type)).to.not.include('cc-station-login');
    // Not cancelled this time: it runs.
    expect(probe.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' })).to.equal(true);
    await until(() => server.station);
  });

  it('sends one request for a double click', async () => {
    const { sdk, backend } = await sdkFixture();
    await sdk.request('cc-sign-in-request', { accessToken: 'token' });
    let calls = 0;
    const original = backend.stationLogin.bind(backend);
    backend.stationLogin = (args) => {
      calls++;
      return original(args);
    };
    await Promise.all([
      sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' }),
      sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' }),
    ]);
    expect(calls).to.equal(1);
  });

  it('renders a widget inside it from the store, and follows changes', async () => {
    const { sdk } = await sdkFixture(html`<cc-sdk><cc-probe></cc-probe></cc-sdk>`);
    const probe = sdk.querySelector('cc-probe') as CcProbe;
    await signInAndAvailable(sdk);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Available');
  });

  it('serves a widget outside it by sdk="id", or as the page\'s only <cc-sdk>', async () => {
    const root = await fixture(html`<div>
      <cc-probe sdk="desk-a"></cc-probe>
      <cc-probe></cc-probe>
      <cc-sdk id="desk-a"></cc-sdk>
    </div>`);
    const sdk = root.querySelector('cc-sdk') as CcSdk;
    const [named, lone] = root.querySelectorAll('cc-probe');
    await until(() => named.sdk.desk && lone.sdk.desk);
    expect(named.sdk.desk).to.equal(sdk.desk);
    expect(lone.sdk.desk).to.equal(sdk.desk);
  });

  it('keeps two <cc-sdk> on one page independent', async () => {
    const a = rig();
    const b = rig();
    const root = await fixture(html`<div>
      <cc-sdk id="one" .backend=${a.backend}><cc-probe></cc-probe></cc-sdk>
      <cc-sdk id="two" .backend=${b.backend}><cc-probe></cc-probe></cc-sdk>
      <cc-probe sdk="two" id="outside"></cc-probe>
    </div>`);
    const [one, two] = root.querySelectorAll('cc-sdk');
    await until(() => one.desk.backend === a.backend && two.desk.backend === b.backend);
    const fromTwo = recordOutcomes(two);
    await signInAndAvailable(one);
    expect(one.state.agent?.state).to.equal('Available');
    expect(two.state.session.status).to.equal('signed-out');
    expect(fromTwo).to.have.length(0);
    const outside = root.querySelector('#outside') as CcProbe;
    expect(outside.sdk.desk).to.equal(two.desk);
    expect(one.querySelector('cc-probe')!.sdk.desk).to.equal(one.desk);
  });

  it('reports an unknown backend name as cc-error and changes nothing', async () => {
    const { sdk, backend, events } = await sdkFixture();
    sdk.setAttribute('backend', 'nonesuch');
    await until(() => events.some((e) => e.type === 'cc-error'));
    expect(detailsOf(events, 'cc-error')[0]).to.include({ code: 'unknown-backend', action: 'backend' });
    expect(detailsOf(events, 'cc-error')[0].message).to.contain('nonesuch');
    expect(sdk.desk.backend).to.equal(backend);
  });

  it('reports a malformed scenario as cc-error and runs none of it', async () => {
    const { sdk, server, events } = await sdkFixture();
    sdk.scenario = '[{"at": "soon", "action": "offer"}]';
    await until(() => events.some((e) => e.type === 'cc-error'));
    expect(detailsOf(events, 'cc-error')[0].code).to.equal('invalid-scenario');
    expect(server.timerCount).to.equal(0);
  });

  it('runs a named scenario given as an attribute', async () => {
    const { sdk, server, clock } = await sdkFixture();
    await signInAndAvailable(sdk);
    sdk.scenario = 'first-call';
    await sdk.updateComplete;
    clock.advance(1500);
    expect(server.tasks).to.have.length(1);
    expect(sdk.state.tasks[0].mediaType).to.equal('telephony');
  });

  it('releases its backend when removed from the page (release-delay="0": at once)', async () => {
    const { sdk, server } = await sdkFixture(html`<cc-sdk release-delay="0"></cc-sdk>`);
    await signInAndAvailable(sdk);
    server.offer();
    sdk.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(sdk.desk.backend).to.equal(null);
    expect(sdk.desk.store.listenerCount).to.equal(0);
  });
});

describe('<cc-sdk> backend property', () => {
  it('uses a backend object set before the element first renders', async () => {
    const { backend } = rig();
    const sdk = document.createElement('cc-sdk');
    sdk.backend = backend;
    document.body.append(sdk);
    await until(() => sdk.desk.backend);
    await new Promise((r) => setTimeout(r, 20));
    expect(sdk.desk.backend).to.equal(backend);
    sdk.remove();
  });

  it('builds its backend again when put back into the page after it was released', async () => {
    const sdk = await fixture<CcSdk>(html`<cc-sdk release-delay="0"></cc-sdk>`);
    await until(() => sdk.desk.backend);
    const parent = sdk.parentElement!;
    sdk.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(sdk.desk.backend).to.equal(null);
    parent.append(sdk);
    await until(() => sdk.desk.backend);
    expect(sdk.desk.backend?.name).to.equal('simulator');
  });
});

describe('<cc-sdk> backend options', () => {
  it('passes its attributes and backendOptions to the backend factory, and rebuilds when they change', async () => {
    const { registerBackend } = await import('../../../src/backends/registry.js');
    const seen: Record<string, unknown>[] = [];
    registerBackend('recording-options', (options) => {
      seen.push({ ...options });
      return rig().backend;
    });
    const sdk = await fixture<CcSdk>(html`<cc-sdk backend="recording-options" client-id="C0ffee" ready-timeout="5000"></cc-sdk>`);
    await until(() => seen.length === 1);
    expect(seen[0]).to.include({ 'client-id': 'C0ffee', 'ready-timeout': '5000' });
    const instance = { fake: true };
    sdk.backendOptions = { webex: instance };
    await until(() => seen.length === 2);
    expect(seen[1].webex).to.equal(instance);
  });
});
