/**
 * `<cc-queue-stats stats-endpoint>` on the server companion's statistics route (cc-elements/server's
 * `reporting.statsRoute()`, mounted on the test server with a loopback Webex behind it: test/server-companion):
 * Webex's reporting figures reach the widget in the kit's shape, and a rate-limited Webex shows as stale.
 */
import { expect, html } from '@open-wc/testing';
import '../../define/cc-queue-stats.js';
import '../../define/cc-agent-stats.js';
import type { CcQueueStats } from '../../components/cc-queue-stats/cc-queue-stats.js';
import { sdkFixture, until } from '../helpers.js';
import { commandsOf } from '../loopback/client.js';

const companion = commandsOf('server-companion');

describe('<cc-queue-stats> polling the server companion (Webex reporting)', () => {
  beforeEach(async () => {
    await companion({ action: 'reset', origin: location.origin });
  });
  afterEach(() => {
    document.querySelectorAll('cc-sdk').forEach((s) => s.remove());
  });

  it('shows the queue figures Webex reports, then marks them stale in the server’s words when Webex rate-limits', async () => {
    await companion({ action: 'queue', queueId: 'q-sales', queueName: 'Sales', answered: 12, abandoned: 3, waiting: [95, 20] });
    const rig = await sdkFixture(html`<cc-sdk><cc-queue-stats stats-endpoint="/cc/webex/stats" poll-interval="0.3"></cc-queue-stats></cc-sdk>`);
    const el = rig.root.querySelector('cc-queue-stats') as CcQueueStats;
    const text = (selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const figure = (label: string) => {
      const row = [...el.shadowRoot!.querySelectorAll('[part~="queue"] dl div')].find((d) => d.querySelector('dt')?.textContent?.trim() === label);
      return row?.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim();
    };
    await until(() => figure('Waiting') === '2', 5000, 'the figures');
    expect(el.shadowRoot!.querySelector('[part~="queue"] h3')!.textContent).to.include('Sales');
    expect(figure('Handled')).to.equal('12');
    expect(figure('Abandoned')).to.equal('3');
    expect(figure('Longest wait')).to.match(/^1:3\d/);
    // Webex's reporting APIs do not count agents per queue and this server gives no liveAgents: not reported, not 0.
    expect(figure('Available agents')).to.equal('–');
    expect(el.shadowRoot!.querySelector('[part="stale"]')).to.equal(null);
    await expect(el).to.be.accessible();
    // The companion's cache (1 s) runs out and Webex answers 429: the last figures, said stale by the server.
    await companion({ action: 'advance', ms: 2000 });
    await companion({ action: 'reporting-faults', faults: [429] });
    await until(() => text('[part="stale"]').startsWith('Stale: the server says these figures are out of date'), 5000, 'stale');
    // As old as the companion says (2 s on its clock), not as old as the poll.
    expect(text('[part="stale"]')).to.match(/updated 0:0[2-4] ago\)$/);
    expect(figure('Waiting')).to.equal('2');
  });
});

describe('<cc-agent-stats> polling the server companion (Webex reporting)', () => {
  beforeEach(async () => {
    await companion({ action: 'reset', origin: location.origin });
  });
  afterEach(() => {
    document.querySelectorAll('cc-sdk').forEach((s) => s.remove());
  });

  it('shows the handled count, the handle time and the time in each state from Webex’s agent figures, in the route’s one shape', async () => {
    // 30 min Available, 10 min not, 3 calls accepted (9 min talking, 2 min 10 s wrapping up), 1 rung out.
    await companion({ action: 'agent', available: 1_800_000, unavailable: 600_000, accepted: 3, rejected: 1, engaged: 540_000, wrapUp: 130_000 });
    const rig = await sdkFixture(html`<cc-sdk><cc-agent-stats stats-endpoint="/cc/webex/stats" poll-interval="0.3"></cc-agent-stats></cc-sdk>`);
    const el = rig.root.querySelector('cc-agent-stats')!;
    const value = (part: string, label: string) => {
      const row = [...el.shadowRoot!.querySelectorAll(`[part="${part}"] div, [part="${part}"] [part="state"]`)].find((d) => d.querySelector('dt')?.textContent?.trim().startsWith(label));
      return row?.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim();
    };
    await until(() => el.shadowRoot!.querySelector('[part="handled"]')?.textContent === '3', 5000, 'the agent figures');
    expect(value('figures', 'Missed')).to.equal('1');
    expect(value('figures', 'Average handle time')).to.equal('3:43');
    expect(value('states', 'Available')).to.equal('30:00');
    expect(value('states', 'Idle')).to.equal('10:00');
    expect(value('states', 'After call')).to.equal('2:10');
    await expect(el).to.be.accessible();
  });
});
