// The sample page's backend chooser: the simulator, or Webex Contact Center with a token or OAuth settings.
// The choice (never a token) is kept in sessionStorage so the page comes back to it after an OAuth redirect.
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CcSdk } from '../components/cc-sdk/cc-sdk.js';
import { panelStyles } from './panel-styles.js';

export interface BackendChoice {
  backend: 'simulator' | 'webex';
  clientId?: string;
  redirectUri?: string;
}

const KEY = 'northwind-crm-backend';

export function savedChoice(): BackendChoice {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as BackendChoice | null;
    return saved?.backend === 'webex' ? saved : { backend: 'simulator' };
  } catch {
    return { backend: 'simulator' };
  }
}

/** Points `<cc-sdk>` and `<cc-auth>` at the chosen backend. */
export function applyChoice(choice: BackendChoice, sdk: CcSdk, auth: Element | null): void {
  for (const el of [sdk, auth]) {
    if (!el) continue;
    for (const [attr, value] of [['client-id', choice.clientId], ['redirect-uri', choice.redirectUri]] as const) {
      if (choice.backend === 'webex' && value) el.setAttribute(attr, value);
      else el.removeAttribute(attr);
    }
  }
  sdk.backend = choice.backend;
}

export class DemoBackendSwitch extends LitElement {
  static override styles = panelStyles;

  @property() sdk = '';
  @state() private choice: BackendChoice = savedChoice();
  @state() private status = '';

  #sdk(): CcSdk | null {
    return document.getElementById(this.sdk) as CcSdk | null;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const backend = form.get('backend') === 'webex' ? 'webex' : 'simulator';
    const clientId = String(form.get('client-id') ?? '').trim();
    const redirectUri = String(form.get('redirect-uri') ?? '').trim();
    this.choice = backend === 'webex' ? { backend, clientId: clientId || undefined, redirectUri: redirectUri || undefined } : { backend };
    sessionStorage.setItem(KEY, JSON.stringify(this.choice));
    const sdk = this.#sdk();
    if (sdk) applyChoice(this.choice, sdk, sdk.querySelector('cc-auth'));
    this.status =
      backend === 'webex'
        ? `Using Webex Contact Center. ${clientId ? 'Sign in with Webex, or paste' : 'Paste'} an access token in the sign-in form.`
        : 'Using the simulator.';
  }

  override render() {
    const webex = this.choice.backend === 'webex';
    return html`<details part="base">
      <summary>Backend: ${webex ? 'Webex Contact Center' : 'Simulator'}</summary>
      <form @submit=${this.#submit}>
        <fieldset>
          <legend class="label">Connect the desk to</legend>
          <label class="choice"><input type="radio" name="backend" value="simulator" ?checked=${!webex} /> The simulator (no account)</label>
          <label class="choice"><input type="radio" name="backend" value="webex" ?checked=${webex} /> Webex Contact Center</label>
        </fieldset>
        <div class="field">
          <label for="client-id">OAuth client id (optional)</label>
          <input id="client-id" name="client-id" autocomplete="off" .value=${this.choice.clientId ?? ''} />
        </div>
        <div class="field">
          <label for="redirect-uri">OAuth redirect URI</label>
          <input id="redirect-uri" name="redirect-uri" autocomplete="off" .value=${this.choice.redirectUri ?? location.href.split('#')[0]} />
          <span class="hint">Register this exact URL with your Webex integration. Without a client id, sign in with an access token.</span>
        </div>
        <button class="primary" type="submit">Use this backend</button>
      </form>
      <p class="muted" role="status">${this.status}</p>
    </details>`;
  }
}

customElements.define('demo-backend-switch', DemoBackendSwitch);
