/**
 * TCCC's SDK in the page: one per page (tccc.md trap 2). The SdkURL is fetched fresh right before it is injected
 * (it works once, for ten minutes), injected once with a `<script>`, and TCCC's own UI is rendered into a hidden
 * container of ours; `ready` (or `tokenExpired`) is awaited on the backend's clock. Whatever goes wrong before
 * `ready`, the page is left as it was, so a retry starts over with a new URL.
 *
 * The SdkURL carries a secret (a login token). It lives in a local variable only: it is never kept in a field,
 * put in a message, logged or stored; it reaches the DOM only as the script element's `src`, and that element is
 * removed once the SDK is ready (a loaded script keeps running without its element).
 *
 * A second backend in the same page reuses the SDK when no live backend holds it (a `<cc-sdk>` rebuilt its
 * backend), and is refused while another one holds it or is starting it: never both.
 */
import type { Clock } from '../../core/clock.js';
import { CcError } from '../../core/errors.js';
import { excerpt } from '../../core/actions.js';
import { isRecord, text, withTimeout } from '../kit/index.js';
import { eventName, isTcccSdk, payloadOf, type TcccListener, type TcccSdk } from './sdk.js';

/** The id TCCC gives the element it adds to the page (tccc.md §3, T9). */
const SDK_DOM_ROOT = 'tcccSdkDomRoot';
/** The Trusted Types policy the script URL goes through, on a page that enforces Trusted Types. */
export const TRUSTED_TYPES_POLICY = 'cc-elements-tccc';

interface Loaded {
  readonly sdk: TcccSdk;
  readonly agentId: string;
  readonly container: HTMLElement;
  owner: object | null;
}

let loaded: Loaded | null = null;
let starting: object | null = null;

export interface StartOptions {
  /** Who holds the SDK (a backend): one at a time. */
  readonly owner: object;
  /** Gets a fresh SdkURL (the host's route, or its function). */
  readonly sdkUrl: () => Promise<unknown>;
  readonly clock: Clock;
  readonly readyTimeoutMs: number;
}


/** The SDK, ready: the page's one, reused when nobody holds it, or a new one from a fresh SdkURL. */
export async function startSdk(options: StartOptions): Promise<{ sdk: TcccSdk; reused: boolean; agentId: string }> {
  const { owner } = options;
  if (loaded) {
    if (loaded.owner && loaded.owner !== owner) throw CcError.of('invalid-state', { key: 'tcccInUse' }, 'connect');
    loaded.owner = owner;
    return { sdk: loaded.sdk, reused: true, agentId: loaded.agentId };
  }
  if (starting) throw CcError.of('invalid-state', { key: starting === owner ? 'tcccStarting' : 'tcccInUse' }, 'connect');
  if ('tccc' in globalThis && (globalThis as { tccc?: unknown }).tccc) {
    throw CcError.of('invalid-state', { key: 'tcccPageHasSdk' }, 'connect');
  }
  starting = owner;
  try {
    const url = checkedUrl(await options.sdkUrl());
    // The agent's account (SeatUserId) is in the URL TCCC issues (`userid=`, tccc.md §3): read, nothing else kept.
    const agentId = new URL(url).searchParams.get('userid')?.trim() ?? '';
    const sdk = await inject(url, options);
    hideUi(sdk);
    loaded = { sdk, agentId, container: document.getElementById(containerId)!, owner };
    return { sdk, reused: false, agentId };
  } finally {
    starting = null;
  }
}

/** The backend lets go of the SDK: it stays loaded (and signed in) for the next backend of this page. */
export function releaseSdk(owner: object): void {
  if (loaded?.owner === owner) loaded.owner = null;
}

/**
 * Removes TCCC from the page: its global, its element and our container (tccc.md §3: not an official API, what
 * integrations do to switch users). The next sign-in fetches a new SdkURL.
 */
export function teardownSdk(owner?: object): void {
  if (owner && loaded && loaded.owner !== owner && loaded.owner !== null) return;
  loaded = null;
  if (!owner) starting = null;
  removeTraces();
}

function removeTraces(): void {
  document.getElementById(SDK_DOM_ROOT)?.remove();
  document.getElementById(containerId)?.remove();
  for (const s of document.querySelectorAll('script[data-cc-tccc]')) s.remove();
  try {
    delete (globalThis as { tccc?: unknown }).tccc;
  } catch {
    (globalThis as { tccc?: unknown }).tccc = undefined;
  }
}

/** The id of the hidden element TCCC renders its own UI into (`data-render-dom-id`). */
const containerId = 'cc-tccc-ui';

