import { ACTIONS, REQUEST_NAMES } from '../core/actions.js';
import type { OutcomeName, RequestName } from './events.js';

export interface CatalogEntry {
  readonly kind: 'outcome' | 'request';
  /** What `detail` holds, in words (the types are in events.ts). */
  readonly detail: string;
  readonly summary: string;
}

const OUTCOMES: Readonly<Record<OutcomeName, CatalogEntry>> = {
  'cc-ready': { kind: 'outcome', detail: '{backend}', summary: 'The backend is connected and the agent signed in.' },
  'cc-registered': { kind: 'outcome', detail: '{profile}', summary: "The agent's profile: teams, login options, idle and wrap-up codes." },
  'cc-signed-out': { kind: 'outcome', detail: '{reason}', summary: 'The agent is signed out.' },
  'cc-auth-expiring': { kind: 'outcome', detail: '{expiresAt}', summary: 'The access token expires soon.' },
  'cc-station-login': { kind: 'outcome', detail: '{teamId, loginOption, dialNumber}', summary: 'The agent is logged in to a station.' },
  'cc-station-logout': { kind: 'outcome', detail: '{reason}', summary: 'The agent is logged out of the station.' },
  'cc-agent-state-change': { kind: 'outcome', detail: "{state, auxCodeId, reason, by: 'agent'|'remote'|'system'}", summary: "The agent's state changed." },
  'cc-task-incoming': { kind: 'outcome', detail: '{task}', summary: 'A task is offered: the screen-pop hook.' },
  'cc-task-hydrate': { kind: 'outcome', detail: '{task}', summary: 'A task is restored after a reload or a reconnect.' },
  'cc-task-assigned': { kind: 'outcome', detail: '{task}', summary: 'The agent is connected to a task.' },
  'cc-task-change': { kind: 'outcome', detail: '{task, change}', summary: 'A task was held, resumed, muted, unmuted, had its recording paused or resumed, or was consulted or transferred.' },
  'cc-task-end': { kind: 'outcome', detail: '{task, wrapupRequired}', summary: 'A task ended.' },
  'cc-task-wrapup': { kind: 'outcome', detail: '{task, auxCodeId, notes}', summary: 'A task was wrapped up: the call-logging hook.' },
  'cc-task-rejected': { kind: 'outcome', detail: "{task, reason: 'declined'|'rona'|'cancelled'}", summary: 'An offer was declined, not answered in time, or withdrawn.' },
  'cc-message': {
    kind: 'outcome',
    detail: "{task, message: {id, taskId, from: 'customer'|'agent'|'system', author, text, subject, at}}",
    summary: "A message of a conversation: the customer's or a system line as it arrives, the agent's once sent. Once per message: the transcript-logging hook.",
  },
  'cc-connection-change': { kind: 'outcome', detail: "{status: 'connected'|'reconnecting'|'offline'}", summary: 'The connection to the contact center changed.' },
  'cc-error': { kind: 'outcome', detail: '{action, code, message}', summary: 'An action failed or an input was refused.' },
  'cc-tab-role': {
    kind: 'outcome',
    detail: "{role: 'leader'|'follower'|'independent', previous}",
    summary: "This tab's part in the agent's session: it owns the backend (leader), mirrors the tab that does (follower), or has a session of its own (independent).",
  },
  'cc-queue-stats': {
    kind: 'outcome',
    detail: '{queues: [{queueId, queueName, waiting, longestWaitSeconds, agentsAvailable, agentsTalking, answered, abandoned, at}]}',
    summary: "Queue statistics changed: every queue's latest figures. Only with `<cc-sdk stats-events>`; once per change of the figures, not per report.",
  },
  'cc-agent-stats': {
    kind: 'outcome',
    detail: '{stats: {handled, averageHandleSeconds, missed, stateSeconds, at}}',
    summary: "The agent's own statistics changed. Only with `<cc-sdk stats-events>`; once per change of the figures, not per report.",
  },
  'cc-preflight': {
    kind: 'outcome',
    detail: "{backend, outcome: 'pass'|'warning'|'failure', checks: [{check, status, code, message}], at}",
    summary: 'A `<cc-preflight>` run finished: each check with its fix in words, for a support ticket (no secret in it).',
  },
};

/** The request rows, from the action table. */
const REQUESTS = Object.fromEntries(
  REQUEST_NAMES.map((name): [RequestName, CatalogEntry] => [name, { kind: 'request', detail: ACTIONS[name].detailText, summary: ACTIONS[name].summary }]),
) as Record<RequestName, CatalogEntry>;

/** Every event of the kit, for host pages, documentation and framework wrappers: the outcomes, then the requests. */
export const eventCatalog: Readonly<Record<OutcomeName | RequestName, CatalogEntry>> = { ...OUTCOMES, ...REQUESTS };

export const outcomeEvents = Object.keys(eventCatalog).filter((n) => eventCatalog[n as OutcomeName].kind === 'outcome') as OutcomeName[];
export const requestEvents = Object.keys(eventCatalog).filter((n) => eventCatalog[n as RequestName].kind === 'request') as RequestName[];
