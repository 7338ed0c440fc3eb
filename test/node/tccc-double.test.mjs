// Node-level tests of the TCCC double (test/tccc-double/server.mjs): what a page sees on the wire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startTcccDouble } from '../tccc-double/server.mjs';
import { GUESSES } from '../tccc-double/guesses.mjs';

let double;
before(async () => {
  double = await startTcccDouble();
});
after(async () => {
  await double.close();
});

const sdkUrl = async (site) => (await (await fetch(site.endpoint, { method: 'POST' })).json()).SdkURL;

/** Opens the script's link for the token of `url` and collects what comes; `next(event)` waits for one. */
async function link(url) {
  const token = new URL(url).searchParams.get('token');
  const ws = new WebSocket(`${new URL(url).origin.replace(/^http/, 'ws')}${new URL(url).pathname.replace(/\/tcccSdk\.js$/, '/link')}?token=${token}`);
  const seen = [];
  ws.on('message', (data) => seen.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async (match) => {
    for (let i = 0; i < 200; i++) {
      const found = seen.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('nothing came');
  };
  let id = 0;
  const call = async (method, args = {}) => {
    const n = ++id;
    ws.send(JSON.stringify({ id: n, method, args }));
    return next((m) => m.id === n);
  };
  return { ws, seen, next, call };
}

test('the route mints an SdkURL of the documented form; its script defines window.tccc and is served for cross-origin loading', async () => {
  const site = double.command({ action: 'site' });
  const res = await fetch(site.endpoint, { method: 'POST', headers: { origin: 'http://localhost:8000' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  const { SdkURL } = await res.json();
  const url = new URL(SdkURL);
  assert.equal(url.pathname, `/${site.site}/sdk/tcccSdk.js`);
  assert.deepEqual([...url.searchParams.keys()], ['sdkAppId', 'token', 'userid']);
  const script = await fetch(SdkURL, { headers: { origin: 'http://localhost:8000' } });
  assert.match(script.headers.get('content-type'), /javascript/);
  assert.equal(script.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  assert.match(await script.text(), /window\.tccc = \{/);
  double.command({ action: 'close', site: site.site });
});

test('a URL works once: ready the first time, tokenExpired (used) the second; an expired one answers tokenExpired', async () => {
  const site = double.command({ action: 'site' });
  const url = await sdkUrl(site);
  const first = await link(url);
  assert.deepEqual(await first.next((m) => m.event), { event: 'ready', status: GUESSES.statusAtReady });
  const second = await link(url);
  const expired = await second.next((m) => m.event);
  assert.equal(expired.event, 'tokenExpired');
  assert.deepEqual(expired.payload, { data: { message: GUESSES.usedUrlMessage } });
  const later = await sdkUrl(site);
  double.command({ action: 'expire-urls', site: site.site });
  const third = await link(later);
  assert.equal((await third.next((m) => m.event)).payload.data.message, GUESSES.expiredUrlMessage);
  double.command({ action: 'close', site: site.site });
});

test('methods answer {ok, data} or {ok: false, errorMsg}; a call rings, is accepted, held and ends into after-call work', async () => {
  const site = double.command({ action: 'site', options: { wrap: 'flat' } });
  const sdk = await link(await sdkUrl(site));
  await sdk.next((m) => m.event === 'ready');
  assert.deepEqual((await sdk.call('Agent.setStatus', { status: 'free' })).errorMsg, 'The agent is offline.');
  assert.equal((await sdk.call('Agent.online')).ok, true);
  await sdk.next((m) => m.event === 'statusChanged' && m.payload.status === GUESSES.statusAfterOnline);
  const { sessionId } = double.command({ action: 'ring', site: site.site });
  const offer = await sdk.next((m) => m.event === 'callIn');
  assert.equal(offer.payload.sessionId, sessionId);
  assert.deepEqual(offer.payload.ivrPath, [{ key: '1', label: 'Chinese' }, { key: '2', label: 'Billing' }]);
  assert.equal((await sdk.call('Call.accept', { sessionId })).ok, true);
  await sdk.next((m) => m.event === 'userAccessed' && m.payload.sessionId === sessionId);
  double.command({ action: 'refuse-next', site: site.site, method: 'Call.hold', errorMsg: 'No hold music.' });
  assert.deepEqual(await sdk.call('Call.hold', { sessionId }).then(({ ok, errorMsg }) => ({ ok, errorMsg })), { ok: false, errorMsg: 'No hold music.' });
  assert.equal((await sdk.call('Call.hold', { sessionId })).ok, true);
  double.command({ action: 'customer-hangs-up', site: site.site, sessionId });
  assert.deepEqual((await sdk.next((m) => m.event === 'sessionEnded')).payload, { sessionId, closeBy: 'client', type: 'phone', duration: 42 });
  await sdk.next((m) => m.event === 'statusChanged' && m.payload.status === 'arrange');
  assert.equal((await sdk.call('Call.accept', { sessionId: 'nope' })).errorMsg, 'Session nope does not exist.');
  double.command({ action: 'close', site: site.site });
});
