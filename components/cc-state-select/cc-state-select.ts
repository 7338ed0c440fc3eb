import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { isolate } from '../../src/base/bidi.js';
import { NoticeController } from '../../src/base/notice-controller.js';
import { TickController } from '../../src/base/tick-controller.js';
import { AVAILABLE_CODE, type AgentStateSnapshot, type TaskSnapshot } from '../../src/core/types.js';
import { styles } from './cc-state-select.styles.js';

export const defaultStrings = {
  label: 'Your state',
  available: 'Available',
  idle: 'Idle: {reason}',
  rona: 'Missed offer (RONA)',
  afterCall: 'After-call work',
  notLoggedIn: 'Not logged in',
  notLoggedInHint: 'Log in to a station to set your state.',
  changing: 'Changing state…',
  apply: 'Apply',
  applyHint: 'Press Enter or Apply to change your state.',
  timeInState: 'Time in state',
  ringing: 'Ringing',
  onCall: 'On a call',
  onTask: 'Handling a contact',
  inWrapup: 'In wrap-up',
  setByRemote: 'Set to {state} by a supervisor',
  dismiss: 'Dismiss',
  changedByRemote: 'A supervisor changed your state to {state}.',
  changedBySystem: 'Your state is now {state}.',
  changed: 'Your state is now {state}.',
};

export type CcStateSelectStrings = typeof defaultStrings;

/**
 * The store's state as an option value: `AVAILABLE_CODE` for Available, the idle code, `'rona'`,
 * `'after-call'`, or `''` when unknown.
 */
const valueOf = (agent: AgentStateSnapshot | null): string =>
  !agent
    ? ''
    : agent.state === 'Available'
      ? AVAILABLE_CODE
      : agent.state === 'RONA'
        ? 'rona'
        : agent.state === 'AfterCall'
          ? 'after-call'
          : agent.auxCodeId;

/** The states the contact center sets, shown in the picker but not chosen from it. */
const SYSTEM_VALUES = new Set(['rona', 'after-call', '']);

/** Keys that move through a closed select's options (and change its value) without opening it. */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

type Activity = 'ringing' | 'on-call' | 'on-task' | 'wrapup';

/** What the agent is really doing, whatever their state says: ringing first, then a contact, then a wrap-up. */
function activityOf(tasks: readonly TaskSnapshot[]): Activity | null {
  if (tasks.some((t) => t.state === 'offered')) return 'ringing';
  const connected = tasks.filter((t) => t.state === 'connected');
  if (connected.some((t) => t.mediaType === 'telephony')) return 'on-call';
  if (connected.length > 0) return 'on-task';
  if (tasks.some((t) => t.state === 'wrapup')) return 'wrapup';
  return null;
}

/**
 * The agent's state: Available or Idle with a reason, with the time spent in it, and what the agent is
 * really doing beside it (ringing, on a call, in wrap-up). Follows changes made elsewhere (a supervisor,
 * RONA) at once, with a notice that goes away by itself; a refused change reverts and says why, below the
 * control, without growing it.
 *
 * Choosing with the pointer applies at once. From the keyboard, the arrow keys on the closed picker only
 * browse: Enter (or the Apply button that appears) applies the choice, Escape puts it back. While a change
 * is under way the picker shows the state asked for, with progress.
 *
 * @summary Shows and sets the agent's state (Available, Idle with a reason) with time in state.
 * @tag cc-state-select
 * @event {CcRequestEvent<'cc-agent-state-request'>} cc-agent-state-request - The agent picked a state. `detail: {state, auxCodeId}`; cancelable.
 * @csspart base - The wrapper.
 * @csspart indicator - The colored dot; `data-state` is `Available`, `Idle`, `RONA` or `AfterCall`.
 * @csspart select - The state picker.
 * @csspart apply - The Apply button, shown while a state chosen from the keyboard is not applied yet.
 * @csspart timer - Time in the current state.
 * @csspart activity - What the agent is doing beside the state; `data-activity` is `ringing`, `on-call`, `on-task` or `wrapup`.
 * @csspart error - The message when a change was refused (floats below the control, with a close button).
 * @csspart notice - A change made by someone else (floats below the control; goes away by itself).
 * @csspart notice-close - The close button of the notice.
 * @cssproperty [--cc-state-select-available-color=var(--cc-color-success)] - The dot when Available.
 * @cssproperty [--cc-state-select-idle-color=var(--cc-color-warning)] - The dot when Idle.
 * @cssproperty [--cc-state-select-rona-color=var(--cc-color-danger)] - The dot after a missed offer.
 * @cssproperty [--cc-state-select-inline-size=20rem] - The widget's width; it does not change with the state.
 */