/** An SdkURL fit to load: an absolute https URL (http only on loopback, for local development and tests). */
function checkedUrl(value: unknown): string {
  const raw = typeof value === 'string' ? value.trim() : isRecord(value) ? text(value.SdkURL) : '';
  if (!raw) throw CcError.of('auth-failed', { key: 'tcccNoSdkUrl' }, 'connect');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw CcError.of('auth-failed', { key: 'tcccSdkUrlNotUrl' }, 'connect');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw CcError.of('auth-failed', { key: 'tcccSdkUrlNotHttps' }, 'connect');
  }
  return url.href;
}

let policy: { createScriptURL(url: string): unknown } | null = null;

/** The URL as the page lets a script's `src` be set: through our Trusted Types policy when the page enforces them. */
function scriptUrl(url: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(u: string): string }): { createScriptURL(u: string): unknown } } })
    .trustedTypes;
  if (!tt) return url;
  if (!policy) {
    try {
      // The policy passes on what checkedUrl() accepted: it is only ever called right below, with that URL.
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (u) => u });
    } catch {
      throw CcError.of('backend-error', { key: 'tcccTrustedTypes', values: { policy: TRUSTED_TYPES_POLICY } }, 'connect');
    }
  }
  return policy.createScriptURL(url) as string;
}

async function inject(url: string, options: StartOptions): Promise<TcccSdk> {
  const container = document.createElement('div');
  container.id = containerId;
  container.hidden = true;
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const script = document.createElement('script');
  script.async = true;
  script.crossOrigin = 'anonymous';
  script.dataset.ccTccc = '';
  // TCCC renders its floating button and workbench into this hidden element instead of over the page (T1).
  script.dataset.renderDomId = containerId;
  const listeners: [TcccSdk, string, TcccListener][] = [];
  const loadedScript = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener(
      'error',
      () =>
        reject(
          CcError.of('offline', { key: 'tcccSdkNotLoaded' }, 'connect'),
        ),
      { once: true },
    );
  });
  let gaveUp = false;
  const ready = (async () => {
    await loadedScript;
    const sdk = (globalThis as { tccc?: unknown }).tccc;
    if (!isTcccSdk(sdk)) throw CcError.of('backend-error', { key: 'tcccNoWindowTccc' }, 'connect');
    return new Promise<TcccSdk>((resolve, reject) => {
      const onReady: TcccListener = () => resolve(sdk);
      const onExpired: TcccListener = (arg) => {
        const said = text(payloadOf(arg).message);
        reject(
          CcError.of('token-expired', said ? { key: 'tcccLinkExpiredSaid', values: { said: excerpt(said, 80) } } : { key: 'tcccLinkExpired' }, 'connect'),
        );
      };
      for (const [name, fn] of [
        [eventName(sdk, 'ready'), onReady],
        [eventName(sdk, 'tokenExpired'), onExpired],
      ] as const) {
        sdk.on(name, fn);
        listeners.push([sdk, name, fn]);
      }
    });
  })();
  // Settled by the time limit first, it must not surface later as an unhandled rejection.
  ready.catch(() => undefined);
  try {
    script.src = scriptUrl(url);
  } catch (err) {
    // The page refused our Trusted Types policy: nothing was loaded, and nothing of ours stays.
    removeTraces();
    throw err;
  }
  document.head.append(script);
  const seconds = Math.round(options.readyTimeoutMs / 100) / 10;
  try {
    return await withTimeout(
      options.clock,
      ready,
      options.readyTimeoutMs,
      () => CcError.of('timeout', { key: 'tcccNotReady', values: { seconds } }, 'connect'),
    );
  } catch (err) {
    gaveUp = true;
    // A script that loads after we gave up must not leave a half-started SDK behind.
    script.addEventListener('load', () => void (gaveUp && !loaded && !starting && removeTraces()), { once: true });
    removeTraces();
    throw err;
  } finally {
    for (const [sdk, name, fn] of listeners) sdk.off(name, fn);
    script.remove();
  }
}

/** TCCC's own UI stays out of sight: the kit's widgets are the UI (tccc.md §3, trap 7). */
function hideUi(sdk: TcccSdk): void {
  for (const method of ['hide', 'hidefloatButton', 'hideWorkbench']) {
    const fn = sdk.UI?.[method];
    if (typeof fn !== 'function') continue;
    try {
      (fn as () => unknown).call(sdk.UI);
    } catch {
      // An older SDK without this method's effect: the container is hidden anyway.
    }
  }
}
