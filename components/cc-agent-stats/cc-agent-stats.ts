import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { StatsSource, type StatsView } from '../../src/base/stats-feed.js';
import { TickController } from '../../src/base/tick-controller.js';
import type { DeskState } from '../../src/core/store.js';
import type { AgentStateName } from '../../src/core/types.js';
import { defaultStrings, type CcAgentStatsStrings } from './cc-agent-stats.strings.js';
import { statsStyles } from '../../src/styles/stats.js';
import { cardStyles } from '../../src/styles/card.js';
import { styles } from './cc-agent-stats.styles.js';

const STATES: readonly AgentStateName[] = ['Available', 'Idle', 'RONA', 'AfterCall'];

/**
 * The signed-in agent's own figures: contacts handled today, the average handle time, missed offers, and the
 * time spent in each state (the current state's time runs on between reports). Figures come from the desk's
 * backend, or from the host server's `stats-endpoint`, polled. Figures not updated for `stale-after` seconds
 * (or that the server calls stale, or while the connection is down) are marked stale with their age.
 *
 * @summary The agent's handled contacts and time in each state today.
 * @tag cc-agent-stats
 * @csspart base - The panel.
 * @csspart figures - Handled, average handle time and missed offers (a description list).
 * @csspart handled - The number of contacts handled today.
 * @csspart states - The time in each state (a description list).
 * @csspart state - One state's time, with a bar proportional to it.
 * @csspart stale - "Stale: updated 2:05 ago", shown when the figures are old.
 * @csspart empty - Shown when there are no figures yet, or the agent is not signed in.
 * @csspart loading - Shown while the first figures are fetched from `stats-endpoint`.
 * @csspart error - Why the figures could not be fetched (the last ones stay, marked stale).
 * @cssproperty [--cc-agent-stats-background=var(--cc-color-surface)] - The panel's background.
 * @cssproperty [--cc-agent-stats-gap=var(--cc-space)] - The space between its parts.
 * @cssproperty [--cc-agent-stats-stale-color=var(--cc-color-text-muted)] - The stale marker.
 * @cssproperty [--cc-agent-stats-bar-color=var(--cc-color-accent)] - The bars of the time in each state.
 */
export class CcAgentStats extends CcWidget<CcAgentStatsStrings> {
  static override styles = [...CcWidget.styles, cardStyles, statsStyles, styles];
  protected readonly defaultStrings = defaultStrings;

  /** Figures older than this many seconds are marked stale. */
  @property({ attribute: 'stale-after', type: Number }) staleAfter = 60;

  /** A statistics route of the host's server to poll (Webex, TCCC), e.g. `/cc/stats`; the desk's figures when empty. Never put a secret in it: the page's cookies go with the request. */
  @property({ attribute: 'stats-endpoint' }) statsEndpoint = '';

  /** Seconds between polls of `stats-endpoint` (failures back off, doubling up to 5 minutes). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 30;

  readonly #source = new StatsSource(this, this.cc, () => ({
    url: this.statsEndpoint.trim(),
    intervalSeconds: Number.isFinite(this.pollInterval) && this.pollInterval > 0 ? this.pollInterval : 30,
  }));

  // The current state's time and the stale age run on between reports.
  readonly #tick = new TickController(this, this.cc, () => this.#source.view().agent !== null);

  protected override renderedFrom(s: DeskState) {
    return [s.agentStats, s.agent, s.session, s.backend];
  }

  protected override render() {
    return html`<section part="base" class="surface" aria-labelledby="title">
        <h2 class="title" id="title">${this.t('title')}</h2>
        ${this.#renderBody()}
      </section>
      ${this.renderAnnouncer()}`;
  }

  #renderBody(): unknown {
    if (this.#source.refused) return this.renderError(this.t('endpointRefused', { message: this.#source.refused }), 'stats-error');
    const view = this.#source.view();
    const polled = this.#source.polled;
    if (!polled && this.cc.state.session.status !== 'signed-in') return html`<p part="empty">${this.t('signedOut')}</p>`;
    if (view.loading) return html`<p part="loading">${this.renderSpinner(this.t('loading'))}<span>${this.t('loading')}</span></p>`;
    const error = view.error ? this.renderError(this.t('pollFailed', { message: view.error }), 'stats-error') : nothing;
    const stats = view.agent;
    if (!stats) return html`${error}<p part="empty">${this.t('empty')}</p>`;
    const now = polled ? view.now() : this.#tick.now();
    const average = stats.averageHandleSeconds;
    return html`${error}${this.#renderStale(view, now)}
      <dl part="figures">
        <div><dt>${this.t('handled')}</dt><dd part="handled">${stats.handled === undefined ? this.t('none') : this.number(stats.handled)}</dd></div>
        <div><dt>${this.t('averageHandle')}</dt><dd>${average === null ? this.t('none') : this.duration(average * 1000)}</dd></div>
        ${stats.missed !== undefined ? html`<div><dt>${this.t('missed')}</dt><dd>${this.number(stats.missed)}</dd></div>` : nothing}
      </dl>
      ${this.#renderStates(view, now)}`;
  }

  #renderStates(view: StatsView, now: number): TemplateResult | typeof nothing {
    const stats = view.agent!;
    const current = this.cc.state.agent;
    const seconds: Partial<Record<AgentStateName, number>> = { ...stats.stateSeconds };
    // The current state's time since the report (or since it began, if later) is not in the report yet.
    if (current && !this.#source.polled && (stats.stateSeconds || current)) {
      const from = Math.max(stats.at, current.since ?? stats.at);
      seconds[current.state] = (seconds[current.state] ?? 0) + Math.max(0, now - from) / 1000;
    }
    const shown = STATES.filter((s) => seconds[s] !== undefined);
    if (shown.length === 0) return nothing;
    const total = shown.reduce((sum, s) => sum + (seconds[s] ?? 0), 0) || 1;
    return html`<h3 class="subtitle">${this.t('timeInState')}</h3>
      <dl part="states">
        ${shown.map(
          (s) => html`<div part="state" data-state=${s}>
            <dt>${this.t(s)}${current?.state === s && !this.#source.polled ? html` <span class="current">${this.t('current')}</span>` : nothing}</dt>
            <dd>${this.duration((seconds[s] ?? 0) * 1000)}</dd>
            <span class="bar" aria-hidden="true" style=${styleMap({ inlineSize: `${Math.round(((seconds[s] ?? 0) / total) * 100)}%` })}></span>
          </div>`,
        )}
      </dl>`;
  }

  #renderStale(view: StatsView, now: number): TemplateResult | typeof nothing {
    const age = this.#source.staleAge(view, now, this.staleAfter);
    if (age === null) return nothing;
    return html`<p part="stale">${this.t(view.staleSaid ? 'staleSaid' : 'stale', { age: this.duration(age) })}</p>`;
  }
}
