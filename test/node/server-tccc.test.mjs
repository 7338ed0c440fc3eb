// cc-elements/server: the TCCC route minting a fresh SdkURL with CreateSDKLoginToken through the official Node SDK,
// the cloud API stubbed at the HTTP level on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listen, loadCompanion } from './server-helpers.mjs';

const server = await loadCompanion();

async function cloud(t, answer) {
  const seen = [];
  const stub = await listen(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    seen.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Response: answer(seen.length) }));
  });
  t.after(() => stub.close());
  return { stub, seen };
}

function route(stub, extra = {}) {
  return server.createTcccSdkUrlRoute({
    secretId: 'AKID-test-id',
    secretKey: 'test-secret-key',
    sdkAppId: 1400000001,
    seatUserId: (req) => (req.headers['x-user'] === 'ann' ? 'ann@example.com' : undefined),
    endpoint: stub.origin.replace('http://', ''),
    protocol: 'http://',
    ...extra,
  });
}

test('the route returns a fresh SdkURL for the signed-in agent; the secret stays on the server', async (t) => {
  const { stub, seen } = await cloud(t, (n) => ({ Token: `tok-${n}`, ExpiredTime: 1_800_000_000 + n, SdkURL: `https://tccc.example/sdk/tcccSdk.js?token=tok-${n}`, RequestId: `r-${n}` }));
  const app = await listen(route(stub));
  t.after(() => app.close());
  const first = await fetch(`${app.origin}/cc/tccc/sdk-url`, { headers: { 'x-user': 'ann' } });
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  const text = await first.text();
  assert.deepEqual(JSON.parse(text), { SdkURL: 'https://tccc.example/sdk/tcccSdk.js?token=tok-1', expiresAt: 1_800_000_001_000 });
  assert.ok(!text.includes('test-secret-key') && !text.includes('AKID-test-id'));
  // What the SDK sent: the action, the agent from the server's own sign-in, a one-time token, a signed request.
  assert.equal(seen[0].headers['x-tc-action'], 'CreateSDKLoginToken');
  assert.equal(seen[0].headers['x-tc-version'], '2020-02-10');
  assert.match(seen[0].headers.authorization, /^TC3-HMAC-SHA256 Credential=AKID-test-id\//);
  assert.ok(!seen[0].headers.authorization.includes('test-secret-key'));
  assert.deepEqual(seen[0].body, { SdkAppId: 1400000001, SeatUserId: 'ann@example.com', OnlyOnce: true });
  // Never cached: each request mints a new one.
  const second = await (await fetch(`${app.origin}/cc/tccc/sdk-url`, { headers: { 'x-user': 'ann' } })).json();
  assert.equal(second.SdkURL, 'https://tccc.example/sdk/tcccSdk.js?token=tok-2');
  assert.equal(seen.length, 2);
});

test('not signed in: 401 without calling the cloud; a cloud error: 502 with Tencent’s code only', async (t) => {
  const { stub, seen } = await cloud(t, () => ({ Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated (test-secret-key).' }, RequestId: 'r' }));
  const app = await listen(route(stub));
  t.after(() => app.close());
  const anonymous = await fetch(`${app.origin}/cc/tccc/sdk-url`);
  assert.equal(anonymous.status, 401);
  assert.equal(seen.length, 0);
  const failed = await fetch(`${app.origin}/cc/tccc/sdk-url`, { headers: { 'x-user': 'ann' } });
  assert.equal(failed.status, 502);
  const body = await failed.text();
  assert.match(body, /AuthFailure\.SignatureFailure/);
  assert.ok(!body.includes('test-secret-key'));
});

test('the endpoint names: international by default, China on request', () => {
  assert.equal(server.TCCC_ENDPOINTS.international, 'ccc.intl.tencentcloudapi.com');
  assert.equal(server.TCCC_ENDPOINTS.china, 'ccc.tencentcloudapi.com');
  assert.throws(() => server.createTcccSdkUrlRoute({ secretId: '', secretKey: 'k', sdkAppId: 1, seatUserId: () => 'a' }), /needs secretId/);
});
