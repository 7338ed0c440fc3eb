/**
 * `<cc-agent-stats>` on the simulator with a manual clock: the agent's handled contacts, handle time and missed
 * offers, the time in each state (running on between reports), stale figures, the empty states, and a polled
 * endpoint; and a host page whose widget sits outside `<cc-sdk>` and names it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../define/cc-agent-stats.js';
import '../../../define/cc-queue-stats.js';
import type { CcAgentStats } from '../../../components/cc-agent-stats/cc-agent-stats.js';
import type { CcQueueStats } from '../../../components/cc-queue-stats/cc-queue-stats.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import { sdkFixture, until } from '../../helpers.js';

async function signIn(sdk: CcSdk, available = false) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  if (available) await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

async function page(template = html`<cc-sdk><cc-agent-stats></cc-agent-stats></cc-sdk>`) {
  const rig = await sdkFixture(template, { queueActivity: false });
  const el = rig.root.querySelector('cc-agent-stats') as CcAgentStats;
  const text = (selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The value shown for a label, in the figures or the states. */
  const figure = (label: string) => {
    const row = [...el.shadowRoot!.querySelectorAll('dl div')].find((d) => d.querySelector('dt')?.textContent?.replace(/\s+/g, ' ').trim() === label);
    return row?.querySelector('dd')?.textContent?.trim();
  };
  const settle = async () => {
    await el.updateComplete;
    await el.updateComplete;
  };
  return { ...rig, el, text, figure, settle };
}

