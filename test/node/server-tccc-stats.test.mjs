// cc-elements/server: TCCC statistics (DescribeCallInMetrics, DescribeStaffStatusMetrics) through the official Node
// SDK, the cloud API stubbed at the HTTP level on loopback, answered as the kit's StatsReport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listen, loadCompanion } from './server-helpers.mjs';

const server = await loadCompanion();

/** A loopback Tencent Cloud: `answers[action](body, n)` gives the `Response` of each call; everything seen is kept. */
async function cloud(t, answers) {
  const seen = [];
  const stub = await listen(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const action = req.headers['x-tc-action'];
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    seen.push({ action, headers: req.headers, body });
    const answer = answers[action] ? answers[action](body, seen.filter((s) => s.action === action).length) : { Error: { Code: 'InvalidAction', Message: 'no' } };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Response: { RequestId: `r-${seen.length}`, ...answer } }));
  });
  t.after(() => stub.close());
  return { stub, seen };
}

async function setup(t, answers, extra = {}) {
  const { stub, seen } = await cloud(t, answers);
  const clock = { now: Date.UTC(2026, 10, 27, 14, 7, 30) };
  const stats = server.createTcccStats({
    secretId: 'AKID-stats-id',
    secretKey: 'stats-secret-key',
    sdkAppId: 1400000002,
    endpoint: stub.origin.replace('http://', ''),
    protocol: 'http://',
    now: () => clock.now,
    ...extra,
  });
  const app = await listen(
    stats.statsRoute({
      authorize: (req) => req.headers['x-user'] === 'ann' || req.headers['x-user'] === 'bob',
      agentId: (req) => (req.headers['x-user'] === 'ann' ? 'ann@example.com' : undefined),
    }),
  );
  t.after(() => app.close());
  return { stats, app, seen, clock };
}

const metrics = (queue, maxQueue, accept) => ({ IvrCount: 1, QueueCount: queue, RingCount: 1, AcceptCount: accept, TransferOuterCount: 0, MaxQueueDuration: maxQueue, AvgQueueDuration: 10, MaxRingDuration: 5, AvgRingDuration: 3, MaxAcceptDuration: 300, AvgAcceptDuration: 120 });
const callIn = () => ({
  Timestamp: 1_800_000_000,
  TotalMetrics: metrics(5, 95, 4),
  NumberMetrics: [{ Number: '0086100', Metrics: metrics(5, 95, 4) }],
  SkillGroupMetrics: [
    { SkillGroupId: 101, Name: 'Sales', Metrics: metrics(3, 95, 2) },
    { SkillGroupId: 102, Name: 'Support', Metrics: metrics(2, 40, 2) },
  ],
});
const staff = () => ({
  Metrics: [
    {
      Email: 'ann@example.com',
      Status: 'afterCallWork',
      StatusExtra: {},
      OnlineDuration: 7200,
      FreeDuration: 3600,
      BusyDuration: 1800,
      NotReadyDuration: 600,
      RestDuration: 300,
      AfterCallWorkDuration: 900,
      Reason: '',
      ReserveRest: false,
      ReserveNotReady: false,
      UseMobileAccept: 0,
      LastStatusTimestamp: 1_800_000_000,
    },
  ],
});

