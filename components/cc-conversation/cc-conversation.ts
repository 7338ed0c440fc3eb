import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { capabilitiesFor } from '../../src/core/actions.js';
import type { DeskState } from '../../src/core/store.js';
import type { ConversationMessage, MediaType, TaskSnapshot } from '../../src/core/types.js';
import { requestKey } from '../../src/context/desk.js';
import { defaultStrings, type CcConversationStrings } from './cc-conversation.strings.js';
import { styles } from './cc-conversation.styles.js';

export type { CcConversationStrings };

const REQUEST = 'cc-task-message-request';

/** Whether a task has a conversation: a chat, a social thread, an email, or any task the backend sent messages for. */
const isConversation = (state: DeskState, task: TaskSnapshot): boolean =>
  task.mediaType === 'chat' || task.mediaType === 'social' || task.mediaType === 'email' || !!state.messages[task.id];

/** A fresh id for an agent's message (no secure context needed): the retry of a failed message reuses it. */
function newMessageId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return `m-${Date.now().toString(36)}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** How close to the end of the transcript (px) still counts as "reading the newest". */
const AT_END_PX = 24;

/** The longest part of a message a screen reader hears in an announcement. */
const ANNOUNCED_CHARS = 160;

interface Draft {
  text: string;
  subject?: string;
}

/**
 * The conversation of a chat, social or email task: its transcript (the customer's, the agent's and system
 * lines, with their times and the agent's messages' delivery), the customer typing, and a reply. It follows
 * the task the agent selected in `<cc-task-panel>` (when that is a call, the conversation stays on screen), or
 * the task named by `task-id`. Text from the network is rendered as text, never as HTML; links stay text.
 *
 * @summary The transcript and the reply of a chat, social or email task.
 * @tag cc-conversation
 * @event {CcRequestEvent<'cc-task-message-request'>} cc-task-message-request - The agent sends a message (Enter, Send, or Send again for a failed one). `detail: {taskId, messageId, text, subject?}`; cancelable (the text stays in the reply field).
 * @csspart base - The wrapper.
 * @csspart header - The customer, the media and the task's state.
 * @csspart subject - An email thread's subject.
 * @csspart transcript - The list of messages (scrolls; focusable to scroll by keyboard).
 * @csspart message - One message (`data-from`: customer, agent or system; `data-delivery` on the agent's).
 * @csspart author - Who wrote a message.
 * @csspart time - When a message was written.
 * @csspart message-subject - An email message's own subject, when it differs from the thread's.
 * @csspart text - A message's text.
 * @csspart delivery - An agent message's delivery: sending, sent, or not sent with the reason.
 * @csspart retry - Send again, on a message that was not sent.
 * @csspart discard - Discard, on a message that was not sent: takes it out of the transcript.
 * @csspart typing - "… is typing", while the customer types.
 * @csspart new-messages - The button that scrolls to messages that arrived while the agent read back.
 * @csspart composer - The reply form.
 * @csspart subject-field - An email reply's subject.
 * @csspart reply - The reply's text field.
 * @csspart send - The Send button.
 * @csspart notice - Why there is no reply form (the task still rings, or has ended).
 * @csspart empty - The message when no conversation is open.
 * @csspart unsupported - The message when the backend has no conversations (its capability `messaging` is off).
 * @csspart error - The reason a reply was refused.
 * @csspart connection - The connection status while the connection is down (sending is paused meanwhile).
 * @cssproperty [--cc-conversation-gap=var(--cc-space, 8px)] - Space between the widget's blocks and messages.
 * @cssproperty [--cc-conversation-background=var(--cc-color-surface)] - The widget's background.
 * @cssproperty [--cc-conversation-transcript-height=22rem] - The transcript's height before it scrolls.
 * @cssproperty [--cc-conversation-customer-background=var(--cc-color-surface-alt)] - The customer's messages.
 * @cssproperty [--cc-conversation-agent-background=var(--cc-color-surface)] - The agent's messages.
 * @cssproperty [--cc-conversation-agent-accent=var(--cc-color-accent)] - The edge of the agent's messages.
 * @cssproperty [--cc-conversation-failed-color=var(--cc-color-danger)] - A message that was not sent.
 */
export class CcConversation extends CcWidget<CcConversationStrings> {
  static override styles = [...CcWidget.styles, styles];
  protected readonly defaultStrings = defaultStrings;

  /** The task whose conversation to show; empty: the task the agent selected (or the latest conversation). */
  @property({ attribute: 'task-id' }) taskId = '';

  /** Messages that arrived while the agent was reading back (the "New messages below" button). */
  @state() private unseen = 0;

  #drafts = new Map<string, Draft>();
  /** The request key of a reply the desk refused (shown next to the field), by task. */
  #refused = new Map<string, string>();
  /** The task on screen at the last update. */
  #shownId: string | null = null;
  /** Scroll the transcript to its newest message after this update. */
  #scrollToEnd = false;
  #messageCount = 0;

  constructor() {
    super();
    this.cc.onAction((state, previous, action) => {
      if (action.type === 'message') this.#heard(state, previous, action.message);
    });
  }

  protected override renderedFrom(s: DeskState) {
    return [s.tasks, s.messages, s.typing, s.selectedTaskId, s.capabilities, s.taskCapabilities, s.errors, s.backend];
  }

  /** The task on screen: the named one, the selected one, the one shown before, else the latest conversation. */
  #task(state: DeskState): TaskSnapshot | null {
    const talks = state.tasks.filter((t) => isConversation(state, t));
    if (this.taskId) return talks.find((t) => t.id === this.taskId) ?? null;
    const pick = talks.find((t) => t.id === state.selectedTaskId) ?? talks.find((t) => t.id === this.#shownId);
    if (pick) return pick;
    const rank = (t: TaskSnapshot) => (t.state === 'connected' ? 2 : t.state === 'wrapup' ? 1 : 0);
    let best: TaskSnapshot | null = null;
    for (const t of talks) {
      if (!best || rank(t) > rank(best) || (rank(t) === rank(best) && (t.connectedAt ?? t.offeredAt) >= (best.connectedAt ?? best.offeredAt))) best = t;
    }
    return best;
  }

  #media(media: MediaType): string {
    return this.t(media === 'chat' || media === 'social' || media === 'email' ? media : 'other');
  }

  #name(task: TaskSnapshot): string {
    return task.customerName || task.ani;
  }

  /** A new message from the customer (or a system line) is announced: in full for the task on screen. */
  #heard(state: DeskState, previous: DeskState, message: ConversationMessage): void {
    if (message.from === 'agent') return;
    if (previous.messages[message.taskId]?.some((m) => m.id === message.id)) return;
    const task = state.tasks.find((t) => t.id === message.taskId);
    if (!task || !state.messages[message.taskId]?.some((m) => m.id === message.id)) return;
    const name = message.author || this.#name(task);
    const text = message.text.length > ANNOUNCED_CHARS ? `${message.text.slice(0, ANNOUNCED_CHARS)}…` : message.text;
    if (this.#task(state)?.id === task.id) this.announce(this.t('announceMessage', { name, text }));
    else this.announce(this.t('announceOther', { name, media: this.#media(task.mediaType) }));
  }

  #transcript(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part="transcript"]') ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const list = this.#transcript();
    const wasAtEnd = !list || list.scrollHeight - list.scrollTop - list.clientHeight <= AT_END_PX;
    const task = this.#task(this.cc.state);
    const count = task ? (this.cc.state.messages[task.id]?.length ?? 0) : 0;
    const switched = (task?.id ?? null) !== this.#shownId;
    const grew = !switched && count > this.#messageCount;
    this.#shownId = task?.id ?? null;
    this.#messageCount = count;
    // A new conversation opens at its newest message; new messages follow the agent who reads the newest, and
    // wait behind a button for the agent who reads back.
    if (switched || this.#scrollToEnd || (grew && wasAtEnd)) {
      this.#scrollToEnd = true;
      this.unseen = 0;
    } else if (grew) {
      this.unseen += 1;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.#transcript();
    if (list && this.#scrollToEnd) list.scrollTop = list.scrollHeight;
    if (list) this.#scrollToEnd = false;
  }

  #onScroll = (): void => {
    const list = this.#transcript();
    if (this.unseen && list && list.scrollHeight - list.scrollTop - list.clientHeight <= AT_END_PX) this.unseen = 0;
  };

  #showNewest = (): void => {
    const list = this.#transcript();
    if (list) list.scrollTop = list.scrollHeight;
    this.unseen = 0;
    list?.focus();
  };

  #draft(taskId: string): Draft {
    let draft = this.#drafts.get(taskId);
    if (!draft) {
      draft = { text: '' };
      this.#drafts.set(taskId, draft);
    }
    return draft;
  }

  /** Sends a reply (or a failed message again): the request first, so the page may cancel it. */
  #send(task: TaskSnapshot, message: { messageId: string; text: string; subject?: string }, fromComposer: boolean): void {
    if (this.offline) return;
    const detail = { taskId: task.id, messageId: message.messageId, text: message.text, ...(message.subject !== undefined ? { subject: message.subject } : {}) };
    const key = requestKey(REQUEST, detail);
    const previous = this.#refused.get(task.id);
    if (previous) this.cc.desk?.dismissError(previous);
    this.#refused.delete(task.id);
    const sent = this.cc.request(REQUEST, detail);
    if (!sent) return;
    // Refused before the backend (an empty text, messaging off): the reason goes next to the field, the text stays.
    const refused = this.cc.state.errors[key] && !this.cc.state.messages[task.id]?.some((m) => m.id === message.messageId);
    if (refused) {
      if (fromComposer) this.#refused.set(task.id, key);
      this.requestUpdate();
      return;
    }
    if (fromComposer) {
      const draft = this.#draft(task.id);
      draft.text = '';
      this.#scrollToEnd = true;
      this.requestUpdate();
    }
  }

  /**
   * Takes a failed message out of the transcript for good (the agent will not send it again). Focus, which was
   * on its Discard button, goes to the reply field, or to the transcript when the task takes no reply.
   */
  #discard(task: TaskSnapshot, message: ConversationMessage): void {
    this.cc.desk?.discardMessage(task.id, message.id);
    this.announce(this.t('discarded'));
    void this.updateComplete.then(() => {
      const to = this.renderRoot.querySelector<HTMLElement>('[part="reply"]') ?? this.renderRoot.querySelector<HTMLElement>('[part="transcript"]');
      to?.focus();
    });
  }

  #submit(task: TaskSnapshot): void {
    const draft = this.#draft(task.id);
    const email = task.mediaType === 'email';
    this.#send(task, { messageId: newMessageId(), text: draft.text, ...(email ? { subject: draft.subject ?? this.#replySubject(task) } : {}) }, true);
  }

  #onKeydown(event: KeyboardEvent, task: TaskSnapshot): void {
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    const email = task.mediaType === 'email';
    // Chat: Enter sends, Shift+Enter is a new line. Email (paragraphs): Enter is a new line, Ctrl/⌘+Enter sends.
    const sends = email ? event.ctrlKey || event.metaKey : !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!sends) return;
    event.preventDefault();
    this.#submit(task);
  }

  #replySubject(task: TaskSnapshot): string {
    const thread = this.cc.state.messages[task.id] ?? [];
    const last = [...thread].reverse().find((m) => m.subject)?.subject ?? task.subject ?? '';
    return /^re:/i.test(last.trim()) || !last ? last : `Re: ${last}`;
  }

  #time(at: number): TemplateResult {
    const date = new Date(at);
    const valid = Number.isFinite(date.getTime());
    return html`<time part="time" datetime=${valid ? date.toISOString() : nothing} title=${valid ? this.dateTime(at) : nothing}>${valid ? this.time(at) : ''}</time>`;
  }

  #renderDelivery(task: TaskSnapshot, m: ConversationMessage): TemplateResult | typeof nothing {
    if (m.from !== 'agent') return nothing;
    const delivery = m.delivery ?? 'sent';
    if (delivery === 'pending') {
      return html`<span part="delivery" data-delivery="pending">${this.renderSpinner(this.t('sending'))}<span>${this.t('sending')}</span></span>`;
    }
    if (delivery === 'sent') return html`<span part="delivery" data-delivery="sent">${this.t('sent')}</span>`;
    const reason = this.errorText(this.cc.state.errors[requestKey(REQUEST, { taskId: task.id, messageId: m.id })]);
    const canSend = task.state === 'connected' && capabilitiesFor(this.cc.state, task.id)?.messaging !== false;
    const excerpt = m.text.length > 40 ? `${m.text.slice(0, 40)}…` : m.text;
    return html`<span part="delivery" data-delivery="failed">
      <span role="status">${reason ? this.tParts('failed', { reason: html`<bdi>${reason}</bdi>` }) : this.t('failedNoReason')}</span>
      ${canSend
        ? html`<button
            type="button"
            part="retry"
            aria-label=${this.t('retryLabel', { text: excerpt })}
            aria-disabled=${this.offline ? 'true' : 'false'}
            @click=${() => this.#send(task, { messageId: m.id, text: m.text, ...(m.subject !== undefined ? { subject: m.subject } : {}) }, false)}
          >
            ${this.t('retry')}
          </button>`
        : nothing}
      <button type="button" part="discard" aria-label=${this.t('discardLabel', { text: excerpt })} @click=${() => this.#discard(task, m)}>
        ${this.t('discard')}
      </button>
    </span>`;
  }

  #renderMessage(task: TaskSnapshot, m: ConversationMessage, threadSubject: string | undefined): TemplateResult {
    const email = task.mediaType === 'email';
    const author = m.from === 'agent' ? this.t('you') : m.from === 'system' ? this.t('system') : m.author || this.#name(task);
    return html`<li part="message" class=${email ? 'email' : ''} data-from=${m.from} data-delivery=${m.from === 'agent' ? (m.delivery ?? 'sent') : nothing}>
      <div class="meta">
        <span part="author">${m.from === 'customer' ? this.netText(author) : author}</span>
        ${this.#time(m.at)}
      </div>
      ${email && m.subject && m.subject !== threadSubject ? html`<p part="message-subject" dir="auto">${m.subject}</p>` : nothing}
      <p part="text" dir="auto">${m.text}</p>
      ${this.#renderDelivery(task, m)}
    </li>`;
  }

  #renderComposer(task: TaskSnapshot): TemplateResult {
    if (task.state === 'offered') return html`<p part="notice" class="hint">${this.t('offeredNotice')}</p>`;
    if (task.state === 'wrapup') return html`<p part="notice" class="hint">${this.t('endedNotice')}</p>`;
    const email = task.mediaType === 'email';
    const draft = this.#draft(task.id);
    const key = this.#refused.get(task.id);
    const error = key ? this.errorText(this.cc.state.errors[key]) : undefined;
    const describedBy = ['reply-hint', error ? 'reply-error' : ''].filter(Boolean).join(' ');
    return html`<form
      part="composer"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#submit(task);
      }}
    >
      ${email
        ? html`<label class="field">
            <span class="label">${this.t('subjectLabel')}</span>
            <input
              part="subject-field"
              type="text"
              dir="auto"
              .value=${live(draft.subject ?? this.#replySubject(task))}
              @input=${(e: Event) => (draft.subject = (e.target as HTMLInputElement).value)}
            />
          </label>`
        : nothing}
      <textarea
        part="reply"
        id="reply"
        dir="auto"
        rows=${email ? 6 : 2}
        aria-label=${this.t('replyLabel', { name: this.#name(task) })}
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${live(draft.text)}
        @input=${(e: Event) => (draft.text = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, task)}
      ></textarea>
      ${this.renderError(error, 'reply-error')}
      <div class="composer-row">
        <span id="reply-hint" class="hint">${this.t(email ? 'sendHintEmail' : 'sendHintChat')}</span>
        <button part="send" class="primary" type="submit" aria-disabled=${this.offline ? 'true' : 'false'}>${this.t('send')}</button>
      </div>
    </form>`;
  }

  protected override render() {
    const state = this.cc.state;
    const task = this.#task(state);
    const caps = task ? capabilitiesFor(state, task.id) : state.capabilities;
    if (caps && caps.messaging === false) {
      return html`<div part="base" class="base">
        <p part="unsupported" role="note">${this.t('unsupported', { backend: state.backend ?? '' })}</p>
      </div>`;
    }
    if (!task) {
      return html`<div part="base" class="base">${this.renderConnectionStatus()}<p part="empty" class="hint">${this.t('empty')}</p>${this.renderAnnouncer()}</div>`;
    }
    const name = this.#name(task);
    const thread = state.messages[task.id] ?? [];
    const email = task.mediaType === 'email';
    const threadSubject = email ? (thread.find((m) => m.subject)?.subject ?? task.subject) : undefined;
    const phase = this.t(task.state === 'offered' ? 'stateOffered' : task.state === 'wrapup' ? 'stateWrapup' : 'stateConnected');
    return html`<section part="base" class="base" aria-labelledby="title">
      ${this.renderConnectionStatus()}
      <header part="header">
        <h2 class="title" id="title">${this.tParts('conversationWith', { name: this.netText(name) })}</h2>
        <span class="muted">${this.#media(task.mediaType)} · ${phase}</span>
      </header>
      ${email && threadSubject ? html`<p part="subject" dir="auto">${threadSubject}</p>` : nothing}
      <ol part="transcript" tabindex="0" aria-label=${this.t('transcriptLabel', { name })} @scroll=${this.#onScroll}>
        ${thread.length === 0 ? html`<li class="hint">${this.t('noMessages')}</li>` : nothing}
        ${repeat(
          thread,
          (m) => m.id,
          (m) => this.#renderMessage(task, m, threadSubject),
        )}
      </ol>
      ${this.unseen ? html`<button type="button" part="new-messages" @click=${this.#showNewest}>${this.t('newMessages')}</button>` : nothing}
      <p part="typing">${state.typing[task.id] ? this.tParts('typing', { name: this.netText(name) }) : nothing}</p>
      ${this.#renderComposer(task)} ${this.renderAnnouncer()}
    </section>`;
  }
}
