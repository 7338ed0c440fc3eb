import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { TickController } from '../../src/base/tick-controller.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import { requestKey } from '../../src/context/desk.js';
import { capabilitiesFor } from '../../src/core/actions.js';
import { styles } from './cc-wrapup.styles.js';

export const defaultStrings = {
  title: 'Wrap up: {media} with {who}',
  counter: '{index} of {count}',
  telephony: 'Call',
  chat: 'Chat',
  email: 'Email',
  social: 'Social message',
  other: 'Task',
  lasted: 'Lasted {duration}',
  code: 'Wrap-up code',
  chooseCode: 'Choose a code',
  codeRequired: 'Choose a wrap-up code.',
  notes: 'Notes (optional)',
  submit: 'Submit',
  submitting: 'Submitting…',
  autoWrapup: 'Wrapping up automatically in {time}',
  stopAutoWrapup: "Don't wrap up automatically",
  stoppingAutoWrapup: 'Stopping the automatic wrap-up…',
  autoWrapupStopped: 'Automatic wrap-up stopped. Wrap up when you are ready.',
  needed: 'Wrap-up needed: {media} with {who}.',
  allDone: 'All wrap-ups done.',
};

export type CcWrapupStrings = typeof defaultStrings;

interface Draft {
  readonly taskId: string;
  readonly code: string;
  readonly notes: string;
}

/** Where a half-typed wrap-up waits for a reload: per task id, in this tab's sessionStorage; code and notes only. */
const draftKey = (taskId: string) => `cc-elements:wrapup-draft:${taskId}`;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function loadDraft(taskId: string): Draft {
  try {
    const saved = JSON.parse(storage()?.getItem(draftKey(taskId)) ?? 'null') as { code?: unknown; notes?: unknown } | null;
    return {
      taskId,
      code: typeof saved?.code === 'string' ? saved.code : '',
      notes: typeof saved?.notes === 'string' ? saved.notes : '',
    };
  } catch {
    return { taskId, code: '', notes: '' };
  }
}

function saveDraft(draft: Draft): void {
  try {
    if (!draft.code && !draft.notes) storage()?.removeItem(draftKey(draft.taskId));
    else storage()?.setItem(draftKey(draft.taskId), JSON.stringify({ code: draft.code, notes: draft.notes }));
  } catch {
    // storage full or blocked: the draft lives on screen only
  }
}

const forgetDraft = (taskId: string) => {
  try {
    storage()?.removeItem(draftKey(taskId));
  } catch {
    // nothing kept
  }
};

/** The focused element, inside shadow roots too; null when nothing is focused. */
function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The tasks that owe a wrap-up, the one that ended first first. */
const owed = (tasks: readonly TaskSnapshot[]): TaskSnapshot[] =>
  tasks.filter((t) => t.state === 'wrapup').sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));

/**
 * The wrap-up of a finished task: a wrap-up code (required), optional notes, and the countdown to the
 * automatic wrap-up when the contact center runs one. When several tasks wait, they are handled in turn,
 * the one that ended first first, with their progress ("2 of 4"). Hidden (the host's `hidden` attribute is
 * set) while no wrap-up is owed. A half-typed code and notes are kept per task id in the
 * tab's sessionStorage (nothing else: no token, no customer data) and come back after a reload; they are
 * removed once the task is wrapped up. When a wrap-up becomes owed because a call or chat ended, it takes focus
 * (on the code) only if the agent's focus was lost: on the page body, or on a control that went away (End);
 * never from a field of the host page. When the agent finishes the last wrap-up, "All wrap-ups done" takes
 * focus (and is announced) until focus moves on.
 *
 * @summary Wrap-up code and notes for each ended task, in turn, with the auto wrap-up countdown.
 * @tag cc-wrapup
 * @event {CcRequestEvent<'cc-wrapup-request'>} cc-wrapup-request - The agent submits the wrap-up. `detail: {taskId, auxCodeId, notes}`; cancelable.
 * @event {CcRequestEvent<'cc-task-auto-wrapup-cancel-request'>} cc-task-auto-wrapup-cancel-request - The agent stops the automatic wrap-up (shown where the backend can). `detail: {taskId}`; cancelable.
 * @csspart base - The panel.
 * @csspart header - The title (media and customer) and the counter.
 * @csspart counter - Progress through the wrap-ups owed together ("1 of 4", then "2 of 4"), shown when several wait.
 * @csspart done - "All wrap-ups done": shown, with focus, when the agent finishes the last one from the widget.
 * @csspart details - The customer's address and how long the task lasted.
 * @csspart timer - The countdown to the automatic wrap-up.
 * @csspart stop-auto-wrapup - The button that stops the automatic wrap-up (where the backend can).
 * @csspart code - The wrap-up code picker.
 * @csspart notes - The notes field.
 * @csspart submit - The Submit button.
 * @csspart error - A message about the code or a refused wrap-up.
 * @cssproperty [--cc-wrapup-background=var(--cc-color-surface)] - The panel's background.
 * @cssproperty [--cc-wrapup-gap=var(--cc-space)] - The space between its parts.
 * @cssproperty [--cc-wrapup-accent-color=var(--cc-color-accent)] - The edge of the panel.
 * @cssproperty [--cc-wrapup-timer-color=var(--cc-color-warning)] - The auto wrap-up countdown.
 */