describe('<cc-agent-stats>', () => {
  it('asks the agent to sign in, then shows the day so far', async () => {
    const { el, sdk, text, figure, settle } = await page();
    expect(text('[part="empty"]')).to.equal('Sign in to see your statistics.');
    await expect(el).to.be.accessible();
    await signIn(sdk);
    await settle();
    expect(figure('Handled today')).to.equal('0');
    expect(figure('Average handle time')).to.equal('–');
    expect(figure('Missed offers')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('counts handled contacts with their handle time, and missed offers', async () => {
    const { sdk, server, clock, figure, settle } = await page();
    await signIn(sdk, true);
    server.offer({});
    await until(() => sdk.state.tasks.length === 1);
    await sdk.request('cc-task-accept-request', { taskId: sdk.state.tasks[0].id });
    clock.advance(90_000);
    server.customerHangup();
    clock.advance(30_000);
    await until(() => sdk.state.tasks[0]?.state === 'wrapup');
    await sdk.request('cc-wrapup-request', { taskId: sdk.state.tasks[0].id, auxCodeId: 'wrap-resolved', notes: '' });
    await settle();
    expect(figure('Handled today')).to.equal('1');
    expect(figure('Average handle time')).to.equal('2:00');
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    server.offer({});
    clock.advance(server.timing.ringMs + 10);
    await settle();
    expect(figure('Missed offers')).to.equal('1');
  });

  it('shows the time in each state, the current one running on with the clock', async () => {
    const { sdk, clock, figure, settle } = await page();
    await signIn(sdk);
    clock.advance(65_000);
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    clock.advance(3_000);
    await settle();
    expect(figure('Idle')).to.equal('1:05');
    expect(figure('Available (now)')).to.equal('0:03');
    clock.advance(4_000);
    await settle();
    expect(figure('Available (now)')).to.equal('0:07');
    expect(figure('Idle')).to.equal('1:05');
  });

  it('marks the figures stale with their age while the connection is down', async () => {
    const { el, sdk, server, clock, text, settle } = await page();
    await signIn(sdk);
    await settle();
    expect(el.shadowRoot!.querySelector('[part="stale"]')).to.equal(null);
    server.dropConnection(null);
    clock.advance(75_000);
    await settle();
    expect(text('[part="stale"]')).to.equal('Stale: updated 1:15 ago');
    await expect(el).to.be.accessible();
  });

  it('replaces any string', async () => {
    const { el, sdk, figure, settle } = await page();
    el.strings = { handled: 'Erledigt heute', signedOut: 'Bitte anmelden.' };
    await settle();
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('Bitte anmelden.');
    await signIn(sdk);
    await settle();
    expect(figure('Erledigt heute')).to.equal('0');
  });
});

describe('<cc-agent-stats stats-endpoint>', () => {
  const realFetch = window.fetch;
  let answer: () => Response;
  let seen: RequestInit[] = [];
  beforeEach(() => {
    seen = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ ...init, url: String(input) } as RequestInit);
      return Promise.resolve(answer());
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows loading, then the polled figures; a failure is shown next to them, and they are kept', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    window.fetch = (async () => {
      await held;
      return answer();
    }) as typeof fetch;
    answer = () => new Response(JSON.stringify({ agent: { handled: 7, averageHandleSeconds: 200, stateSeconds: { Available: 3600, Idle: 600 }, at: Date.now() } }));
    const { el, text, figure } = await page(html`<cc-sdk><cc-agent-stats stats-endpoint="/cc/stats" poll-interval="0.05"></cc-agent-stats></cc-sdk>`);
    await until(() => text('[part="loading"]') === 'Loading statistics…');
    await expect(el).to.be.accessible();
    release();
    await until(() => figure('Handled today') === '7', 2000, 'the polled figures');
    expect(figure('Average handle time')).to.equal('3:20');
    expect(figure('Available')).to.equal('1:00:00');
    answer = () => new Response('{"nope"', { status: 200 });
    await until(() => text('[part="error"]').startsWith('Could not load statistics:'), 2000, 'the error');
    expect(figure('Handled today')).to.equal('7');
  });

  it('shows "–" for handled contacts a contact center does not count (TCCC), never a made-up 0', async () => {
    answer = () => new Response(JSON.stringify({ agent: { averageHandleSeconds: null, stateSeconds: { Available: 60 }, at: Date.now() } }));
    const { figure } = await page(html`<cc-sdk><cc-agent-stats stats-endpoint="/cc/uncounted" poll-interval="60"></cc-agent-stats></cc-sdk>`);
    await until(() => figure('Available') === '1:00', 2000, 'the polled figures');
    expect(figure('Handled today')).to.equal('–');
  });

  it('shares one poll between the widgets that name the same endpoint', async () => {
    answer = () =>
      new Response(JSON.stringify({ agent: { handled: 3, averageHandleSeconds: 60, at: Date.now() }, queues: [{ queueId: 'q', queueName: 'Sales', waiting: 1, at: Date.now() }] }));
    const host = await fixture<HTMLDivElement>(html`<div>
      <cc-agent-stats stats-endpoint="/cc/shared-stats" poll-interval="60"></cc-agent-stats>
      <cc-queue-stats stats-endpoint="/cc/shared-stats" poll-interval="60"></cc-queue-stats>
      <cc-sdk></cc-sdk>
    </div>`);
    const agent = host.querySelector('cc-agent-stats')!;
    const queues = host.querySelector('cc-queue-stats')!;
    await until(() => agent.shadowRoot!.querySelector('[part="handled"]')?.textContent === '3', 2000, 'agent figures');
    await until(() => queues.shadowRoot!.querySelector('[part="waiting"]')?.textContent === '1', 2000, 'queue figures');
    expect(seen.map((r) => (r as { url?: string }).url)).to.deep.equal(['/cc/shared-stats']);
  });

  it('stops polling once the widget leaves the page', async () => {
    answer = () => new Response(JSON.stringify({ agent: { handled: 2, averageHandleSeconds: 60, at: Date.now() } }));
    const { el, figure } = await page(html`<cc-sdk><cc-agent-stats stats-endpoint="/cc/leaving" poll-interval="0.05"></cc-agent-stats></cc-sdk>`);
    await until(() => figure('Handled today') === '2', 2000, 'figures');
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const calls = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.length).to.equal(calls);
  });

  it('sends the page cookies and no secret: a GET with credentials same-origin and nothing in the URL', async () => {
    answer = () => new Response(JSON.stringify({ agent: { handled: 1, averageHandleSeconds: 60, at: Date.now() } }));
    const { figure } = await page(html`<cc-sdk><cc-agent-stats stats-endpoint="/cc/stats"></cc-agent-stats></cc-sdk>`);
    await until(() => figure('Handled today') === '1', 2000, 'figures');
    expect(seen[0]).to.deep.include({ credentials: 'same-origin' });
    expect(seen[0].method ?? 'GET').to.equal('GET');
  });
});

describe('statistics widgets on a host page', () => {
  it('widgets outside <cc-sdk> find it by id and show its figures', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <header><cc-agent-stats sdk="desk"></cc-agent-stats></header>
      <aside><cc-queue-stats sdk="desk"></cc-queue-stats></aside>
      <cc-sdk id="desk"></cc-sdk>
    </div>`);
    const sdk = host.querySelector('cc-sdk') as CcSdk;
    await until(() => sdk.simulator, 5000, 'the simulator');
    const agent = host.querySelector('cc-agent-stats') as CcAgentStats;
    const queues = host.querySelector('cc-queue-stats') as CcQueueStats;
    await signIn(sdk);
    await until(() => agent.shadowRoot!.querySelector('[part="handled"]')?.textContent === '0', 3000, 'agent figures');
    await until(() => queues.shadowRoot!.querySelectorAll('[part~="queue"]').length === 3, 3000, 'queue figures');
    await expect(queues).to.be.accessible();
  });
});
