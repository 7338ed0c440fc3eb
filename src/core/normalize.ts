/**
 * The contract's edge: every event a backend delivers passes through here before it reaches the store.
 * Backends are written by different people against SDKs and servers the kit does not control, so a task may
 * arrive with a number where a name belongs, an object as a CAD value, a media type nobody planned for, or a key
 * such as `constructor` or `__proto__`. What leaves this module has exactly the shapes of `types.ts`: text as
 * strings, times as finite numbers or null, flags as booleans, unknown media as `other`. An event that cannot be
 * made sense of (a task without an id) is dropped, and the Desk reports it instead of rendering it.
 */
import type { BackendEvent } from './backend.js';
import { ERROR_CODES } from './errors.js';
import type {
  AgentStateName,
  AgentStateSnapshot,
  AgentStats,
  AuxCode,
  Capabilities,
  ConversationMessage,
  Consult,
  MessageDelivery,
  Destination,
  DestinationType,
  MediaType,
  Participant,
  Profile,
  QueueStats,
  Station,
  TaskSnapshot,
  TaskState,
  Team,
} from './types.js';

const MEDIA_TYPES: readonly MediaType[] = ['telephony', 'chat', 'email', 'social', 'other'];
const TASK_STATES: readonly TaskState[] = ['offered', 'connected', 'wrapup'];
const DESTINATION_TYPES: readonly DestinationType[] = ['agent', 'queue', 'dialNumber', 'entryPoint'];
const AGENT_STATES: readonly AgentStateName[] = ['Available', 'Idle', 'RONA', 'AfterCall'];
const MESSAGE_SOURCES: readonly ConversationMessage['from'][] = ['customer', 'agent', 'system'];
const DELIVERIES: readonly MessageDelivery[] = ['pending', 'sent', 'failed'];

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Reads an own property only: `constructor` or `toString` on a plain object never answers from its prototype. */
const own = (record: Loose, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);

/** Any value as text: strings as they are, numbers and booleans written out, objects as JSON, nothing as ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** An optional text field: left out when the backend left it out, text (even empty) otherwise. */
const optionalText = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : asText(value));
const time = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const flag = (value: unknown): boolean => value === true;
/** A count or a duration: a finite number ≥ 0 (a numeric string too), else null. */
const amount = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
};
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Call-associated data as text by text, with every key an own property (even `__proto__`). */
function cadOf(value: unknown): Readonly<Record<string, string>> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.keys(value).map((key) => [key, asText(value[key])]));
}

function destinationOf(value: unknown): Destination | null {
  if (!isObject(value)) return null;
  const type = oneOf(own(value, 'type'), DESTINATION_TYPES);
  const to = asText(own(value, 'to'));
  if (!type || !to) return null;
  const name = optionalText(own(value, 'name'));
  return { type, to, ...(name !== undefined ? { name } : {}) };
}

function consultOf(value: unknown): Consult | null {
  if (!isObject(value)) return null;
  const destination = destinationOf(own(value, 'destination'));
  if (!destination) return null;
  return {
    destination,
    state: own(value, 'state') === 'connected' ? 'connected' : 'ringing',
    startedAt: time(own(value, 'startedAt')) ?? 0,
  };
}

const PARTICIPANT_ROLES: readonly Participant['role'][] = ['customer', 'agent', 'consulted'];

