import type { StoreAction, DeskState } from '../core/store.js';
import { equal } from '../core/store.js';
import type { ConversationMessage, TaskChange, TaskSnapshot } from '../core/types.js';
import { CcOutcomeEvent, outcome } from './events.js';
import { errorDetail } from '../core/errors.js';
import { englishMessage } from '../core/messages.js';

/** What changed between two snapshots of one task, in the words of `cc-task-change`. */
export function taskChanges(before: TaskSnapshot, after: TaskSnapshot): TaskChange[] {
  const changes: TaskChange[] = [];
  if (before.held !== after.held) changes.push(after.held ? 'held' : 'resumed');
  if (before.muted !== after.muted) changes.push(after.muted ? 'muted' : 'unmuted');
  if (before.recordingPaused !== after.recordingPaused) {
    changes.push(after.recordingPaused ? 'recording-paused' : 'recording-resumed');
  }
  if (!before.consult && after.consult) changes.push('consult-started');
  if (before.consult?.state === 'ringing' && after.consult?.state === 'connected') changes.push('consult-answered');
  // Joining the consult into a conference is the news, not the consult's end.
  if (!before.conference && after.conference) changes.push('conference-started');
  else if (before.consult && !after.consult) changes.push('consult-ended');
  if (before.conference && !after.conference) changes.push('conference-ended');
  // Someone joined or left a conference that goes on (its start and end say so themselves).
  if (before.conference && after.conference && !equal(before.participants ?? [], after.participants ?? [])) changes.push('participants');
  return changes;
}

/** A message the host page hears: delivered (a customer's or a system line, an agent's once sent). */
const delivered = (m: ConversationMessage | undefined): boolean => !!m && (m.delivery === undefined || m.delivery === 'sent');

/**
 * `cc-message` for each message that is delivered now and was not before (new, or an agent's pending message
 * just sent): once per message, whatever the backend repeats. A failed message is not announced until it goes.
 */
function messageOutcomes(before: DeskState, after: DeskState): CcOutcomeEvent[] {
  const events: CcOutcomeEvent[] = [];
  for (const taskId of Object.keys(after.messages)) {
    const thread = after.messages[taskId];
    const earlier = before.messages[taskId];
    if (thread === earlier) continue;
    const task = after.tasks.find((t) => t.id === taskId);
    if (!task) continue;
    for (const message of thread) {
      if (delivered(message) && !delivered(earlier?.find((m) => m.id === message.id))) {
        events.push(outcome('cc-message', { task, message }));
      }
    }
  }
  return events;
}

/** The outcome events one task's transition announces. */
function taskTransition(action: StoreAction, before: TaskSnapshot | undefined, after: TaskSnapshot | undefined): CcOutcomeEvent[] {
  const events: CcOutcomeEvent[] = [];
  if (!before && after) {
    // An offer first seen in a re-sync (it rang while the connection was down) is still an offer: the page's
    // screen pop hangs on cc-task-incoming.
    if (after.state === 'offered') events.push(outcome('cc-task-incoming', { task: after }));
    else if (action.type === 'task-assigned') events.push(outcome('cc-task-assigned', { task: after }));
    else events.push(outcome('cc-task-hydrate', { task: after }));
    return events;
  }
  if (before && after) {
    // An ending drops hold, mute and consult with it: announce the end, not each of those.
    if (before.state !== 'wrapup' && after.state === 'wrapup') return [outcome('cc-task-end', { task: after, wrapupRequired: true })];
    if (before.state === 'offered' && after.state === 'connected') events.push(outcome('cc-task-assigned', { task: after }));
    for (const change of taskChanges(before, after)) events.push(outcome('cc-task-change', { task: after, change }));
    return events;
  }
  if (before && !after) {
    if (action.type === 'task-wrapped-up') {
      events.push(outcome('cc-task-wrapup', { task: action.task, auxCodeId: action.auxCodeId, notes: action.notes }));
    } else if (action.type === 'task-rejected') {
      events.push(outcome('cc-task-rejected', { task: action.task, reason: action.reason }));
    } else if (before.state === 'offered') {
      events.push(outcome('cc-task-rejected', { task: before, reason: 'cancelled' }));
    } else if (before.state === 'connected') {
      const task = action.type === 'task-ended' ? action.task : before;
      events.push(outcome('cc-task-end', { task, wrapupRequired: false }));
    }
  }
  return events;
}

