// The sample page's backend chooser: the simulator, or Webex Contact Center with a token or OAuth settings.
// The choice (never a token) is kept in sessionStorage so the page comes back to it after an OAuth redirect.
// `?backend=webex-local&cloud=http://127.0.0.1:PORT` (printed by `npm run start:webex-local`) opens the page on
// the real Webex SDK pointed at the local Webex cloud double at that address; with `&session=server` the agent
// signs in through the server companion the start script mounts (`token-endpoint`), and the statistics widgets
// poll its statistics route. `?backend=xuc-local&server=http://127.0.0.1:PORT/site-1` (`npm run start:xuc-local`)
// opens it on the XuC backend against the loopback XuC double; `?backend=tccc-local` (`npm run start:tccc-local`) on
// the TCCC backend, whose SdkURL comes from the start script's `/tccc-local/loginTCCC` route and whose statistics
// from the companion's `/cc/tccc/stats` there.
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CcSdk } from '../components/cc-sdk/cc-sdk.js';
import { panelStyles } from './panel-styles.js';

export interface BackendChoice {
  backend: 'simulator' | 'webex' | 'webex-local' | 'xuc-local' | 'tccc-local';
  clientId?: string;
  redirectUri?: string;
  /** webex-local: the origin of the local Webex cloud. */
  cloud?: string;
  /** webex-local: the page's server runs the server companion (`/cc/webex/token`, `/cc/webex/stats`). */
  session?: 'server';
  /** xuc-local: the XuC base URL of the local XuC double. */
  server?: string;
}

/** The local doubles' script routes on the page's own server (the start scripts answer them). */
export const LOCAL_COMMAND = Object.freeze({ 'webex-local': '/webex-local/command', 'xuc-local': '/xuc-local/command', 'tccc-local': '/tccc-local/command' });
/** The page's own SdkURL route under `npm run start:tccc-local` (it relays to the TCCC double's loginTCCC). */
export const TCCC_LOCAL_ENDPOINT = '/tccc-local/loginTCCC';

/** A loopback `http:` URL (the local doubles run there), or null: a link cannot point the page at another host. */
function loopbackUrl(value: string | null): URL | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** The local XuC double's base URL the page's address names (`?backend=xuc-local&server=…`), or null. */
export function localXuc(search = location.search): string | null {
  const params = new URLSearchParams(search);
  if (params.get('backend') !== 'xuc-local') return null;
  const url = loopbackUrl(params.get('server'));
  return url ? `${url.origin}${url.pathname.replace(/\/$/, '')}` : null;
}

/** Whether the page's address asks for the local TCCC double (`?backend=tccc-local`). */
export function localTccc(search = location.search): boolean {
  return new URLSearchParams(search).get('backend') === 'tccc-local';
}

/** The local double the page runs on (from its address), or null on the simulator or a real Webex. */
export function localKind(search = location.search): keyof typeof LOCAL_COMMAND | null {
  if (localCloud(search)) return 'webex-local';
  if (localXuc(search)) return 'xuc-local';
  if (localTccc(search)) return 'tccc-local';
  return null;
}

/**
 * The server companion's routes on the page's own server: `npm run start:webex-local` mounts the Webex ones,
 * `npm run start:tccc-local` the TCCC statistics route.
 */
export const COMPANION = Object.freeze({ token: '/cc/webex/token', stats: '/cc/webex/stats', tcccStats: '/cc/tccc/stats' });

/** The statistics route the widgets poll on this choice, or null when the desk's backend reports its own figures. */
export function statsEndpoint(choice: BackendChoice): string | null {
  if (choice.backend === 'webex-local' && choice.session === 'server') return COMPANION.stats;
  return choice.backend === 'tccc-local' ? COMPANION.tcccStats : null;
}

const KEY = 'northwind-crm-backend';

/**
 * The local Webex cloud the page's address names (`?backend=webex-local&cloud=…`), or null. Only a loopback
 * http origin is taken: the page loads the SDK's code from it, so a link cannot point it at another host.
 */
export function localCloud(search = location.search): string | null {
  const params = new URLSearchParams(search);
  if (params.get('backend') !== 'webex-local') return null;
  return loopbackUrl(params.get('cloud'))?.origin ?? null;
}

