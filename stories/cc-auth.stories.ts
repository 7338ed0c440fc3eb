import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { deskIn, textIn, typeInto, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-auth',
  component: 'cc-auth',
  render: () => html`<cc-auth></cc-auth>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const auth = (desk: StoryDesk) => desk.widget('cc-auth');
const part = (desk: StoryDesk, name: string) => auth(desk).shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Signs in through the form, as the agent would: type the token, press Sign in. */
async function submitToken(desk: StoryDesk, token: string): Promise<void> {
  typeInto(auth(desk).shadowRoot!.querySelector<HTMLInputElement>('#token')!, token);
  part(desk, 'submit')!.click();
  await desk.settle();
}

const oauth = html`<cc-auth client-id="C0ffee" redirect-uri="https://crm.example.com/oauth/callback"></cc-auth>`;

/** Every property, CSS custom property and event. Set `clientId` and `redirectUri` to offer Sign in with Webex. */
export const Playground: Story = {
  args: { clientId: '', redirectUri: '', scopes: '', hideToken: false, ...playgroundArgs('cc-auth') },
  argTypes: playgroundArgTypes('cc-auth'),
  render: (args) => renderElement('cc-auth', args),
};

/** Signed out: the access-token form. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(textIn(auth(desk), '[part="submit"]')).toBe('Sign in');
    await expect(part(desk, 'user')).toBeNull();
  },
};

/** With an OAuth client id and redirect URI, Sign in with Webex is offered too. */
export const WithWebexSignIn: Story = {
  render: () => oauth,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(textIn(auth(desk), '[part="oauth"]')).toBe('Sign in with Webex');
  },
};

/** `hide-token`: only Sign in with Webex. */
export const WebexSignInOnly: Story = {
  render: () => html`<cc-auth client-id="C0ffee" redirect-uri="https://crm.example.com/oauth/callback" hide-token></cc-auth>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(auth(desk).shadowRoot!.querySelector('#token')).toBeNull();
  },
};

/** Signing in: the contact center has not answered yet; the button shows progress and ignores more clicks. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    desk.holdBack('connect');
    await submitToken(desk, 'story-token');
    await expect(part(desk, 'submit')!.getAttribute('aria-disabled')).toBe('true');
    await expect(part(desk, 'submit')!.querySelector('.spinner')!.getAttribute('aria-label')).toBe('Signing in…');
  },
};

/** Sign in pressed with an empty field: nothing is sent, the field says what is missing. */
export const TokenMissing: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await submitToken(desk, '');
    await expect(textIn(auth(desk), '[part="error"]')).toBe('Enter your access token.');
  },
};

/** The contact center refused the token: the message is next to the field, and the agent can retry. */
export const TokenRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await submitToken(desk, 'invalid-token');
    await expect(textIn(auth(desk), '[part="error"]')).toBe('The access token was refused: it is malformed or has expired.');
    await expect(auth(desk).shadowRoot!.querySelector('#token')!.getAttribute('aria-invalid')).toBe('true');
  },
};

/** Signed in: who, and Sign out. */
export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await expect(textIn(auth(desk), '[part="user"]')).toBe('Signed in as Dana Whitfield dana.whitfield@example.com');
  },
};

/** The session expires in 4:12: a warning with a countdown, and Sign in again. */
export const Expiring: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.server.expireToken(4 * 60_000 + 12_000);
    await desk.settle();
    await expect(textIn(auth(desk), '[part="warning"] .timer')).toBe('Your session expires in 4:12');
  },
};

/** Sign in again pressed while expiring: the form opens below the warning, with Cancel. */
export const SigningInAgain: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.server.expireToken(3 * 60_000);
    await desk.settle();
    part(desk, 'renew')!.click();
    await desk.settle();
    await expect(part(desk, 'cancel')).not.toBeNull();
    await expect(auth(desk).shadowRoot!.activeElement?.id).toBe('token');
  },
};

/** The session expired: the agent's tasks are kept; signing in again resumes them. */
export const Expired: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.server.expireToken(0);
    await desk.settle();
    await expect(textIn(auth(desk), '[part="expired"]')).toBe('Your session has expired. Sign in again to continue; your tasks are kept.');
  },
};

/** Sign out refused by the contact center: the reason is next to the button. */
export const SignOutRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.failNext({ action: 'deregister', code: 'backend-error', message: 'The contact center did not answer. Try again.' });
    part(desk, 'sign-out')!.click();
    await desk.settle();
    await expect(textIn(auth(desk), '[part="error"]')).toBe('The contact center did not answer. Try again.');
  },
};

/** Tokens (`--cc-auth-*`, global colors) and `::part(submit)`, `::part(warning)`; and dark. Shown expiring. */
export const Theming: Story = {
  render: () =>
    themed(
      () => oauth,
      `
      .cc-story-brand cc-auth { --cc-auth-warning-color: #b45309; --cc-auth-background: #faf7ff; }
      cc-auth::part(submit), cc-auth::part(oauth) { border-radius: 999px; }
      cc-auth::part(warning) { font-style: italic; }
      `,
    ),
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    desk.server.expireToken(2 * 60_000);
    await desk.settle();
  },
};

/**
 * A labelled password field with its hint; errors are tied to the field (`aria-invalid`, `aria-describedby`)
 * and focus stays in the form; sign-in, sign-out and the expiry warning are announced.
 */
export const Accessibility: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    const root = auth(desk).shadowRoot!;
    await submitToken(desk, '');
    const input = root.querySelector<HTMLInputElement>('#token')!;
    await expect(root.activeElement).toBe(input);
    await expect(input.getAttribute('aria-describedby')).toBe('token-error');
    await submitToken(desk, 'story-token');
    await expect(textIn(auth(desk), '[role="status"]')).toBe('Signed in as Dana Whitfield.');
    desk.server.expireToken(4 * 60_000);
    await desk.settle();
    await expect(textIn(auth(desk), '[role="status"]')).toBe('Your session expires in 4:00. Sign in again to stay connected.');
  },
};