/** What a desk announces beyond the agent and its tasks. */
export interface OutcomeOptions {
  /**
   * Announce statistics (`cc-queue-stats`, `cc-agent-stats`): off unless the host asks (`<cc-sdk stats-events>`).
   * Backends report figures on a timer (the simulator every 10 s, XuC as XiVO pushes them); a host that does
   * not use them hears no event it did not ask for, and the outcome sequence of the agent and the tasks stays
   * what it is.
   */
  readonly stats?: boolean;
}

/** Figures without their report time: a report that changes nothing but `at` is no news. */
const figures = (value: unknown): string => JSON.stringify(value, (key, v: unknown) => (key === 'at' ? undefined : v));

/**
 * The outcome events a store transition announces. Computed from what really changed, so that an event
 * the backend repeats (a re-sync after a reconnect, a duplicate push) is announced once only.
 */
export function outcomesFor(action: StoreAction, before: DeskState, after: DeskState, options: OutcomeOptions = {}): CcOutcomeEvent[] {
  const events: CcOutcomeEvent[] = [];
  // The contract hosts log: action, code and the English message (the message's key stays in the store).
  if (action.type === 'error') return [outcome('cc-error', errorDetail(action.error))];
  if (action.type === 'settled' && action.error) return [outcome('cc-error', errorDetail(action.error))];
  // A transfer changes nothing in the snapshot the agent holds: the task then ends as usual.
  if (action.type === 'task-updated' && action.transferred && before.tasks.some((t) => t.id === action.task.id)) {
    events.push(outcome('cc-task-change', { task: action.task, change: 'transferred' }));
  }
  // Leaving a conference that goes on: the page hears it, then the task's end for the agent, as usual.
  if (action.type === 'task-updated' && action.left && before.tasks.some((t) => t.id === action.task.id)) {
    events.push(outcome('cc-task-change', { task: action.task, change: 'conference-left' }));
  }
  if (before === after) return events;

  if (before.connection !== after.connection && after.connection !== 'idle' && after.connection !== 'connecting') {
    events.push(outcome('cc-connection-change', { status: after.connection }));
  }
  if (before.session.status !== 'signed-in' && after.session.status === 'signed-in' && after.backend) {
    events.push(outcome('cc-ready', { backend: after.backend }));
  }
  if (after.profile && before.profile !== after.profile) {
    events.push(outcome('cc-registered', { profile: after.profile }));
  }
  if (action.type === 'auth-expiring' && before.session.expiresAt !== after.session.expiresAt) {
    events.push(outcome('cc-auth-expiring', { expiresAt: action.expiresAt }));
  }
  if (!before.session.expired && after.session.expired) {
    events.push(outcome('cc-error', { action: 'session', code: 'token-expired', message: englishMessage({ key: 'sessionExpired' }) }));
  }
  if (after.station && !equal(before.station, after.station)) {
    events.push(outcome('cc-station-login', after.station));
  }
  if (before.station && !after.station && after.session.status === 'signed-in') {
    events.push(outcome('cc-station-logout', { reason: action.type === 'station-logout' ? action.reason : 'Logged out' }));
  }
  if (after.agent && before.agent !== after.agent) {
    const { state, auxCodeId, reason, by } = after.agent;
    events.push(outcome('cc-agent-state-change', { state, auxCodeId, reason, by }));
  }
  if (before.tasks !== after.tasks) {
    const ids = new Set([...before.tasks.map((t) => t.id), ...after.tasks.map((t) => t.id)]);
    for (const id of ids) {
      const b = before.tasks.find((t) => t.id === id);
      const a = after.tasks.find((t) => t.id === id);
      if (b !== a) events.push(...taskTransition(action, b, a));
    }
  }
  // A conversation's history, re-sent to a session that picks it up, was announced to the page before.
  if (before.messages !== after.messages && !(action.type === 'message' && action.history)) events.push(...messageOutcomes(before, after));
  // Statistics, when asked for: once per change of the figures (a timer's report of the same figures is silent).
  if (options.stats && action.type === 'queue-stats' && figures(before.queueStats) !== figures(after.queueStats)) {
    events.push(outcome('cc-queue-stats', { queues: after.queueStats }));
  }
  if (options.stats && action.type === 'agent-stats' && after.agentStats && figures(before.agentStats) !== figures(after.agentStats)) {
    events.push(outcome('cc-agent-stats', { stats: after.agentStats }));
  }
  if (before.session.status === 'signed-in' && after.session.status !== 'signed-in') {
    events.push(outcome('cc-signed-out', { reason: action.type === 'signed-out' ? action.reason : 'Signed out' }));
  }
  return events;
}
