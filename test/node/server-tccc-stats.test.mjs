// cc-elements/server: TCCC statistics (DescribeCallInMetrics, DescribeStaffStatusMetrics, DescribeTelCdr) through
// the official Node SDK, the cloud API stubbed at the HTTP level on loopback (test/tccc-double/cloud-api.mjs, which
// checks each request's TC3 signature against the key), answered as the kit's StatsReport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listen, loadCompanion } from './server-helpers.mjs';
import { startTcccCloudApi } from '../tccc-double/cloud-api.mjs';

const server = await loadCompanion();

/**
 * A loopback Tencent Cloud that knows the key `AKID-stats-id`/`stats-secret-key`: `answers[action](body, n)` gives
 * the `Response` fields of the n-th call of each action; an action not given is refused (InvalidAction).
 */
async function cloud(t, answers) {
  const calls = {};
  const actions = Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, (body) => answer(body, (calls[name] = (calls[name] ?? 0) + 1))]));
  const stub = await startTcccCloudApi({ credentials: { 'AKID-stats-id': 'stats-secret-key' }, actions });
  t.after(() => stub.close());
  return { stub, seen: stub.seen };
}

/**
 * 14:07:30 UTC of the day the tests run (the cloud refuses records asked more than 180 days back of its own clock);
 * "today" starts at 00:00 UTC (the test names the day's start: the default is the server's zone).
 */
const DAY_START = new Date().setUTCHours(0, 0, 0, 0);
const NOW = DAY_START + (14 * 3600 + 7 * 60 + 30) * 1000;

