import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { realClock, type Clock } from '../../src/core/clock.js';
import { worstOf, type PreflightCheckId, type PreflightFinding, type PreflightReport, type PreflightStatus } from '../../src/core/preflight.js';
import type { DeskState } from '../../src/core/store.js';
import { defaultStrings, type CcPreflightStrings } from './cc-preflight.strings.js';
import { cardStyles } from '../../src/styles/card.js';
import { styles } from './cc-preflight.styles.js';

/** The checks' code, loaded on the first run (a page that never runs them never downloads it). */
const loadChecks = () => import('./checks.js');

interface Row {
  readonly check: PreflightCheckId;
  readonly state: 'waiting' | 'checking' | 'done';
  readonly finding?: PreflightFinding;
}

const ICONS: Readonly<Record<PreflightStatus, string>> = { pass: '✓', warning: '!', failure: '✕' };

/**
 * Checks, before a shift or from a button, what the desk's backend needs of this computer: the browser's
 * features, the microphone (allowed, there, and picking up sound), the speaker or headset calls play on, the
 * contact center's reachability, and the computer's clock (a skewed clock breaks token expiry). Which checks
 * run is what the backend declares (`preflight` in the registry). Each check shows its progress, then passed,
 * warning or failed with the fix in plain words; the result is announced, and `<cc-sdk>` offers it to the
 * page as `cc-preflight` (for a support ticket: no token or URL in it, hosts only).
 *
 * @summary Checks the browser, microphone, speaker, network and clock before a shift.
 * @tag cc-preflight
 * @csspart base - The panel.
 * @csspart summary - The overall result ("Ready: all 5 checks passed."), or the progress while checking.
 * @csspart checks - The list of checks.
 * @csspart check - One check (`data-check`: its name; `data-status`: `waiting`, `checking`, `pass`, `warning`, `failure`).
 * @csspart icon - A check's mark: a spinner while it runs, then ✓, ! or ✕.
 * @csspart fix - What a check found, with the fix in plain words.
 * @csspart run - The button that runs the checks.
 * @cssproperty [--cc-preflight-background=var(--cc-color-surface)] - The panel's background.
 * @cssproperty [--cc-preflight-gap=var(--cc-space)] - The space between its parts.
 * @cssproperty [--cc-preflight-pass-color=var(--cc-color-success)] - A passed check's mark.
 * @cssproperty [--cc-preflight-warning-color=var(--cc-color-warning)] - A warning's mark.
 * @cssproperty [--cc-preflight-failure-color=var(--cc-color-danger)] - A failed check's mark.
 */
export class CcPreflight extends CcWidget<CcPreflightStrings> {
  static override styles = [...CcWidget.styles, cardStyles, styles];
  protected readonly defaultStrings = defaultStrings;

  /** Run the checks as soon as the desk's backend is chosen (before sign-in), not only from the button. */
  @property({ type: Boolean, attribute: 'auto' }) auto = false;

  /** The speaker or headset the page plays calls on (a `deviceId` for `setSinkId`); empty: the system's default. */
  @property({ attribute: 'output-device' }) outputDevice = '';

  /** How long, in milliseconds, the microphone's level is measured. */
  @property({ type: Number, attribute: 'listen-ms' }) listenMs = 1500;

  /** How long, in milliseconds, the contact center has to answer. */
  @property({ type: Number, attribute: 'reach-timeout' }) reachTimeout = 8000;

  /** The clock the microphone is measured and the contact center timed out on (a test's manual clock). */
  @property({ attribute: false }) clock: Clock = realClock;

  @state() private rows: readonly Row[] = [];
  @state() private running = false;
  @state() private report: PreflightReport | null = null;
  #run = 0;
  #autoRan = false;

  /** The last finished run, as announced in `cc-preflight` (null before the first one). */
  get result(): PreflightReport | null {
    return this.report;
  }

