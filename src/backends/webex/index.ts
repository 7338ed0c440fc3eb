import type { Clock } from '../../core/clock.js';
import { WebexBackend, type WebexBackendOptions } from './backend.js';
import type { WebexInstance } from './sdk.js';

export { WebexBackend, type WebexBackendOptions } from './backend.js';
export { toCcError } from './errors.js';
export { DEFAULT_SCOPES, isOAuthRedirect } from './oauth.js';
export { toProfile } from './profile.js';
export { toSnapshot } from './snapshot.js';
export { loadContactCenterSdk, type SdkLoader, type WebexInstance, type WebexStatic, type WebexConfig } from './sdk.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const number = (value: unknown): number | undefined => {
  const n = Number(value);
  return value !== undefined && value !== null && value !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
};
const list = (value: unknown): string[] | undefined => {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  const s = text(value);
  return s ? s.split(/[\s,]+/).filter(Boolean) : undefined;
};

/**
 * Builds the Webex backend from `<cc-sdk>` options (attributes and properties), for the registry:
 * - `webex`: a Webex SDK instance the host already has (property only);
 * - `clientId` / `client-id`, `redirectUri` / `redirect-uri`, `scopes`: OAuth defaults;
 * - `readyTimeout` / `ready-timeout`: milliseconds to wait for the SDK's `ready` (default 20000);
 * - `outdialAni` / `outdial-ani`: the number outbound calls show;
 * - `config`: extra `Webex.init` config (property only);
 * - `clock`, `loadSdk`: for tests.
 */
export function createWebexBackend(options: Readonly<Record<string, unknown>> = {}): WebexBackend {
  const clientId = text(options.clientId ?? options['client-id']);
  const redirectUri = text(options.redirectUri ?? options['redirect-uri']) ?? (clientId ? globalThis.location?.href.split('#')[0] : undefined);
  const scopes = list(options.scopes);
  const webex = options.webex && typeof options.webex === 'object' ? (options.webex as WebexInstance) : undefined;
  const built: WebexBackendOptions = {
    ...(webex ? { webex } : {}),
    ...(clientId && redirectUri ? { oauth: { clientId, redirectUri, ...(scopes ? { scopes } : {}) } } : {}),
    ...(number(options.readyTimeout ?? options['ready-timeout']) ? { readyTimeoutMs: number(options.readyTimeout ?? options['ready-timeout']) } : {}),
    ...(number(options.requestTimeout ?? options['request-timeout']) ? { requestTimeoutMs: number(options.requestTimeout ?? options['request-timeout']) } : {}),
    ...(text(options.outdialAni ?? options['outdial-ani']) ? { outdialAni: text(options.outdialAni ?? options['outdial-ani']) } : {}),
    ...(options.config && typeof options.config === 'object' ? { config: options.config as WebexBackendOptions['config'] } : {}),
    ...(options.clock && typeof options.clock === 'object' ? { clock: options.clock as Clock } : {}),
    ...(typeof options.loadSdk === 'function' ? { loadSdk: options.loadSdk as WebexBackendOptions['loadSdk'] } : {}),
  };
  return new WebexBackend(built);
}
