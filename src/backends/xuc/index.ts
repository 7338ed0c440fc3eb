import type { Clock } from '../../core/clock.js';
import { XucBackend, type XucBackendOptions } from './backend.js';

export { XucBackend, XUC_TEAM, type XucBackendOptions } from './backend.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const number = (value: unknown): number | undefined => {
  const n = Number(value);
  return value !== undefined && value !== null && value !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * Builds the XuC backend from `<cc-sdk>` options (attributes and properties), for the registry:
 * - `server`: the XuC base URL (`https://xivo.example.com`); required;
 * - `heartbeatMs` / `heartbeat-ms`, `missedPings` / `missed-pings`: the heartbeat (5000 ms, 3 silent intervals);
 * - `requestTimeout` / `request-timeout`: milliseconds an action waits for XiVO's confirmation (8000);
 * - `reconnectDelaysMs`: delays between reconnection attempts (property only);
 * - `customerNameVariable` / `customer-name-variable`: the call variable that names the customer (`USR_customerName`);
 * - `clock`, `WebSocket`: for tests.
 */
export function createXucBackend(options: Readonly<Record<string, unknown>> = {}): XucBackend {
  const server = text(options.server) ?? '';
  const delays = Array.isArray(options.reconnectDelaysMs) ? options.reconnectDelaysMs.map(Number).filter((n) => Number.isFinite(n) && n >= 0) : undefined;
  const built: XucBackendOptions = {
    server,
    ...(number(options.heartbeatMs ?? options['heartbeat-ms']) ? { heartbeatMs: number(options.heartbeatMs ?? options['heartbeat-ms']) } : {}),
    ...(number(options.missedPings ?? options['missed-pings']) ? { missedPings: number(options.missedPings ?? options['missed-pings']) } : {}),
    ...(number(options.requestTimeout ?? options['request-timeout']) ? { requestTimeoutMs: number(options.requestTimeout ?? options['request-timeout']) } : {}),
    ...(delays?.length ? { reconnectDelaysMs: delays } : {}),
    ...(text(options.customerNameVariable ?? options['customer-name-variable']) ? { customerNameVariable: text(options.customerNameVariable ?? options['customer-name-variable']) } : {}),
    ...(options.clock && typeof options.clock === 'object' ? { clock: options.clock as Clock } : {}),
    ...(typeof options.WebSocket === 'function' ? { WebSocket: options.WebSocket as typeof WebSocket } : {}),
  };
  return new XucBackend(built);
}