let sdkLoad: Promise<unknown> | null = null;
/** The real SDK's UMD build, as the local cloud serves it (one `Webex` global per page). */
function loadSdkFrom(cloud: string): Promise<unknown> {
  sdkLoad ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${cloud}/sdk/contact-center.min.js`;
    script.onload = () => resolve((globalThis as { Webex?: unknown }).Webex);
    script.onerror = () => {
      sdkLoad = null;
      reject(new Error(`The Webex SDK could not be loaded from the local cloud at ${cloud}. Is npm run start:webex-local still running?`));
    };
    document.head.append(script);
  });
  return sdkLoad;
}

/** The `Webex.init` config that points the SDK at the local cloud (its service catalog and API gateway). */
export const localCloudConfig = (cloud: string) => ({
  services: { discovery: { u2c: `${cloud}/u2c/api/v1` }, override: { 'wcc-api-gateway': `${cloud}/wcc` } },
  // The SDK's own chatter stays out of the console; its errors still show.
  logger: { level: 'error' },
});

/** Whether the page's address asks for the server-session sign-in on the local cloud (`&session=server`). */
export function serverSession(search = location.search): boolean {
  return localCloud(search) !== null && new URLSearchParams(search).get('session') === 'server';
}

export function savedChoice(): BackendChoice {
  const cloud = localCloud();
  if (cloud) return { backend: 'webex-local', cloud, ...(serverSession() ? { session: 'server' as const } : {}) };
  const xuc = localXuc();
  if (xuc) return { backend: 'xuc-local', server: xuc };
  if (localTccc()) return { backend: 'tccc-local' };
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
  const cloud = choice.backend === 'webex-local' ? choice.cloud : undefined;
  // The companion hands out the token: one "Sign in with Webex" button, the secret and refresh token on the server.
  sdk.tokenEndpoint = cloud && choice.session === 'server' ? COMPANION.token : undefined;
  sdk.backendOptions = cloud
    ? { config: localCloudConfig(cloud), loadSdk: () => loadSdkFrom(cloud) }
    : choice.backend === 'xuc-local' && choice.server
      ? { server: choice.server }
      : choice.backend === 'tccc-local'
        ? { sdkUrlEndpoint: TCCC_LOCAL_ENDPOINT }
        : {};
  sdk.backend = { simulator: 'simulator', webex: 'webex', 'webex-local': 'webex', 'xuc-local': 'xuc', 'tccc-local': 'tccc' }[choice.backend];
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
    const picked = form.get('backend');
    const cloud = localCloud();
    const local = localKind();
    const backend =
      picked === 'webex' ? 'webex' : (picked === 'webex-local' || picked === 'xuc-local' || picked === 'tccc-local') && picked === local ? picked : 'simulator';
    const clientId = String(form.get('client-id') ?? '').trim();
    const redirectUri = String(form.get('redirect-uri') ?? '').trim();
    this.choice =
      backend === 'webex'
        ? { backend, clientId: clientId || undefined, redirectUri: redirectUri || undefined }
        : backend === 'webex-local'
          ? { backend, cloud: cloud!, ...(serverSession() ? { session: 'server' as const } : {}) }
          : backend === 'xuc-local'
            ? { backend, server: localXuc()! }
            : { backend };
    // A local double comes from the page's address, not storage: it exists only while its script runs.
    if (backend === 'simulator' || backend === 'webex') sessionStorage.setItem(KEY, JSON.stringify(this.choice));
    const sdk = this.#sdk();
    if (sdk) applyChoice(this.choice, sdk, sdk.querySelector('cc-auth'));
    this.status =
      backend === 'webex'
        ? `Using Webex Contact Center. ${clientId ? 'Sign in with Webex, or paste' : 'Paste'} an access token in the sign-in form.`
        : backend === 'simulator'
          ? 'Using the simulator.'
          : localHint(this.choice);
  }

  override render() {
    const { backend } = this.choice;
    const cloud = localCloud();
    const xuc = localXuc();
    const names = {
      simulator: 'Simulator',
      webex: 'Webex Contact Center',
      'webex-local': 'Webex (local cloud)',
      'xuc-local': 'XiVO XuC (local double)',
      'tccc-local': 'Tencent TCCC (local double)',
    };
    return html`<details part="base">
      <summary>Backend: ${names[backend]}</summary>
      <form @submit=${this.#submit}>
        <fieldset>
          <legend class="label">Connect the desk to</legend>
          <label class="choice"><input type="radio" name="backend" value="simulator" ?checked=${backend === 'simulator'} /> The simulator (no account)</label>
          <label class="choice"><input type="radio" name="backend" value="webex" ?checked=${backend === 'webex'} /> Webex Contact Center</label>
          ${cloud
            ? html`<label class="choice"
                ><input type="radio" name="backend" value="webex-local" ?checked=${backend === 'webex-local'} /> Webex (local cloud at ${cloud}, no
                account)</label
              >`
            : nothing}
          ${xuc
            ? html`<label class="choice"
                ><input type="radio" name="backend" value="xuc-local" ?checked=${backend === 'xuc-local'} /> XiVO XuC (local double at ${xuc}, no
                account)</label
              >`
            : nothing}
          ${localTccc()
            ? html`<label class="choice"
                ><input type="radio" name="backend" value="tccc-local" ?checked=${backend === 'tccc-local'} /> Tencent TCCC (local double, no
                account)</label
              >`
            : nothing}
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
      <p class="muted" role="status">${this.status || (backend === 'simulator' || backend === 'webex' ? '' : localHint(this.choice))}</p>
    </details>`;
  }
}

const localHint = (choice: BackendChoice) =>
  choice.backend === 'xuc-local'
    ? 'Using the XuC backend against the local XuC double. Sign in with the username and password npm run start:xuc-local printed, then log in to its line.'
    : choice.backend === 'tccc-local'
      ? 'Using the TCCC backend against the local TCCC double: press Sign in; this page\'s server fetches a fresh SdkURL for you.'
      : choice.session === 'server'
    ? 'Using the real Webex SDK against the local Webex cloud, signed in by this page\'s server (the server companion): press Sign in with Webex, no token to paste. The statistics come from the server too.'
    : 'Using the real Webex SDK against the local Webex cloud. Sign in with the access token npm run start:webex-local printed in its terminal.';

customElements.define('demo-backend-switch', DemoBackendSwitch);
