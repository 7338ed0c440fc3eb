/**
 * The part of TCCC's Web SDK (`window.tccc`, see tccc.md) this backend uses, typed loosely: the SDK comes from a
 * URL at run time, its revisions differ (tccc.md trap 10), so every method is looked up before it is called and
 * every payload is read as untrusted data.
 */
import { CcError } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { excerpt } from '../../core/actions.js';
import { isRecord, record } from '../kit/index.js';

export type TcccListener = (payload: unknown) => void;

/** A namespace of the SDK (`tccc.Call`, `tccc.Agent`, `tccc.UI`): methods by name. */
export type TcccNamespace = Readonly<Record<string, unknown>>;

export interface TcccSdk {
  readonly events?: Readonly<Record<string, string>>;
  on(event: string, listener: TcccListener): unknown;
  off(event: string, listener: TcccListener): unknown;
  readonly Call?: TcccNamespace;
  readonly Agent?: TcccNamespace;
  readonly UI?: TcccNamespace;
}

/** The SDK's event names (tccc.md §7); read through `tccc.events` when it names them otherwise. */
export const TCCC_EVENTS = [
  'ready',
  'tokenExpired',
  'callIn',
  'userAccessed',
  'autoTransfer',
  'sessionEnded',
  'callOuted',
  'calloutAccepted',
  'transfer',
  'statusChanged',
] as const;
export type TcccEventName = (typeof TCCC_EVENTS)[number];

export const eventName = (sdk: TcccSdk, name: TcccEventName): string => {
  const named = sdk.events?.[name];
  return typeof named === 'string' && named ? named : name;
};

/** Whether a value looks like the SDK's global. */
export function isTcccSdk(value: unknown): value is TcccSdk {
  return isRecord(value) && typeof value.on === 'function' && typeof value.off === 'function';
}

/**
 * An event's payload, flat or under `data` (tccc.md trap 5: the events reference shows flat payloads, the
 * "Answer" guide reads `response.data.sessionId`).
 */
export function payloadOf(arg: unknown): Readonly<Record<string, unknown>> {
  const outer = record(arg);
  return isRecord(outer.data) ? outer.data : outer;
}

/** TCCC's words, short and without their closing full stop (the message adds its own). */
const words = (msg: string): string => excerpt(msg.trim(), 120).replace(/[\s.。]+$/u, '');

/** The words of a refusal: `errorMsg` of a CommonSDKResponse, an Error's message, or a string. */
export function refusalText(err: unknown): string {
  if (isRecord(err)) {
    const msg = err.errorMsg ?? err.message ?? err.msg;
    if (typeof msg === 'string' && msg.trim()) return words(msg);
  }
  if (typeof err === 'string' && err.trim()) return words(err);
  return 'no reason given';
}

/** What a TCCC request does, as a message (`tccc:*` in messages.ts): named when TCCC refuses it or is late. */
export type TcccVerb = Extract<MessageKey, `tccc:${string}`>;

/**
 * Calls `tccc.<ns>.<method>(args)` and resolves with what its result carries under `data` (an empty record when
 * nothing). A method the SDK lacks is `unsupported`; a rejection, or a resolved `{status: 'error'}`, is
 * `rejected` with TCCC's words.
 */
export async function callSdk(
  sdk: TcccSdk,
  ns: 'Call' | 'Agent',
  method: string,
  args: Readonly<Record<string, unknown>> | undefined,
  action: string,
  verb: TcccVerb,
): Promise<Readonly<Record<string, unknown>>> {
  const space = sdk[ns];
  const fn = space?.[method];
  if (typeof fn !== 'function') throw CcError.of('unsupported', { key: 'tcccNoMethod', values: { method: `${ns}.${method}` } }, action);
  let result: unknown;
  try {
    result = await (fn as (a?: unknown) => unknown).call(space, args);
  } catch (err) {
    throw CcError.of('rejected', { key: 'tcccRefused', values: { verb: { key: verb }, reason: refusalText(err) } }, action);
  }
  if (isRecord(result) && result.status === 'error') {
    throw CcError.of('rejected', { key: 'tcccRefused', values: { verb: { key: verb }, reason: refusalText(result) } }, action);
  }
  return isRecord(result) ? record(result.data) : {};
}
