import { ContextProvider } from '@lit/context';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { CcElement, warnOnce } from '../../src/base/cc-element.js';
import { backendHandles, backendNames, backendOptions, createBackend, preflightFor, signInFor, type BackendOption } from '../../src/backends/registry.js';
import type { Backend } from '../../src/core/backend.js';
import { CcError } from '../../src/core/errors.js';
import type { DeskState } from '../../src/core/store.js';
import { TOKEN_SIGN_IN } from '../../src/core/sign-in.js';
import { deskContext } from '../../src/context/context.js';
import { Desk } from '../../src/context/desk.js';
import { outcome, request, type RequestDetails, type RequestName, type TabRole } from '../../src/events/events.js';
import { notifyLocaleChange } from '../../src/locales/index.js';
import { TabSession, type HandoffStorage, type TabHost } from '../../src/tabs/tab-session.js';

const BACKEND_METHODS = ['subscribe', 'dispose', 'connect', 'register', 'deregister', 'stationLogin', 'setAgentState', 'destinations'] as const;

/** A Backend object, by its shape (a backend from another copy of the kit is one too). */
export function isBackend(value: unknown): value is Backend {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown> & { clock?: { now?: unknown } };
  return typeof b.name === 'string' && typeof b.clock?.now === 'function' && BACKEND_METHODS.every((m) => typeof b[m] === 'function');
}

/** Why `value` cannot be `<cc-sdk>`'s backend, or null when it can be. */
function backendProblem(value: unknown): string | null {
  if (typeof value === 'string') {
    return value.trim() ? null : `An empty backend name is not a backend. Known backends: ${backendNames().join(', ')}.`;
  }
  if (isBackend(value)) return null;
  const shown = typeof value === 'function' ? 'A function' : value === null ? 'null' : typeof value === 'object' ? 'An object that is not a Backend' : String(value);
  return `${shown} is not a backend: use a backend name (${backendNames().join(', ')}) or a Backend object.`;
}

