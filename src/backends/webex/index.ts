import type { Clock } from '../../core/clock.js';
import { OptionReader } from '../kit/index.js';
import { WebexBackend, type WebexBackendOptions } from './backend.js';
import type { WebexInstance } from './sdk.js';

export { WebexBackend, type WebexBackendOptions } from './backend.js';
export { toCcError } from './errors.js';
export { DEFAULT_SCOPES, isOAuthRedirect } from './oauth.js';
export { toProfile } from './profile.js';
export { toSnapshot } from './snapshot.js';
export { loadContactCenterSdk, type SdkLoader, type WebexInstance, type WebexStatic, type WebexConfig } from './sdk.js';

/**
 * Builds the Webex backend from `<cc-sdk>` options (attributes and properties), for the registry:
 * - `webex`: a Webex SDK instance the host already has (property only);
 * - `clientId` / `client-id`, `redirectUri` / `redirect-uri`, `scopes`: OAuth defaults;
 * - `readyTimeout` / `ready-timeout`: milliseconds to wait for the SDK's `ready` (default 20000);
 * - `requestTimeout` / `request-timeout`: milliseconds `register()` and `deregister()` may take (default 30000);
 * - `outdialAni` / `outdial-ani`: the number outbound calls show;
 * - `multiLogin` / `multi-login`: let the agent stay signed in elsewhere (the SDK's `allowMultiLogin`);
 * - `config`: extra `Webex.init` config (property only);
 * - `tokenEndpoint` / `token-endpoint`: the host server's token route (a server-issued session, see
 *   cc-elements/server); `renewBefore` / `renew-before`: milliseconds before expiry to renew it (default 360000);
 * - `clock`, `loadSdk`, `navigate`: for tests.
 * An unusable value is ignored, with a warning that names it.
 */
export function createWebexBackend(options: Readonly<Record<string, unknown>> = {}): WebexBackend {
  const read = new OptionReader('webex', options);
  const clientId = read.text('clientId');
  const redirectUri = read.text('redirectUri') ?? (clientId ? globalThis.location?.href.split('#')[0] : undefined);
  const scopes = read.list('scopes');
  const webex = read.object<WebexInstance>('webex');
  const readyTimeoutMs = read.positive('readyTimeout');
  const requestTimeoutMs = read.positive('requestTimeout');
  const outdialAni = read.text('outdialAni');
  // Declared in declared/webex.ts (the `multi-login` attribute): a boolean, or undefined when unusable.
  const multiLogin = options.multiLogin === true;
  const config = read.object<NonNullable<WebexBackendOptions['config']>>('config');
  const clock = read.object<Clock>('clock');
  const loadSdk = read.func<NonNullable<WebexBackendOptions['loadSdk']>>('loadSdk');
  const tokenEndpoint = read.text('tokenEndpoint');
  const renewBeforeMs = read.positive('renewBefore');
  const navigate = read.func<NonNullable<WebexBackendOptions['navigate']>>('navigate');
  for (const problem of read.problems) console.warn(`cc-elements: ${problem}`);
  return new WebexBackend({
    ...(webex ? { webex } : {}),
    ...(clientId && redirectUri ? { oauth: { clientId, redirectUri, ...(scopes ? { scopes } : {}) } } : {}),
    ...(readyTimeoutMs ? { readyTimeoutMs } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(outdialAni ? { outdialAni } : {}),
    ...(multiLogin ? { multiLogin } : {}),
    ...(config ? { config } : {}),
    ...(clock ? { clock } : {}),
    ...(loadSdk ? { loadSdk } : {}),
    ...(tokenEndpoint ? { tokenEndpoint } : {}),
    ...(renewBeforeMs ? { renewBeforeMs } : {}),
    ...(navigate ? { navigate } : {}),
  });
}
