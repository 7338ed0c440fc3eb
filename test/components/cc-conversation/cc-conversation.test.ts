/**
 * <cc-conversation> on the simulator: what the agent sees (transcript, times, delivery, typing, the reply) and
 * does (Enter, Shift+Enter, Send again), and what the host page receives (requests it may cancel, cc-message).
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-conversation.js';
import '../../../define/cc-task-panel.js';
import { sdkFixture, detailsOf, until } from '../../helpers.js';
import type { CcConversation } from '../../../components/cc-conversation/cc-conversation.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import type { CcRequestEvent, RequestDetails } from '../../../src/events/events.js';
import type { MediaType } from '../../../src/core/types.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function desk(options: { media?: MediaType; subject?: string; customerName?: string; replies?: boolean; panel?: boolean; accept?: boolean } = {}) {
  const rig = await sdkFixture(
    options.panel
      ? html`<cc-sdk><cc-task-panel></cc-task-panel><cc-conversation></cc-conversation></cc-sdk>`
      : html`<cc-sdk><cc-conversation></cc-conversation></cc-sdk>`,
    { queueActivity: false, conversations: { replies: options.replies ?? false, seed: 11 } },
  );
  const el = rig.sdk.querySelector('cc-conversation') as CcConversation;
  const $ = <E extends Element = HTMLElement>(s: string) => el.shadowRoot!.querySelector<E>(s);
  const $$ = <E extends Element = HTMLElement>(s: string) => [...el.shadowRoot!.querySelectorAll<E>(s)];
  await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
  await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  rig.server.offer({ mediaType: options.media ?? 'chat', subject: options.subject ?? 'My parcel is late', customerName: options.customerName ?? 'Priya Raman' });
  const taskId = rig.server.tasks.at(-1)!.id;
  if (options.accept ?? true) await rig.sdk.request('cc-task-accept-request', { taskId });
  await el.updateComplete;
  const messages = () =>
    $$('[part~="message"]').map((m) => `${m.dataset.from}|${squash(m.querySelector('[part="author"]')?.textContent)}|${squash(m.querySelector('[part="text"]')?.textContent)}|${squash(m.querySelector('[part="delivery"]')?.textContent)}`);
  const reply = () => $<HTMLTextAreaElement>('[part="reply"]')!;
  const type = async (text: string) => {
    reply().focus();
    await sendKeys({ type: text });
  };
  const requests = () => {
    const seen: RequestDetails['cc-task-message-request'][] = [];
    el.addEventListener('cc-task-message-request', (e) => seen.push((e as CcRequestEvent<'cc-task-message-request'>).detail));
    return seen;
  };
  const settle = async () => {
    await until(() => Object.keys(rig.sdk.state.pending).length === 0, 3000, 'no pending request');
    await el.updateComplete;
  };
  return { ...rig, el, $, $$, messages, reply, type, requests, settle, taskId };
}

describe('<cc-conversation>', () => {
  it('says there is no conversation when none is open, and passes axe', async () => {
    const rig = await sdkFixture(html`<cc-sdk><cc-conversation></cc-conversation></cc-sdk>`);
    const el = rig.sdk.querySelector('cc-conversation') as CcConversation;
    await el.updateComplete;
    expect(squash(el.shadowRoot!.querySelector('[part="empty"]')?.textContent)).to.equal(
      'No conversation open. The chats, social messages and emails you accept appear here.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows the chat transcript from the store: who wrote, when, and the agent\'s delivery; passes axe', async () => {
    const d = await desk();
    expect(squash(d.$('[part="header"]')?.textContent)).to.equal('Conversation with Priya Raman Chat · in progress');
    expect(d.messages()).to.deep.equal(['customer|Priya Raman|My parcel is late|']);
    const time = d.$<HTMLTimeElement>('[part="time"]')!;
    expect(time.dateTime).to.equal(new Date(d.server.messagesOf(d.taskId)[0].at).toISOString());
    expect(time.textContent).to.match(/\d/);
    d.server.customerSays('Order 5531-B.');
    await d.el.updateComplete;
    expect(d.messages()).to.deep.equal(['customer|Priya Raman|My parcel is late|', 'customer|Priya Raman|Order 5531-B.|']);
    await expect(d.el).to.be.accessible();
  });

  it('sends on Enter, starts a new line on Shift+Enter, and the page hears cc-message once per message', async () => {
    const d = await desk();
    const seen = d.requests();
    const before = d.events.length;
    await d.type('Hello Priya,');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await d.type('which order?');
    expect(d.reply().value).to.equal('Hello Priya,\nwhich order?');
    expect(seen).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await d.settle();
    expect(seen.map((s) => s.text)).to.deep.equal(['Hello Priya,\nwhich order?']);
    expect(seen[0].taskId).to.equal(d.taskId);
    expect(d.reply().value).to.equal('');
    expect(d.messages().at(-1)).to.equal('agent|You|Hello Priya, which order?|Sent');
    // The line break is kept as text.
    expect(d.$$('[part="text"]').at(-1)!.textContent).to.equal('Hello Priya,\nwhich order?');
    d.server.customerSays('5531-B');
    await d.el.updateComplete;
    const heard = detailsOf(d.events.slice(before), 'cc-message');
    expect(heard.map((h) => `${h.message.from}:${h.message.text}`)).to.deep.equal(['agent:Hello Priya,\nwhich order?', 'customer:5531-B']);
    expect(heard[0].task.id).to.equal(d.taskId);
  });

  it('keeps the text when the page cancels the request, and sends nothing', async () => {
    const d = await desk();
    d.sdk.addEventListener('cc-task-message-request', (e) => e.preventDefault(), { once: true });
    await d.type('Not yet');
    await sendKeys({ press: 'Enter' });
    await d.el.updateComplete;
    expect(d.reply().value).to.equal('Not yet');
    expect(d.server.messagesOf(d.taskId).map((m) => m.text)).to.deep.equal(['My parcel is late']);
    expect(detailsOf(d.events, 'cc-message').filter((m) => m.message.from === 'agent')).to.deep.equal([]);
    // Not cancelled the second time: it goes.
    d.$<HTMLButtonElement>('[part="send"]')!.click();
    await d.settle();
    expect(d.server.messagesOf(d.taskId).map((m) => m.text)).to.deep.equal(['My parcel is late', 'Not yet']);
  });

  /** A chat whose reply "Are you there?" the contact center did not take; `seen`: the requests the page heard. */
  async function failedSend() {
    const d = await desk();
    d.server.failNext({ action: 'sendMessage', code: 'rejected', message: 'The chat service did not answer.' });
    const seen = d.requests();
    await d.type('Are you there?');
    await sendKeys({ press: 'Enter' });
    await d.settle();
    expect(d.messages().at(-1)).to.equal('agent|You|Are you there?|Not sent: The chat service did not answer. Send again Discard');
    return { d, seen };
  }

  it('shows a failed send with the reason and sends the same message again on Send again; passes axe failed', async () => {
    const { d, seen } = await failedSend();
    expect(d.$('[part~="message"][data-delivery="failed"]')).to.not.equal(null);
    await expect(d.el).to.be.accessible();
    const retry = d.$<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Send again: Are you there?');
    retry.click();
    await d.settle();
    expect(seen.map((s) => s.messageId)).to.deep.equal([seen[0].messageId, seen[0].messageId]);
    expect(d.messages().at(-1)).to.equal('agent|You|Are you there?|Sent');
    expect(d.server.messagesOf(d.taskId).filter((m) => m.from === 'agent')).to.have.length(1);
    expect(detailsOf(d.events, 'cc-message').filter((m) => m.message.from === 'agent')).to.have.length(1);
  });

  it('discards a failed message from the keyboard: out of the transcript with its reason, nothing sent, focus on the reply', async () => {
    const { d, seen } = await failedSend();
    const before = d.messages();
    const discard = d.$<HTMLButtonElement>('[part="discard"]')!;
    expect(discard.getAttribute('aria-label')).to.equal('Discard the unsent message: Are you there?');
    discard.focus();
    await sendKeys({ press: 'Enter' });
    await d.settle();
    await until(() => d.el.shadowRoot!.activeElement === d.reply(), 2000, 'focus on the reply');
    expect(d.messages()).to.deep.equal(before.slice(0, -1));
    expect(d.$('[part~="message"][data-delivery="failed"]')).to.equal(null);
    expect(Object.keys(d.sdk.state.errors).filter((k) => k.startsWith('cc-task-message-request')), 'its error went with it').to.deep.equal([]);
    expect(squash(d.$('[role="status"][aria-live="polite"]')?.textContent)).to.equal('The unsent message was discarded.');
    expect(seen, 'Discard sends nothing').to.have.length(1);
    expect(d.server.messagesOf(d.taskId).filter((m) => m.from === 'agent')).to.deep.equal([]);
    await expect(d.el).to.be.accessible();
  });

  it('shows a message as sending while the contact center has not taken it', async () => {
    const d = await desk();
    const original = d.backend.sendMessage.bind(d.backend);
    let release!: () => void;
    d.backend.sendMessage = async (taskId, message) => {
      await new Promise<void>((r) => (release = r));
      return original(taskId, message);
    };
    await d.type('One moment');
    await sendKeys({ press: 'Enter' });
    await d.el.updateComplete;
    expect(d.messages().at(-1)).to.equal('agent|You|One moment|Sending…');
    expect(d.$('[part="delivery"] .spinner')?.getAttribute('aria-label')).to.equal('Sending…');
    await expect(d.el).to.be.accessible();
    release();
    await d.settle();
    expect(d.messages().at(-1)).to.equal('agent|You|One moment|Sent');
  });

  it('renders HTML from the network as text, and isolates right-to-left text', async () => {
    const d = await desk({ customerName: '<img src=x onerror="window.pwned=1">', subject: '<b>bold</b> <a href="https://evil.test">click</a>' });
    d.server.customerSays('مرحبا، طلبي 5531 لم يصل \u202Eabc');
    await d.el.updateComplete;
    expect(d.$$('[part="text"]')[0].textContent).to.equal('<b>bold</b> <a href="https://evil.test">click</a>');
    expect(d.el.shadowRoot!.querySelector('a, b, img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    const author = d.$('[part="author"] bdi')!;
    expect(author.textContent).to.equal('<img src=x onerror="window.pwned=1">');
    const rtl = d.$$('[part="text"]')[1];
    expect(rtl.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(rtl).unicodeBidi).to.equal('isolate');
    expect(getComputedStyle(rtl).direction).to.equal('rtl');
    // A very long word wraps instead of widening the widget.
    d.server.customerSays('x'.repeat(600));
    await d.el.updateComplete;
    const list = d.$('[part="transcript"]')!;
    expect(list.scrollWidth).to.be.at.most(list.clientWidth + 1);
  });

  it('pauses sending while the connection is down, keeping the text, and sends once it is back', async () => {
    const d = await desk();
    d.server.dropConnection(null);
    await d.el.updateComplete;
    expect(d.$('[part="connection"]')).to.not.equal(null);
    await d.type('Still there?');
    await sendKeys({ press: 'Enter' });
    await d.el.updateComplete;
    expect(d.$('[part="send"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(d.reply().value).to.equal('Still there?');
    expect(d.messages()).to.have.length(1);
    d.server.restoreConnection();
    await d.el.updateComplete;
    d.$<HTMLButtonElement>('[part="send"]')!.click();
    await d.settle();
    expect(d.messages().at(-1)).to.equal('agent|You|Still there?|Sent');
  });

  it('shows the customer typing, and stops when their message arrives', async () => {
    const d = await desk();
    d.server.customerTyping(true);
    await d.el.updateComplete;
    expect(squash(d.$('[part="typing"]')?.textContent)).to.equal('Priya Raman is typing…');
    await expect(d.el).to.be.accessible();
    d.server.customerSays('Here it is');
    await d.el.updateComplete;
    expect(squash(d.$('[part="typing"]')?.textContent)).to.equal('');
  });

  it("the simulator's customer answers on the controllable clock, typing first, and it is announced politely", async () => {
    const d = await desk({ replies: true });
    await d.type('Hello! Which order is it?');
    await sendKeys({ press: 'Enter' });
    await d.settle();
    d.clock.advance(3_000);
    await d.el.updateComplete;
    expect(squash(d.$('[part="typing"]')?.textContent)).to.equal('Priya Raman is typing…');
    d.clock.advance(6_000);
    await d.el.updateComplete;
    expect(d.messages().filter((m) => m.startsWith('customer|'))).to.have.length(2);
    const live = d.$('[role="status"][aria-live="polite"]')!;
    await until(() => live.textContent!.startsWith('Priya Raman wrote: '), 2000, 'the new message is announced');
  });

  it('scrolls to the newest message, and keeps the place of an agent reading back', async () => {
    const d = await desk();
    d.el.style.setProperty('--cc-conversation-transcript-height', '8rem');
    for (let i = 1; i <= 12; i += 1) d.server.customerSays(`Line ${i}`);
    await d.el.updateComplete;
    const list = d.$('[part="transcript"]')!;
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.at.most(24);
    list.scrollTop = 0;
    list.dispatchEvent(new Event('scroll'));
    d.server.customerSays('Are you reading?');
    await d.el.updateComplete;
    await d.el.updateComplete;
    expect(list.scrollTop).to.equal(0);
    const jump = d.$<HTMLButtonElement>('[part="new-messages"]')!;
    expect(squash(jump.textContent)).to.equal('New messages below');
    jump.click();
    await d.el.updateComplete;
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.at.most(24);
    expect(d.$('[part="new-messages"]')).to.equal(null);
  });

  it('shows an email thread with its subject, replies with "Re:" on Ctrl+Enter; Enter is a new line', async () => {
    const d = await desk({ media: 'email', subject: 'Invoice 2291 is wrong' });
    const seen = d.requests();
    expect(squash(d.$('[part="subject"]')?.textContent)).to.equal('Invoice 2291 is wrong');
    expect(d.$<HTMLInputElement>('[part="subject-field"]')!.value).to.equal('Re: Invoice 2291 is wrong');
    await d.type('Dear Priya,');
    await sendKeys({ press: 'Enter' });
    await d.type('we corrected it.');
    expect(seen).to.deep.equal([]);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await d.settle();
    expect(seen.map((s) => `${s.subject}|${s.text}`)).to.deep.equal(['Re: Invoice 2291 is wrong|Dear Priya,\nwe corrected it.']);
    expect(d.messages().at(-1)).to.equal('agent|You|Dear Priya, we corrected it.|Sent');
    expect(squash(d.$$('[part="message-subject"]').at(-1)?.textContent)).to.equal('Re: Invoice 2291 is wrong');
    await expect(d.el).to.be.accessible();
  });

  it('follows the task the agent selects in the task panel', async () => {
    const d = await desk({ panel: true, customerName: 'Priya Raman' });
    d.server.offer({ mediaType: 'chat', subject: 'Second chat', customerName: 'Lena Fischer' });
    const second = d.server.tasks.at(-1)!.id;
    await d.sdk.request('cc-task-accept-request', { taskId: second });
    const panel = d.sdk.querySelector('cc-task-panel') as CcTaskPanel;
    await panel.updateComplete;
    await d.el.updateComplete;
    expect(squash(d.$('.title')?.textContent)).to.equal('Conversation with Lena Fischer');
    const tab = panel.shadowRoot!.querySelector<HTMLButtonElement>(`[role="tab"][data-task="${d.taskId}"]`)!;
    tab.click();
    await panel.updateComplete;
    await d.el.updateComplete;
    expect(squash(d.$('.title')?.textContent)).to.equal('Conversation with Priya Raman');
  });

  it('says the conversation is not available when the backend cannot send messages (capability off)', async () => {
    const rig = await sdkFixture(html`<cc-sdk><cc-conversation></cc-conversation></cc-sdk>`);
    // A backend without sendMessage (as Webex, XuC and TCCC are): its messaging capability is off.
    const backend = new SimulatorBackend({ server: rig.server });
    Object.defineProperty(backend, 'sendMessage', { value: undefined });
    rig.sdk.backend = backend;
    await until(() => rig.sdk.desk.backend === backend);
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    rig.server.offer({ mediaType: 'chat', subject: 'Hello' });
    await rig.sdk.request('cc-task-accept-request', { taskId: rig.server.tasks[0].id });
    const el = rig.sdk.querySelector('cc-conversation') as CcConversation;
    await el.updateComplete;
    expect(rig.sdk.state.capabilities?.messaging).to.equal(false);
    expect(squash(el.shadowRoot!.querySelector('[part="unsupported"]')?.textContent)).to.equal(
      'Conversations are not shown here: your contact center (simulator) keeps the messages of chats, social messages and emails in its own app. Accept, end and wrap up those tasks in the task panel.',
    );
    expect(el.shadowRoot!.querySelector('[part="reply"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an offered chat without a reply, and an ended one as ended', async () => {
    const d = await desk({ accept: false });
    expect(squash(d.$('[part="notice"]')?.textContent)).to.equal('Accept the task in the task panel to reply.');
    await d.sdk.request('cc-task-accept-request', { taskId: d.taskId });
    await d.sdk.request('cc-task-end-request', { taskId: d.taskId });
    await d.el.updateComplete;
    expect(squash(d.$('[part="notice"]')?.textContent)).to.equal('This conversation has ended.');
    expect(d.$('[part="reply"]')).to.equal(null);
  });
});
