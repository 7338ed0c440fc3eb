import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { SimulatorBackend } from '../src/backends/simulator/backend.js';
import { buttonIn, deskIn, readyDeskIn, textIn, typeInto, until, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-conversation',
  component: 'cc-conversation',
  render: () => html`<cc-conversation></cc-conversation>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const widget = (desk: StoryDesk) => desk.widget('cc-conversation');
const lines = (desk: StoryDesk) =>
  [...widget(desk).shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')].map((m) => `${m.dataset.from}: ${m.querySelector('[part="text"]')?.textContent}`);

/** The agent writes in the reply field and presses Enter (Ctrl+Enter for an email). */
async function reply(desk: StoryDesk, text: string, email = false): Promise<void> {
  const field = widget(desk).shadowRoot!.querySelector<HTMLTextAreaElement>('[part="reply"]')!;
  typeInto(field, text);
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: email, bubbles: true, composed: true }));
  await desk.settle();
}

/** A chat with Priya, a few lines each way. */
async function liveChat(desk: StoryDesk): Promise<string> {
  await desk.ready();
  const taskId = await desk.connect({ mediaType: 'chat', subject: 'Hi, my order has not arrived yet', customerName: 'Priya Raman' });
  await desk.advance(20_000);
  await reply(desk, 'Hello Priya, I am sorry to hear that. Which order is it?');
  await desk.advance(8_000);
  desk.server.customerSays('And I need it before Friday — https://example.com/orders/5531-B');
  await desk.settle();
  return taskId;
}

/** Every property, CSS custom property and event, on a live chat. */
export const Playground: Story = {
  args: playgroundArgs('cc-conversation'),
  argTypes: playgroundArgTypes('cc-conversation'),
  render: (args) => renderElement('cc-conversation', args),
  play: async ({ canvasElement }) => {
    await liveChat(await deskIn(canvasElement));
  },
};

/** No conversation open: it says where conversations will appear. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await expect(textIn(widget(desk), '[part="empty"]')).toBe('No conversation open. The chats, social messages and emails you accept appear here.');
  },
};

/** A live chat: the customer's lines, the agent's (sent), times; a link stays text. */
export const ChatLive: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await liveChat(desk);
    const shown = lines(desk);
    await expect(shown[0]).toBe('customer: Hi, my order has not arrived yet');
    await expect(shown).toContain('agent: Hello Priya, I am sorry to hear that. Which order is it?');
    await expect(shown.at(-1)).toBe('customer: And I need it before Friday — https://example.com/orders/5531-B');
    await expect(widget(desk).shadowRoot!.querySelector('a')).toBe(null);
  },
};

/** The customer is typing. */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'chat', subject: 'Is the spring sale still on?', customerName: 'Marcus Oyelaran' });
    desk.server.customerTyping(true);
    await desk.settle();
    await expect(textIn(widget(desk), '[part="typing"]')).toBe('Marcus Oyelaran is typing…');
  },
};

/** The agent's message is on its way: "Sending…" while the contact center has not taken it. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'chat', subject: 'Can I change my delivery address?', customerName: 'Lena Fischer' });
    desk.holdBack('sendMessage');
    await reply(desk, 'Of course, which address should we use?');
    await until(() => textIn(widget(desk), '[data-delivery="pending"] [part="delivery"]') === 'Sending…', 'the pending message');
  },
};

/** The contact center refused the message: the reason, Send again, and Discard. */
export const FailedSend: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'social', subject: 'DM: my app keeps logging me out', customerName: 'Tomás Álvarez' });
    desk.failNext({ action: 'sendMessage', code: 'rejected', message: 'The social channel did not answer.' });
    await reply(desk, 'Which version of the app do you have?');
    await expect(textIn(widget(desk), '[data-delivery="failed"] [part="delivery"]')).toBe('Not sent: The social channel did not answer. Send again Discard');
    await expect(buttonIn(widget(desk), 'Send again')).toBeTruthy();
    await expect(buttonIn(widget(desk), 'Discard')).toBeTruthy();
  },
};

/** An email thread: its subject, the customer's email, the agent's reply ("Re:"), and the customer's answer. */
export const EmailThread: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'email', subject: 'Question about my last invoice', customerName: 'Priya Raman' });
    await reply(desk, 'Dear Priya,\n\nthank you for your email. The invoice was corrected today.\n\nKind regards,\nDana', true);
    await desk.advance(95_000);
    await expect(textIn(widget(desk), '[part="subject"]')).toBe('Question about my last invoice');
    await expect(lines(desk).length).toBe(3);
  },
};

/** Right-to-left and long text from the network: isolated, wrapped, never HTML. */
export const NetworkText: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'chat', subject: 'مرحبا، طلبي رقم 5531 لم يصل بعد', customerName: 'ليلى حداد' });
    desk.server.customerSays('<b>not bold</b> <img src=x onerror=alert(1)> and a very long word: ' + 'x'.repeat(120));
    await desk.settle();
    await expect(widget(desk).shadowRoot!.querySelector('b, img')).toBe(null);
  },
};

/** A backend with no conversations (Webex, XuC, TCCC): a clear text, not an empty box. */
export const CapabilityOff: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    const backend = new SimulatorBackend({ server: desk.server });
    Object.defineProperty(backend, 'sendMessage', { value: undefined });
    desk.sdk.backend = backend;
    await until(() => desk.sdk.desk.backend === backend, 'the backend without messaging');
    await desk.ready();
    await desk.connect({ mediaType: 'chat', subject: 'Hello?' });
    await expect(textIn(widget(desk), '[part="unsupported"]')).toMatch(/^Conversations are not shown here/);
  },
};

/** Tokens (`--cc-conversation-*`, global colours) and `::part(message)`; and dark. */
export const Theming: Story = {
  parameters: { a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } } },
  render: () =>
    themed(
      () => html`<cc-conversation></cc-conversation>`,
      `
      .cc-story-brand cc-conversation { --cc-conversation-agent-accent: #6b2fa3; --cc-conversation-customer-background: #f1ebf8; --cc-conversation-transcript-height: 14rem; }
      cc-conversation::part(message) { border-radius: 12px; }
      `,
    ),
  play: async ({ canvasElement }) => {
    await liveChat(await deskIn(canvasElement));
  },
};
