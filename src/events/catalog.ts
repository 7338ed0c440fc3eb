import type { OutcomeName, RequestName } from './events.js';

export interface CatalogEntry {
  readonly kind: 'outcome' | 'request';
  /** What `detail` holds, in words (the types are in events.ts). */
  readonly detail: string;
  readonly summary: string;
}

/** Every event of the kit, for host pages, documentation and framework wrappers. */
export const eventCatalog: Readonly<Record<OutcomeName | RequestName, CatalogEntry>> = {
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
  'cc-connection-change': { kind: 'outcome', detail: "{status: 'connected'|'reconnecting'|'offline'}", summary: 'The connection to the contact center changed.' },
  'cc-error': { kind: 'outcome', detail: '{action, code, message}', summary: 'An action failed or an input was refused.' },
  'cc-sign-in-request': { kind: 'request', detail: '{credential} (a sealed token), {accessToken} or {oauth: {clientId, redirectUri, scopes, state}}; frozen', summary: 'Sign in.' },
  'cc-sign-out-request': { kind: 'request', detail: '{}', summary: 'Sign out: station logout, then deregister.' },
  'cc-station-login-request': { kind: 'request', detail: '{teamId, loginOption, dialNumber}', summary: 'Log in to a station.' },
  'cc-station-logout-request': { kind: 'request', detail: '{}', summary: 'Log out of the station.' },
  'cc-agent-state-request': { kind: 'request', detail: "{state: 'Available'|'Idle', auxCodeId}", summary: "Change the agent's state." },
  'cc-task-accept-request': { kind: 'request', detail: '{taskId}', summary: 'Accept an offer.' },
  'cc-task-decline-request': { kind: 'request', detail: '{taskId}', summary: 'Decline an offer.' },
  'cc-task-hold-request': { kind: 'request', detail: '{taskId}', summary: 'Put a call on hold.' },
  'cc-task-resume-request': { kind: 'request', detail: '{taskId}', summary: 'Resume a held call.' },
  'cc-task-mute-request': { kind: 'request', detail: '{taskId}', summary: 'Mute or unmute the agent.' },
  'cc-task-recording-pause-request': { kind: 'request', detail: '{taskId}', summary: 'Pause the recording.' },
  'cc-task-recording-resume-request': { kind: 'request', detail: '{taskId}', summary: 'Resume the recording.' },
  'cc-task-consult-request': { kind: 'request', detail: '{taskId, destination: {type, to}}', summary: 'Consult an agent, a queue or a dial number.' },
  'cc-task-consult-end-request': { kind: 'request', detail: '{taskId}', summary: 'End the consult.' },
  'cc-task-transfer-request': { kind: 'request', detail: '{taskId, destination: {type, to}}', summary: 'Transfer the task.' },
  'cc-task-consult-transfer-request': { kind: 'request', detail: '{taskId}', summary: 'Transfer to the consulted party.' },
  'cc-task-end-request': { kind: 'request', detail: '{taskId}', summary: 'End the task.' },
  'cc-wrapup-request': { kind: 'request', detail: '{taskId, auxCodeId, notes}', summary: 'Wrap up a task with a code and notes.' },
  'cc-outdial-request': { kind: 'request', detail: '{number}', summary: 'Place an outbound call.' },
  'cc-upload-logs-request': { kind: 'request', detail: '{}', summary: "Upload the backend's logs for support." },
};

export const outcomeEvents = Object.keys(eventCatalog).filter((n) => eventCatalog[n as OutcomeName].kind === 'outcome') as OutcomeName[];
export const requestEvents = Object.keys(eventCatalog).filter((n) => eventCatalog[n as RequestName].kind === 'request') as RequestName[];