/** A conference's party of the right shape, or null without an id; an unknown role is an agent's. */
function participantOf(value: unknown): Participant | null {
  if (!isObject(value)) return null;
  const id = asText(own(value, 'id'));
  if (!id) return null;
  const name = optionalText(own(value, 'name'));
  const number = optionalText(own(value, 'number'));
  const muted = own(value, 'muted');
  const held = own(value, 'held');
  return {
    id,
    role: oneOf(own(value, 'role'), PARTICIPANT_ROLES) ?? 'agent',
    ...(name !== undefined ? { name } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(own(value, 'self') === true ? { self: true } : {}),
    ...(typeof muted === 'boolean' ? { muted } : {}),
    ...(typeof held === 'boolean' ? { held } : {}),
  };
}

/** A task snapshot of the right shape, or null when it has no usable id or state. */
export function normalizeTask(value: unknown): TaskSnapshot | null {
  if (!isObject(value)) return null;
  const id = asText(own(value, 'id'));
  const state = oneOf(own(value, 'state'), TASK_STATES);
  if (!id || typeof own(value, 'id') === 'object' || !state) return null;
  const queue = own(value, 'queue');
  const customerName = optionalText(own(value, 'customerName'));
  const subject = optionalText(own(value, 'subject'));
  return {
    id,
    mediaType: oneOf(own(value, 'mediaType'), MEDIA_TYPES) ?? 'other',
    direction: own(value, 'direction') === 'outbound' ? 'outbound' : 'inbound',
    state,
    ani: asText(own(value, 'ani')),
    ...(customerName !== undefined ? { customerName } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(isObject(queue) ? { queue: { id: asText(own(queue, 'id')), name: asText(own(queue, 'name')) } } : {}),
    offeredAt: time(own(value, 'offeredAt')) ?? 0,
    ronaAt: time(own(value, 'ronaAt')),
    connectedAt: time(own(value, 'connectedAt')),
    endedAt: time(own(value, 'endedAt')),
    held: flag(own(value, 'held')),
    heldAt: time(own(value, 'heldAt')),
    muted: flag(own(value, 'muted')),
    recording: flag(own(value, 'recording')),
    recordingPaused: flag(own(value, 'recordingPaused')),
    consult: consultOf(own(value, 'consult')),
    ...(flag(own(value, 'conference')) ? { conference: true } : {}),
    ...(Array.isArray(own(value, 'participants')) ? { participants: listOf(own(value, 'participants'), participantOf) } : {}),
    wrapupRequired: flag(own(value, 'wrapupRequired')),
    autoWrapupAt: time(own(value, 'autoWrapupAt')),
    cad: cadOf(own(value, 'cad')),
    ...previewOf(own(value, 'preview')),
  };
}

/** A campaign preview offer's campaign, when the task is one. */
function previewOf(value: unknown): { preview?: { campaign: string } } {
  if (!isObject(value)) return {};
  return { preview: { campaign: asText(own(value, 'campaign')) } };
}

function namedOf<T extends Team | AuxCode>(value: unknown): T | null {
  if (!isObject(value)) return null;
  const id = asText(own(value, 'id'));
  if (!id) return null;
  return { id, name: asText(own(value, 'name')) || id, ...(own(value, 'isDefault') === true ? { isDefault: true } : {}) } as T;
}

const listOf = <T>(value: unknown, each: (v: unknown) => T | null): T[] =>
  Array.isArray(value) ? value.map(each).filter((v): v is T => v !== null) : [];

function profileOf(profile: Profile): Profile {
  const raw = profile as unknown as Loose;
  return {
    ...profile,
    agentId: asText(own(raw, 'agentId')),
    agentName: asText(own(raw, 'agentName')),
    teams: listOf(own(raw, 'teams'), (v) => namedOf<Team>(v)),
    idleCodes: listOf(own(raw, 'idleCodes'), (v) => namedOf<AuxCode>(v)),
    wrapupCodes: listOf(own(raw, 'wrapupCodes'), (v) => namedOf<AuxCode>(v)),
    loginOptions: listOf(own(raw, 'loginOptions'), (v) => oneOf(v, ['BROWSER', 'AGENT_DN', 'EXTENSION'] as const) ?? null),
  };
}

function agentOf(agent: AgentStateSnapshot | null): AgentStateSnapshot | null {
  if (!isObject(agent)) return null;
  // A state the kit does not know is not shown as one: the event is dropped (a backend maps its own states).
  if (!oneOf(own(agent, 'state'), AGENT_STATES)) return null;
  const reason = optionalText(own(agent, 'reason'));
  return {
    ...agent,
    auxCodeId: asText(own(agent, 'auxCodeId')),
    since: time(own(agent, 'since')) ?? 0,
    ...(reason !== undefined ? { reason } : {}),
  };
}

function stationOf(station: Station | null): Station | null {
  if (!isObject(station)) return null;
  const dialNumber = optionalText(own(station, 'dialNumber'));
  return { ...station, teamId: asText(own(station, 'teamId')), ...(dialNumber !== undefined ? { dialNumber } : {}) };
}

/** A queue's figures with every count a number ≥ 0, or null without a queue id. */
function queueStatsOf(value: unknown): QueueStats | null {
  if (!isObject(value)) return null;
  const queueId = asText(own(value, 'queueId'));
  if (!queueId || typeof own(value, 'queueId') === 'object') return null;
  const optional = (key: 'agentsAvailable' | 'agentsTalking' | 'answered' | 'abandoned') => {
    const n = amount(own(value, key));
    return n === null ? {} : { [key]: n };
  };
  return {
    queueId,
    queueName: asText(own(value, 'queueName')) || queueId,
    waiting: amount(own(value, 'waiting')) ?? 0,
    longestWaitSeconds: amount(own(value, 'longestWaitSeconds')) ?? 0,
    ...optional('agentsAvailable'),
    ...optional('agentsTalking'),
    ...optional('answered'),
    ...optional('abandoned'),
    at: time(own(value, 'at')) ?? 0,
  };
}

function agentStatsOf(value: unknown): AgentStats | null {
  if (!isObject(value)) return null;
  const missed = amount(own(value, 'missed'));
  const handled = amount(own(value, 'handled'));
  const states = own(value, 'stateSeconds');
  const stateSeconds: Partial<Record<AgentStateName, number>> = {};
  if (isObject(states)) {
    for (const name of AGENT_STATES) {
      const n = amount(own(states, name));
      if (n !== null) stateSeconds[name] = n;
    }
  }
  return {
    ...(handled !== null ? { handled } : {}),
    averageHandleSeconds: amount(own(value, 'averageHandleSeconds')),
    ...(missed !== null ? { missed } : {}),
    ...(isObject(states) ? { stateSeconds } : {}),
    at: time(own(value, 'at')) ?? 0,
  };
}

/** A conversation message as text, or null without an id or a task. */
function messageOf(value: unknown): ConversationMessage | null {
  if (!isObject(value)) return null;
  const id = asText(own(value, 'id'));
  const taskId = asText(own(value, 'taskId'));
  if (!id || !taskId || typeof own(value, 'id') === 'object' || typeof own(value, 'taskId') === 'object') return null;
  const author = optionalText(own(value, 'author'));
  const subject = optionalText(own(value, 'subject'));
  const from = oneOf(own(value, 'from'), MESSAGE_SOURCES) ?? 'system';
  // Only an agent's message is on its way; an unknown delivery state is a delivered message.
  const delivery = from === 'agent' ? oneOf(own(value, 'delivery'), DELIVERIES) : undefined;
  return {
    id,
    taskId,
    from,
    ...(author !== undefined ? { author } : {}),
    text: asText(own(value, 'text')),
    ...(subject !== undefined ? { subject } : {}),
    at: time(own(value, 'at')) ?? 0,
    ...(delivery ? { delivery } : {}),
  };
}

/** The on/off capabilities, each a boolean in the store whatever the backend sent (anything but `true` is off). */
const CAPABILITY_FLAGS = [
  'hold', 'mute', 'recording', 'consult', 'transfer', 'consultTransfer', 'wrapupCodes', 'oauth', 'outdial', 'uploadLogs', 'dtmf',
  'conference', 'messaging', 'cancelAutoWrapup',
] as const satisfies readonly Exclude<keyof Capabilities, 'mediaTypes' | 'externalSession'>[];

/** Capabilities of the right shape, or null when the backend sent no object. */
export function capabilitiesOf(value: unknown): Capabilities | null {
  if (!isObject(value)) return null;
  const mediaTypes = listOf(own(value, 'mediaTypes'), (v) => oneOf(v, MEDIA_TYPES) ?? null);
  const flags = Object.fromEntries(CAPABILITY_FLAGS.map((key) => [key, flag(own(value, key))])) as Record<(typeof CAPABILITY_FLAGS)[number], boolean>;
  // The optional switches are on unless said off: only a `false` is kept.
  const off = Object.fromEntries(OPTIONAL_FLAGS.filter((key) => own(value, key) === false).map((key) => [key, false]));
  // The extras are off unless said on: only a `true` is kept.
  const extras = Object.fromEntries(EXTRA_FLAGS.filter((key) => own(value, key) === true).map((key) => [key, true]));
  return { mediaTypes, ...flags, ...(own(value, 'externalSession') === true ? { externalSession: true } : {}), ...off, ...extras };
}

const OPTIONAL_FLAGS = ['accept', 'decline', 'end', 'endConsult', 'consultQueue', 'conferenceLeave', 'conferenceTransfer'] as const satisfies readonly (keyof Capabilities)[];
const EXTRA_FLAGS = ['entryPoints', 'addressBook'] as const satisfies readonly (keyof Capabilities)[];

const EVENT_TYPES = new Set<string>([
  'connection', 'signed-in', 'registered', 'signed-out', 'auth-expiring', 'auth-expired', 'station-login',
  'station-logout', 'agent-state', 'task-offered', 'task-hydrated', 'task-assigned', 'task-updated', 'task-ended',
  'task-wrapped-up', 'task-rejected', 'task-media', 'sync', 'error', 'queue-stats', 'agent-stats', 'message',
  'capabilities', 'typing',
] satisfies BackendEvent['type'][]);

/** What is wrong with an event that had to be dropped, for the Desk to report. */
export interface Dropped {
  readonly dropped: string;
}

/**
 * The event with every piece of data in the shape the store expects, or a `Dropped` explanation when the
 * event carries a task the kit cannot identify.
 */
export function normalizeEvent(event: BackendEvent): BackendEvent | Dropped {
  if (!isObject(event) || !EVENT_TYPES.has(asText(own(event, 'type')))) {
    return { dropped: `The backend sent an event the kit does not know (${asText(isObject(event) ? own(event, 'type') : event).slice(0, 40) || typeof event}).` };
  }
  switch (event.type) {
    case 'task-offered':
    case 'task-hydrated':
    case 'task-assigned':
    case 'task-updated':
    case 'task-ended':
    case 'task-wrapped-up':
    case 'task-rejected': {
      const task = normalizeTask(event.task);
      if (!task) return { dropped: `The backend sent a ${event.type} event with a task that has no usable id or state.` };
      if (event.type === 'task-wrapped-up') {
        return { ...event, task, auxCodeId: asText(event.auxCodeId), notes: asText(event.notes) };
      }
      return { ...event, task } as BackendEvent;
    }
    case 'task-media':
      return { ...event, taskId: asText(event.taskId) };
    case 'sync':
      return {
        ...event,
        station: stationOf(event.station),
        agent: agentOf(event.agent),
        tasks: listOf(event.tasks, normalizeTask),
      };
    case 'registered':
      return isObject(event.profile) ? { ...event, profile: profileOf(event.profile) } : { dropped: 'The backend sent a profile that is not an object.' };
    case 'agent-state': {
      const agent = agentOf(event.agent);
      return agent ? { ...event, agent } : { dropped: 'The backend sent an agent state that is not an object or not one of the kit\'s states.' };
    }
    case 'queue-stats': {
      const raw: unknown = own(event as unknown as Loose, 'queues');
      if (!Array.isArray(raw)) return { dropped: 'The backend sent queue statistics that are not a list.' };
      return { type: 'queue-stats', queues: listOf(raw, queueStatsOf) };
    }
    case 'agent-stats': {
      const stats = agentStatsOf(own(event as unknown as Loose, 'stats'));
      return stats ? { type: 'agent-stats', stats } : { dropped: 'The backend sent agent statistics that are not an object.' };
    }
    case 'message': {
      const message = messageOf(own(event as unknown as Loose, 'message'));
      if (!message) return { dropped: 'The backend sent a message without an id or a task.' };
      return own(event as unknown as Loose, 'history') === true ? { type: 'message', message, history: true } : { type: 'message', message };
    }
    case 'typing': {
      const taskId: unknown = own(event as unknown as Loose, 'taskId');
      if (typeof taskId !== 'string' || !taskId) return { dropped: 'The backend sent a typing event without a task.' };
      return { type: 'typing', taskId, typing: own(event as unknown as Loose, 'typing') === true };
    }
    case 'capabilities': {
      const capabilities = capabilitiesOf(own(event as unknown as Loose, 'capabilities'));
      if (!capabilities) return { dropped: 'The backend sent capabilities that are not an object.' };
      const taskId: unknown = own(event as unknown as Loose, 'taskId');
      if (taskId === undefined || taskId === null) return { type: 'capabilities', capabilities };
      return typeof taskId === 'string' && taskId
        ? { type: 'capabilities', capabilities, taskId }
        : { dropped: 'The backend sent capabilities for a task without a usable id.' };
    }
    case 'station-login': {
      const station = stationOf(event.station);
      return station ? { ...event, station } : { dropped: 'The backend sent a station that is not an object.' };
    }
    case 'error': {
      const error: unknown = own(event as unknown as Loose, 'error');
      const info = isObject(error) ? error : {};
      const code = oneOf(own(info, 'code'), ERROR_CODES) ?? 'backend-error';
      return { type: 'error', error: { action: asText(own(info, 'action')), code, message: asText(own(info, 'message')) || 'The backend reported an error.' } };
    }
    case 'station-logout':
    case 'signed-out':
      return { ...event, reason: asText(event.reason) };
    default:
      return event;
  }
}
