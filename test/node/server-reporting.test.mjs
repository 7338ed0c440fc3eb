// cc-elements/server: reporting for the statistics widgets (queues, agents, an agent's recent tasks, a task's
// recordings) against a loopback Webex that enforces the APIs' window rules; caching, rate limits, timeouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listen, loadCompanion, startWebexStandIn } from './server-helpers.mjs';

const server = await loadCompanion();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const QUARTER = 15 * MIN;

async function setup(t, extra = {}) {
  const webex = await startWebexStandIn();
  const token = webex.mint().access_token;
  const clock = { now: Date.UTC(2026, 10, 27, 14, 7, 30) };
  const reporting = server.createWebexReporting({ apiBase: webex.origin, token: async () => token, now: () => clock.now, ...extra });
  t.after(() => webex.close());
  return { webex, reporting, clock };
}

const queueRow = (at, queueId, queueName, accepted, abandoned) => ({
  intervalStartTime: at,
  queueId,
  queueName,
  channelType: 'telephony',
  totalOfferedTasks: accepted + abandoned,
  totalAcceptedTasks: accepted,
  totalAbandonedTasks: abandoned,
});
const task = (id, status, queue, createdTime, owner) => ({
  id,
  attributes: { status, channelType: 'telephony', createdTime, queue: { id: queue, name: queue === 'q1' ? 'Sales' : 'Support' }, ...(owner ? { owner: { id: owner, name: 'Ann' } } : {}) },
});

test('statistics windows: quarter hours, each under 24 hours, covering the whole span', () => {
  const from = Date.UTC(2026, 10, 25, 9, 7);
  const to = from + 50 * HOUR;
  const windows = server.statisticsWindows(from, to);
  assert.equal(windows[0].from, Date.UTC(2026, 10, 25, 9, 0));
  assert.equal(windows.at(-1).to, to - (to % QUARTER));
  for (const [i, w] of windows.entries()) {
    assert.equal(w.from % QUARTER, 0);
    assert.equal(w.to % QUARTER, 0);
    assert.ok(w.to - w.from < DAY && w.to > w.from, `window ${i} is under 24 h`);
    if (i) assert.equal(w.from, windows[i - 1].to, 'no gap, no overlap');
  }
  assert.equal(windows.length, 3);
  assert.deepEqual(server.statisticsWindows(from, from + 5 * MIN), [], 'less than a quarter hour: nothing to ask');
});

test('queue statistics: a span over 24 hours is asked in windows Webex accepts, summed per queue with the contacts waiting now', async (t) => {
  // "Today" starting two days back forces a 62-hour span.
  const { webex, reporting, clock } = await setup(t, { dayStart: (now) => now - (now % DAY) - 2 * DAY });
  const start = clock.now - (clock.now % DAY) - 2 * DAY;
  webex.state.queueRows = [
    queueRow(start + HOUR, 'q1', 'Sales', 10, 2),
    queueRow(start + 30 * HOUR, 'q1', 'Sales', 5, 1),
    queueRow(start + 60 * HOUR, 'q2', 'Support', 7, 0),
  ];
  webex.state.tasks = [
    task('t1', 'queued', 'q1', clock.now - 90_000),
    task('t2', 'queued', 'q1', clock.now - 30_000),
    task('t3', 'assigned', 'q2', clock.now - 60_000, 'agent-1'),
  ];
  const { value, stale, at } = await reporting.queueStats();
  assert.equal(stale, undefined);
  assert.equal(at, clock.now);
  const stats = webex.seen.reporting.filter((r) => r.path === '/v1/queues/statistics');
  assert.equal(stats.length, 3, 'three windows for 62 hours');
  for (const r of stats) assert.ok(Number(r.params.to) - Number(r.params.from) < DAY);
  const byId = Object.fromEntries(value.map((q) => [q.queueId, q]));
  // No `liveAgents`: no agentsAvailable at all (not reported), never a 0 nobody counted.
  assert.deepEqual(byId.q1, { queueId: 'q1', queueName: 'Sales', waiting: 2, longestWaitSeconds: 90, answered: 15, abandoned: 3, at: clock.now });
  assert.equal(byId.q2.answered, 7);
  assert.equal(byId.q2.waiting, 0);
});

test('a contact ringing an agent who has not answered (offered) still waits in its queue; an assigned one does not', async (t) => {
  const { webex, reporting, clock } = await setup(t);
  webex.state.tasks = [task('t1', 'offered', 'q1', clock.now - 45_000), task('t2', 'queued', 'q1', clock.now - 10_000), task('t3', 'assigned', 'q1', clock.now - 90_000, 'agent-1')];
  const { value } = await reporting.queueStats(['q1']);
  assert.equal(value[0].waiting, 2);
  assert.equal(value[0].longestWaitSeconds, 45);
});

