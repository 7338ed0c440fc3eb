import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { readyDeskIn, textIn, typeInto, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-wrapup',
  component: 'cc-wrapup',
  render: () => html`<cc-wrapup></cc-wrapup>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const wrapup = (desk: StoryDesk) => desk.widget('cc-wrapup');
const $ = <E extends Element = HTMLElement>(desk: StoryDesk, selector: string) => wrapup(desk).shadowRoot!.querySelector<E>(selector);

/** A call that lasted `ms` and has ended: its wrap-up is owed. */
async function endedCall(desk: StoryDesk, ms = 200_000): Promise<string> {
  const taskId = await desk.connect({ mediaType: 'telephony' });
  await desk.advance(ms);
  await desk.end(taskId);
  return taskId;
}

async function submit(desk: StoryDesk): Promise<void> {
  $(desk, '[part="submit"]')!.click();
  await desk.settle();
}

/** Every property, CSS custom property and event, with one wrap-up owed. */
export const Playground: Story = {
  args: playgroundArgs('cc-wrapup'),
  argTypes: playgroundArgTypes('cc-wrapup'),
  render: (args) => renderElement('cc-wrapup', args),
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
  },
};

/** No wrap-up owed: the element hides itself (`hidden`). */
export const NothingOwed: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await expect(wrapup(desk).hidden).toBe(true);
  },
};

/** A call of 3:20 ended: a code (required) and notes. */
export const OneOwed: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    await expect(textIn(wrapup(desk), '.title')).toBe('Wrap up: Call with Priya Raman');
    await expect(textIn(wrapup(desk), '[part="details"]')).toBe('+14155550142 Lasted 3:20');
  },
};

/** A call and then a chat ended: handled in turn, the call (ended first) first. */
export const TwoOwed: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const chatId = await desk.connect({ mediaType: 'chat' });
    await endedCall(desk, 90_000);
    await desk.advance(5_000);
    await desk.end(chatId);
    await expect(textIn(wrapup(desk), '[part="counter"]')).toBe('1 of 2');
    await expect(textIn(wrapup(desk), '.title')).toBe('Wrap up: Call with Marcus Oyelaran');
  },
};

/** The contact center wraps up by itself 60 seconds after the end: 0:45 left. */
export const AutoWrapupCountdown: Story = {
  parameters: { desk: { profile: { autoWrapupSeconds: 60 } } },
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    await desk.advance(15_000);
    await expect(textIn(wrapup(desk), '[part="timer"]')).toBe('Wrapping up automatically in 0:45');
  },
};

/** The agent stopped the countdown ("Don't wrap up automatically"): the task waits for the agent's own wrap-up. */
export const AutoWrapupStopped: Story = {
  parameters: { desk: { profile: { autoWrapupSeconds: 60 } } },
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    await expect(textIn(wrapup(desk), '[part="stop-auto-wrapup"]')).toBe("Don't wrap up automatically");
    $<HTMLButtonElement>(desk, '[part="stop-auto-wrapup"]')!.click();
    await desk.settle();
    await expect($(desk, '[part="timer"]')).toBeNull();
    await desk.advance(120_000);
    await expect($(desk, '[part="code"]')).not.toBeNull();
  },
};

/** Submit pressed without a code: nothing is sent, the picker says what is missing. */
export const CodeMissing: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    await submit(desk);
    await expect(textIn(wrapup(desk), '[part="error"]')).toBe('Choose a wrap-up code.');
  },
};

/** Submitted: the contact center has not answered yet. */
export const Submitting: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    desk.holdBack('wrapup');
    typeInto($<HTMLSelectElement>(desk, '#code')!, 'wrap-resolved');
    typeInto($<HTMLTextAreaElement>(desk, '#notes')!, 'Parcel re-sent; tracking number given.');
    await submit(desk);
    await expect($(desk, '[part="submit"]')!.getAttribute('aria-disabled')).toBe('true');
  },
};

/** The contact center refused the wrap-up: the reason by the button; code and notes are kept for a retry. */
export const Refused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    desk.failNext({ action: 'wrapup', code: 'backend-error', message: 'The wrap-up could not be saved. Try again.' });
    typeInto($<HTMLSelectElement>(desk, '#code')!, 'wrap-followup');
    typeInto($<HTMLTextAreaElement>(desk, '#notes')!, 'Call back on Monday.');
    await submit(desk);
    await expect(textIn(wrapup(desk), '[part="error"]')).toBe('The wrap-up could not be saved. Try again.');
    await expect($<HTMLTextAreaElement>(desk, '#notes')!.value).toBe('Call back on Monday.');
  },
};

/** Tokens (`--cc-wrapup-*`, global colors) and `::part(header)`, `::part(submit)`; and dark. Two owed, auto wrap-up on. */
export const Theming: Story = {
  parameters: {
    desk: { profile: { autoWrapupSeconds: 120 } },
    // The story shows the same wrap-up twice on purpose (two themes), so its region landmark has a twin.
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
  },
  render: () =>
    themed(
      () => html`<cc-wrapup></cc-wrapup>`,
      `
      .cc-story-brand cc-wrapup { --cc-wrapup-accent-color: #6b2fa3; --cc-wrapup-timer-color: #8a3b00; --cc-wrapup-gap: 12px; }
      cc-wrapup::part(header) { text-transform: uppercase; letter-spacing: 0.04em; }
      cc-wrapup::part(submit) { border-radius: 999px; min-width: 8rem; }
      `,
    ),
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const chatId = await desk.connect({ mediaType: 'chat' });
    await endedCall(desk, 75_000);
    await desk.end(chatId);
    await desk.advance(20_000);
  },
};

/**
 * A labelled region named by its title (and counter); the code is a required, labelled select that takes focus
 * and says why when missing; each owed wrap-up is announced.
 */
export const Accessibility: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await endedCall(desk);
    await expect(textIn(wrapup(desk), '[role="status"]')).toBe('Wrap-up needed: Call with Priya Raman.');
    // The heading is said once: the panel is no region named after it.
    await expect($(desk, '[part="base"]')!.hasAttribute('aria-labelledby')).toBe(false);
    await expect(wrapup(desk).shadowRoot!.querySelectorAll('h2').length).toBe(1);
    await submit(desk);
    const code = $<HTMLSelectElement>(desk, '#code')!;
    await expect(wrapup(desk).shadowRoot!.activeElement).toBe(code);
    await expect(code.getAttribute('aria-describedby')).toBe('code-error');
    await expect(code.getAttribute('aria-required')).toBe('true');
  },
};
