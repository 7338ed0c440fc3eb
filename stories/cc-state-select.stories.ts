import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { deskIn, readyDeskIn, textIn, typeInto } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-state-select',
  component: 'cc-state-select',
  render: () => html`<cc-state-select></cc-state-select>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const select = (canvas: HTMLElement) => canvas.querySelector('cc-state-select')!.shadowRoot!.querySelector('select')!;
const shown = (canvas: HTMLElement) => select(canvas).selectedOptions[0]?.textContent?.trim();

/** Every property, CSS custom property and event of the element, on an agent who is Available. */
export const Playground: Story = {
  args: playgroundArgs('cc-state-select'),
  argTypes: playgroundArgTypes('cc-state-select'),
  render: (args) => renderElement('cc-state-select', args),
  play: async ({ canvasElement }) => {
    await readyDeskIn(canvasElement);
    await expect(shown(canvasElement)).toBe('Available');
  },
};

/** Signed in, not logged in to a station: the picker is disabled and says why. */
export const NotLoggedIn: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await expect(select(canvasElement).disabled).toBe(true);
    await expect(shown(canvasElement)).toBe('Not logged in');
  },
};

/** Logged in: the contact center starts the agent Idle with its default reason. 1:15 in that state. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn();
    await desk.advance(75_000);
    await expect(shown(canvasElement)).toBe('Idle: Break');
    await expect(textIn(desk.widget('cc-state-select'), '[part="timer"]')).toBe('1:15');
  },
};

/** Available, 42 seconds in. */
export const Available: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.advance(42_000);
    await expect(shown(canvasElement)).toBe('Available');
    await expect(textIn(desk.widget('cc-state-select'), '[part="timer"]')).toBe('0:42');
  },
};

/** A supervisor put the agent in a meeting: the picker follows at once and says who changed it. */
export const ChangedBySupervisor: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    desk.server.supervisorSetState('Idle', 'idle-meeting');
    await desk.settle();
    await expect(shown(canvasElement)).toBe('Idle: Meeting');
    await expect(textIn(desk.widget('cc-state-select'), '[role="status"]')).toBe('A supervisor changed your state to Idle: Meeting.');
  },
};

/** An offer rang out unanswered: the contact center put the agent in RONA. */
export const Rona: Story = {
  name: 'RONA',
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.offer({ mediaType: 'telephony' });
    await desk.advance(desk.server.timing.ringMs);
    await expect(shown(canvasElement)).toBe('Missed offer (RONA)');
    await expect(desk.widget('cc-state-select').shadowRoot!.querySelector('[part="indicator"]')!.getAttribute('data-state')).toBe('RONA');
  },
};

/** The agent picked Available and the contact center has not answered yet: the picker shows the choice, busy. */
export const Changing: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn();
    desk.holdBack('setAgentState');
    typeInto(select(canvasElement), '0');
    await desk.settle();
    await expect(select(canvasElement).getAttribute('aria-busy')).toBe('true');
    await expect(shown(canvasElement)).toBe('Available');
  },
};

/** The contact center refused the change: the picker stays on the old state and says why. */
export const RefusedChange: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn();
    desk.failNext({ action: 'setAgentState', code: 'rejected', message: 'State changes are locked by your supervisor.' });
    typeInto(select(canvasElement), '0');
    await desk.settle();
    await expect(shown(canvasElement)).toBe('Idle: Break');
    await expect(textIn(desk.widget('cc-state-select'), '[part="error"]')).toBe('State changes are locked by your supervisor.');
  },
};

/** The network dropped: the desk is reconnecting; the picker shows whatever the widget does offline. */
export const Offline: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.dropConnection();
    await expect(desk.sdk.state.connection).toBe('reconnecting');
    await expect(shown(canvasElement)).toContain('Available');
  },
};

/** Tokens (`--cc-state-select-*-color`, global colors) and `::part(select)`, `::part(indicator)`; and dark. */
export const Theming: Story = {
  render: () =>
    themed(
      () => html`<cc-state-select></cc-state-select>`,
      `
      .cc-story-brand cc-state-select { --cc-state-select-available-color: #1f9d55; }
      cc-state-select::part(select) { border-radius: 999px; padding-inline: 12px; }
      cc-state-select::part(indicator) { width: 12px; height: 12px; }
      `,
    ),
  play: async ({ canvasElement }) => {
    await readyDeskIn(canvasElement);
  },
};

/**
 * A labelled native select ("Your state"), described by the time in state; changes the agent did not make
 * (a supervisor, RONA) are announced in a polite live region.
 */
export const Accessibility: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const el = desk.widget('cc-state-select');
    const picker = select(canvasElement);
    picker.focus();
    await expect(el.shadowRoot!.activeElement).toBe(picker);
    await expect(el.shadowRoot!.querySelector(`label[for="${picker.id}"]`)?.textContent?.trim()).toBe('Your state');
    await expect(picker.getAttribute('aria-describedby')).toBe('state-timer');
    await desk.offer({ mediaType: 'chat' });
    await desk.advance(desk.server.timing.ringMs);
    await expect(textIn(el, '[role="status"][aria-live="polite"]')).toBe('Your state is now Missed offer (RONA).');
  },
};
