import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { TickController } from '../../src/base/tick-controller.js';
import { TaskAnnouncer } from './announcer.js';
import { CallAudio } from './audio.js';
import { defaultStrings } from './cc-task-panel.strings.js';
import { styles } from './cc-task-panel.styles.js';
import { DestinationPicker } from './destination-picker.js';
import { Keypad } from './keypad.js';
import { forms } from './lazy.js';
import { renderOffer } from './offers.js';
import { OutdialForm } from './outdial-form.js';
import { TaskTabs } from './tabs.js';
import { renderTask } from './task.js';
import { TaskIds, safely, unreadable, type PanelView } from './view.js';

/** The panel's visible strings (see `cc-task-panel.strings.ts`), each replaceable through `strings`. */
export type CcTaskPanelStrings = typeof defaultStrings;

/**
 * The agent's work: incoming offers to accept or decline, the tasks the agent is on, and the controls of the
 * selected one (hold, mute, recording, consult, transfer, end), with its timers and call-associated data.
 * Renders only from the store and acts only through request events; controls the backend cannot do are hidden.
 *
 * @summary Offers, active tasks and the controls of the selected task.
 * @tag cc-task-panel
 * @event {CcRequestEvent<'cc-task-accept-request'>} cc-task-accept-request - The agent accepts an offer. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-decline-request'>} cc-task-decline-request - The agent declines an offer. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-hold-request'>} cc-task-hold-request - The agent puts the call on hold. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-resume-request'>} cc-task-resume-request - The agent takes the call off hold. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-mute-request'>} cc-task-mute-request - The agent mutes or unmutes the microphone (browser login). `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-recording-pause-request'>} cc-task-recording-pause-request - The agent pauses the recording. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-recording-resume-request'>} cc-task-recording-resume-request - The agent resumes the recording. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-consult-request'>} cc-task-consult-request - The agent consults an agent, a queue, an entry point or a number (typed, or from the address book). `detail: {taskId, destination: {type, to}}`; cancelable.
 * @event {CcRequestEvent<'cc-task-consult-end-request'>} cc-task-consult-end-request - The agent ends the consult. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-consult-transfer-request'>} cc-task-consult-transfer-request - The agent hands the customer to the consulted party. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-transfer-request'>} cc-task-transfer-request - The agent transfers the task (blind). `detail: {taskId, destination: {type, to}}`; cancelable.
 * @event {CcRequestEvent<'cc-task-conference-request'>} cc-task-conference-request - The agent joins the answered consult and the customer into a conference. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-conference-leave-request'>} cc-task-conference-leave-request - The agent leaves the conference; the others stay connected. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-conference-transfer-request'>} cc-task-conference-transfer-request - The agent hands the conference to the consulted party and leaves it. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-dtmf-request'>} cc-task-dtmf-request - The agent presses keys on the call's keypad (DTMF). `detail: {taskId, digits}`; cancelable.
 * @event {CcRequestEvent<'cc-task-end-request'>} cc-task-end-request - The agent ends the task. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-outdial-request'>} cc-outdial-request - The agent places an outbound call, showing the number chosen where the backend offers several. `detail: {number, origin?}`; cancelable.
 * @csspart base - The wrapper.
 * @csspart empty - The message when there is no task, or no station login.
 * @csspart offer - One incoming offer.
 * @csspart preview - A campaign preview offer's title (its campaign).
 * @csspart preview-hint - What accepting a campaign preview does.
 * @csspart answer-on-phone - On an offer that rings the agent's phone: the words saying to answer it there (no Accept).
 * @csspart media-icon - A media type's icon (call, chat, email, social).
 * @csspart task-list - The list (tabs) of active and wrap-up tasks.
 * @csspart task - The selected task.
 * @csspart header - The selected task's customer, media, queue and direction.
 * @csspart actions - A row of buttons (an offer's, or the selected task's controls).
 * @csspart timer - A time on screen: an offer's countdown, a task's duration, the time on hold.
 * @csspart hold-timer - The time on hold (also part `timer`).
 * @csspart status - The selected task's state: on hold, muted, recording, consult.
 * @csspart picker - The consult or transfer form.
 * @csspart participants - The list of everyone on a conference.
 * @csspart participant - One participant of a conference: name, number, role, muted or on hold.
 * @csspart keypad - The call's keypad (keys sent as DTMF) and the keys sent so far.
 * @csspart outdial - The New call button and its form.
 * @csspart cad - The call-associated data (a definition list).
 * @csspart audio - The remote audio of a browser call.
 * @csspart error - The backend's message when an action was refused.
 * @csspart connection - The connection status while the connection is down (actions are paused meanwhile).
 * @cssproperty [--cc-task-panel-gap=var(--cc-space, 8px)] - Space between the panel's blocks.
 * @cssproperty [--cc-task-panel-offer-accent=var(--cc-color-accent)] - The edge of an incoming offer.
 * @cssproperty [--cc-task-panel-selected-accent=var(--cc-color-accent)] - The marker of the selected task.
 * @cssproperty [--cc-task-panel-held-color=var(--cc-color-warning)] - The on-hold status.
 * @cssproperty [--cc-task-panel-recording-color=var(--cc-color-danger)] - The recording status.
 * @cssproperty [--cc-task-panel-muted-color=var(--cc-color-danger)] - The background of the Muted status.
 * @cssproperty [--cc-task-panel-on-muted-color=var(--cc-color-on-danger)] - The text and icon on the Muted status.
 */
export class CcTaskPanel extends CcWidget<CcTaskPanelStrings> {
  static override styles = [...CcWidget.styles, styles];
  protected readonly defaultStrings = defaultStrings;