export class CcWrapup extends CcWidget<CcWrapupStrings> {
  static override styles = [...CcWidget.styles, styles];
  protected readonly defaultStrings = defaultStrings;

  protected override renderedFrom(s: DeskState) {
    return [s.profile, s.capabilities, s.taskCapabilities, s.pending, s.errors, ...s.tasks.filter((t) => t.state === 'wrapup')];
  }

  /** The task whose automatic wrap-up the agent asked to stop, until it has stopped. */
  #stopping: string | null = null;

  /** The code and notes of the task on screen. */
  @state() private draft: Draft | null = null;
  /** A message about the code (none was chosen). */
  @state() private codeError = '';

  #tick = new TickController(this, this.cc, () => this.#current()?.autoWrapupAt != null);
  /** Wrap-ups already announced. */
  #known = new Set<string>();
  #shownId: string | null = null;
  /** Wrap-ups finished since the queue of owed ones was last empty: the counter shows progress through them. */
  #done = 0;
  /** The last wrap-up was just finished with focus in the widget: say so, and keep focus here. */
  @state() private allDone = false;

  #current(): TaskSnapshot | undefined {
    return owed(this.cc.state.tasks)[0];
  }

  #who(task: TaskSnapshot): string {
    return task.customerName || task.ani;
  }

  #media(task: TaskSnapshot): string {
    return this.t(task.mediaType);
  }

  get #usesCodes(): boolean {
    return this.cc.state.capabilities?.wrapupCodes !== false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const waiting = owed(this.cc.state.tasks);
    const task = waiting[0];
    if (task?.id !== this.draft?.taskId) {
      // A wrap-up begun before a reload comes back with what was typed.
      this.draft = task ? loadDraft(task.id) : null;
      this.codeError = '';
    }
    // Only wrap-ups really done count (a sign-out or a reload also empties the store).
    const gone = [...this.#known].filter((id) => !waiting.some((t) => t.id === id) && this.#wrappedUp.has(id));
    this.#wrappedUp.clear();
    this.#done = waiting.length === 0 ? 0 : this.#done + gone.length;
    if (task) this.allDone = false;
    else if (gone.length > 0 && this.hadFocus) this.allDone = true;
    const fresh = waiting.filter((t) => !this.#known.has(t.id));
    if (fresh.length > 0) {
      const last = fresh.at(-1)!;
      this.announce(this.t('needed', { media: this.#media(last), who: this.#who(last) }));
    }
    this.#known = new Set(waiting.map((t) => t.id));
    this.hidden = !task && !this.allDone;
  }

  /**
   * Where focus was when a wrap-up became owed (undefined when none just did). The wrap-up takes focus only if
   * that was the page's body or a control that has gone since (End call): never from a field the agent is in.
   */
  #focusWhenOwed: Element | null | undefined = undefined;

  #takeFocusIfLost(): void {
    const before = this.#focusWhenOwed;
    this.#focusWhenOwed = undefined;
    if (before === undefined) return;
    const take = (): boolean => {
      if (!this.#current() || this.hidden) return false;
      const lost = before === null || before === document.body || before === document.documentElement || !before.isConnected;
      if (!lost) return false;
      // The agent moved on meanwhile: into the wrap-up itself, or into a field of the page.
      if (this.shadowRoot!.activeElement) return true;
      const now = deepActiveElement();
      const root = now?.getRootNode();
      const inKit = root instanceof ShadowRoot && root.host.localName.startsWith('cc-');
      if (now && now !== document.body && now !== document.documentElement && !inKit) return true;
      this.renderRoot.querySelector<HTMLElement>('#code, #notes')?.focus();
      return true;
    };
    // Focus already lost (on the body): take it now. On a kit control (End): once every widget has re-rendered
    // for the same change, the task panel removes End in its own update.
    if (take()) return;
    const root = before?.getRootNode();
    if (root instanceof ShadowRoot && root.host.localName.startsWith('cc-')) requestAnimationFrame(() => void take());
  }

  /** Tasks wrapped up since the last update. */
  #wrappedUp = new Set<string>();

  constructor() {
    super();
    this.cc.onAction((state, previous, action) => {
      // A task the agent was on has just ended into a wrap-up while none was owed: the panel is about to show.
      // Where focus is now (before any widget re-renders) decides whether the wrap-up may take it.
      if (owed(previous.tasks).length === 0) {
        const ended = owed(state.tasks).some((t) => previous.tasks.some((p) => p.id === t.id && p.state !== 'wrapup'));
        if (ended) this.#focusWhenOwed = deepActiveElement();
      }
      if (action.type !== 'task-wrapped-up') return;
      this.#wrappedUp.add(action.task.id);
      // Its draft has served: nothing of it stays in storage.
      forgetDraft(action.task.id);
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const task = this.#current();
    // The automatic wrap-up the agent stopped has stopped: say so, and keep focus in the form (its button went).
    if (this.#stopping !== null && (task?.id !== this.#stopping || task.autoWrapupAt === null)) {
      const stopped = task?.id === this.#stopping;
      this.#stopping = null;
      if (stopped) {
        this.announce(this.t('autoWrapupStopped'));
        if (!this.shadowRoot!.activeElement) this.renderRoot.querySelector<HTMLElement>('#code, #notes')?.focus();
      }
    }
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#code');
    if (select && this.draft) select.value = this.draft.code;
    // The next wrap-up took the place of the one just submitted: start it at its code.
    if (task && task.id !== this.#shownId && this.#shownId !== null && this.hadFocus) {
      this.renderRoot.querySelector<HTMLElement>('#code, #notes')?.focus();
    }
    // A wrap-up just became owed and shows: it takes focus if the agent's focus went away with End.
    if (task && this.#shownId === null) this.#takeFocusIfLost();
    else this.#focusWhenOwed = undefined;
    // The last one is done: focus stays in the widget, on the status that says so.
    if (this.allDone && !task && this.#shownId !== null) this.renderRoot.querySelector<HTMLElement>('[part="done"]')?.focus();
    this.#shownId = task?.id ?? null;
  }

  #onCode(event: Event): void {
    if (!this.draft) return;
    this.codeError = '';
    this.draft = { ...this.draft, code: (event.target as HTMLSelectElement).value };
    saveDraft(this.draft);
  }

  #onNotes(event: Event): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, notes: (event.target as HTMLTextAreaElement).value };
    saveDraft(this.draft);
  }

  /** Focus left the "All wrap-ups done" status: it has been read; the widget hides. */
  #onDoneBlur(): void {
    this.allDone = false;
  }

  #onStopAutoWrapup(task: TaskSnapshot): void {
    if (this.offline || this.cc.pending('cc-task-auto-wrapup-cancel-request', task.id)) return;
    this.#stopping = task.id;
    this.cc.request('cc-task-auto-wrapup-cancel-request', { taskId: task.id });
  }

  /** The countdown to the automatic wrap-up, with the button that stops it where the backend can. */
  #renderTimer(task: TaskSnapshot, now: number) {
    if (task.autoWrapupAt == null) return nothing;
    const canStop = capabilitiesFor(this.cc.state, task.id)?.cancelAutoWrapup !== false;
    const pending = this.cc.pending('cc-task-auto-wrapup-cancel-request', task.id);
    const refusal = this.cc.state.errors[requestKey('cc-task-auto-wrapup-cancel-request', { taskId: task.id })];
    return html`<div class="timer-row">
      <p part="timer" class="timer" id="timer">${this.t('autoWrapup', { time: this.duration(task.autoWrapupAt - now) })}</p>
      ${canStop
        ? html`<button
            type="button"
            part="stop-auto-wrapup"
            data-action="auto-wrapup-cancel"
            aria-disabled=${pending || this.offline ? 'true' : 'false'}
            aria-describedby=${refusal ? 'stop-error' : nothing}
            @click=${() => this.#onStopAutoWrapup(task)}
          >
            ${pending ? this.renderSpinner(this.t('stoppingAutoWrapup')) : nothing}${this.t('stopAutoWrapup')}
          </button>`
        : nothing}
      ${canStop ? this.renderError(this.errorText(refusal), 'stop-error') : nothing}
    </div>`;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const task = this.#current();
    const draft = this.draft;
    if (!task || !draft || draft.taskId !== task.id || this.offline || this.cc.pending('cc-wrapup-request', task.id)) return;
    if (this.#usesCodes && !draft.code) {
      this.codeError = this.t('codeRequired');
      this.renderRoot.querySelector<HTMLSelectElement>('#code')?.focus();
      return;
    }
    this.codeError = '';
    this.cc.request('cc-wrapup-request', { taskId: task.id, auxCodeId: draft.code, notes: draft.notes.trim() });
  }

  protected override render() {
    // The live region stays in place whether or not a panel shows, so what it says is heard.
    return html`${this.#renderPanel()}${this.allDone && !this.#current()
      ? html`<p part="done" class="surface done" role="status" tabindex="-1" @blur=${this.#onDoneBlur}>${this.t('allDone')}</p>`
      : nothing}${this.renderAnnouncer()}`;
  }

  #renderPanel() {
    const waiting = owed(this.cc.state.tasks);
    const task = waiting[0];
    const draft = this.draft;
    if (!task || !draft) return nothing;
    const codes = this.cc.state.profile?.wrapupCodes ?? [];
    const pending = this.cc.pending('cc-wrapup-request', task.id);
    const refusal = this.cc.state.errors[requestKey('cc-wrapup-request', { taskId: task.id })];
    // A refused code shows by the picker; anything else by the button.
    const codeRefused = refusal?.code === 'invalid-request' && this.#usesCodes;
    const codeMessage = this.codeError || (codeRefused ? this.errorText(refusal) : undefined);
    const formMessage = refusal && !codeRefused ? this.errorText(refusal) : undefined;
    const now = this.#tick.now();
    const who = this.#who(task);
    const lasted = (task.endedAt ?? now) - (task.connectedAt ?? task.offeredAt);
    return html`
      <section part="base" class="surface">
        ${this.renderConnectionStatus()}
        <div part="header">
          <!-- The heading is said once: the panel is no region named after it (a screen reader would read it twice). -->
          <h2 class="title" id="title">${this.tParts('title', { media: this.#media(task), who: this.netText(who) })}</h2>
          ${this.#done + waiting.length > 1
            ? html`<span part="counter" id="counter">${this.t('counter', { index: this.#done + 1, count: this.#done + waiting.length })}</span>`
            : nothing}
        </div>
        <p part="details">
          ${task.customerName && task.customerName !== task.ani ? html`<span>${this.netText(task.ani)}</span>` : nothing}
          <span class="timer">${this.t('lasted', { duration: this.duration(lasted) })}</span>
        </p>
        ${this.#renderTimer(task, now)}
        <form novalidate @submit=${this.#onSubmit}>
          ${this.#usesCodes
            ? html`<div class="field">
                <label for="code">${this.t('code')}</label>
                <select
                  id="code"
                  part="code"
                  aria-required="true"
                  aria-invalid=${codeMessage ? 'true' : 'false'}
                  aria-describedby=${codeMessage ? 'code-error' : nothing}
                  @change=${this.#onCode}
                >
                  <option value="" ?selected=${!draft.code}>${this.t('chooseCode')}</option>
                  ${codes.map((c) => html`<option value=${c.id} ?selected=${c.id === draft.code}>${c.name}</option>`)}
                </select>
                ${this.renderError(codeMessage, 'code-error')}
              </div>`
            : nothing}
          <div class="field">
            <label for="notes">${this.t('notes')}</label>
            <textarea id="notes" part="notes" rows="3" .value=${draft.notes} @input=${this.#onNotes}></textarea>
          </div>
          <div class="actions">
            <button
              part="submit"
              class="primary"
              type="submit"
              aria-disabled=${pending || this.offline ? 'true' : 'false'}
              aria-describedby=${formMessage ? 'wrapup-error' : nothing}
            >
              ${pending ? this.renderSpinner(this.t('submitting')) : nothing}${this.t('submit')}
            </button>
          </div>
          ${this.renderError(formMessage, 'wrapup-error')}
        </form>
      </section>
    `;
  }
}