test('TCCC figures normalised to the StatsReport: per skill group the calls waiting, the longest wait and the calls connected; the agent’s time per state today; no secret in the answer', async (t) => {
  const { app, seen, clock } = await setup(t, { DescribeCallInMetrics: callIn, DescribeStaffStatusMetrics: staff });
  const res = await fetch(`${app.origin}/cc/tccc/stats?queues=101,102,999,sales&agent=bob@example.com`, { headers: { 'x-user': 'ann' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const text = await res.text();
  assert.ok(!text.includes('stats-secret-key') && !text.includes('AKID-stats-id'), 'no secret in the answer');
  assert.deepEqual(JSON.parse(text), {
    queues: [
      { queueId: '101', queueName: 'Sales', waiting: 3, longestWaitSeconds: 95, agentsTalking: 2, at: clock.now },
      { queueId: '102', queueName: 'Support', waiting: 2, longestWaitSeconds: 40, agentsTalking: 2, at: clock.now },
    ],
    agent: { agentId: 'ann@example.com', status: 'afterCallWork', averageHandleSeconds: null, stateSeconds: { Available: 3600, Idle: 900, AfterCall: 900 }, at: clock.now },
    unknownQueues: ['999', 'sales'],
    at: clock.now,
  });
  // What the SDK sent: signed with the key id (never the key), the skill groups asked, the agent from the server's
  // own sign-in (the `agent` query parameter is not trusted).
  const asked = seen.find((s) => s.action === 'DescribeCallInMetrics');
  assert.equal(asked.headers['x-tc-version'], '2020-02-10');
  assert.match(asked.headers.authorization, /^TC3-HMAC-SHA256 Credential=AKID-stats-id\//);
  assert.ok(!asked.headers.authorization.includes('stats-secret-key'));
  assert.deepEqual(asked.body, { SdkAppId: 1400000002, EnabledSkillGroup: true, EnabledNumber: false, GroupIdList: [101, 102, 999] });
  assert.deepEqual(seen.find((s) => s.action === 'DescribeStaffStatusMetrics').body, { SdkAppId: 1400000002, StaffList: ['ann@example.com'] });
  // Within the cache time a second poll asks the cloud nothing.
  const calls = seen.length;
  assert.equal((await fetch(`${app.origin}/cc/tccc/stats?queues=101,102,999,sales`, { headers: { 'x-user': 'ann' } })).status, 200);
  assert.equal(seen.length, calls);
});

test('no queues named: every skill group of the app; a user with no TCCC account gets queues and no agent figures; not signed in: 401 without calling the cloud', async (t) => {
  const { app, seen } = await setup(t, { DescribeCallInMetrics: callIn, DescribeStaffStatusMetrics: staff });
  assert.equal((await fetch(`${app.origin}/cc/tccc/stats`)).status, 401);
  assert.equal(seen.length, 0);
  const report = await (await fetch(`${app.origin}/cc/tccc/stats`, { headers: { 'x-user': 'bob' } })).json();
  assert.deepEqual(report.queues.map((q) => q.queueName), ['Sales', 'Support']);
  assert.equal(report.agent, null);
  assert.deepEqual(report.unknownQueues, []);
  assert.deepEqual(seen.map((s) => s.action), ['DescribeCallInMetrics']);
  assert.equal(seen[0].body.GroupIdList, undefined);
});

test('a cloud API error: the last figures served marked stale with their age; before any figures, 503 without the secret', async (t) => {
  let fail = null;
  const { app, clock } = await setup(t, {
    DescribeCallInMetrics: (body, n) => (n === 1 || !fail ? callIn() : { Error: { Code: fail, Message: 'failed for AKID-stats-id / stats-secret-key' } }),
    DescribeStaffStatusMetrics: (body, n) => (n === 1 || !fail ? staff() : { Error: { Code: fail, Message: 'failed' } }),
  });
  const get = () => fetch(`${app.origin}/cc/tccc/stats?queues=101`, { headers: { 'x-user': 'ann' } });
  const first = await (await get()).json();
  assert.equal(first.stale, undefined);
  assert.equal(first.queues[0].waiting, 3);
  const firstAt = clock.now;
  fail = 'InternalError';
  clock.now += 45_000;
  const res = await get();
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.ok(!text.includes('stats-secret-key') && !text.includes('AKID-stats-id'));
  const stale = JSON.parse(text);
  assert.deepEqual(stale.stale, { reason: 'upstream', ageSeconds: 45 });
  assert.equal(stale.at, firstAt);
  assert.equal(stale.queues[0].waiting, 3, 'the older figures, not zeros');
  assert.deepEqual(stale.agent.stateSeconds, { Available: 3600, Idle: 900, AfterCall: 900 });
  // Tencent's rate limit is said as such.
  fail = 'RequestLimitExceeded';
  clock.now += 30_000;
  assert.deepEqual((await (await get()).json()).stale, { reason: 'rate-limited', ageSeconds: 75 });
  // Skill groups never read before: nothing to serve, a clear 503 (Tencent's code, never the key).
  const none = await fetch(`${app.origin}/cc/tccc/stats?queues=102`, { headers: { 'x-user': 'ann' } });
  assert.equal(none.status, 503);
  const body = await none.text();
  assert.match(body, /RequestLimitExceeded|rate/);
  assert.ok(!body.includes('stats-secret-key') && !body.includes('AKID-stats-id'));
});

test('createTcccStats needs the key and the app id', () => {
  assert.throws(() => server.createTcccStats({ secretId: 'id', secretKey: '', sdkAppId: 1 }), /needs secretId/);
});
