/**
 * The preflight checks off the simulator: a backend's declared plan (XuC's address without path or query), the
 * browser check on a browser that lacks features, the reachability of a real host and of a closed port, and the
 * clock against the page's server's Date header (real, and one ten minutes off).
 */
import { expect } from '@open-wc/testing';
import { browserCheck, clockCheck, reachCheck, type PreflightEnv } from '../../../components/cc-preflight/checks.js';
import { preflightFor } from '../../../src/backends/registry.js';
import type { PreflightPlan } from '../../../src/core/preflight.js';

const env = (overrides: Partial<PreflightEnv> = {}): PreflightEnv => ({
  scope: globalThis as unknown as PreflightEnv['scope'],
  now: () => Date.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  fetch: (...args) => globalThis.fetch(...args),
  ...overrides,
});
const plan = (over: Partial<PreflightPlan>): PreflightPlan => ({ ...preflightFor('webex'), ...over });

describe('preflight checks', () => {
  it("XuC's plan reaches the server's origin only, never its path or query", () => {
    const xuc = preflightFor('xuc', { server: 'https://xivo.example.com/app?token=abc' });
    expect(xuc.reachUrl).to.equal('https://xivo.example.com/');
    expect(xuc.checks).to.deep.equal(['browser', 'reach', 'clock']);
    expect(preflightFor('xuc', {}).reachUrl).to.equal(null);
  });

  it("Webex's and TCCC's plans reach the hosts the README names (the guesses of reach-guesses.ts)", () => {
    expect(preflightFor('webex').reachUrl).to.equal('https://webexapis.com/');
    expect(preflightFor('tccc').reachUrl).to.equal('https://tccc.qcloud.com/');
  });

  it('fails a browser that lacks a feature the backend needs, and warns about one it can do without', () => {
    const full = { RTCPeerConnection, navigator, AudioContext, WebSocket, fetch, BroadcastChannel };
    const scope = { ...full, RTCPeerConnection: undefined } as unknown as PreflightEnv['scope'];
    expect(browserCheck(preflightFor('webex'), scope)).to.deep.include({ status: 'failure', code: 'browserMissing', values: { features: 'WebRTC' } });
    const noLocks = { ...full, navigator: { mediaDevices: navigator.mediaDevices } };
    expect(browserCheck(preflightFor('webex'), noLocks as unknown as PreflightEnv['scope'])).to.deep.include({ status: 'warning', code: 'browserPartial', values: { features: 'Web Locks' } });
    expect(browserCheck(preflightFor('webex'), globalThis as unknown as PreflightEnv['scope']).code).to.equal('browserOk');
  });

  it('reaches a host that answers, and fails one that does not, naming the host only', async () => {
    const ok = await reachCheck(plan({ reachUrl: `${location.origin}/?token=secret` }), null, env(), 5000);
    expect(ok.code).to.equal('reachOk');
    expect(ok.values!.host).to.equal(location.host);
    const down = await reachCheck(plan({ reachUrl: 'http://127.0.0.1:9/?token=secret' }), null, env(), 5000);
    expect(down).to.deep.include({ status: 'failure', code: 'reachFailed', values: { host: '127.0.0.1:9' } });
    expect((await reachCheck(plan({ reachUrl: null }), null, env(), 5000)).code).to.equal('reachUnknown');
  });

  it("reads the page's server time from its Date header, and fails a clock ten minutes off", async () => {
    expect((await clockCheck(plan({}), null, env())).code).to.equal('clockOk');
    const skewed = await clockCheck(plan({}), null, env({ now: () => Date.now() - 10 * 60_000 }));
    expect(skewed).to.deep.include({ status: 'failure', code: 'clockWrong', values: { minutes: 10 } });
    const noDate = await clockCheck(plan({}), null, env({ fetch: async () => new Response('', { headers: {} }) }));
    expect(noDate.code).to.equal('clockUnknown');
  });
});
