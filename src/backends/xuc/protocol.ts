/**
 * The XuC wire protocol (see the project's xuc.md): the REST paths, the command envelope, and the shapes of the
 * messages this backend reads. Field names and casing are XuC's own, on purpose (`agentphonenumber`, `Error`,
 * `RequestedNb`, `TotalNumberCallsAbandonned`).
 */

export const API_PATH = '/xuc/api/2.0';

/** A command as XuC reads it: `{"claz":"web","command":…}` and its flat fields. */
export function command(name: string, fields: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({ claz: 'web', command: name, ...fields });
}

export const PING = JSON.stringify({ claz: 'ping' });

/** `{"msgType":…,"ctiMessage":…}`, or null for a frame that is not one. */
export function parseFrame(text: unknown): { msgType: string; ctiMessage: unknown } | null {
  if (typeof text !== 'string') return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { msgType, ctiMessage } = value as { msgType?: unknown; ctiMessage?: unknown };
    return typeof msgType === 'string' ? { msgType, ctiMessage } : null;
  } catch {
    return null;
  }
}

export interface XucAuth {
  readonly login: string;
  readonly token: string;
  /** Seconds. */
  readonly TTL?: number;
}

export interface XucUserStatus {
  readonly name: string;
  readonly longName?: string;
  readonly color?: string;
  readonly actions?: readonly { readonly name: string; readonly parameters?: unknown }[];
}

export type XucAgentStateName =
  | 'AgentLogin'
  | 'AgentReady'
  | 'AgentOnPause'
  | 'AgentOnWrapup'
  | 'AgentRinging'
  | 'AgentDialing'
  | 'AgentOnCall'
  | 'AgentLoggedOut';

export interface XucAgentState {
  readonly name: XucAgentStateName | string;
  readonly agentId: number;
  readonly phoneNb?: string;
  readonly since?: number;
  readonly queues?: readonly number[];
  readonly cause?: string;
  readonly acd?: boolean;
  readonly direction?: string;
  readonly monitorState?: string;
}

export interface XucPhoneEvent {
  readonly eventType: string;
  readonly DN: string;
  readonly otherDN: string;
  readonly linkedId: string;
  readonly uniqueId: string;
  readonly queueName?: string;
  readonly userData?: Readonly<Record<string, unknown>>;
}

export interface XucQueue {
  readonly id: number;
  readonly name: string;
  readonly displayName?: string;
  readonly number?: string;
}

export interface XucAgentConfig {
  readonly id: number;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly number?: string;
}

/** `QueueStatistics`: keyed by `queueId`, or by `queueRef` (the queue's name) in some messages. */
export interface XucQueueStatistics {
  readonly queueId?: number;
  readonly queueRef?: string;
  readonly counters?: readonly { readonly statName: string; readonly value: number }[];
}

