import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { deskIn, textIn, until, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { json, never, statsRoute } from './support/stats.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-queue-stats',
  component: 'cc-queue-stats',
  render: () => html`<cc-queue-stats></cc-queue-stats>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const stats = (desk: StoryDesk) => desk.widget('cc-queue-stats');
const cards = (desk: StoryDesk) => [...stats(desk).shadowRoot!.querySelectorAll<HTMLElement>('[part~="queue"]')];
const card = (desk: StoryDesk, name: string) => cards(desk).find((c) => c.querySelector('h3')?.textContent?.includes(name))!;
/** The text of `selector` in a queue's card. */
const inCard = (el: HTMLElement, selector: string) => (el.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Signed in and logged in (Idle): calls wait in the queues instead of ringing. */
async function signedIn(desk: StoryDesk): Promise<void> {
  await desk.signIn();
  await desk.logIn();
}

/** Twenty minutes of the simulated contact center: the trend has a shape. */
async function busyHour(desk: StoryDesk): Promise<void> {
  await signedIn(desk);
  for (let i = 0; i < 10; i++) await desk.advance(120_000);
  desk.server.offer({ queueId: 'queue-support' });
  desk.server.offer({ queueId: 'queue-support' });
  await desk.advance(30_000);
}

/** Every property, CSS custom property and event, with the queues of the simulator. */
export const Playground: Story = {
  args: playgroundArgs('cc-queue-stats'),
  argTypes: playgroundArgTypes('cc-queue-stats'),
  render: (args) => renderElement('cc-queue-stats', args),
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await busyHour(desk);
  },
};

/** Before sign-in: it says what is needed. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(textIn(stats(desk), '[part="empty"]')).toBe('Sign in to see queue statistics.');
  },
};

/** Three queues with their figures and an hour's trend (other agents' traffic, plus two calls waiting in Support). */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await busyHour(desk);
    await expect(cards(desk).length).toBe(3);
    await expect(inCard(card(desk, 'Support queue'), '[part="trend-summary"]')).toMatch(/^Waiting (went from \d+ to \d+|stayed at \d+) in the last hour/);
  },
};

/** The longest wait in Support is past a 45-second target: warning colour and "Over target (0:45)". */
export const OverTarget: Story = {
  render: () => html`<cc-queue-stats sla-seconds="45"></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await signedIn(desk);
    desk.server.offer({ queueId: 'queue-escalations' });
    await desk.advance(50_000);
    await expect(inCard(card(desk, 'Escalations'), '[part~="longest-wait"]')).toMatch(/Over target \(0:45\)$/);
  },
};

/** The connection dropped 90 seconds ago: the figures say how old they are. */
export const Stale: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await signedIn(desk);
    desk.server.dropConnection(null);
    await desk.advance(90_000);
    await expect(textIn(stats(desk), '[part="stale"]')).toBe('Stale: updated 1:30 ago');
  },
};

/** Sorted by the longest wait (the `sort` attribute; a labelled select by keyboard). */
export const SortedByLongestWait: Story = {
  render: () => html`<cc-queue-stats sort="longest"></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await signedIn(desk);
    desk.server.offer({ queueId: 'queue-billing' });
    await desk.advance(20_000);
    await expect(cards(desk)[0].querySelector('h3')!.textContent).toContain('Billing queue');
  },
};

/** From the host server's statistics route (Webex, TCCC): the first poll under way. */
export const Loading: Story = {
  render: () => html`<cc-queue-stats stats-endpoint=${statsRoute('queues-loading', never)}></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => stats(desk).shadowRoot!.querySelector('[part="loading"]'), 'the loading state');
  },
};

const polled = () => ({
  queues: [
    { queueId: 'wx-sales', queueName: 'Sales (Webex)', waiting: 3, longestWaitSeconds: 140, agentsAvailable: 2, agentsTalking: 5, answered: 81, abandoned: 4, at: Date.now() },
    { queueId: 'wx-care', queueName: 'Care (Webex)', waiting: 0, longestWaitSeconds: 0, agentsAvailable: 4, agentsTalking: 2, answered: 57, abandoned: 1, at: Date.now() },
  ],
});

/** From the host server's statistics route: two queues, Sales past the 60-second target. */
export const FromServer: Story = {
  render: () => html`<cc-queue-stats stats-endpoint=${statsRoute('queues', () => json(polled()))}></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => cards(desk).length === 2, 'the polled queues');
  },
};

/** The server's route failed: the reason next to the figures, which stay (marked stale); it retries with backoff. */
export const ServerError: Story = {
  render: () => {
    let calls = 0;
    const url = statsRoute('queues-failing', () => (calls++ === 0 ? json(polled()) : json({ error: 'rate limited' }, 429)));
    return html`<cc-queue-stats stats-endpoint=${url} poll-interval="0.2"></cc-queue-stats>`;
  },
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => textIn(stats(desk), '[part="error"]').includes('429'), 'the failure');
    await expect(cards(desk).length).toBe(2);
  },
};

/** The server says its figures are stale (a reporting API that is behind). */
export const ServerSaysStale: Story = {
  render: () => html`<cc-queue-stats stats-endpoint=${statsRoute('queues-stale', () => json({ ...polled(), stale: true }))}></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => textIn(stats(desk), '[part="stale"]').startsWith('Stale: the server says'), 'the stale marker');
  },
};

/** Signed in, but no figures yet (a server with no queues). */
export const Empty: Story = {
  render: () => html`<cc-queue-stats stats-endpoint=${statsRoute('queues-empty', () => json({ queues: [] }))}></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => textIn(stats(desk), '[part="empty"]') === 'No queue statistics yet.', 'the empty state');
  },
};

/** Tokens (`--cc-queue-stats-*`, global colours) and `::part(queue)`, `::part(over-target)`; and dark. */
export const Theming: Story = {
  parameters: { a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } } },
  render: () =>
    themed(
      () => html`<cc-queue-stats sla-seconds="45"></cc-queue-stats>`,
      `
      .cc-story-brand cc-queue-stats { --cc-queue-stats-trend-color: #6b2fa3; --cc-queue-stats-warning-color: #8a3b00; }
      cc-queue-stats::part(queue) { border-radius: 12px; }
      cc-queue-stats::part(over-target) { font-weight: 700; }
      `,
    ),
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await busyHour(desk);
    desk.server.offer({ queueId: 'queue-escalations' });
    await desk.advance(60_000);
  },
};

/** A region named by its title; each trend an image with a name and a text summary; "Over target" in words and announced once. */
export const Accessibility: Story = {
  render: () => html`<cc-queue-stats sla-seconds="30"></cc-queue-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await signedIn(desk);
    desk.server.offer({ queueId: 'queue-support' });
    await desk.advance(40_000);
    const chart = card(desk, 'Support queue').querySelector('svg')!;
    await expect(chart.getAttribute('role')).toBe('img');
    await expect(chart.getAttribute('aria-label')).toBe('Waiting contacts over the last hour in Support queue');
    await until(() => textIn(stats(desk), '[role="status"]').startsWith('Support queue: longest wait over target'), 'the announcement');
  },
};
