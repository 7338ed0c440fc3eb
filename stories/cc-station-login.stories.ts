import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { LoginOption } from '../src/core/types.js';
import { deskIn, readyDeskIn, textIn, typeInto, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-station-login',
  component: 'cc-station-login',
  render: () => html`<cc-station-login></cc-station-login>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const widget = (desk: StoryDesk) => desk.widget('cc-station-login');
const $ = <E extends Element = HTMLElement>(desk: StoryDesk, selector: string) => widget(desk).shadowRoot!.querySelector<E>(selector);

/** Picks a login option and types the number, as the agent would. */
async function fill(desk: StoryDesk, option: LoginOption, dialNumber?: string): Promise<void> {
  $<HTMLInputElement>(desk, `input[name="login-option"][value="${option}"]`)!.click();
  await desk.settle();
  if (dialNumber !== undefined) typeInto($<HTMLInputElement>(desk, '#dial')!, dialNumber);
  await desk.settle();
}

async function submit(desk: StoryDesk): Promise<void> {
  $(desk, '[part="submit"]')!.click();
  await desk.settle();
}

/** Every property, CSS custom property and event, on the station form. */
export const Playground: Story = {
  args: playgroundArgs('cc-station-login'),
  argTypes: playgroundArgTypes('cc-station-login'),
  render: (args) => renderElement('cc-station-login', args),
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
  },
};

/** Before sign-in: a hint. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(textIn(widget(desk), '[part="hint"]')).toBe('Sign in to log in to a station.');
  },
};

/** The form: team, how calls reach the agent (Browser is the first option). */
export const Form: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await expect($<HTMLInputElement>(desk, 'input[value="BROWSER"]')!.checked).toBe(true);
    await expect($(desk, '#dial')).toBeNull();
  },
};

/** Desk phone: the dial number, prefilled from the profile, with the contact center's example. */
export const DeskPhone: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await fill(desk, 'AGENT_DN');
    await expect($<HTMLInputElement>(desk, '#dial')!.value).toBe('+14155550123');
    await expect(textIn(widget(desk), '[part="dial-hint"]')).toBe('For example, +14155550123');
  },
};

/** A malformed extension: refused before anything is sent, with the expected form. */
export const BadDialNumber: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await fill(desk, 'EXTENSION', '12');
    await submit(desk);
    await expect(textIn(widget(desk), '[part="error"]')).toBe('12 is too short for an extension (2 digits). Use 4 digits.');
    await expect($(desk, '#dial')!.getAttribute('aria-invalid')).toBe('true');
  },
};

/** A well-formed number the contact center refuses (another agent uses it): its message by the field. */
export const DialNumberRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await fill(desk, 'AGENT_DN', '+14155550100');
    await submit(desk);
    await expect(textIn(widget(desk), '[part="error"]')).toBe('+14155550100 is already used by another agent.');
  },
};

/** Logging in: the contact center has not answered yet. */
export const LoggingIn: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.holdBack('stationLogin');
    await submit(desk);
    await expect($(desk, '[part="submit"]')!.getAttribute('aria-disabled')).toBe('true');
  },
};

/** The login failed for another reason: the message is by the button, the form stays filled in. */
export const LoginRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.failNext({ action: 'stationLogin', code: 'backend-error', message: 'The station service is unavailable. Try again in a minute.' });
    await submit(desk);
    await expect(textIn(widget(desk), '[part="error"]')).toBe('The station service is unavailable. Try again in a minute.');
  },
};

/** Logged in on extension 1042: the station, with Change and Log out. */
export const LoggedIn: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn('EXTENSION', '1042', 'team-billing');
    const values = [...widget(desk).shadowRoot!.querySelectorAll('[part="summary"] dd')].map((dd) => dd.textContent?.trim());
    await expect(values).toEqual(['Billing', 'Extension', '1042']);
  },
};

/** Change pressed: the form opens on the current station, with Cancel. */
export const ChangingStation: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn('AGENT_DN', '+14155550188');
    $(desk, '[part="change"]')!.click();
    await desk.settle();
    await expect($<HTMLInputElement>(desk, '#dial')!.value).toBe('+14155550188');
    await expect($(desk, '[part="cancel"]')).not.toBeNull();
  },
};

/** Log out pressed: the contact center has not answered yet; the button shows progress. */
export const LoggingOut: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await desk.logIn();
    desk.holdBack('stationLogout');
    $(desk, '[part="logout"]')!.click();
    await desk.settle();
    await expect($(desk, '[part="logout"]')!.getAttribute('aria-disabled')).toBe('true');
    await expect($(desk, '[part="logout"] .spinner')!.getAttribute('aria-label')).toBe('Logging out…');
  },
};

/** Log out pressed with a call open: refused at once, with the reason. */
export const LogoutBlocked: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'telephony' });
    $(desk, '[part="logout"]')!.click();
    await desk.settle();
    await expect(textIn(widget(desk), '[part="error"]')).toBe('You cannot log out while you have a task or a wrap-up open.');
  },
};

/** Tokens (`--cc-station-login-*`, global colors) and `::part(option)`, `::part(submit)`; and dark. */
export const Theming: Story = {
  render: () =>
    themed(
      () => html`<cc-station-login></cc-station-login>`,
      `
      .cc-story-brand cc-station-login { --cc-station-login-background: #faf7ff; --cc-station-login-gap: 14px; }
      cc-station-login::part(option) { padding: 4px 8px; border: 1px solid var(--cc-color-border, #c9d0d8); border-radius: 999px; }
      cc-station-login::part(submit) { border-radius: 999px; }
      `,
    ),
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
  },
};

/**
 * A real form: a labelled select, a radio group in a fieldset with a legend, a labelled number field with its
 * example; a refused number moves focus to the field, which says why; logging in is announced.
 */
export const Accessibility: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await expect(textIn(widget(desk), 'fieldset legend')).toBe('How you take calls');
    await fill(desk, 'EXTENSION', '');
    await submit(desk);
    await expect(widget(desk).shadowRoot!.activeElement?.id).toBe('dial');
    await expect($(desk, '#dial')!.getAttribute('aria-describedby')).toBe('dial-error dial-hint');
    await fill(desk, 'EXTENSION', '1042');
    await submit(desk);
    await expect(textIn(widget(desk), '[role="status"]')).toBe('Logged in to Customer Support: Extension.');
  },
};
