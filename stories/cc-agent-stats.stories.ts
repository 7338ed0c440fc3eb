import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { deskIn, textIn, until, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { json, never, statsRoute } from './support/stats.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-agent-stats',
  component: 'cc-agent-stats',
  render: () => html`<cc-agent-stats></cc-agent-stats>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const stats = (desk: StoryDesk) => desk.widget('cc-agent-stats');
/** The value shown for a label. */
const figure = (desk: StoryDesk, label: string) =>
  [...stats(desk).shadowRoot!.querySelectorAll('dl div')]
    .find((d) => d.querySelector('dt')?.textContent?.replace(/\s+/g, ' ').trim() === label)
    ?.querySelector('dd')
    ?.textContent?.trim();

/** A morning: 10 minutes Idle, then two calls of 3 and 5 minutes, each wrapped up; Available now. */
async function morning(desk: StoryDesk): Promise<void> {
  await desk.signIn();
  await desk.logIn();
  await desk.advance(600_000);
  await desk.available();
  for (const ms of [180_000, 300_000]) {
    const id = await desk.connect({});
    await desk.advance(ms);
    await desk.end(id);
    await desk.request('cc-wrapup-request', { taskId: id, auxCodeId: 'wrap-resolved', notes: '' });
    await desk.available();
  }
  await desk.advance(45_000);
}

/** Every property, CSS custom property and event, after a morning's work. */
export const Playground: Story = {
  args: playgroundArgs('cc-agent-stats'),
  argTypes: playgroundArgTypes('cc-agent-stats'),
  render: (args) => renderElement('cc-agent-stats', args),
  play: async ({ canvasElement }) => {
    await morning(await deskIn(canvasElement));
  },
};

/** Before sign-in: it says what is needed. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(textIn(stats(desk), '[part="empty"]')).toBe('Sign in to see your statistics.');
  },
};

/** Two calls handled (average 4:00), 10 minutes Idle, the time Available running on. */
export const Day: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await morning(desk);
    await expect(figure(desk, 'Handled today')).toBe('2');
    await expect(figure(desk, 'Average handle time')).toBe('4:00');
    await expect(figure(desk, 'Idle')).toBe('10:00');
  },
};

/** The connection dropped 2 minutes ago: the figures say how old they are. */
export const Stale: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn();
    desk.server.dropConnection(null);
    await desk.advance(120_000);
    await expect(textIn(stats(desk), '[part="stale"]')).toBe('Stale: updated 2:00 ago');
  },
};

/** From the host server's statistics route (Webex, TCCC): the first poll under way. */
export const Loading: Story = {
  render: () => html`<cc-agent-stats stats-endpoint=${statsRoute('agent-loading', never)}></cc-agent-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => stats(desk).shadowRoot!.querySelector('[part="loading"]'), 'the loading state');
  },
};

const polled = () => ({ agent: { handled: 14, averageHandleSeconds: 262, missed: 1, stateSeconds: { Available: 9000, Idle: 2400, AfterCall: 1300, RONA: 20 }, at: Date.now() } });

/** From the host server's statistics route: a whole day. */
export const FromServer: Story = {
  render: () => html`<cc-agent-stats stats-endpoint=${statsRoute('agent', () => json(polled()))}></cc-agent-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => figure(desk, 'Handled today') === '14', 'the polled figures');
  },
};

/** The route failed: the reason next to the figures, which stay (marked stale); it retries with backoff. */
export const ServerError: Story = {
  render: () => {
    let calls = 0;
    const url = statsRoute('agent-failing', () => (calls++ === 0 ? json(polled()) : json({ error: 'unavailable' }, 503)));
    return html`<cc-agent-stats stats-endpoint=${url} poll-interval="0.2"></cc-agent-stats>`;
  },
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => textIn(stats(desk), '[part="error"]').includes('503'), 'the failure');
    await expect(figure(desk, 'Handled today')).toBe('14');
  },
};

/** Signed in through a server that has no figures for the agent yet. */
export const Empty: Story = {
  render: () => html`<cc-agent-stats stats-endpoint=${statsRoute('agent-empty', () => json({}))}></cc-agent-stats>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => textIn(stats(desk), '[part="empty"]') === 'No statistics yet.', 'the empty state');
  },
};

/** Tokens (`--cc-agent-stats-*`, global colours) and `::part(state)`; and dark. */
export const Theming: Story = {
  parameters: { a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } } },
  render: () =>
    themed(
      () => html`<cc-agent-stats></cc-agent-stats>`,
      `
      .cc-story-brand cc-agent-stats { --cc-agent-stats-bar-color: #6b2fa3; --cc-agent-stats-gap: 12px; }
      cc-agent-stats::part(state) { padding-block: 2px; }
      `,
    ),
  play: async ({ canvasElement }) => {
    await morning(await deskIn(canvasElement));
  },
};

/** A region named by its title; the figures a description list; the bars hidden from screen readers (the times say it). */
export const Accessibility: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await morning(desk);
    await expect(stats(desk).shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-labelledby')).toBe('title');
    await expect([...stats(desk).shadowRoot!.querySelectorAll('.bar')].every((b) => b.getAttribute('aria-hidden') === 'true')).toBe(true);
  },
};