test('a queue with no activity yet has the name the host gives it (queueNames), else its id', async (t) => {
  const { reporting } = await setup(t, { queueNames: { q1: 'Sales' } });
  const { value } = await reporting.queueStats(['q1', 'q2']);
  assert.deepEqual(value.map((q) => q.queueName), ['Sales', 'q2']);
});

test('figures are cached for their TTL: polling within it asks Webex nothing', async (t) => {
  const { webex, reporting, clock } = await setup(t, { ttlMs: 30_000 });
  await reporting.queueStats();
  const calls = webex.seen.reporting.length;
  clock.now += 20_000;
  await reporting.queueStats();
  await Promise.all([reporting.queueStats(), reporting.queueStats()]);
  assert.equal(webex.seen.reporting.length, calls);
  clock.now += 15_000;
  const again = await reporting.queueStats();
  assert.ok(webex.seen.reporting.length > calls);
  assert.equal(again.at, clock.now);
});

test('a rate-limited reporting API: the last figures, marked stale with their age; no call until Retry-After has passed', async (t) => {
  const { webex, reporting, clock } = await setup(t, { ttlMs: 10_000 });
  webex.state.queueRows = [queueRow(clock.now - (clock.now % DAY), 'q1', 'Sales', 4, 1)];
  const fresh = await reporting.queueStats();
  clock.now += 45_000;
  webex.state.reportingFaults = [429];
  const limited = await reporting.queueStats();
  assert.deepEqual(limited.stale, { reason: 'rate-limited', ageSeconds: 45 });
  assert.deepEqual(limited.value, fresh.value);
  assert.equal(limited.at, fresh.at);
  const calls = webex.seen.reporting.length;
  clock.now += 20_000; // within Retry-After (30 s)
  const still = await reporting.queueStats();
  assert.deepEqual(still.stale, { reason: 'rate-limited', ageSeconds: 65 });
  assert.equal(webex.seen.reporting.length, calls, 'no call while Webex asked to wait');
  clock.now += 15_000;
  const back = await reporting.queueStats();
  assert.equal(back.stale, undefined);
});

test('our own rate limit: at most maxCallsPerMinute refreshes, then stale figures', async (t) => {
  const { webex, reporting, clock } = await setup(t, { ttlMs: 1000, maxCallsPerMinute: 2 });
  await reporting.queueStats(['q1']);
  clock.now += 2000;
  await reporting.queueStats(['q1']);
  const calls = webex.seen.reporting.length;
  clock.now += 2000;
  const third = await reporting.queueStats(['q1']);
  assert.deepEqual(third.stale, { reason: 'rate-limited', ageSeconds: 2 });
  assert.equal(webex.seen.reporting.length, calls);
  clock.now += 60_000;
  assert.equal((await reporting.queueStats(['q1'])).stale, undefined);
});

test('a reporting API that times out: stale figures with their age; with nothing cached, a clear 503 from the stats route', async (t) => {
  const { webex, reporting, clock } = await setup(t, { ttlMs: 5000, timeoutMs: 150 });
  await reporting.queueStats();
  clock.now += 12_000;
  webex.state.reportingFaults = ['hang'];
  const late = await reporting.queueStats();
  assert.deepEqual(late.stale, { reason: 'timeout', ageSeconds: 12 });

  const app = await listen(reporting.statsRoute({ agentId: () => 'agent-1' }));
  t.after(() => app.close());
  webex.state.reportingFaults = [500];
  const res = await fetch(`${app.origin}/cc/webex/stats?queues=q9`);
  assert.equal(res.status, 503);
  const body = await res.json();
  assert.equal(body.reason, 'upstream');
  assert.match(body.message, /answered 500/);
});

test('agent statistics become the kit’s AgentStats with the time in each state', async (t) => {
  const { webex, reporting, clock } = await setup(t);
  const day = clock.now - (clock.now % DAY);
  webex.state.agentRows = [
    {
      intervalStartTime: day + HOUR,
      agentId: 'agent-1',
      agentName: 'Ann',
      totalAvailableTime: 1_800_000,
      totalUnavailableTime: 600_000,
      channel: [
        { channelType: 'telephony', totalAcceptedTasks: 3, totalRejectedTasks: 1, totalEngagedDuration: 540_000, totalHoldDuration: 30_000, totalWrapUpDuration: 90_000 },
        { channelType: 'chat', totalAcceptedTasks: 1, totalRejectedTasks: 0, totalEngagedDuration: 100_000, totalHoldDuration: 0, totalWrapUpDuration: 40_000 },
      ],
    },
  ];
  const { value } = await reporting.agentStats(['agent-1', 'agent-2']);
  assert.deepEqual(value[0], {
    agentId: 'agent-1',
    agentName: 'Ann',
    handled: 4,
    averageHandleSeconds: 200,
    missed: 1,
    stateSeconds: { Available: 1800, Idle: 600, AfterCall: 130 },
    at: clock.now,
  });
  assert.equal(value[1].handled, 0);
  assert.equal(value[1].averageHandleSeconds, null);
  const asked = webex.seen.reporting.find((r) => r.path === '/v1/agents/statistics');
  assert.equal(asked.params.agentIds, 'agent-1,agent-2');
});