async function setup(t, answers, extra = {}) {
  const { stub, seen } = await cloud(t, answers);
  const clock = { now: NOW };
  const stats = server.createTcccStats({
    secretId: 'AKID-stats-id',
    secretKey: 'stats-secret-key',
    sdkAppId: 1400000002,
    endpoint: stub.host,
    protocol: 'http://',
    now: () => clock.now,
    dayStart: (now) => now - ((now - DAY_START) % 86_400_000),
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
  // The call records are asked too (this cloud refuses them: the counts are left out, not zeros).
  assert.deepEqual(seen.map((s) => s.action), ['DescribeCallInMetrics', 'DescribeTelCdr']);
  assert.equal(seen[0].body.GroupIdList, undefined);
  assert.equal(report.queues[0].answered, undefined);
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

// ---- today's call records (DescribeTelCdr): answered, abandoned, handled ---------------------------------------

/** A call record as TelCdrInfo names its fields: `end` is EndStatus (1 ok, 102 IVR, 103 queue, 104 ringing give-ups). */
const cdr = (n, { group = 101, queued = group, end = 1, seat = 'ann@example.com', direction = 0, at = Math.floor(NOW / 1000) - 3600 } = {}) => ({
  SessionId: `s-${n}`,
  Caller: '13800138000',
  Callee: '4008001234',
  Time: at,
  Direction: direction,
  CallType: direction === 0 ? 2 : 1,
  Duration: end === 1 ? 60 : 0,
  EndStatus: end,
  EndStatusString: { 1: 'ok', 102: 'ivrGiveUp', 103: 'waitingGiveUp', 104: 'ringingGiveUp' }[end],
  ...(seat && end === 1 ? { SeatUser: { Name: seat, Mail: seat, StaffNumber: '1' } } : {}),
  ...(group && end === 1 ? { SkillGroupId: group } : {}),
  ...(queued ? { QueuedSkillGroupId: queued } : {}),
  StartTimestamp: at,
  EndedTimestamp: at + 90,
});

/**
 * The day's records, paged as DescribeTelCdr pages them (`TotalCount`, `TelCdrList`), from `PageNumber` 0; refused
 * as tccc.md says Tencent refuses them: over 100 a page, a start more than 180 days back, a range of 90 days or more.
 */
const pagesOf = (records) => (body) => {
  const { StartTimeStamp: start, EndTimeStamp: end, PageSize: size, PageNumber: page } = body;
  if (!(size >= 1 && size <= 100 && page >= 0) || start < Date.now() / 1000 - 180 * 86_400 || !(end > start) || end - start >= 90 * 86_400) {
    return { Error: { Code: 'InvalidParameterValue', Message: 'out of bounds' } };
  }
  return { TotalCount: records().length, TelCdrList: records().slice(page * size, (page + 1) * size) };
};

/**
 * 230 records (three pages): Sales (101) 150 answered (120 by ann, 30 by bob) and 12 abandoned (8 queued, 4
 * ringing), Support (102) 40 answered by bob, 6 abandoned; 10 given up in the IVR (no queue); 10 outbound calls of
 * ann's (5 answered); 2 records whose queue is only SkillGroupId (Support, answered by ann).
 */
function dayOfRecords() {
  const list = [];
  let n = 0;
  for (let i = 0; i < 120; i += 1) list.push(cdr(++n));
  for (let i = 0; i < 30; i += 1) list.push(cdr(++n, { seat: 'bob@example.com' }));
  for (let i = 0; i < 8; i += 1) list.push(cdr(++n, { end: 103, seat: null }));
  for (let i = 0; i < 4; i += 1) list.push(cdr(++n, { end: 104, seat: null }));
  for (let i = 0; i < 40; i += 1) list.push(cdr(++n, { group: 102, seat: 'bob@example.com' }));
  for (let i = 0; i < 6; i += 1) list.push(cdr(++n, { group: 102, end: 103, seat: null }));
  for (let i = 0; i < 10; i += 1) list.push(cdr(++n, { group: null, queued: null, end: 102, seat: null }));
  for (let i = 0; i < 10; i += 1) list.push(cdr(++n, { group: null, queued: null, direction: 1, end: i < 5 ? 1 : 202 }));
  for (let i = 0; i < 2; i += 1) list.push(cdr(++n, { group: 102, queued: null }));
  return list;
}

test('today’s call records, paged: per skill group the calls answered and abandoned, the agent’s calls handled; a record on two pages counts once', async (t) => {
  const records = dayOfRecords();
  // The page boundary moved between two pages (a call ended meanwhile): the last record of page 0 is again the first of page 1.
  const paged = (body) => {
    const answer = pagesOf(() => records)(body);
    return body.PageNumber === 1 ? { ...answer, TelCdrList: [records[99], ...answer.TelCdrList] } : answer;
  };
  const { app, seen, clock } = await setup(t, { DescribeCallInMetrics: callIn, DescribeStaffStatusMetrics: staff, DescribeTelCdr: paged });
  const report = await (await fetch(`${app.origin}/cc/tccc/stats`, { headers: { 'x-user': 'ann' } })).json();
  assert.deepEqual(
    report.queues.map((q) => [q.queueName, q.waiting, q.answered, q.abandoned]),
    [
      ['Sales', 3, 150, 12],
      ['Support', 2, 42, 6],
    ],
  );
  // ann: 120 Sales calls, 5 outbound calls answered, 2 Support calls; bob's are not hers.
  assert.equal(report.agent.handled, 127);
  assert.equal(report.agent.averageHandleSeconds, null);
  assert.equal(report.at, clock.now);
  // Today from its start to now, 100 a page, pages until the total is read; signed with the key id.
  const asked = seen.filter((s) => s.action === 'DescribeTelCdr');
  assert.deepEqual(
    asked.map((s) => s.body),
    [0, 1, 2].map((PageNumber) => ({ SdkAppId: 1400000002, StartTimeStamp: DAY_START / 1000, EndTimeStamp: Math.floor(NOW / 1000), PageSize: 100, PageNumber })),
  );
  assert.ok(asked.every((s) => /^TC3-HMAC-SHA256 Credential=AKID-stats-id\//.test(s.headers.authorization) && !s.error));
});

test('the records are read again only past their cache time, from a margin before the last read; a new record is counted', async (t) => {
  const records = dayOfRecords().slice(0, 5);
  const { app, seen, clock } = await setup(t, { DescribeCallInMetrics: callIn, DescribeStaffStatusMetrics: staff, DescribeTelCdr: pagesOf(() => records) });
  const get = async () => (await fetch(`${app.origin}/cc/tccc/stats?queues=101`, { headers: { 'x-user': 'ann' } })).json();
  assert.equal((await get()).queues[0].answered, 5);
  const reads = () => seen.filter((s) => s.action === 'DescribeTelCdr').map((s) => s.body.StartTimeStamp);
  // Past the figures' 10 s but within the records' 30 s: the metrics are asked again, the records not.
  clock.now += 15_000;
  assert.equal((await get()).queues[0].answered, 5);
  assert.deepEqual(reads(), [DAY_START / 1000]);
  // A call answered meanwhile; past 30 s the records are read from two hours before the last read.
  records.push(cdr(99, { at: Math.floor(NOW / 1000) + 20 }));
  clock.now += 20_000;
  const report = await get();
  assert.equal(report.queues[0].answered, 6);
  assert.equal(report.stale, undefined);
  assert.deepEqual(reads(), [DAY_START / 1000, Math.floor(NOW / 1000) - 7200]);
});

test('each page of records counts in the per-minute budget: past it the counts wait (left out, never zeros) and the next minute reads on from the next page', async (t) => {
  const records = dayOfRecords();
  const { app, seen, clock } = await setup(t, { DescribeCallInMetrics: callIn, DescribeStaffStatusMetrics: staff, DescribeTelCdr: pagesOf(() => records) }, { maxCallsPerMinute: 3 });
  const get = async () => (await fetch(`${app.origin}/cc/tccc/stats?queues=101`, { headers: { 'x-user': 'bob' } })).json();
  // Metrics (1) and two pages of records (2): the third page has no room this minute.
  const first = await get();
  assert.equal(first.queues[0].waiting, 3);
  assert.equal(first.queues[0].answered, undefined);
  assert.equal(first.queues[0].abandoned, undefined);
  const pages = () => seen.filter((s) => s.action === 'DescribeTelCdr').map((s) => s.body.PageNumber);
  assert.deepEqual(pages(), [0, 1]);
  clock.now += 61_000;
  const next = await get();
  assert.deepEqual(pages(), [0, 1, 2], 'goes on from the page it could not read');
  assert.deepEqual([next.queues[0].answered, next.queues[0].abandoned], [150, 12]);
});

test('a cloud error on the records keeps the counts read before, marked stale with their age, beside fresh live figures', async (t) => {
  let fail = null;
  const records = dayOfRecords();
  const { app, clock } = await setup(t, {
    DescribeCallInMetrics: callIn,
    DescribeStaffStatusMetrics: staff,
    DescribeTelCdr: (body) => (fail ? { Error: { Code: fail, Message: 'no' } } : pagesOf(() => records)(body)),
  });
  const get = async () => (await fetch(`${app.origin}/cc/tccc/stats?queues=101`, { headers: { 'x-user': 'ann' } })).json();
  const first = await get();
  const readAt = clock.now;
  assert.deepEqual([first.queues[0].answered, first.agent.handled, first.stale], [150, 127, undefined]);
  fail = 'InternalError';
  clock.now += 40_000;
  const report = await get();
  // The live figures are fresh (asked again), the counts the older ones, and the answer says how old.
  assert.deepEqual([report.queues[0].waiting, report.queues[0].answered, report.queues[0].abandoned, report.agent.handled], [3, 150, 12, 127]);
  assert.deepEqual(report.stale, { reason: 'upstream', ageSeconds: 40 });
  assert.equal(report.at, readAt);
});

test('a request signed with another key: the cloud refuses it (AuthFailure) and the route says so, without the key', async (t) => {
  const { app, seen } = await setup(t, { DescribeCallInMetrics: callIn }, { secretKey: 'not-the-key' });
  const res = await fetch(`${app.origin}/cc/tccc/stats?queues=101`, { headers: { 'x-user': 'bob' } });
  assert.equal(res.status, 503);
  const body = await res.text();
  assert.match(body, /AuthFailure\.SignatureFailure/);
  assert.ok(!body.includes('not-the-key'));
  assert.equal(seen[0].error, 'AuthFailure.SignatureFailure');
});

test('a new day: the counts start again from its start (yesterday’s records are not today’s)', async (t) => {
  const records = dayOfRecords().slice(0, 7);
  const { app, seen, clock } = await setup(t, {
    DescribeCallInMetrics: callIn,
    DescribeStaffStatusMetrics: staff,
    // The range as asked: the cloud lists the records whose call started in it.
    DescribeTelCdr: (body) => pagesOf(() => records.filter((r) => r.Time >= body.StartTimeStamp && r.Time <= body.EndTimeStamp))(body),
  });
  const get = async () => (await fetch(`${app.origin}/cc/tccc/stats?queues=101`, { headers: { 'x-user': 'ann' } })).json();
  assert.deepEqual([(await get()).queues[0].answered, (await get()).agent.handled], [7, 7]);
  // 00:00:30 the next day, one call answered since midnight.
  clock.now = DAY_START + 86_400_000 + 30_000;
  records.push(cdr(500, { at: (DAY_START + 86_400_000) / 1000 + 10 }));
  const report = await get();
  assert.deepEqual([report.queues[0].answered, report.agent.handled], [1, 1]);
  assert.equal(seen.filter((s) => s.action === 'DescribeTelCdr').at(-1).body.StartTimeStamp, (DAY_START + 86_400_000) / 1000);
});
