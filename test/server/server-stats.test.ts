/**
 * `<cc-queue-stats stats-endpoint>` on the server companion's statistics route (cc-elements/server's
 * `reporting.statsRoute()`, mounted on the test server with a loopback Webex behind it: test/server-companion):
 * Webex's reporting figures reach the widget in the kit's shape, and a rate-limited Webex shows as stale.
 */
import { expect, html } from '@open-wc/testing';
import '../../define/cc-queue-stats.js';
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