/** A number of milliseconds ≥ 0 from a property or attribute value, or null. */
function milliseconds(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * The one SDK context element: owns a backend and a store, shares them with the widgets inside it (or that
 * name it with `sdk="id"`), runs their requests, and announces every outcome as a DOM event.
 *
 * @summary Owns the backend and the store; provides them to widgets; announces outcomes.
 * @tag cc-sdk
 * Each backend's own options are attributes and properties it declares to the registry (`BackendOption`);
 * this element defines them from there and names none. The built-in ones, for the docs and Storybook:
 * @property {string} scenario - Simulator option: a scenario to run, by name (`first-call`, `busy-hour`) or as JSON steps.
 * @property {string} persist - Simulator option: keep the simulated contact center in sessionStorage under this key.
 * @property {number} latency - Simulator option: network latency of each action in milliseconds (a bad value is ignored with a warning).
 * @attribute {string} scenario - Simulator option (see the property).
 * @attribute {string} persist - Simulator option (see the property).
 * @attribute {number} latency - Simulator option (see the property).
 * @property {boolean} multiLogin - Webex option: let the agent stay signed in elsewhere (the SDK's `allowMultiLogin`; off by default).
 * @attribute {boolean} multi-login - Webex option (see the property).
 * @slot - The widgets (and any other content) that use this SDK.
 * @event {CcOutcomeEvent<'cc-ready'>} cc-ready - The backend is connected and the agent signed in. `detail: {backend}`
 * @event {CcOutcomeEvent<'cc-registered'>} cc-registered - The agent's profile arrived. `detail: {profile}`
 * @event {CcOutcomeEvent<'cc-signed-out'>} cc-signed-out - The agent signed out. `detail: {reason}`
 * @event {CcOutcomeEvent<'cc-auth-expiring'>} cc-auth-expiring - The access token expires soon. `detail: {expiresAt}`
 * @event {CcOutcomeEvent<'cc-station-login'>} cc-station-login - Logged in to a station. `detail: {teamId, loginOption, dialNumber}`
 * @event {CcOutcomeEvent<'cc-station-logout'>} cc-station-logout - Logged out of the station. `detail: {reason}`
 * @event {CcOutcomeEvent<'cc-agent-state-change'>} cc-agent-state-change - The agent's state changed. `detail: {state, auxCodeId, reason, by}`
 * @event {CcOutcomeEvent<'cc-task-incoming'>} cc-task-incoming - A task is offered. `detail: {task}`
 * @event {CcOutcomeEvent<'cc-task-hydrate'>} cc-task-hydrate - A task was restored after a reload or reconnect. `detail: {task}`
 * @event {CcOutcomeEvent<'cc-task-assigned'>} cc-task-assigned - The agent is connected to a task. `detail: {task}`
 * @event {CcOutcomeEvent<'cc-task-change'>} cc-task-change - A task was held, resumed, muted, recorded, consulted or transferred. `detail: {task, change}`
 * @event {CcOutcomeEvent<'cc-task-end'>} cc-task-end - A task ended. `detail: {task, wrapupRequired}`
 * @event {CcOutcomeEvent<'cc-task-wrapup'>} cc-task-wrapup - A task was wrapped up. `detail: {task, auxCodeId, notes}`
 * @event {CcOutcomeEvent<'cc-task-rejected'>} cc-task-rejected - An offer was declined, missed (RONA) or withdrawn. `detail: {task, reason}`
 * @event {CcOutcomeEvent<'cc-message'>} cc-message - A message of a chat, social or email conversation (the customer's or a system line as it arrives, the agent's once sent), once per message. `detail: {task, message}`
 * @event {CcOutcomeEvent<'cc-connection-change'>} cc-connection-change - The connection changed. `detail: {status}`
 * @event {CcOutcomeEvent<'cc-error'>} cc-error - An action failed or an input was refused. `detail: {action, code, message}`
 * @event {CcOutcomeEvent<'cc-queue-stats'>} cc-queue-stats - Queue statistics changed (only with `stats-events`). `detail: {queues}`
 * @event {CcOutcomeEvent<'cc-agent-stats'>} cc-agent-stats - The agent's statistics changed (only with `stats-events`). `detail: {stats}`
 * @event {CcOutcomeEvent<'cc-tab-role'>} cc-tab-role - This tab's part in the agent's session: leader, follower or independent. `detail: {role, previous}`
 * @event {CcOutcomeEvent<'cc-preflight'>} cc-preflight - A `<cc-preflight>` run finished. `detail: {backend, outcome, checks, at}`
 */
export class CcSdk extends CcElement {
  /**
   * The provider has no look of its own: it neither boxes nor restyles the page's content placed inside it
   * (the widgets set their own type and colors).
   */
  static override styles = [
    css`
      :host {
        display: contents;
      }
      :host([hidden]) {
        display: none !important;
      }
    `,
  ];

  /**
   * A backend name (`simulator`, `webex`, or one registered with `registerBackend`), or a Backend object.
   * A value that is neither (a number, `null`, `''`, a function, any other object) is refused before anything
   * changes: `cc-error` `unknown-backend`, and the working backend and its session stay. Changing to another
   * backend lets go of the current one's session: the page hears `cc-signed-out` with
   * `reason: 'backend-changed'` (if the agent was signed in) and no `cc-task-end`, since no task ended.
   */
  @property({ attribute: 'backend' })
  get backend(): string | Backend {
    return this.#backend;
  }
  set backend(value: string | Backend) {
    const problem = backendProblem(value);
    if (problem) {
      this.desk.report(new CcError('unknown-backend', problem, 'backend'));
      return;
    }
    this.#backend = value;
  }
  #backend: string | Backend = 'simulator';

  /** The values of the backends' options (see `BackendOption`), by property; absent ones are at their initial value. */
  #options = new Map<string, unknown>();

  static {
    // Each registered backend's options become attributes and properties of this element, and its handles
    // read-only properties: the element names none of them (the simulator's are `scenario`, `persist`,
    // `latency` and `simulator`, declared in src/backends/simulator/options.ts).
    for (const option of backendOptions()) {
      if (option.property in this.prototype) continue;
      this.createProperty(option.property, { attribute: option.attribute, noAccessor: true });
      Object.defineProperty(this.prototype, option.property, {
        configurable: true,
        enumerable: true,
        get(this: CcSdk) {
          return this.#optionValue(option);
        },
        set(this: CcSdk, value: unknown) {
          this.#setOption(option, value);
        },
      });
    }
    for (const [name, read] of backendHandles()) {
      if (name in this.prototype) continue;
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        enumerable: true,
        get(this: CcSdk) {
          return read(this.desk.backend);
        },
      });
    }
  }

  #optionValue(option: BackendOption): unknown {
    return this.#options.has(option.property) ? this.#options.get(option.property) : option.initial;
  }

  /** A value for an option: read by the backend's rule; a bad one is ignored with one warning, and nothing changes. */
  #setOption(option: BackendOption, value: unknown): void {
    const next = value === null || value === undefined ? option.initial : option.read(value);
    if (next === undefined) {
      warnOnce(`<cc-sdk> ${option.attribute}="${String(value).slice(0, 40)}" is not ${option.expects}: ignored.`);
      return;
    }
    const old = this.#optionValue(option);
    this.#options.set(option.property, next);
    this.requestUpdate(option.property, old);
  }

  /**
   * The language of its widgets, a BCP 47 tag (`fr`, `de`, `es`, `pt-BR`, `ja`, `zh-CN`, `ar`…); the global
   * `lang` attribute works too. Empty: the page's `<html lang>`. The bundle of that language is loaded on first
   * use; a language the kit has no bundle for shows English, with numbers, times and plurals still in it.
   */
  @property({ attribute: 'locale' })
  get locale(): string {
    return this.#locale;
  }
  set locale(value: string) {
    this.#locale = typeof value === 'string' ? value.trim() : '';
    this.#syncLocale();
  }
  #locale = '';

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.#syncLocale();
  }

  /** Hands the language to the widgets (through the desk) and has them re-render when it changed. */
  #syncLocale(): void {
    const next = this.#locale || this.getAttribute('lang')?.trim() || '';
    if (next === this.desk.locale) return;
    this.desk.locale = next;
    notifyLocaleChange();
  }

  /**
   * How long, in milliseconds, the element keeps its backend and session after it leaves the page (default
   * 1000). Put back within that time (a framework moving it, a re-render), it carries on as if nothing
   * happened: no event is announced. Past it, the backend is released (its timers and listeners stop) and,
   * since nothing ended the session, nothing is announced either. A value that is not a number ≥ 0 is
   * ignored with a console warning.
   */
  @property({ attribute: 'release-delay' })
  get releaseDelay(): number {
    return this.#releaseDelay;
  }
  set releaseDelay(value: number) {
    const ms = milliseconds(value);
    if (ms === null) warnOnce(`<cc-sdk> release-delay="${String(value).slice(0, 40)}" is not a number of milliseconds: ignored.`);
    else this.#releaseDelay = ms;
  }
  #releaseDelay = 1000;

  /**
   * More options for the backend's factory, e.g. for Webex `{webex}` (an instance the page already has) or
   * `{config}` (extra `Webex.init` config). Attributes the backend reads (`client-id`, `redirect-uri`,
   * `scopes`, `ready-timeout`, `request-timeout`, `outdial-ani`) are passed along too.
   */
  @property({ attribute: false })
  get backendOptions(): Readonly<Record<string, unknown>> {
    return this.#backendOptions;
  }
  set backendOptions(value: Readonly<Record<string, unknown>>) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) this.#backendOptions = value;
    else warnOnce('<cc-sdk> backendOptions must be an object: ignored.');
  }
  #backendOptions: Readonly<Record<string, unknown>> = {};

  /**
   * The agent session this element shares with the other tabs of the origin that embed `<cc-sdk>` with the same
   * backend and the same `session` (default: one per backend). See `tabs` and `role`.
   */
  @property({ attribute: 'session' })
  get session(): string {
    return this.#session;
  }
  set session(value: string) {
    this.#session = value === null || value === undefined ? '' : String(value);
  }
  #session = '';

  /**
   * `shared` (default): one agent session across the tabs of this origin (a leader tab owns the backend, the
   * others mirror it and take over when it closes). `independent`: a session of this tab's own. A backend set as
   * an object is always independent (another tab cannot have it), and so is a second `<cc-sdk>` of the same
   * page with the same backend and session. Another value is ignored with a warning.
   */
  @property({ attribute: 'tabs' })
  get tabs(): 'shared' | 'independent' {
    return this.#tabsMode;
  }
  set tabs(value: 'shared' | 'independent') {
    const mode = value === null || value === undefined ? 'shared' : value;
    if (mode === 'shared' || mode === 'independent') this.#tabsMode = mode;
    else warnOnce(`<cc-sdk> tabs="${String(value).slice(0, 40)}" is not shared or independent: ignored.`);
  }
  #tabsMode: 'shared' | 'independent' = 'shared';

  /**
   * This tab's part in the agent's session: `leader` (it owns the backend, the connection and the media),
   * `follower` (it mirrors the leader and forwards its requests there) or `independent` (a session of its own);
   * null until it is known, which `cc-tab-role` announces (and every change after). (`<cc-sdk>` has no ARIA
   * role, so this takes the place of the `role` attribute's reflection.)
   */
  override get role(): TabRole | null {
    return this.#role;
  }
  #role: TabRole | null = null;
  #tabs: TabSession | null = null;

  /**
   * Announce queue and agent statistics as `cc-queue-stats` and `cc-agent-stats` (off by default): once per
   * change of the figures, whichever backend reports them (the simulator, XuC). The store (and the statistics
   * widgets) have them either way.
   */
  @property({ type: Boolean, attribute: 'stats-events' })
  get statsEvents(): boolean {
    return this.desk.announceStats;
  }
  set statsEvents(value: boolean) {
    this.desk.announceStats = value === true;
  }

  /** What this element shares with its widgets. */
  readonly desk = new Desk((event) => this.dispatchEvent(event));

  #setupRun = 0;

  constructor() {
    super();
    new ContextProvider(this, { context: deskContext, initialValue: this.desk });
  }

  /** The current snapshot of the store. */
  get state(): DeskState {
    return this.desk.state;
  }

  /**
   * Sends a request as a widget would: dispatched on this element (the page may cancel it), then run.
   * Resolves when the backend has answered; a failure is in `state.errors` and announced as `cc-error`.
   * Never rejects. An unknown name (or an outcome's, such as `cc-ready`) is not dispatched: it resolves
   * false with a `cc-error` of code `unknown-request`.
   */
  async request<N extends RequestName>(name: N, detail: RequestDetails[N]): Promise<boolean> {
    if (!this.desk.accepts(name)) return false;
    const event = request(name, detail);
    if (!this.dispatchEvent(event)) return false;
    await this.desk.run(event);
    return true;
  }

  #releaseTimer: ReturnType<typeof setTimeout> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back within the release delay: the backend and its session carry on.
    if (this.#releaseTimer !== null) clearTimeout(this.#releaseTimer);
    this.#releaseTimer = null;
    // Put back after it was released: build the backend again on the next update.
    if (!this.desk.backend) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving the element keeps its backend; removing it for good (past the release delay) releases it.
    const release = () => {
      this.#releaseTimer = null;
      if (this.isConnected) return;
      this.#setupRun++;
      this.#built = null;
      // Another tab takes the session over (before this desk lets go, so that no follower mirrors that).
      this.#leaveTabs();
      this.#role = null;
      // Nothing ended the session or its tasks: let go of them without announcing anything.
      this.desk.attach(null, null);
    };
    if (this.#releaseTimer !== null) clearTimeout(this.#releaseTimer);
    if (this.releaseDelay > 0) this.#releaseTimer = setTimeout(release, this.releaseDelay);
    else queueMicrotask(release);
  }

  /** What the current backend was built from; a different backend, backendOptions or option builds a new one. */
  #built: readonly unknown[] | null = null;

  protected override updated(changed: Map<string, unknown>): void {
    const options = backendOptions();
    const spec = [this.backend, this.backendOptions, this.tabs, this.session, ...options.filter((o) => !o.apply).map((o) => this.#optionValue(o))];
    if (!this.#built || spec.length !== this.#built.length || spec.some((value, i) => value !== this.#built![i])) {
      this.#built = spec;
      void this.#setup();
    } else {
      for (const option of options) if (option.apply && changed.has(option.property)) this.#apply(option);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /** What the backend's factory is given: the element's attributes, the declared options, `backendOptions`. */
  #factoryOptions(): Record<string, unknown> {
    const attributes = Object.fromEntries([...this.attributes].map((a) => [a.name, a.value]));
    const declared = Object.fromEntries(backendOptions().map((o) => [o.property, this.#optionValue(o)]));
    return { ...attributes, ...declared, ...this.backendOptions };
  }

  async #setup(): Promise<void> {
    const run = ++this.#setupRun;
    const spec = this.backend;
    try {
      const options = this.#factoryOptions();
      // How the agent will sign in is known before the backend's code loads: <cc-auth> renders it meanwhile.
      if (typeof spec === 'string' && !this.desk.backend) this.desk.describeSignIn(signInFor(spec, options) ?? TOKEN_SIGN_IN);
      // And what <cc-preflight> checks for it (in a follower tab too: the checks are of this tab's browser).
      this.desk.preflightPlan = preflightFor(typeof spec === 'string' ? spec : spec.name, options);
      // Among the tabs of one session, only the leader builds a backend.
      const role = await this.#joinTabs(spec);
      if (run !== this.#setupRun || role === 'follower') return;
      const handoff = this.#tabs?.handoff;
      const backend = typeof spec === 'string' ? await createBackend(spec, handoff ? { ...options, handoff } : options) : spec;
      if (!isBackend(backend)) throw new CcError('unknown-backend', `The "${String(spec)}" backend's factory returned no Backend.`, 'backend');
      // A newer setup (or a release) started meanwhile: this one is out of date.
      if (run !== this.#setupRun) {
        if (typeof spec === 'string') backend.dispose();
        return;
      }
      this.desk.attach(this.#tabs ? this.#tabs.wrap(backend) : backend, 'backend-changed');
      this.desk.describeSignIn(backend.signIn ?? signInFor(typeof spec === 'string' ? spec : backend.name, options) ?? TOKEN_SIGN_IN);
      for (const option of backendOptions()) if (option.apply) this.#apply(option);
    } catch (err) {
      if (run === this.#setupRun) this.desk.report(CcError.from(err, 'backend'));
    } finally {
      // A leader runs its followers' requests once its backend is there (or could not be built).
      if (run === this.#setupRun) this.#tabs?.ready();
    }
  }

  // ---- tabs (src/tabs) -------------------------------------------------------------------------------

  /** What a tab session of this element may use: its desk, a backend built as this element builds one, its role. */
  readonly #tabHost: TabHost = {
    desk: this.desk,
    build: async (handoff: HandoffStorage) => {
      const spec = this.backend;
      try {
        if (typeof spec !== 'string') return null;
        const options = this.#factoryOptions();
        const backend = await createBackend(spec, { ...options, handoff });
        if (!isBackend(backend)) throw new CcError('unknown-backend', `The "${spec}" backend's factory returned no Backend.`, 'backend');
        return backend;
      } catch (err) {
        this.desk.report(CcError.from(err, 'backend'));
        return null;
      }
    },
    roleChanged: (role) => this.#announceRole(role),
  };

  /** The session key of a backend name: one session per backend and `session` (no key: independent). */
  #tabKey(spec: string | Backend): string | null {
    if (this.tabs === 'independent' || typeof spec !== 'string' || !spec.trim()) return null;
    return `${spec.trim()}/${this.session}`;
  }

  /** Takes part in this element's tab session (joining a new one when its key changed): resolves with this tab's part. */
  async #joinTabs(spec: string | Backend): Promise<TabRole> {
    const key = this.#tabKey(spec);
    if (this.#tabs && this.#tabs.key === key) return this.#tabs.start();
    this.#leaveTabs();
    if (key) this.#tabs = TabSession.open(key, this.#tabHost);
    if (this.#tabs) return this.#tabs.start();
    this.#announceRole('independent');
    return 'independent';
  }

  #leaveTabs(): void {
    this.#tabs?.close();
    this.#tabs = null;
  }

  #announceRole(role: TabRole): void {
    const previous = this.#role;
    if (previous === role) return;
    this.#role = role;
    this.dispatchEvent(outcome('cc-tab-role', { role, previous }, role !== 'follower'));
  }

  /** Hands an option that does not rebuild (a scenario) to the running backend; what it refuses is a cc-error. */
  #apply(option: BackendOption): void {
    const backend = this.desk.backend;
    if (!backend || !option.apply) return;
    try {
      option.apply(backend, this.#optionValue(option));
    } catch (err) {
      this.desk.report(CcError.from(err, option.attribute));
    }
  }
}