export class CcStateSelect extends CcWidget<CcStateSelectStrings> {
  static override styles = [...CcWidget.styles, ...styles];
  protected readonly defaultStrings = defaultStrings;

  protected override renderedFrom(s: DeskState) {
    return [s.agent, s.profile, s.station, s.tasks, s.pending['cc-agent-state-request'], s.errors['cc-agent-state-request']];
  }
  #tick = new TickController(this, this.cc, () => !!this.cc.state.agent);
  #notice = new NoticeController(this, this.cc);
  #lastAgent: AgentStateSnapshot | null = null;

  /** A state browsed to from the keyboard and not applied yet; null when the picker shows the store. */
  @state() private choice: string | null = null;
  /** The option value of the change under way, shown until the backend answers. */
  @state() private requested: string | null = null;
  /** The last key on the picker moved through its options: the change it fires is browsing, not a choice. */
  #browsing = false;

  #label(agent: Pick<AgentStateSnapshot, 'state' | 'auxCodeId'>, shown: (name: string) => string = (name) => name): string {
    if (agent.state === 'Available') return this.t('available');
    if (agent.state === 'RONA') return this.t('rona');
    if (agent.state === 'AfterCall') return this.t('afterCall');
    const code = this.cc.state.profile?.idleCodes.find((c) => c.id === agent.auxCodeId);
    return this.t('idle', { reason: shown(code?.name ?? agent.auxCodeId) });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const agent = this.cc.state.agent;
    const last = this.#lastAgent;
    if (!this.cc.pending('cc-agent-state-request')) this.requested = null;
    if (agent && last && agent !== last && (agent.state !== last.state || agent.auxCodeId !== last.auxCodeId)) {
      const state = this.#label(agent);
      const key = agent.by === 'remote' ? 'changedByRemote' : agent.by === 'system' ? 'changedBySystem' : 'changed';
      this.announce(this.t(key, { state }));
      if (agent.by === 'remote') this.#notice.show(this.t('setByRemote', { state: this.#label(agent, isolate) }));
      // What the agent was browsing to was about the state that is gone.
      this.choice = null;
    }
    if (!agent || !this.cc.state.station) {
      this.choice = null;
      this.#notice.dismiss();
    }
    this.#lastAgent = agent;
  }

  /** The value the picker shows: the agent's unapplied choice, else the change under way, else the store. */
  #shown(): string {
    return this.choice ?? this.requested ?? valueOf(this.cc.state.agent);
  }

  /** The option that matches what is shown. Set after render, when every option exists; a refused pick snaps back. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const select = this.renderRoot.querySelector('select');
    if (select) select.value = this.#shown();
  }

  #apply(value: string): void {
    this.choice = null;
    if (this.cc.pending('cc-agent-state-request') || value === valueOf(this.cc.state.agent) || SYSTEM_VALUES.has(value)) {
      return;
    }
    const sent =
      value === AVAILABLE_CODE
        ? this.cc.request('cc-agent-state-request', { state: 'Available', auxCodeId: AVAILABLE_CODE })
        : this.cc.request('cc-agent-state-request', { state: 'Idle', auxCodeId: value });
    // Until the backend answers, the picker shows the state asked for; a refusal or a cancel snaps back.
    this.requested = sent && this.cc.pending('cc-agent-state-request') ? value : null;
    this.requestUpdate();
  }

  #onPointerDown(): void {
    this.#browsing = false;
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      // Alt+Arrow opens the list; what is picked there is a choice.
      this.#browsing = false;
      return;
    }
    if (BROWSE_KEYS.has(event.key) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey && event.key !== ' ')) {
      this.#browsing = true;
      return;
    }
    if (event.key === 'Enter' && this.choice !== null) {
      event.preventDefault();
      this.#apply(this.choice);
    } else if (event.key === 'Escape' && this.choice !== null) {
      event.preventDefault();
      this.choice = null;
    }
  }

  #onChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (this.#browsing) {
      // Arrowing through the closed picker: show the option, apply nothing until Enter.
      this.#browsing = false;
      this.choice = value === valueOf(this.cc.state.agent) ? null : value;
      return;
    }
    if (this.cc.pending('cc-agent-state-request')) {
      this.requestUpdate();
      return;
    }
    this.#apply(value);
  }

  /** Focus left the picker and its Apply button: a choice nobody applied is dropped. */
  #onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    const control = this.renderRoot.querySelector('.control');
    if (this.choice !== null && !(to && control?.contains(to))) this.choice = null;
  }

  #renderActivity() {
    const activity = activityOf(this.cc.state.tasks);
    if (!activity || !this.cc.state.station) return nothing;
    const key = activity === 'ringing' ? 'ringing' : activity === 'on-call' ? 'onCall' : activity === 'on-task' ? 'onTask' : 'inWrapup';
    return html`<span part="activity" id="state-activity" class="activity" data-activity=${activity}>${this.t(key)}</span>`;
  }

  protected override render() {
    const { agent, profile, station } = this.cc.state;
    const pending = this.cc.pending('cc-agent-state-request');
    const error = this.cc.error('cc-agent-state-request');
    const disabled = !agent || !station;
    const activity = !disabled && activityOf(this.cc.state.tasks);
    const choosing = this.choice !== null && !disabled;
    const describedBy = [
      disabled ? 'state-hint' : '',
      error ? 'state-error' : '',
      choosing ? 'state-apply-hint' : '',
      activity ? 'state-activity' : '',
      agent ? 'state-timer' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`
      <div part="base" @focusout=${this.#onFocusOut}>
        ${this.renderConnectionStatus()}
        <div class="control">
          <span part="indicator" data-state=${agent?.state ?? 'none'} aria-hidden="true"></span>
          <label class="sr-only" for="state">${this.t('label')}</label>
          <select
            id="state"
            part="select"
            data-notice-return
            ?disabled=${disabled || this.offline}
            aria-busy=${pending ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            aria-invalid=${error ? 'true' : 'false'}
            @pointerdown=${this.#onPointerDown}
            @keydown=${this.#onKeyDown}
            @change=${this.#onChange}
          >
            ${disabled ? html`<option value="" disabled>${this.t('notLoggedIn')}</option>` : nothing}
            ${agent?.state === 'RONA' ? html`<option value="rona" disabled>${this.t('rona')}</option>` : nothing}
            ${agent?.state === 'AfterCall' ? html`<option value="after-call" disabled>${this.t('afterCall')}</option>` : nothing}
            <option value=${AVAILABLE_CODE}>${this.t('available')}</option>
            ${(profile?.idleCodes ?? [])
              .filter((c) => c.id !== AVAILABLE_CODE)
              .map((c) => html`<option value=${c.id}>${this.t('idle', { reason: isolate(c.name) })}</option>`)}
          </select>
          ${choosing
            ? html`<button part="apply" class="apply primary" type="button" aria-disabled=${pending ? 'true' : 'false'} @click=${() => this.#apply(this.choice!)}>
                ${this.t('apply')}
              </button>`
            : nothing}
          ${pending ? this.renderSpinner(this.t('changing')) : nothing}
          ${this.#renderActivity()}
          ${agent
            ? html`<span part="timer" class="timer" id="state-timer" title=${this.t('timeInState')}
                >${this.duration(this.#tick.now() - agent.since)}</span
              >`
            : nothing}
        </div>
        ${disabled ? html`<span class="sr-only" id="state-hint">${this.t('notLoggedInHint')}</span>` : nothing}
        ${choosing ? html`<span class="sr-only" id="state-apply-hint">${this.t('applyHint')}</span>` : nothing}
        <div class="floating-area">${this.#renderError(error)}${this.#notice.render(this.t('dismiss'))}</div>
        ${this.renderAnnouncer()}
      </div>
    `;
  }

  #renderError(error: string | undefined) {
    if (!error) return nothing;
    return html`<div class="error">
      <span class="notice-text" part="error" id="state-error" role="alert">${error}</span>
      <button
        class="notice-close"
        type="button"
        aria-label=${this.t('dismiss')}
        title=${this.t('dismiss')}
        @click=${() => this.#dismissError()}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  async #dismissError(): Promise<void> {
    this.cc.dismissError('cc-agent-state-request');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }
}
