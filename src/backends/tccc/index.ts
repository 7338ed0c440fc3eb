import type { Clock } from '../../core/clock.js';
import { OptionReader } from '../kit/index.js';
import { TcccBackend, type TcccTarget } from './backend.js';

export { TcccBackend, TCCC_TEAM, NOT_READY_CODE, REST_CODE, type TcccBackendOptions, type TcccTarget } from './backend.js';
export { TRUSTED_TYPES_POLICY, teardownSdk } from './loader.js';

/**
 * Builds the TCCC backend from `<cc-sdk>` options (attributes and properties), for the registry:
 * - `sdkUrlEndpoint` / `sdk-url-endpoint`: your server's route that returns `{SdkURL}` (POST); or
 * - `getSdkUrl` (a property, in `backendOptions`): a function that resolves to the SdkURL;
 * - `readyTimeout` / `ready-timeout`: milliseconds TCCC may take to get ready (20000);
 * - `requestTimeout` / `request-timeout`: milliseconds an action waits for TCCC's confirmation (8000);
 * - `restReasons` / `rest-reasons`: the break reasons configured in TCCC's console (`Meal, Meeting`);
 * - `skillGroups`, `agents` (properties): `[{id, name}]` to transfer to;
 * - `statusNames` (a property): `{notReady, rest, arrange}`, the names shown for TCCC's own statuses;
 * - `agentName` / `agent-name`, `agentId` / `agent-id`: what TCCC's Web SDK does not tell;
 * - `clock`: for tests.
 * An unusable value is ignored, with a warning that names it (never its value when it is a URL).
 */
export function createTcccBackend(options: Readonly<Record<string, unknown>> = {}): TcccBackend {
  const read = new OptionReader('tccc', options);
  const sdkUrlEndpoint = read.text('sdkUrlEndpoint');
  const getSdkUrl = read.func<() => unknown>('getSdkUrl');
  const readyTimeoutMs = read.positive('readyTimeout');
  const requestTimeoutMs = read.positive('requestTimeout');
  const restReasons = read.list('restReasons');
  const skillGroups = targets(read.object<unknown[]>('skillGroups'));
  const agents = targets(read.object<unknown[]>('agents'));
  const statusNames = read.object<Record<string, unknown>>('statusNames');
  const agentName = read.text('agentName');
  const agentId = read.text('agentId');
  const clock = read.object<Clock>('clock');
  for (const problem of read.problems) console.warn(`cc-elements: ${problem}`);
  return new TcccBackend({
    ...(sdkUrlEndpoint ? { sdkUrlEndpoint } : {}),
    ...(getSdkUrl ? { getSdkUrl } : {}),
    ...(readyTimeoutMs ? { readyTimeoutMs } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(restReasons ? { restReasons } : {}),
    ...(skillGroups ? { skillGroups } : {}),
    ...(agents ? { agents } : {}),
    ...(statusNames ? { statusNames: names(statusNames) } : {}),
    ...(agentName ? { agentName } : {}),
    ...(agentId ? { agentId } : {}),
    ...(clock ? { clock } : {}),
  });
}

function targets(value: unknown[] | undefined): TcccTarget[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({ id: String(t.id ?? ''), name: String(t.name ?? t.id ?? '') }))
    .filter((t) => t.id);
}

function names(value: Record<string, unknown>): Partial<Record<'notReady' | 'rest' | 'arrange', string>> {
  const out: Partial<Record<'notReady' | 'rest' | 'arrange', string>> = {};
  for (const key of ['notReady', 'rest', 'arrange'] as const) if (typeof value[key] === 'string' && value[key].trim()) out[key] = value[key].trim();
  return out;
}
