/**
 * Statistics as outcome events for the host page (`cc-queue-stats`, `cc-agent-stats`): opt-in with
 * `<cc-sdk stats-events>`, once per change of the figures (a timer's report of the same figures is silent), from
 * whichever backend fills the store: the simulator and XuC (on its loopback double). Off (the default), a host
 * hears exactly the agent's and the tasks' outcomes it heard before, while the store still has the figures.
 */
import { expect, html } from '@open-wc/testing';
import { detailsOf, sdkFixture, until } from '../helpers.js';
import { STATS_INTERVAL_MS } from '../../src/backends/simulator/stats.js';
import { XucBackend, XUC_TEAM } from '../../src/backends/xuc/index.js';
import { deskOn } from '../backend-desk.js';
import { XucSite } from '../xuc-double/client.js';
import type { QueueStats } from '../../src/core/types.js';

const STATS = ['cc-queue-stats', 'cc-agent-stats'];
const support = (queues: readonly QueueStats[]) => queues.find((q) => q.queueId === 'queue-support')!;

describe('statistics as outcome events: the simulator', () => {
  it('off by default: the store and the widgets have the figures, the host hears no statistics event', async () => {
    const { sdk, server, clock, names } = await sdkFixture(html`<cc-sdk></cc-sdk>`, { queueActivity: false });
    expect(sdk.statsEvents).to.equal(false);
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    server.offer({ queueId: 'queue-support' });
    clock.advance(3 * STATS_INTERVAL_MS);
    expect(support(sdk.state.queueStats).waiting).to.equal(1);
    expect(sdk.state.agentStats).to.not.equal(null);
    expect(names().filter((n) => STATS.includes(n))).to.deep.equal([]);
  });

  it('<cc-sdk stats-events>: a waiting call is announced once, the timer\'s unchanged reports are not, the agent\'s figures when they move', async () => {
    const { sdk, server, clock, events, names } = await sdkFixture(html`<cc-sdk stats-events></cc-sdk>`, { queueActivity: false });
    expect(sdk.statsEvents).to.equal(true);
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    const first = detailsOf(events, 'cc-queue-stats');
    expect(first.length).to.be.greaterThan(0);
    expect(support(first.at(-1)!.queues)).to.include({ queueName: 'Support queue', waiting: 0 });
    // Nobody waits, nothing moves: the simulator's reports every 10 s bring no queue event.
    const before = first.length;
    clock.advance(3 * STATS_INTERVAL_MS);
    expect(detailsOf(events, 'cc-queue-stats')).to.have.length(before);
    // A call waits (the agent is not Available): one event with it, as the host's dashboard would show it.
    server.offer({ queueId: 'queue-support' });
    const after = detailsOf(events, 'cc-queue-stats');
    expect(after).to.have.length(before + 1);
    expect(support(after.at(-1)!.queues)).to.include({ waiting: 1, longestWaitSeconds: 0 });
    // It waits on: the longest wait grows, and that is news.
    clock.advance(STATS_INTERVAL_MS);
    expect(support(detailsOf(events, 'cc-queue-stats').at(-1)!.queues).longestWaitSeconds).to.equal(10);
    // The agent's own figures: announced with the time in each state as it grows.
    const agent = detailsOf(events, 'cc-agent-stats').at(-1)!.stats;
    expect(agent).to.include({ handled: 0 });
    expect(agent.stateSeconds).to.be.an('object');
    // Turned off again: silence, the store goes on.
    sdk.statsEvents = false;
    const count = names().filter((n) => STATS.includes(n)).length;
    server.offer({ queueId: 'queue-support' });
    clock.advance(STATS_INTERVAL_MS);
    expect(names().filter((n) => STATS.includes(n))).to.have.length(count);
    expect(support(sdk.state.queueStats).waiting).to.equal(2);
  });

  it('a handled call moves the agent\'s figures: handled and the average handle time reach the host', async () => {
    const { sdk, server, clock, events } = await sdkFixture(html`<cc-sdk stats-events></cc-sdk>`, { queueActivity: false });
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    server.offer({ queueId: 'queue-support' });
    const id = sdk.state.tasks[0].id;
    await sdk.request('cc-task-accept-request', { taskId: id });
    clock.advance(90_000);
    await sdk.request('cc-task-end-request', { taskId: id });
    await sdk.request('cc-wrapup-request', { taskId: id, auxCodeId: 'wrap-resolved', notes: '' });
    expect(detailsOf(events, 'cc-agent-stats').at(-1)!.stats).to.include({ handled: 1, averageHandleSeconds: 90 });
  });
});

describe('statistics as outcome events: XuC (loopback double)', () => {
  let site: XucSite;
  before(async () => {
    site = await XucSite.create();
  });

  const xucDesk = async (announce: boolean) => {
    const backend = new XucBackend({ server: site.baseUrl, heartbeatMs: 60, missedPings: 3, requestTimeoutMs: 800, reconnectDelaysMs: [50, 100, 200] });
    const rig = deskOn(backend);
    rig.desk.announceStats = announce;
    await rig.run('cc-sign-in-request', { username: site.alice.login, password: site.alice.password });
    await until(() => rig.desk.state.profile, 3000, 'registered');
    await rig.run('cc-station-login-request', { teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: site.alice.line });
    await until(() => rig.desk.state.agent?.state === 'Available', 3000, 'Available');
    return { ...rig, close: () => (rig.desk.attach(null), backend.dispose()) };
  };

  it('XiVO\'s queue statistics reach the host as cc-queue-stats when asked for, once per change', async () => {
    const r = await xucDesk(true);
    try {
      await site.queueStats(2, { WaitingCalls: 3, LongestWaitingTime: 40, AvailableAgents: 1 });
      await until(() => detailsOf(r.outcomes, 'cc-queue-stats').some((d) => d.queues.some((q) => q.queueId === '2' && q.waiting === 3)), 3000, 'the queue event');
      const billing = detailsOf(r.outcomes, 'cc-queue-stats').at(-1)!.queues.find((q) => q.queueId === '2')!;
      expect(billing).to.include({ waiting: 3, longestWaitSeconds: 40, agentsAvailable: 1 });
      // XiVO pushes the same counters again: no second event.
      const count = r.outcomes.filter((e) => e.type === 'cc-queue-stats').length;
      await site.queueStats(2, { WaitingCalls: 3, LongestWaitingTime: 40, AvailableAgents: 1 });
      await site.queueStats(1, {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(r.outcomes.filter((e) => e.type === 'cc-queue-stats')).to.have.length(count);
    } finally {
      r.close();
    }
  });

  it('off: the same figures reach the store and no statistics event', async () => {
    const r = await xucDesk(false);
    try {
      await site.queueStats(2, { WaitingCalls: 5 });
      await until(() => r.desk.state.queueStats.find((q) => q.queueId === '2')?.waiting === 5, 3000, 'the figures in the store');
      expect(r.outcomes.map((e) => e.type).filter((n) => STATS.includes(n))).to.deep.equal([]);
    } finally {
      r.close();
    }
  });
});
