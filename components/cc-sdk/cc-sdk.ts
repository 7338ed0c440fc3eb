import { ContextProvider } from '@lit/context';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { CcElement } from '../../src/base/cc-element.js';
import { createBackend } from '../../src/backends/registry.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import type { SimulatorServer } from '../../src/backends/simulator/server.js';
import type { Backend } from '../../src/core/backend.js';
import { CcError } from '../../src/core/errors.js';
import type { DeskState } from '../../src/core/store.js';
import { deskContext } from '../../src/context/context.js';
import { Desk } from '../../src/context/desk.js';
import { request, type RequestDetails, type RequestName } from '../../src/events/events.js';

/**
 * The one SDK context element: owns a backend and a store, shares them with the widgets inside it (or that
 * name it with `sdk="id"`), runs their requests, and announces every outcome as a DOM event.
 *
 * @summary Owns the backend and the store; provides them to widgets; announces outcomes.
 * @tag cc-sdk
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
 * @event {CcOutcomeEvent<'cc-connection-change'>} cc-connection-change - The connection changed. `detail: {status}`
 * @event {CcOutcomeEvent<'cc-error'>} cc-error - An action failed or an input was refused. `detail: {action, code, message}`
 */
export class CcSdk extends CcElement {
  /** A backend name (`simulator`, `webex`, or one registered with `registerBackend`), or a Backend object. */
  @property({ attribute: 'backend' }) backend: string | Backend = 'simulator';

  /** Simulator only: a scenario to run, by name (`first-call`, `busy-hour`) or as JSON steps. */
  @property({ attribute: 'scenario' }) scenario = '';

  /** Simulator only: keep the simulated contact center in sessionStorage under this key, so a reload restores it. */
  @property({ attribute: 'persist' }) persist = '';

  /** Simulator only: network latency of each action in milliseconds. */
  @property({ attribute: 'latency', type: Number }) latency = 0;

  /**
   * More options for the backend's factory, e.g. for Webex `{webex}` (an instance the page already has) or
   * `{config}` (extra `Webex.init` config). Attributes the backend reads (`client-id`, `redirect-uri`,
   * `scopes`, `ready-timeout`, `request-timeout`, `outdial-ani`) are passed along too.
   */
  @property({ attribute: false }) backendOptions: Readonly<Record<string, unknown>> = {};

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

  /** The simulated contact center, when the backend is the simulator (for tests and the sample page's controls). */
  get simulator(): SimulatorServer | null {
    const backend = this.desk.backend;
    return backend instanceof SimulatorBackend ? backend.server : null;
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

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back into the page after removal: build the backend again on the next update.
    if (!this.desk.backend) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving the element keeps its backend; removing it for good releases it.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this.#setupRun++;
        this.#built = null;
        this.desk.attach(null);
      }
    });
  }

  /** What the current backend was built from; a different backend, persist or latency builds a new one. */
  #built: readonly unknown[] | null = null;

  protected override updated(changed: Map<string, unknown>): void {
    const spec = [this.backend, this.persist, this.latency, this.backendOptions];
    if (!this.#built || spec.some((value, i) => value !== this.#built![i])) {
      this.#built = spec;
      void this.#setup();
    } else if (changed.has('scenario')) {
      this.#runScenario();
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  async #setup(): Promise<void> {
    const run = ++this.#setupRun;
    const spec = this.backend;
    try {
      const attributes = Object.fromEntries([...this.attributes].map((a) => [a.name, a.value]));
      const options = { ...attributes, persist: this.persist, latency: this.latency, ...this.backendOptions };
      const backend = typeof spec === 'string' ? await createBackend(spec || 'simulator', options) : spec;
      if (run !== this.#setupRun || !this.isConnected) {
        if (typeof spec === 'string') backend.dispose();
        return;
      }
      this.desk.attach(backend);
      this.#runScenario();
    } catch (err) {
      if (run === this.#setupRun) this.desk.report(CcError.from(err, 'backend'));
    }
  }

  #runScenario(): void {
    if (!this.scenario) return;
    const server = this.simulator;
    if (!server) {
      this.desk.report(new CcError('invalid-scenario', 'Scenarios run on the simulator backend only.', 'scenario'));
      return;
    }
    try {
      server.runScenario(this.scenario);
    } catch (err) {
      this.desk.report(CcError.from(err, 'scenario'));
    }
  }
}