  protected override renderedFrom(s: DeskState) {
    return [s.tasks, s.station, s.capabilities, s.taskCapabilities, s.pending, s.errors, s.media];
  }

  /** What the panel's pieces use of it (see `PanelView`). */
  #view: PanelView = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the pieces call back into this element
    const host = this;
    return {
      get cc() {
        return host.cc;
      },
      get offline() {
        return host.offline;
      },
      t: (key, values) => host.t(key, values),
      tParts: (key, values) => host.tParts(key, values),
      duration: (ms) => host.duration(ms),
      netText: (value) => host.netText(value),
      renderError: (message, id) => host.renderError(message, id),
      requestUpdate: () => host.requestUpdate(),
      focusNext: (selector, keep = false) => {
        host.#focusNext = keep ? (host.#focusNext ?? selector) : selector;
      },
      domId: (taskId) => host.#ids.of(taskId),
    };
  })();
  #tick = new TickController(this, this.cc, () => this.cc.state.tasks.some((t) => t.state !== 'wrapup'));
  #ids = new TaskIds();
  #announcer = new TaskAnnouncer(this.#view, (message) => this.announce(message));
  #tabs = new TaskTabs(this.#view, this);
  #picker = new DestinationPicker(this.#view, () => this.#tabs.selected(this.cc.state.tasks));
  #outdial = new OutdialForm(this.#view);
  #keypad = new Keypad(this.#view);
  #audio = new CallAudio(this, this.cc);
  /** Where focus goes after this update (into an opened form, back to its opener), when it was in the panel. */
  #focusNext: string | null = null;
  /** Whether the agent has had a task since signing in: "No tasks yet" is only true before the first. */
  #hadTasks = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { tasks } = this.cc.state;
    this.#tabs.follow(this.#announcer.update(tasks));
    this.#ids.prune(tasks);
    if (tasks.length > 0) this.#hadTasks = true;
    else if (this.cc.state.session.status !== 'signed-in') this.#hadTasks = false;
    // A consult ended from its own button: focus goes back to Consult (the button that started it).
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (active?.dataset.action === 'consult-end' && !this.#tabs.selected(tasks)?.consult) {
      this.#focusNext = '[data-action="consult"], [data-action="end"]';
    }
    const listed = tasks.filter((t) => t.state !== 'offered');
    this.#tabs.reconcile(listed);
    this.#picker.closeIfStale(tasks, this.#tabs.selectedId);
    this.#outdial.closeIfUnavailable();
    this.#keypad.closeIfStale(tasks);
    // When the focused control goes away (an accepted offer, an ended task), focus lands on the selected task.
    this.focusFallback = listed.length > 0 ? '[role="tab"][aria-selected="true"]' : tasks.length > 0 ? '[part~="offer"] button' : '[part="base"]';
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // The forms' code (consult/transfer, New call) is not in the entry: it is fetched once the panel has
    // painted, off the path to every tag defined, so it is there by the time an agent opens a form.
    void forms.load();
  }

  /**
   * Also waits for the code of a form the agent opened before it had loaded, and for the update that shows
   * the form (see `lazy.ts`): once `updateComplete` resolves, what the agent opened is on screen.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    // Nothing to wait for (the usual case): the base class's promise itself, with its timing.
    if (!this.#waitingForForms()) return super.getUpdateComplete();
    return (async () => {
      let done = await super.getUpdateComplete();
      while (this.#waitingForForms()) {
        await forms.load();
        done = await super.getUpdateComplete();
      }
      return done;
    })();
  }

  /** Whether a form is open whose code is still on its way. */
  #waitingForForms(): boolean {
    return !!forms.loading && !!(this.#picker.form || this.#outdial.form);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A move the widget chose (into an opened form, back to its opener) comes before the base class's fallback.
    const wanted = this.hadFocus && this.#focusNext ? this.renderRoot.querySelector<HTMLElement>(this.#focusNext) : null;
    this.#focusNext = null;
    wanted?.focus();
    super.updated(changed);
    // The selected tab is the desk's selected task: <cc-conversation> follows it.
    const desk = this.cc.desk;
    if (desk && desk.state.selectedTaskId !== this.#tabs.selectedId) desk.selectTask(this.#tabs.selectedId);
  }

  protected override render() {
    const { station, tasks } = this.cc.state;
    const view = this.#view;
    const now = this.#tick.now();
    const offers = tasks.filter((t) => t.state === 'offered');
    const listed = tasks.filter((t) => t.state !== 'offered');
    const selected = this.#tabs.selected(listed) ?? null;
    return html`<div part="base" class="base" tabindex="-1">
      ${this.renderConnectionStatus()} ${this.#outdial.render()}
      ${tasks.length === 0
        ? html`<p part="empty" class="hint empty">${this.t(!station ? 'notLoggedIn' : this.#hadTasks ? 'emptyAgain' : 'empty')}</p>`
        : nothing}
      ${offers.length > 0
        ? html`<ul class="offers" aria-label=${this.t('offersLabel')}>
            ${repeat(
              offers,
              (t) => t.id,
              (t) => safely(() => renderOffer(view, t, now), () => html`<li part="offer" class="offer">${unreadable(view)}</li>`),
            )}
          </ul>`
        : nothing}
      ${listed.length > 0 ? this.#tabs.render(listed, selected) : nothing}
      ${selected
        ? safely(() => renderTask(view, selected, now, this.#picker, this.#keypad), () => html`<div part="task" class="task">${unreadable(view)}</div>`)
        : nothing}
      ${this.#audio.render()} ${this.renderAnnouncer()}
    </div>`;
  }
}
