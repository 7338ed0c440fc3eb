/**
 * What crosses between the tabs of one agent session, and how a follower takes it in. Messages travel on a
 * same-origin BroadcastChannel, which copies them with the structured clone algorithm: plain data only. A
 * store's state is plain data, but its maps lose their null prototype on the way, and a store that takes a new
 * state must keep the slices that did not change identical (widgets re-render, and outcomes fire, for what
 * changed only).
 */
import type { StoreAction, DeskState } from '../core/store.js';
import { equal } from '../core/store.js';
import type { Credentials, TaskSnapshot } from '../core/types.js';
import type { DetailCheck } from '../events/request-check.js';
import type { RequestName } from '../events/events.js';
import type { RequestOrigin } from '../context/desk.js';
import type { DestinationKind, DestinationOption, OutdialOrigin } from '../core/types.js';

/** One message of the protocol. `from` is the sending tab's id; `to`, when set, the one tab it is for. */
export type TabMessage =
  /** A follower asks the leader for the whole picture (it just joined, or a new leader was announced). */
  | { readonly kind: 'hello'; readonly from: string }
  /** The leader's whole picture, for one follower (`to`) or for all (after a takeover). */
  | {
      readonly kind: 'snapshot';
      readonly from: string;
      readonly to: string | null;
      readonly state: DeskState;
      readonly handoff: readonly (readonly [string, string])[];
      readonly credentials: Credentials | null;
    }
  /** One change of the leader's store, with the action behind it. */
  | { readonly kind: 'change'; readonly from: string; readonly cause: StoreAction; readonly state: DeskState }
  /** The leader's in-page backend (the simulator) saved its state: a new leader starts from it. */
  | { readonly kind: 'handoff'; readonly from: string; readonly key: string; readonly value: string | null }
  /** How the leader signed in, for a follower that takes over; null once signed out. Never stored. */
  | { readonly kind: 'credentials'; readonly from: string; readonly credentials: Credentials | null }
  /** A follower's request for the leader to run; `secret` is a sealed credential, unsealed for the trip. */
  | {
      readonly kind: 'request';
      readonly from: string;
      readonly to: string;
      readonly id: number;
      readonly name: RequestName;
      readonly checked: DetailCheck<RequestName>;
      readonly origin: RequestOrigin;
      readonly secret?: string | null;
    }
  /** The leader has run a follower's request. */
  | { readonly kind: 'done'; readonly from: string; readonly to: string; readonly id: number }
  | { readonly kind: 'dismiss'; readonly from: string; readonly to: string; readonly key: string }
  | { readonly kind: 'discard'; readonly from: string; readonly to: string; readonly taskId: string; readonly messageId: string }
  /** A follower asks the leader for a list its backend gives: consult and transfer destinations, or the outdial origins. */
  | { readonly kind: 'destinations'; readonly from: string; readonly to: string; readonly id: number; readonly list: DestinationKind; readonly taskId?: string }
  | { readonly kind: 'outdial-origins'; readonly from: string; readonly to: string; readonly id: number }
  /** The leader's answer to `destinations` or `outdial-origins` (an empty list when its backend failed). */
  | { readonly kind: 'list-result'; readonly from: string; readonly to: string; readonly id: number; readonly items: readonly (DestinationOption | OutdialOrigin)[] };

/** A store action as it can travel: a task's audio track stays in the tab that has it (the leader). */
export function actionForWire(action: StoreAction): StoreAction {
  return action.type === 'task-media' ? { ...action, track: null } : action;
}

/** The state's maps keyed by names from outside (request keys, task ids): null-prototype records in the store. */
const MAPS = ['pending', 'errors', 'media', 'taskCapabilities', 'messages', 'typing'] as const;

const dict = <T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> =>
  Object.assign(Object.create(null) as Record<string, T>, entries);

/** `incoming`, with each entry equal to `before`'s replaced by `before`'s own (or `before` itself when all are). */
function keepRecord<T>(before: Readonly<Record<string, T>>, incoming: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const keys = Object.keys(incoming);
  let same = keys.length === Object.keys(before).length;
  const next: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const key of keys) {
    const kept = Object.hasOwn(before, key) && equal(before[key], incoming[key]);
    next[key] = kept ? before[key] : incoming[key];
    if (!kept) same = false;
  }
  return same ? before : next;
}

function keepTasks(before: readonly TaskSnapshot[], incoming: readonly TaskSnapshot[]): readonly TaskSnapshot[] {
  let same = before.length === incoming.length;
  const next = incoming.map((task, i) => {
    const old = before.find((t) => t.id === task.id);
    if (old && equal(old, task)) {
      if (before[i] !== old) same = false;
      return old;
    }
    same = false;
    return task;
  });
  return same ? before : next;
}

/**
 * The leader's state as this store should hold it: what did not change keeps its identity (down to each task
 * and each map entry), the maps get their null prototype back, and nothing changed gives `before` itself.
 */
export function reconcile(before: DeskState, incoming: DeskState): DeskState {
  const next: Record<string, unknown> = {};
  let same = true;
  for (const key of Object.keys(incoming) as (keyof DeskState)[]) {
    let value: unknown;
    if ((MAPS as readonly string[]).includes(key)) {
      value = keepRecord(before[key] as Record<string, unknown>, dict(incoming[key] as Record<string, unknown>));
    } else if (key === 'tasks') {
      value = keepTasks(before.tasks, incoming.tasks);
    } else if (key === 'selectedTaskId') {
      // The selected task is this tab's own choice (its task panel's tab), not the leader's: kept while the
      // leader still has that task.
      value = incoming.tasks.some((t) => t.id === before.selectedTaskId) ? before.selectedTaskId : null;
    } else {
      value = equal(before[key], incoming[key]) ? before[key] : incoming[key];
    }
    if (value !== before[key]) same = false;
    next[key] = value;
  }
  return same && Object.keys(before).length === Object.keys(incoming).length ? before : (next as unknown as DeskState);
}

/**
 * What a new leader may sign in again with, or null. An access token, a username and password, or nothing at
 * all (a session the host's server issues or the page holds) can be used again; an OAuth sign-in cannot (its
 * round trip would take the whole tab to the sign-in page), so the agent is asked again.
 */
export function reusable(credentials: Credentials): Credentials | null {
  if (credentials.oauth) return null;
  const kept: { accessToken?: string; username?: string; password?: string } = {};
  if (typeof credentials.accessToken === 'string') kept.accessToken = credentials.accessToken;
  if (typeof credentials.username === 'string') kept.username = credentials.username;
  if (typeof credentials.password === 'string') kept.password = credentials.password;
  return kept;
}

/** A copy of a request's checked detail that can travel (fields a page added that cannot be copied are dropped). */
export function cloneable<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value ?? null)) as T;
  }
}
