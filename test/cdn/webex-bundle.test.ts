/**
 * The CDN build in a real browser (`npm test` builds dist/cdn first when it is missing or stale, see
 * scripts/ensure-cdn.mjs; this test never skips): a page on the simulator loads no
 * byte of the Webex SDK; choosing the Webex backend loads its small adapter chunk; the SDK chunk itself is
 * fetched only when the agent signs in with a token, and a fake token then fails offline with a clear error.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';

interface SdkElement extends HTMLElement {
  backend: string;
  desk: { backend: { name: string } | null; state: { errors: Record<string, { code: string; message: string }> } };
  request(name: string, detail: unknown): Promise<boolean>;
}

const loaded = (file: string) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/dist/cdn/${file}`));

describe('webex: the CDN build', () => {
  it('loads the Webex adapter and the SDK only when they are used; a fake token fails fast, and offline: the test browser resolves no host but loopback', async function () {
    this.timeout(40000);
    const response = await fetch('/dist/cdn/manifest.json').catch(() => null);
    if (!response?.ok) throw new Error('No dist/cdn/manifest.json: run this test through `npm test`, which builds dist/cdn.');
    const manifest = (await response.json()) as { entry: string; chunks: Record<string, string> };
    const adapter = manifest.chunks['webex-backend'];
    const sdkChunk = manifest.chunks['webex-sdk'];
    expect(adapter, 'adapter chunk').to.be.a('string');
    expect(sdkChunk, 'SDK chunk').to.be.a('string');

    const entry = `/dist/cdn/${manifest.entry}`;
    await import(/* @vite-ignore */ entry);
    const sdk = document.createElement('cc-sdk') as SdkElement;
    document.body.append(sdk);
    await until(() => sdk.desk?.backend?.name === 'simulator', 5000, 'the simulator');
    expect(loaded(adapter), 'adapter loaded on a simulator page').to.equal(false);
    expect(loaded(sdkChunk), 'SDK loaded on a simulator page').to.equal(false);

    sdk.backend = 'webex';
    await until(() => sdk.desk.backend?.name === 'webex', 5000, 'the webex backend');
    expect(loaded(adapter)).to.equal(true);
    expect(loaded(sdkChunk), 'SDK loaded before sign-in').to.equal(false);

    await sdk.request('cc-sign-in-request', { accessToken: 'not a token' });
    expect(sdk.desk.state.errors['cc-sign-in-request']?.code).to.equal('auth-failed');
    expect(loaded(sdkChunk), 'SDK loaded for a malformed token').to.equal(false);

    const started = performance.now();
    await sdk.request('cc-sign-in-request', { accessToken: `${'A'.repeat(64)}_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f` });
    const error = sdk.desk.state.errors['cc-sign-in-request'];
    expect(loaded(sdkChunk)).to.equal(true);
    expect(['offline', 'auth-failed', 'timeout']).to.include(error?.code);
    expect(error.message).to.be.a('string').and.not.equal('');
    expect(performance.now() - started).to.be.below(30000);
    sdk.remove();
  });
});
