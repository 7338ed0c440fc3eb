import { CcError } from '../../core/errors.js';
import { text, withTimeout } from '../kit/index.js';
import type { WebexContext } from './context.js';
import { toCcError } from './errors.js';

/** The SDK's own time limit on a request answered on the socket (`TIMEOUT_REQ`). */
const SDK_REQUEST_TIMEOUT_MS = 20_000;

interface Refusal {
  readonly type: string;
  readonly reason: string;
  readonly interactionId: string;
  readonly at: number;
}

/**
 * Calls into the SDK. An `Error` the SDK returns or throws becomes a CcError that says why: the SDK's own
 * errors say only "Error while performing hold" (webex-sdk.md #1), so the reason of a refusal is taken from the
 * `*Failed` outcome seen on the socket, and an expired token, a network down or a timeout are told apart here.
 */
export class WebexCalls {
  readonly #ctx: WebexContext;
  /** `*Failed` outcomes seen on the socket, newest last. */
  #refusals: Refusal[] = [];
  #frames = 0;

  constructor(ctx: WebexContext) {
    this.#ctx = ctx;
  }

  /** A frame's outcome (`data.type`, `data.reason`): kept when it is a refusal, for the call it answers. */
  noteFrame(data: Readonly<Record<string, unknown>>): void {
    const type = text(data.type);
    if (!/Failed$/.test(type)) return;
    this.#refusals.push({ type, reason: text(data.reason), interactionId: text(data.interactionId), at: this.#frames++ });
    if (this.#refusals.length > 20) this.#refusals.shift();
  }

  /** Runs an SDK call; state changes only through events. `taskId` narrows the refusals to that task's. */
  async run<T>(action: string, call: () => Promise<T> | T, taskId?: string): Promise<Exclude<T, Error>> {
    const since = this.#frames;
    const started = this.#ctx.clock.now();
    let result: T;
    try {
      result = await call();
    } catch (err) {
      throw await this.#explain(err, action, since, started, taskId);
    }
    if (result instanceof Error) throw await this.#explain(result, action, since, started, taskId);
    return result as Exclude<T, Error>;
  }

  /** Rejects with `timeout` when the SDK takes longer than the request time limit (register, deregister). */
  limit<T>(promise: Promise<T>, action: string): Promise<T> {
    const ms = this.#ctx.options.requestTimeoutMs ?? 30_000;
    return withTimeout(
      this.#ctx.clock,
      promise,
      ms,
      () => CcError.of('timeout', { key: 'webexNoAnswer', values: { seconds: Math.round(ms / 1000) } }, action),
    );
  }

  /**
   * Why an SDK call failed. A refusal's reason comes from the socket; otherwise the time it took tells a
   * timeout, and a cheap read the SDK does not wrap (`getQueues`, which keeps its HTTP error) tells an expired
   * token or a network down from a failure on the contact center's side.
   */
  async #explain(err: unknown, action: string, since: number, started: number, taskId?: string): Promise<CcError> {
    const reasoned = this.#withReason(err, since, taskId);
    if (reasoned !== err || err instanceof CcError) return toCcError(reasoned, action);
    const said = `${text((err as { message?: unknown } | null)?.message)} ${text((err as { data?: { message?: unknown } } | null)?.data?.message)}`;
    if (!/Error while performing/i.test(said)) return toCcError(err, action);
    if (this.#ctx.clock.now() - started >= SDK_REQUEST_TIMEOUT_MS - 500) return toCcError(new Error('timed out'), action);
    const cc = this.#ctx.cc;
    if (cc && typeof cc.getQueues === 'function') {
      try {
        await cc.getQueues({ page: 0, pageSize: 1 });
      } catch (probe) {
        const why = toCcError(probe, action);
        if (why.code === 'auth-failed' || why.code === 'offline') return why;
      }
    }
    return toCcError(err, action);
  }

  /** The SDK's error, with the reason of the refusal seen on the socket since frame `since`, if any. */
  #withReason(err: unknown, since: number, taskId?: string): unknown {
    const refusal = [...this.#refusals].reverse().find((r) => r.at >= since && (!taskId || !r.interactionId || r.interactionId === taskId));
    if (!refusal) return err;
    return { name: refusal.type, message: refusal.reason || refusal.type, details: { data: { reason: refusal.reason || refusal.type } } };
  }
}
