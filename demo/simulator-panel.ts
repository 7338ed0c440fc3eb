// The sample page's simulator controls: make contacts arrive and inject what a real contact center does
// from elsewhere. Demo tooling, not part of the kit: it drives `<cc-sdk>.simulator` directly.
// On a local double (`npm run start:webex-local`, `start:xuc-local`, `start:tccc-local`) it drives that double
// instead, through the start script's POST /<kind>-local/command (offer, answer, hangup).
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CcSdk } from '../components/cc-sdk/cc-sdk.js';
import type { CcErrorCode } from '../src/core/errors.js';
import { FAULT_CODES, SIMULATOR_ACTIONS, type SimulatorAction } from '../src/backends/simulator/server.js';
import type { MediaType } from '../src/core/types.js';
import { PREFLIGHT_CHECKS, PREFLIGHT_CODES, type PreflightCode } from '../src/core/preflight.js';
import { panelStyles } from './panel-styles.js';
import { LOCAL_COMMAND, localKind } from './backend-switch.js';

/** What the local panel is called, and whether the double has an agent's desk phone to answer on. */
const LOCAL_PANELS = {
  'webex-local': { title: 'Local Webex cloud', phone: true, chat: true, answered: 'You answered on the phone' },
  'xuc-local': { title: 'Local XiVO (XuC double)', phone: true, chat: false, answered: 'You answered on the phone' },
  'tccc-local': { title: 'Local TCCC (double)', phone: false, chat: false, answered: '' },
} as const;

export class DemoSimulatorPanel extends LitElement {
  static override styles = [
    ...panelStyles,
    css`
      legend {
        font-weight: 600;
        margin-block-end: 4px;
      }
      .status {
        margin: 4px 0 0;
      }
    `,
  ];

  @property() sdk = '';
  @state() private status = '';
  @state() private faultCode: CcErrorCode = 'rejected';
  @state() private faultAction: SimulatorAction | '' = '';
  @state() private busy = false;
  /** The finding the preflight checks are made to report ('' : every check runs for real). */
  @state() private preflightFinding: PreflightCode | '' = '';
  /** The last contact offered through the local cloud: the one "Answer on the phone" and "hangs up" act on. */
  #localTask: string | null = null;

