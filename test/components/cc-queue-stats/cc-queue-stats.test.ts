/**
 * `<cc-queue-stats>` on the simulator with a manual clock: what an agent or supervisor sees of each queue
 * (waiting, longest wait against the target with a text marker, agents, counts), the trend's text
 * alternative, stale figures with their age, the empty states, the sort by keyboard, and a polled endpoint.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-queue-stats.js';
import type { CcQueueStats } from '../../../components/cc-queue-stats/cc-queue-stats.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import { sdkFixture, until } from '../../helpers.js';

async function signIn(sdk: CcSdk, available = false) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  if (available) await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

async function page(template = html`<cc-sdk><cc-queue-stats></cc-queue-stats></cc-sdk>`, queueActivity = false) {
  const rig = await sdkFixture(template, { queueActivity });
  const el = rig.root.querySelector('cc-queue-stats') as CcQueueStats;
  const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The queue card named `name`, as text. */
  const card = (name: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="queue"]')].find((c) => c.querySelector('h3')?.textContent?.includes(name));
  const figure = (name: string, label: string) => {
    const row = [...(card(name)?.querySelectorAll('dl div') ?? [])].find((d) => d.querySelector('dt')?.textContent?.trim() === label);
    return row?.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim();
  };
  const settle = async () => {
    await el.updateComplete;
    await el.updateComplete;
  };
  return { ...rig, el, $, text, card, figure, settle };
}