  protected override renderedFrom(s: DeskState) {
    return [s.backend];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.auto && !this.#autoRan && this.#backendName()) {
      this.#autoRan = true;
      // After this update, not within it.
      void this.updateComplete.then(() => this.run());
    }
  }

  /**
   * The desk's backend, by name, once chosen: its own (a leader or a lone tab), or its leader's (a follower
   * tab, which builds none; the checks are of this tab's browser all the same).
   */
  #backendName(): string | null {
    const desk = this.cc.desk;
    return desk?.backend?.name ?? desk?.state.backend ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A run left behind stops at its next step (its microphone is let go of).
    this.#run++;
    this.running = false;
  }

  /**
   * Runs every check the backend declares, one after the other (the microphone's prompt comes alone), and
   * resolves with the report `cc-preflight` carries; null when there is no desk yet, or a newer run (or the
   * widget leaving the page) overtook this one. A run under way is not started twice.
   */
  async run(): Promise<PreflightReport | null> {
    const desk = this.cc.desk;
    const name = this.#backendName();
    if (!desk || !name || this.running) return null;
    const run = ++this.#run;
    const plan = desk.preflightPlan;
    const backend = desk.backend;
    this.running = true;
    this.report = null;
    this.rows = plan.checks.map((check) => ({ check, state: 'waiting' }));
    this.announce(this.t('running'));
    const { runCheck, browserEnv } = await loadChecks();
    const clock = this.clock;
    const env = browserEnv((ms) => new Promise((resolve) => clock.setTimeout(resolve, ms)));
    const options = {
      listenMs: Number.isFinite(this.listenMs) && this.listenMs >= 0 ? this.listenMs : 1500,
      outputDevice: this.outputDevice.trim(),
      reachTimeoutMs: Number.isFinite(this.reachTimeout) && this.reachTimeout > 0 ? this.reachTimeout : 8000,
    };
    for (const check of plan.checks) {
      if (run !== this.#run) return null;
      this.#setRow({ check, state: 'checking' });
      const found = await runCheck(check, plan, backend, env, options);
      if (run !== this.#run) return null;
      this.#setRow({ check, state: 'done', finding: found });
    }
    const findings = this.rows.flatMap((row) => (row.finding ? [row.finding] : []));
    const report: PreflightReport = {
      backend: name,
      outcome: worstOf(findings.map((f) => f.status)),
      checks: findings.map((f) => ({ check: f.check, status: f.status, code: f.code, message: this.#message(f) })),
      at: Date.now(),
    };
    this.running = false;
    this.report = report;
    this.announce(this.#announcement(report));
    desk.announcePreflight(report);
    return report;
  }

  #setRow(row: Row): void {
    this.rows = this.rows.map((r) => (r.check === row.check ? row : r));
  }

  #message(f: PreflightFinding): string {
    const values = { ...f.values };
    if ('device' in values && !values.device) values.device = this.t('unnamedDevice');
    return this.t(f.code, values);
  }

  #summary(report: PreflightReport): string {
    return this.t(report.outcome === 'pass' ? 'summaryPass' : report.outcome === 'warning' ? 'summaryWarning' : 'summaryFailure', {
      total: report.checks.length,
    });
  }

  /** The summary, then each check that did not pass, with its fix. */
  #announcement(report: PreflightReport): string {
    const problems = report.checks.filter((c) => c.status !== 'pass').map((c) => `${this.t(c.check)}: ${this.t(c.status)}. ${c.message}`);
    return [this.#summary(report), ...problems].join(' ');
  }

  #onRun(): void {
    if (this.running) return;
    void this.run();
  }

  protected override render() {
    const ready = !!this.#backendName();
    const done = this.rows.filter((r) => r.state === 'done').length;
    const summary = this.report
      ? this.#summary(this.report)
      : this.running
        ? this.t('progress', { done: Math.min(done + 1, this.rows.length), total: this.rows.length })
        : ready
          ? this.t('intro')
          : this.t('notReady');
    return html`<section part="base" class="surface" aria-labelledby="title" aria-busy=${this.running ? 'true' : 'false'}>
        <h2 class="title" id="title">${this.t('title')}</h2>
        <p part="summary" class="summary" data-outcome=${this.report?.outcome ?? nothing}>${summary}</p>
        ${this.rows.length
          ? html`<ul part="checks" class="checks">
              ${this.rows.map((row) => this.#renderRow(row))}
            </ul>`
          : nothing}
        <div class="actions">
          <button
            part="run"
            class="primary"
            type="button"
            aria-disabled=${this.running || !ready ? 'true' : 'false'}
            @click=${this.#onRun}
          >
            ${this.running ? this.renderSpinner(this.t('running')) : nothing}${this.t(this.running ? 'running' : this.report ? 'runAgain' : 'run')}
          </button>
        </div>
      </section>
      ${this.renderAnnouncer()}`;
  }

  #renderRow(row: Row) {
    const status = row.finding?.status ?? row.state;
    const word = row.finding ? this.t(row.finding.status) : this.t(row.state === 'checking' ? 'checking' : 'waiting');
    return html`<li part="check" class="check" data-check=${row.check} data-status=${status}>
      <span part="icon" class="icon" aria-hidden=${row.state === 'checking' ? nothing : 'true'}
        >${row.state === 'checking' ? this.renderSpinner(word) : row.finding ? ICONS[row.finding.status] : '·'}</span
      >
      <span class="name">${this.t(row.check)}</span>
      <span class="status">${word}</span>
      ${row.finding ? html`<p part="fix" class="fix">${this.#message(row.finding)}</p>` : nothing}
    </li>`;
  }
}
