import { html } from 'lit';
import type { PropertyValues } from 'lit';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { formatDuration } from '../../src/base/format.js';
import { TickController } from '../../src/base/tick-controller.js';
import type { AgentStateSnapshot } from '../../src/core/types.js';
import { styles } from './cc-state-select.styles.js';

const defaultStrings = {
  label: 'Your state',
  available: 'Available',
  idle: 'Idle: {reason}',
  rona: 'Missed offer (RONA)',
  notLoggedIn: 'Log in to a station to set your state.',
  changing: 'Changing state…',
  timeInState: 'Time in state',
  changedByRemote: 'A supervisor changed your state to {state}.',
  changedBySystem: 'Your state is now {state}.',
  changed: 'Your state is now {state}.',
};

export type CcStateSelectStrings = typeof defaultStrings;

/**
 * The agent's state: Available or Idle with a reason, with the time spent in it. Follows changes made
 * elsewhere (a supervisor, RONA) at once; a refused change reverts and says why.
 *
 * @summary Shows and sets the agent's state (Available, Idle with a reason) with time in state.
 * @tag cc-state-select
 * @event {CcRequestEvent<'cc-agent-state-request'>} cc-agent-state-request - The agent picked a state. `detail: {state, auxCodeId}`; cancelable.
 * @csspart base - The wrapper.
 * @csspart indicator - The colored dot; `data-state` is `Available`, `Idle` or `RONA`.
 * @csspart select - The state picker.
 * @csspart timer - Time in the current state.
 * @csspart error - The message when a change was refused.
 * @cssproperty [--cc-state-select-available-color=var(--cc-color-success)] - The dot when Available.
 * @cssproperty [--cc-state-select-idle-color=var(--cc-color-warning)] - The dot when Idle.
 * @cssproperty [--cc-state-select-rona-color=var(--cc-color-danger)] - The dot after a missed offer.
 */
export class CcStateSelect extends CcWidget<CcStateSelectStrings> {
  static override styles = [...CcWidget.styles, styles];
  protected readonly defaultStrings = defaultStrings;

  protected override renderedFrom(s: DeskState) {
    return [s.agent, s.profile, s.station, s.pending['cc-agent-state-request'], s.errors['cc-agent-state-request']];
  }
  #tick = new TickController(this, this.cc, () => !!this.cc.state.agent);
  #lastAgent: AgentStateSnapshot | null = null;

  #label(agent: Pick<AgentStateSnapshot, 'state' | 'auxCodeId'>): string {
    if (agent.state === 'Available') return this.t('available');
    if (agent.state === 'RONA') return this.t('rona');
    const code = this.cc.state.profile?.idleCodes.find((c) => c.id === agent.auxCodeId);
    return this.t('idle', { reason: code?.name ?? agent.auxCodeId });
  }

  protected override willUpdate(): void {
    const agent = this.cc.state.agent;
    const last = this.#lastAgent;
    if (agent && last && agent !== last && (agent.state !== last.state || agent.auxCodeId !== last.auxCodeId)) {
      const state = this.#label(agent);
      const key = agent.by === 'remote' ? 'changedByRemote' : agent.by === 'system' ? 'changedBySystem' : 'changed';
      this.announce(this.t(key, { state }));
    }
    this.#lastAgent = agent;
  }

  /** The option that matches the store. Set after render, when every option exists; a refused pick snaps back. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { agent } = this.cc.state;
    const select = this.renderRoot.querySelector('select');
    if (select) select.value = agent ? (agent.state === 'Available' ? '0' : agent.auxCodeId) : '';
  }

  #onChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (this.cc.pending('cc-agent-state-request')) return;
    if (value === '0') this.cc.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    else this.cc.request('cc-agent-state-request', { state: 'Idle', auxCodeId: value });
    // Until the backend confirms, the picker shows the store's state; a refusal needs no undoing.
    this.requestUpdate();
  }

  protected override render() {
    const { agent, profile, station } = this.cc.state;
    const pending = this.cc.pending('cc-agent-state-request');
    const error = this.cc.error('cc-agent-state-request');
    const disabled = !agent || !station;
    return html`
      <div part="base">
        <div class="control">
          <span part="indicator" data-state=${agent?.state ?? 'none'} aria-hidden="true"></span>
          <label class="sr-only" for="state">${this.t('label')}</label>
          <select
            id="state"
            part="select"
            ?disabled=${disabled}
            aria-busy=${pending ? 'true' : 'false'}
            aria-describedby=${error ? 'state-error' : 'state-timer'}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${this.#onChange}
          >
            ${disabled ? html`<option value="">${this.t('notLoggedIn')}</option>` : ''}
            ${agent?.state === 'RONA' ? html`<option value="rona" disabled>${this.t('rona')}</option>` : ''}
            <option value="0">${this.t('available')}</option>
            ${(profile?.idleCodes ?? [])
              .filter((c) => c.id !== '0')
              .map((c) => html`<option value=${c.id}>${this.t('idle', { reason: c.name })}</option>`)}
          </select>
          ${pending ? this.renderSpinner(this.t('changing')) : ''}
          ${agent
            ? html`<span part="timer" class="timer" id="state-timer" title=${this.t('timeInState')}
                >${formatDuration(this.#tick.now() - agent.since)}</span
              >`
            : ''}
        </div>
        ${this.renderError(error, 'state-error')} ${this.renderAnnouncer()}
      </div>
    `;
  }
}
