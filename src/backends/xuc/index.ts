import type { Clock } from '../../core/clock.js';
import { OptionReader } from '../kit/index.js';
import { XucBackend } from './backend.js';

export { XucBackend, XUC_TEAM, type XucBackendOptions } from './backend.js';

/**
 * Builds the XuC backend from `<cc-sdk>` options (attributes and properties), for the registry:
 * - `server`: the XuC base URL (`https://xivo.example.com`); required;
 * - `heartbeatMs` / `heartbeat-ms`, `missedPings` / `missed-pings`: the heartbeat (5000 ms, 3 silent intervals);
 * - `requestTimeout` / `request-timeout`: milliseconds an action waits for XiVO's confirmation (8000);
 * - `reconnectDelaysMs` / `reconnect-delays-ms`: delays between reconnection attempts;
 * - `customerNameVariable` / `customer-name-variable`: the call variable that names the customer (`USR_customerName`);
 * - `clock`, `WebSocket`: for tests.
 * An unusable value is ignored, with a warning that names it.
 */
export function createXucBackend(options: Readonly<Record<string, unknown>> = {}): XucBackend {
  const read = new OptionReader('xuc', options);
  const heartbeatMs = read.positive('heartbeatMs');
  const missedPings = read.positive('missedPings');
  const requestTimeoutMs = read.positive('requestTimeout');
  const reconnectDelaysMs = read.numbers('reconnectDelaysMs');
  const customerNameVariable = read.text('customerNameVariable');
  const clock = read.object<Clock>('clock');
  const WebSocket = read.func<typeof globalThis.WebSocket>('WebSocket');
  const server = read.text('server') ?? '';
  for (const problem of read.problems) console.warn(`cc-elements: ${problem}`);
  return new XucBackend({
    server,
    ...(heartbeatMs ? { heartbeatMs } : {}),
    ...(missedPings ? { missedPings } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(reconnectDelaysMs ? { reconnectDelaysMs } : {}),
    ...(customerNameVariable ? { customerNameVariable } : {}),
    ...(clock ? { clock } : {}),
    ...(WebSocket ? { WebSocket } : {}),
  });
}