describe('<cc-queue-stats>', () => {
  it('asks the agent to sign in, then shows each queue of the simulator', async () => {
    const { el, sdk, text, figure, settle } = await page();
    expect(text('[part="empty"]')).to.equal('Sign in to see queue statistics.');
    await expect(el).to.be.accessible();
    await signIn(sdk);
    await settle();
    expect(el.shadowRoot!.querySelectorAll('[part~="queue"]')).to.have.length(3);
    expect(figure('Support queue', 'Waiting')).to.equal('0');
    expect(figure('Support queue', 'Available agents')).to.equal('0');
    expect(figure('Support queue', 'Handled')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('counts contacts waiting while the agent is Idle, and the longest wait grows on the clock', async () => {
    const { sdk, server, clock, figure, settle } = await page();
    await signIn(sdk);
    server.offer({ queueId: 'queue-billing' });
    clock.advance(5000);
    server.offer({ queueId: 'queue-billing' });
    await settle();
    expect(figure('Billing queue', 'Waiting')).to.equal('2');
    expect(figure('Billing queue', 'Longest wait')).to.match(/^0:05 Target 1:00$/);
    expect(figure('Support queue', 'Waiting')).to.equal('0');
    clock.advance(20_000);
    await settle();
    expect(figure('Billing queue', 'Longest wait')).to.match(/^0:25 /);
  });

  it('past the target the longest wait says "Over target" in text, in the warning colour, and is announced', async () => {
    const { el, sdk, server, clock, card, figure, settle } = await page(html`<cc-sdk><cc-queue-stats sla-seconds="30"></cc-queue-stats></cc-sdk>`);
    await signIn(sdk);
    server.offer({ queueId: 'queue-support' });
    clock.advance(20_000);
    await settle();
    expect(figure('Support queue', 'Longest wait')).to.equal('0:20 Target 0:30');
    const wait = () => card('Support queue')!.querySelector<HTMLElement>('[part~="longest-wait"]')!;
    const before = getComputedStyle(wait()).color;
    clock.advance(15_000);
    await settle();
    expect(figure('Support queue', 'Longest wait')).to.equal('0:35 Over target (0:30)');
    expect(wait().getAttribute('part')).to.equal('longest-wait over-target');
    expect(getComputedStyle(wait()).color).to.not.equal(before);
    await until(() => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.includes('Support queue: longest wait over target'));
    await expect(el).to.be.accessible();
  });

  it('takes the target from the --cc-queue-stats-sla-seconds token when no attribute sets it', async () => {
    const { el, sdk, server, clock, figure, settle } = await page(
      html`<cc-sdk><cc-queue-stats style="--cc-queue-stats-sla-seconds: 10"></cc-queue-stats></cc-sdk>`,
    );
    await signIn(sdk);
    server.offer({ queueId: 'queue-support' });
    clock.advance(12_000);
    await settle();
    expect(figure('Support queue', 'Longest wait')).to.equal('0:12 Over target (0:10)');
    el.slaSeconds = 20;
    await settle();
    expect(figure('Support queue', 'Longest wait')).to.equal('0:12 Target 0:20');
  });

  it('shows busy agents, handled and abandoned contacts as calls flow', async () => {
    const { sdk, server, clock, figure, settle } = await page();
    await signIn(sdk, true);
    server.offer({ queueId: 'queue-support' });
    await until(() => sdk.state.tasks.length === 1);
    await sdk.request('cc-task-accept-request', { taskId: sdk.state.tasks[0].id });
    await settle();
    expect(figure('Support queue', 'Busy agents')).to.equal('1');
    expect(figure('Support queue', 'Handled')).to.equal('1');
    server.customerHangup();
    await until(() => sdk.state.tasks[0]?.state === 'wrapup');
    await sdk.request('cc-wrapup-request', { taskId: sdk.state.tasks[0].id, auxCodeId: 'wrap-resolved', notes: '' });
    // A contact that rings and is given up on by the customer counts as abandoned.
    server.offer({ queueId: 'queue-escalations', mediaType: 'chat' });
    await until(() => sdk.state.tasks.some((t) => t.state === 'offered'));
    server.customerHangup(sdk.state.tasks.find((t) => t.state === 'offered')!.id);
    clock.advance(10_000);
    await settle();
    expect(figure('Support queue', 'Busy agents')).to.equal('0');
    expect(figure('Escalations', 'Abandoned')).to.equal('1');
  });

  it('summarises the trend of the last hour in text, next to the chart', async () => {
    const { el, sdk, server, clock, card, settle } = await page();
    await signIn(sdk);
    const summary = () => card('Support queue')!.querySelector('[part="trend-summary"]')!.textContent!.trim();
    await settle();
    server.offer({ queueId: 'queue-support' });
    clock.advance(60_000);
    server.offer({ queueId: 'queue-support' });
    clock.advance(60_000);
    server.offer({ queueId: 'queue-support' });
    clock.advance(60_000);
    await settle();
    expect(summary()).to.equal('Waiting went from 0 to 3 in the last hour (highest 3).');
    const chart = card('Support queue')!.querySelector('svg[part="trend"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal('Waiting contacts over the last hour in Support queue');
    expect(chart.querySelector('polyline')!.getAttribute('points')!.split(' ').length).to.be.greaterThan(3);
    // An hour later the early samples have left the window: the trend starts from 3.
    clock.advance(60 * 60_000);
    await settle();
    expect(summary()).to.equal('Waiting stayed at 3 in the last hour.');
    await expect(el).to.be.accessible();
  });

  it('marks figures stale with their age when reports stop (the connection drops), and unmarks them when they resume', async () => {
    const { el, sdk, server, clock, text, settle } = await page(html`<cc-sdk><cc-queue-stats stale-after="30"></cc-queue-stats></cc-sdk>`);
    await signIn(sdk);
    await settle();
    expect(el.shadowRoot!.querySelector('[part="stale"]')).to.equal(null);
    server.dropConnection(null);
    clock.advance(45_000);
    await settle();
    expect(text('[part="stale"]')).to.equal('Stale: updated 0:45 ago');
    server.restoreConnection();
    clock.advance(10_000);
    await settle();
    expect(el.shadowRoot!.querySelector('[part="stale"]')).to.equal(null);
  });

  it('sorts the queues by keyboard: most waiting first', async () => {
    const { el, sdk, server, settle } = await page();
    await signIn(sdk);
    server.offer({ queueId: 'queue-escalations' });
    await settle();
    const names = () => [...el.shadowRoot!.querySelectorAll('[part~="queue"] h3')].map((h) => h.textContent!.trim());
    expect(names()).to.deep.equal(['Billing queue', 'Escalations', 'Support queue']);
    el.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle();
    expect(el.sort).to.equal('waiting');
    expect(names()[0]).to.equal('Escalations');
  });

  it('moves with the simulated traffic of other agents when that is on', async () => {
    const { sdk, clock, figure, settle } = await page(undefined, true);
    await signIn(sdk);
    await settle();
    const seen = new Set<string>();
    for (let i = 0; i < 16; i++) {
      clock.advance(120_000);
      await settle();
      seen.add(figure('Support queue', 'Waiting')!);
    }
    expect(seen.size).to.be.greaterThan(2);
  });
});

describe('<cc-queue-stats stats-endpoint>', () => {
  const realFetch = window.fetch;
  let calls: string[] = [];
  let answer: () => Response | Promise<Response>;
  beforeEach(() => {
    calls = [];
    window.fetch = ((input: RequestInfo | URL) => {
      calls.push(String(input));
      return Promise.resolve(answer());
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  const body = (waiting: number, extra: Record<string, unknown> = {}) =>
    new Response(JSON.stringify({ queues: [{ queueId: 'q1', queueName: 'Webex Sales', waiting, longestWaitSeconds: 12, agentsAvailable: 2, at: Date.now() }], ...extra }), {
      headers: { 'content-type': 'application/json' },
    });

  it('polls the endpoint, shows its figures, and on failure keeps them marked stale with the reason', async () => {
    answer = () => body(4);
    const { el, text, figure } = await page(html`<cc-sdk><cc-queue-stats stats-endpoint="/cc/stats" poll-interval="0.05"></cc-queue-stats></cc-sdk>`);
    await until(() => figure('Webex Sales', 'Waiting') === '4', 2000, 'the polled figures');
    expect(calls[0]).to.equal('/cc/stats');
    answer = () => new Response('busy', { status: 503 });
    await until(() => text('[part="error"]').includes('Could not load statistics: the server answered 503. Retrying.'), 2000, 'the error');
    expect(figure('Webex Sales', 'Waiting')).to.equal('4');
    expect(text('[part="stale"]')).to.match(/^Stale: updated 0:0\d ago$/);
    await expect(el).to.be.accessible();
    answer = () => body(1);
    await until(() => figure('Webex Sales', 'Waiting') === '1', 3000, 'recovered');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('says so when the server calls its figures stale', async () => {
    answer = () => body(2, { stale: true });
    const { text } = await page(html`<cc-sdk><cc-queue-stats stats-endpoint="/cc/stats"></cc-queue-stats></cc-sdk>`);
    await until(() => text('[part="stale"]').startsWith('Stale: the server says these figures are out of date'), 2000, 'stale');
  });

  it("takes the server companion's stale marker with its age ({reason, ageSeconds})", async () => {
    answer = () => body(2, { stale: { reason: 'rate-limited', ageSeconds: 125 } });
    const { text } = await page(html`<cc-sdk><cc-queue-stats stats-endpoint="/cc/stats"></cc-queue-stats></cc-sdk>`);
    await until(() => text('[part="stale"]') !== '', 2000, 'stale');
    expect(text('[part="stale"]')).to.equal('Stale: the server says these figures are out of date (updated 2:05 ago)');
  });

  it('refuses an endpoint with a secret in its URL, and never calls it', async () => {
    answer = () => body(2);
    const { text } = await page(html`<cc-sdk><cc-queue-stats stats-endpoint="/cc/stats?access_token=abc"></cc-queue-stats></cc-sdk>`);
    await until(() => text('[part="error"]') !== '');
    expect(text('[part="error"]')).to.equal('This statistics endpoint is not used: its query names a secret (access_token).');
    expect(calls.filter((url) => url.includes('access_token'))).to.deep.equal([]);
  });
});
