import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { StatsSource, type StatsView, type WaitingSample } from '../../src/base/stats-feed.js';
import { TickController } from '../../src/base/tick-controller.js';
import type { DeskState } from '../../src/core/store.js';
import type { QueueStats } from '../../src/core/types.js';
import { defaultStrings, type CcQueueStatsStrings } from './cc-queue-stats.strings.js';
import { statsStyles } from '../../src/styles/stats.js';
import { cardStyles } from '../../src/styles/card.js';
import { styles } from './cc-queue-stats.styles.js';

export type QueueSort = 'name' | 'waiting' | 'longest';
const SORTS: readonly QueueSort[] = ['name', 'waiting', 'longest'];

const W = 120;
const H = 32;

/** The trend's points in a W×H box: time across (the last hour), waiting up (0 at the bottom). */
function trendPoints(samples: readonly WaitingSample[], now: number, peak: number): string {
  const top = Math.max(1, peak);
  return samples
    .map((s) => {
      const x = W - ((now - s.at) / 3_600_000) * W;
      const y = H - (s.waiting / top) * H;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/**
 * Each queue's figures at a glance: contacts waiting, the longest wait against a service-level target (past it
 * the value turns to the warning color and says "Over target"), available and busy agents, handled and
 * abandoned contacts, and a trend of the waiting contacts over the last hour (with a text summary). Figures
 * come from the desk's backend (the simulator, XuC), or from the host server's `stats-endpoint`, polled (Webex,
 * TCCC). Figures not updated for `stale-after` seconds (or that the server calls stale, or while the
 * connection is down) are marked stale with their age.
 *
 * @summary Queue statistics with a service-level warning and an hour's trend of waiting contacts.
 * @tag cc-queue-stats
 * @csspart base - The panel.
 * @csspart header - The title and the sort control.
 * @csspart sort - The "Sort by" control (a select).
 * @csspart list - The list of queues.
 * @csspart queue - One queue's card.
 * @csspart over-target - Added to a queue's card and to its longest wait when the wait is past the target.
 * @csspart figures - A queue's figures (a description list).
 * @csspart waiting - The number of contacts waiting.
 * @csspart longest-wait - The longest wait, with the target under it.
 * @csspart target - The target under the longest wait ("Target 1:00", or "Over target (1:00)").
 * @csspart trend - The trend chart of waiting contacts over the last hour (SVG, with a text alternative).
 * @csspart trend-summary - The trend's text alternative (visually hidden).
 * @csspart stale - "Stale: updated 2:05 ago", shown when the figures are old.
 * @csspart empty - Shown when there are no figures yet, or the agent is not signed in.
 * @csspart loading - Shown while the first figures are fetched from `stats-endpoint`.
 * @csspart error - Why the figures could not be fetched (the last ones stay, marked stale).
 * @cssproperty [--cc-queue-stats-background=var(--cc-color-surface)] - The panel's background.
 * @cssproperty [--cc-queue-stats-gap=var(--cc-space)] - The space between its parts.
 * @cssproperty [--cc-queue-stats-warning-color=var(--cc-color-warning)] - A longest wait past the target, and its card's edge.
 * @cssproperty [--cc-queue-stats-stale-color=var(--cc-color-text-muted)] - The stale marker.
 * @cssproperty [--cc-queue-stats-trend-color=var(--cc-color-accent)] - The trend's line.
 * @cssproperty [--cc-queue-stats-trend-fill=color-mix(in srgb, var(--cc-queue-stats-trend-color) 18%, transparent)] - The area under the trend's line.
 * @cssproperty [--cc-queue-stats-sla-seconds=60] - The service-level target in seconds (a number); the `sla-seconds` attribute wins.
 */
export class CcQueueStats extends CcWidget<CcQueueStatsStrings> {
  static override styles = [...CcWidget.styles, cardStyles, statsStyles, styles];
  protected readonly defaultStrings = defaultStrings;

  /** The service-level target in seconds: a longest wait past it is a warning. Default: the `--cc-queue-stats-sla-seconds` token, else 60. */
  @property({ attribute: 'sla-seconds', type: Number }) slaSeconds: number | null = null;

  /** Figures older than this many seconds are marked stale. */
  @property({ attribute: 'stale-after', type: Number }) staleAfter = 60;

  /** A statistics route of the host's server to poll (Webex, TCCC), e.g. `/cc/stats`; the desk's figures when empty. Never put a secret in it: the page's cookies go with the request. */
  @property({ attribute: 'stats-endpoint' }) statsEndpoint = '';

  /** Seconds between polls of `stats-endpoint` (failures back off, doubling up to 5 minutes). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 30;

  /** The order of the queues: `name`, `waiting` (most first) or `longest` (longest wait first). */
  @property({ attribute: 'sort', reflect: true }) sort: QueueSort = 'name';

  /** Queues already announced as over target. */
  #overAnnounced = new Set<string>();
  @state() private tokenSla: number | null = null;

  readonly #source = new StatsSource(this, this.cc, () => ({
    url: this.statsEndpoint.trim(),
    intervalSeconds: Number.isFinite(this.pollInterval) && this.pollInterval > 0 ? this.pollInterval : 30,
  }));

  // A running clock: the longest wait, the stale age and the trend move between reports.
  readonly #tick = new TickController(this, this.cc, () => this.#view().queues.length > 0);

  protected override renderedFrom(s: DeskState) {
    return [s.queueStats, s.session, s.backend];
  }

  #now(view: StatsView): number {
    return this.#source.polled ? view.now() : this.#tick.now();
  }

  #view(): StatsView {
    return this.#source.view();
  }

  /** The target in seconds: the attribute, else the token, else 60. */
  get #sla(): number {
    const own = this.slaSeconds;
    if (own !== null && Number.isFinite(own) && own > 0) return own;
    return this.tokenSla ?? 60;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readToken();
  }

  #readToken(): void {
    const value = Number.parseFloat(getComputedStyle(this).getPropertyValue('--_sla-seconds'));
    this.tokenSla = Number.isFinite(value) && value > 0 ? value : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A token set by the page's stylesheet after connection (or changed by a theme) is read at each update.
    if (this.isConnected) this.#readToken();
    if (!SORTS.includes(this.sort)) this.sort = 'name';
    const view = this.#view();
    const now = this.#now(view);
    for (const queue of view.queues) {
      const over = this.#waitSeconds(queue, now) > this.#sla;
      if (over && !this.#overAnnounced.has(queue.queueId)) {
        this.#overAnnounced.add(queue.queueId);
        this.announce(this.t('overTargetAnnounce', { queue: queue.queueName, wait: this.duration(this.#waitSeconds(queue, now) * 1000) }));
      } else if (!over) this.#overAnnounced.delete(queue.queueId);
    }
  }

  /** The longest wait now: the reported one, plus the time since the report while anybody waits. */
  #waitSeconds(queue: QueueStats, now: number): number {
    if (queue.waiting === 0) return 0;
    const since = this.#source.polled ? 0 : Math.max(0, now - queue.at) / 1000;
    return queue.longestWaitSeconds + since;
  }

  #sorted(queues: readonly QueueStats[], now: number): QueueStats[] {
    const list = [...queues];
    if (this.sort === 'waiting') return list.sort((a, b) => b.waiting - a.waiting || a.queueName.localeCompare(b.queueName, this.locale));
    if (this.sort === 'longest') return list.sort((a, b) => this.#waitSeconds(b, now) - this.#waitSeconds(a, now) || a.queueName.localeCompare(b.queueName, this.locale));
    return list.sort((a, b) => a.queueName.localeCompare(b.queueName, this.locale));
  }

  #onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as QueueSort;
    this.sort = SORTS.includes(value) ? value : 'name';
  }

  protected override render() {
    return html`<section part="base" class="surface" aria-labelledby="title">
        <div part="header">
          <h2 class="title" id="title">${this.t('title')}</h2>
          ${this.#renderSort()}
        </div>
        ${this.#renderBody()}
      </section>
      ${this.renderAnnouncer()}`;
  }

  #renderSort(): TemplateResult | typeof nothing {
    if (this.#view().queues.length < 2) return nothing;
    return html`<div part="sort">
      <label for="sort">${this.t('sortLabel')}</label>
      <select id="sort" @change=${this.#onSort}>
        ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.sort}>${this.t(`sort${s[0].toUpperCase()}${s.slice(1)}` as 'sortName')}</option>`)}
      </select>
    </div>`;
  }

  #renderBody(): unknown {
    if (this.#source.refused) return this.renderError(this.t('endpointRefused', { message: this.#source.refused }), 'stats-error');
    const view = this.#view();
    const polled = this.#source.polled;
    if (!polled && this.cc.state.session.status !== 'signed-in') return html`<p part="empty">${this.t('signedOut')}</p>`;
    if (view.loading) return html`<p part="loading">${this.renderSpinner(this.t('loading'))}<span>${this.t('loading')}</span></p>`;
    const error = view.error ? this.renderError(this.t('pollFailed', { message: view.error }), 'stats-error') : nothing;
    if (view.queues.length === 0) return html`${error}<p part="empty">${this.t('empty')}</p>`;
    const now = this.#now(view);
    return html`${error}${this.#renderStale(view, now)}
      <ul part="list">
        ${this.#sorted(view.queues, now).map((q) => this.#renderQueue(q, view, now))}
      </ul>`;
  }

  #renderStale(view: StatsView, now: number): TemplateResult | typeof nothing {
    const age = this.#source.staleAge(view, now, this.staleAfter);
    if (age === null) return nothing;
    return html`<p part="stale">${this.t(view.staleSaid ? 'staleSaid' : 'stale', { age: this.duration(age) })}</p>`;
  }

  #renderQueue(queue: QueueStats, view: StatsView, now: number): TemplateResult {
    const wait = this.#waitSeconds(queue, now);
    const target = this.duration(this.#sla * 1000);
    const over = wait > this.#sla;
    const id = `q-${queue.queueId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
    const count = (n: number | undefined) => (n === undefined ? this.t('unknown') : this.number(n));
    const waited = this.duration(wait * 1000);
    const content = html`<h3 class="queue-name" id=${id}>${this.netText(queue.queueName)}</h3>
      <dl part="figures">
        <div><dt>${this.t('waiting')}</dt><dd part="waiting">${this.number(queue.waiting)}</dd></div>
        <div>
          <dt>${this.t('longestWait')}</dt>
          ${over
            ? html`<dd part="longest-wait over-target" data-over>${waited} <span part="target">${this.t('overTarget', { target })}</span></dd>`
            : html`<dd part="longest-wait">${waited} <span part="target">${this.t('withinTarget', { target })}</span></dd>`}
        </div>
        <div><dt>${this.t('available')}</dt><dd>${count(queue.agentsAvailable)}</dd></div>
        <div><dt>${this.t('busy')}</dt><dd>${count(queue.agentsTalking)}</dd></div>
        <div><dt>${this.t('handled')}</dt><dd>${count(queue.answered)}</dd></div>
        <div><dt>${this.t('abandoned')}</dt><dd>${count(queue.abandoned)}</dd></div>
      </dl>
      ${this.#renderTrend(queue, view.history.samples(queue.queueId, now), now, id)}
`;
    // Static part names (the docs check reads them): the card of a queue past its target is also `over-target`.
    return over
      ? html`<li part="queue over-target" data-over aria-labelledby=${id}>${content}</li>`
      : html`<li part="queue" aria-labelledby=${id}>${content}</li>`;
  }

  #renderTrend(queue: QueueStats, samples: readonly WaitingSample[], now: number, id: string): TemplateResult {
    const points = samples.length ? samples : [{ at: queue.at, waiting: queue.waiting }];
    const first = points[0].waiting;
    const last = points.at(-1)!.waiting;
    const peak = Math.max(...points.map((p) => p.waiting));
    const summary =
      points.length < 2
        ? this.t('trendOne', { to: last })
        : first === last && peak === last
          ? this.t('trendSteady', { to: last })
          : this.t('trendChange', { from: first, to: last, peak });
    const line = trendPoints(points, now, peak);
    // The line runs on to now at the last value, so the chart ends at the end edge (the right, mirrored in RTL).
    const drawn = points.length ? `${line} ${W},${(H - (last / Math.max(1, peak)) * H).toFixed(1)}` : '';
    const start = drawn.split(' ')[0]?.split(',')[0] ?? '0';
    return html`<svg
        part="trend"
        viewBox="0 0 ${W} ${H}"
        preserveAspectRatio="none"
        role="img"
        aria-label=${this.t('trendLabel', { queue: queue.queueName })}
        aria-describedby="${id}-trend"
      >
        ${svg`<polygon class="trend-area" points="${start},${H} ${drawn} ${W},${H}"></polygon>
          <polyline class="trend-line" points=${drawn}></polyline>`}
      </svg>
      <p part="trend-summary" class="sr-only" id="${id}-trend">${summary}</p>`;
  }
}
