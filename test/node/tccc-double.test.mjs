// Node-level tests of the TCCC double (test/tccc-double/server.mjs): what a page sees on the wire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startTcccDouble } from '../tccc-double/server.mjs';
import { GUESSES } from '../tccc-double/guesses.mjs';
import { siteActions, startTcccCloudApi } from '../tccc-double/cloud-api.mjs';
import * as cccModule from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/index.js';

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

test('the Tencent Cloud API stand-in: the official SDK’s signed requests pass, a changed body, an unknown key or an old signature do not; it answers from the site: a call waiting, then its record', async () => {
  const site = double.command({ action: 'site' });
  const state = double.sites.get(site.site);
  const api = await startTcccCloudApi({ credentials: { AKIDtest: 'test-key' }, actions: siteActions(state) });
  try {
    const { ccc } = cccModule.ccc ? cccModule : cccModule.default;
    const client = (secretId, secretKey) =>
      new ccc.v20200210.Client({ credential: { secretId, secretKey }, region: 'ap-singapore', profile: { httpProfile: { endpoint: api.host, protocol: 'http://' } } });
    const sdk = client('AKIDtest', 'test-key');
    const metrics = (body = {}) => sdk.DescribeCallInMetrics({ SdkAppId: state.sdkAppId, EnabledSkillGroup: true, ...body });
    assert.deepEqual((await metrics()).SkillGroupMetrics.map((g) => [g.SkillGroupId, g.Name, g.Metrics.QueueCount]), [[101, 'Support', 0], [102, 'Billing', 0]]);
    // A call rings (Support by default): it waits there until answered.
    const { sessionId } = double.command({ action: 'ring', site: site.site });
    assert.deepEqual((await metrics({ GroupIdList: [101] })).SkillGroupMetrics.map((g) => g.Metrics.QueueCount), [1]);
    // The customer hangs up while it rings: a call record, given up while ringing, in Support's queue.
    double.command({ action: 'customer-hangs-up', site: site.site, sessionId });
    const now = Math.floor(Date.now() / 1000);
    const cdr = await sdk.DescribeTelCdr({ SdkAppId: state.sdkAppId, StartTimeStamp: now - 3600, EndTimeStamp: now + 1, PageSize: 100, PageNumber: 0 });
    assert.equal(cdr.TotalCount, 1);
    assert.deepEqual(
      [cdr.TelCdrList[0].SessionId, cdr.TelCdrList[0].Direction, cdr.TelCdrList[0].EndStatus, cdr.TelCdrList[0].EndStatusString, cdr.TelCdrList[0].QueuedSkillGroupId],
      [sessionId, 0, 104, 'ringingGiveUp', 101],
    );
    await assert.rejects(sdk.DescribeTelCdr({ SdkAppId: state.sdkAppId, StartTimeStamp: now - 3600, EndTimeStamp: now, PageSize: 101, PageNumber: 0 }), { code: 'InvalidParameterValue' });
    // The same signed request with another body, sent again: refused. Another key, an unknown key id: refused.
    const signed = api.seen.find((s) => s.action === 'DescribeCallInMetrics' && !s.error);
    const headers = Object.fromEntries(['authorization', 'content-type', 'x-tc-action', 'x-tc-timestamp', 'x-tc-version', 'x-tc-region'].map((h) => [h, signed.headers[h]]));
    const replay = async (body, extra = {}) => (await (await fetch(`${api.origin}/`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) })).json()).Response;
    assert.equal((await replay(signed.body)).Error, undefined, 'the request as signed passes');
    assert.equal((await replay({ ...signed.body, GroupIdList: [102] })).Error.Code, 'AuthFailure.SignatureFailure');
    assert.equal((await replay(signed.body, { 'x-tc-timestamp': String(now - 600) })).Error.Code, 'AuthFailure.SignatureExpire');
    await assert.rejects(client('AKIDtest', 'other-key').DescribeCallInMetrics({ SdkAppId: state.sdkAppId }), { code: 'AuthFailure.SignatureFailure' });
    await assert.rejects(client('AKIDother', 'test-key').DescribeCallInMetrics({ SdkAppId: state.sdkAppId }), { code: 'AuthFailure.SecretIdNotFound' });
  } finally {
    await api.close();
    double.command({ action: 'close', site: site.site });
  }
});

test('closing the double stops every site\'s timers: a call\'s after-call work (120 s) does not keep the process alive', async () => {
  const own = await startTcccDouble();
  const made = own.command({ action: 'site' });
  const site = own.sites.get(made.site);
  const run = (action, rest = {}) => own.command({ action, site: made.site, ...rest });
  run('admin-status', { status: 'free' });
  const { sessionId } = run('ring');
  site.method('Call.accept', { sessionId }).after();
  run('customer-hangs-up', { sessionId });
  assert.equal(site.status, 'arrange');
  assert.equal(site.timers.size, 1, 'the after-call work timer runs');
  await own.close();
  assert.equal(site.timers.size, 0);
});