  #sdkEl(): CcSdk | null {
    return document.getElementById(this.sdk) as CcSdk | null;
  }

  #do(label: string, action: (server: NonNullable<CcSdk['simulator']>) => void): void {
    const server = this.#sdkEl()?.simulator;
    if (!server) {
      // The simulated contact center runs in the tab that leads the session.
      this.status = this.#sdkEl()?.role === 'follower' ? 'The simulator runs in the leader tab: use its controls there.' : 'The simulator is not the current backend.';
      return;
    }
    try {
      action(server);
    } catch (err) {
      // The simulator refuses what it cannot do (a fault for an action it does not have): say so.
      this.status = err instanceof Error ? err.message : String(err);
      return;
    }
    const queued = server.queued.length;
    this.status = `${label}.${queued ? ` ${queued} waiting in queue until you are Available.` : ''}`;
  }

  #offer(mediaType: MediaType, label: string) {
    return () => this.#do(`${label} arrives`, (s) => s.offer({ mediaType }));
  }

  /** Runs one action of the local double's script API; says what happened, or why not. */
  async #cloud(label: string, payload: Record<string, unknown>): Promise<void> {
    const kind = localKind();
    if (this.busy || !kind) return;
    this.busy = true;
    this.status = `${label}…`;
    try {
      const res = await fetch(LOCAL_COMMAND[kind], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = (await res.json().catch(() => ({}))) as { taskId?: string; message?: string };
      if (!res.ok) throw new Error(body.message ?? `The local double answered ${res.status}.`);
      if (body.taskId) this.#localTask = body.taskId;
      this.status = `${label}: done.`;
    } catch (err) {
      this.status = `${label} failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.busy = false;
    }
  }

  #renderLocal(kind: keyof typeof LOCAL_PANELS) {
    const panel = LOCAL_PANELS[kind];
    const task = () => this.#localTask;
    const needTask = (label: string, action: string) => () =>
      task() ? this.#cloud(label, { action, taskId: task() }) : (this.status = 'Offer a call first.');
    return html`<details part="base">
      <summary>${panel.title}</summary>
      <fieldset>
        <legend>A customer reaches out</legend>
        <div class="row">
          <button type="button" aria-disabled=${String(this.busy)} @click=${() => this.#cloud('A call arrives', { action: 'offer', mediaType: 'telephony' })}>
            Offer a call
          </button>
          ${panel.chat
            ? html`<button type="button" aria-disabled=${String(this.busy)} @click=${() => this.#cloud('A chat arrives', { action: 'offer', mediaType: 'chat' })}>
                Offer a chat
              </button>`
            : nothing}
          ${panel.phone
            ? html`<button type="button" aria-disabled=${String(this.busy)} @click=${needTask(panel.answered, 'answer')}>Answer on the phone</button>`
            : nothing}
          <button type="button" aria-disabled=${String(this.busy)} @click=${needTask('The customer hung up', 'hangup')}>Customer hangs up</button>
        </div>
      </fieldset>
      <p class="status muted" role="status">${this.status}</p>
    </details>`;
  }

  override render() {
    const kind = localKind();
    if (kind) return this.#renderLocal(kind);
    return html`<details part="base">
      <summary>Simulator controls</summary>
      <fieldset>
        <legend>A customer reaches out</legend>
        <div class="row">
          <button type="button" @click=${this.#offer('telephony', 'A call')}>Call</button>
          <button type="button" @click=${this.#offer('chat', 'A chat')}>Chat</button>
          <button type="button" @click=${this.#offer('email', 'An email')}>Email</button>
          <button type="button" @click=${this.#offer('social', 'A social message')}>Social</button>
          <button type="button" @click=${() => this.#do('The customer hung up', (s) => s.customerHangup())}>Customer hangs up</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>A supervisor</legend>
        <div class="row">
          <button type="button" @click=${() => this.#do('Supervisor set you Idle (Meeting)', (s) => s.supervisorSetState('Idle', 'idle-meeting'))}>
            Set Idle
          </button>
          <button type="button" @click=${() => this.#do('Supervisor set you Available', (s) => s.supervisorSetState('Available'))}>
            Set Available
          </button>
          <button type="button" @click=${() => this.#do('Supervisor logged you out', (s) => s.remoteLogout())}>Log out agent</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>The network and the session</legend>
        <div class="row">
          <button type="button" @click=${() => this.#do('Connection dropped for 4 s', (s) => s.dropConnection(4000))}>Drop connection</button>
          <button type="button" @click=${() => this.#do('Token expires in 60 s', (s) => s.expireToken(60_000))}>Expire token in 1 min</button>
          <button type="button" @click=${() => this.#do('Token expired', (s) => s.expireToken(0))}>Expire token now</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Make the next action fail</legend>
        <div class="row">
          <label class="sr-only" for="action">Action to fail</label>
          <select id="action" @change=${(e: Event) => (this.faultAction = (e.target as HTMLSelectElement).value as SimulatorAction | '')}>
            <option value="" ?selected=${this.faultAction === ''}>Any action</option>
            ${SIMULATOR_ACTIONS.map((a) => html`<option value=${a} ?selected=${a === this.faultAction}>${a}</option>`)}
          </select>
          <label class="sr-only" for="code">Error code</label>
          <select id="code" @change=${(e: Event) => (this.faultCode = (e.target as HTMLSelectElement).value as CcErrorCode)}>
            ${FAULT_CODES.map((c) => html`<option value=${c} ?selected=${c === this.faultCode}>${c}</option>`)}
          </select>
          <button type="button" data-action="arm"
            @click=${() => this.#do(`The next ${this.faultAction || 'action'} will fail (${this.faultCode})`, (s) =>
              s.failNext({ action: this.faultAction || undefined, code: this.faultCode, message: `Simulated failure (${this.faultCode}).` }))}>
            Arm
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>What "Check this computer" finds</legend>
        <div class="row">
          <label class="sr-only" for="preflight-finding">Finding to force</label>
          <select id="preflight-finding" @change=${(e: Event) => (this.preflightFinding = (e.target as HTMLSelectElement).value as PreflightCode | '')}>
            <option value="" ?selected=${this.preflightFinding === ''}>Every check for real</option>
            ${PREFLIGHT_CHECKS.map(
              (check) => html`<optgroup label=${check}>
                ${(Object.keys(PREFLIGHT_CODES) as PreflightCode[])
                  .filter((code) => PREFLIGHT_CODES[code].check === check)
                  .map((code) => html`<option value=${code} ?selected=${code === this.preflightFinding}>${code} (${PREFLIGHT_CODES[code].status})</option>`)}
              </optgroup>`,
            )}
          </select>
          <button type="button" data-action="force-preflight"
            @click=${() => {
              const code = this.preflightFinding;
              this.#do(code ? `The checks will find ${code}` : 'The checks run for real', (s) =>
                s.setPreflight(code ? { forced: { [PREFLIGHT_CODES[code].check]: code } } : {}));
            }}>
            Set
          </button>
        </div>
      </fieldset>
      <p class="status muted" role="status">${this.status}</p>
    </details>`;
  }
}

customElements.define('demo-simulator-panel', DemoSimulatorPanel);