test('an agent’s recent tasks, newest first, and the recording links of tasks, ten task ids per query', async (t) => {
  const { webex, reporting, clock } = await setup(t);
  webex.state.tasks = [
    task('old', 'completed', 'q1', clock.now - 3 * HOUR, 'agent-1'),
    task('other', 'completed', 'q1', clock.now - 2 * HOUR, 'agent-2'),
    task('new', 'assigned', 'q2', clock.now - HOUR, 'agent-1'),
    task('ancient', 'completed', 'q1', clock.now - 2 * DAY, 'agent-1'),
  ];
  const { value } = await reporting.recentTasks('agent-1', { limit: 5 });
  assert.deepEqual(value.map((t) => t.id), ['new', 'old']);
  assert.equal(value[0].queueName, 'Support');
  assert.ok(Number(webex.seen.reporting.at(-1).params.pageSize) <= 1000);

  webex.state.captures = {
    t1: { status: 'Completed', artifacts: [{ id: 'a', attributes: [{ fileName: 'r.wav', filePath: 'https://media.example/r.wav', startTime: 1, stopTime: 2 }, { filePath: 'javascript:alert(1)' }] }] },
  };
  const ids = Array.from({ length: 12 }, (_, i) => `t${i + 1}`);
  const recordings = await reporting.recordings(ids, { urlExpirationMinutes: 500 });
  const queries = webex.seen.reporting.filter((r) => r.path === '/v1/captures/query');
  assert.deepEqual(queries.map((q) => q.body.query.taskIds.length), [10, 2]);
  assert.equal(queries[0].body.query.urlExpiration, 60, 'clamped to the API’s maximum');
  assert.equal(recordings.length, 12);
  assert.deepEqual(recordings[0], { taskId: 't1', status: 'Completed', files: [{ name: 'r.wav', url: 'https://media.example/r.wav', startedAt: 1, endedAt: 2 }] });
  assert.equal(recordings[1].status, 'Not Found');
});

test('the stats route the browser polls: queues, the agent’s own figures, unknown queues named; GET only; behind the host’s check', async (t) => {
  const { webex, reporting, clock } = await setup(t);
  webex.state.queueRows = [queueRow(clock.now - (clock.now % DAY), 'q1', 'Sales', 4, 1)];
  webex.state.agentRows = [{ intervalStartTime: clock.now - (clock.now % DAY), agentId: 'agent-1', channel: [{ totalAcceptedTasks: 2, totalEngagedDuration: 120_000 }] }];
  let allowed = true;
  const app = await listen(reporting.statsRoute({ authorize: () => allowed, agentId: () => 'agent-1' }));
  t.after(() => app.close());
  const res = await fetch(`${app.origin}/cc/webex/stats?queues=q1,nope`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.queues.find((q) => q.queueId === 'q1').answered, 4);
  assert.deepEqual(body.unknownQueues, ['nope']);
  assert.equal(body.agent.handled, 2);
  assert.equal(body.agent.averageHandleSeconds, 60);
  assert.equal(body.stale, undefined);
  assert.equal((await fetch(`${app.origin}/cc/webex/stats`, { method: 'POST' })).status, 405);
  // Webex rate-limits the next refresh: the same figures, marked stale with why and how old.
  clock.now += 40_000;
  webex.state.reportingFaults = [429];
  const limited = await (await fetch(`${app.origin}/cc/webex/stats?queues=q1,nope`)).json();
  assert.deepEqual(limited.stale, { reason: 'rate-limited', ageSeconds: 40 });
  assert.equal(limited.queues.find((q) => q.queueId === 'q1').answered, 4);
  allowed = false;
  assert.equal((await fetch(`${app.origin}/cc/webex/stats`)).status, 401);
});

test('agents available per queue come from the host when it knows them (Webex’s reporting REST APIs do not say)', async (t) => {
  const asked = [];
  const { webex, reporting, clock } = await setup(t, {
    liveAgents: async (ids) => {
      asked.push(ids);
      return { q1: { available: 3, talking: 2 } };
    },
  });
  webex.state.queueRows = [queueRow(clock.now - (clock.now % DAY), 'q1', 'Sales', 1, 0), queueRow(clock.now - (clock.now % DAY), 'q2', 'Support', 1, 0)];
  const { value } = await reporting.queueStats();
  const byId = Object.fromEntries(value.map((q) => [q.queueId, q]));
  assert.deepEqual(asked, [['q1', 'q2']]);
  assert.equal(byId.q1.agentsAvailable, 3);
  assert.equal(byId.q1.agentsTalking, 2);
  // A queue the host does not name: not reported, not 0.
  assert.equal('agentsAvailable' in byId.q2, false);
  assert.equal('agentsTalking' in byId.q2, false);
});
