import type { RequestDetails, RequestName } from './events.js';

/**
 * The kit's request names, in a map without a prototype: `constructor`, `toString` or `__proto__` are not
 * request names, and neither is an outcome such as `cc-ready`.
 */
const REQUEST_NAMES: Readonly<Record<string, true>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, true>, {
    'cc-sign-in-request': true,
    'cc-sign-out-request': true,
    'cc-station-login-request': true,
    'cc-station-logout-request': true,
    'cc-agent-state-request': true,
    'cc-task-accept-request': true,
    'cc-task-decline-request': true,
    'cc-task-hold-request': true,
    'cc-task-resume-request': true,
    'cc-task-mute-request': true,
    'cc-task-recording-pause-request': true,
    'cc-task-recording-resume-request': true,
    'cc-task-consult-request': true,
    'cc-task-consult-end-request': true,
    'cc-task-transfer-request': true,
    'cc-task-consult-transfer-request': true,
    'cc-task-end-request': true,
    'cc-wrapup-request': true,
    'cc-outdial-request': true,
    'cc-upload-logs-request': true,
  } satisfies Record<RequestName, true>),
);

/** True for the name of one of the kit's requests, and for nothing else. */
export const isRequestName = (name: unknown): name is RequestName => typeof name === 'string' && REQUEST_NAMES[name] === true;

/** A short, printable excerpt of any value, for a message: never the whole of a long or odd input. */
export function excerpt(value: unknown, max = 40): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** What a value is, in words, for "must be text, not …". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/** Reads one field: returns the value to keep, or throws the problem in words. */
type Field = (value: unknown, name: string) => unknown;

class Malformed extends Error {}

const fail = (message: string): never => {
  throw new Malformed(message);
};

const text: Field = (value, name) => (typeof value === 'string' ? value : fail(`${name} must be text, not ${kindOf(value)}.`));

/** An optional field: absent, undefined or null are all "not given". */
const optional =
  (field: Field): Field =>
  (value, name) =>
    value === undefined || value === null ? undefined : field(value, name);

const oneOf =
  (...allowed: string[]): Field =>
  (value, name) =>
    typeof value === 'string' && allowed.includes(value)
      ? value
      : fail(`${name} must be one of ${allowed.join(', ')}, not ${typeof value === 'string' ? excerpt(value) : kindOf(value)}.`);

const textList: Field = (value, name) => {
  if (!Array.isArray(value)) return fail(`${name} must be a list of text, not ${kindOf(value)}.`);
  return Object.freeze(value.map((v, i) => text(v, `${name}[${i}]`)));
};

type Shape = Readonly<Record<string, Field>>;

const object =
  (shape: Shape): Field =>
  (value, name) =>
    read(shape, value, name);

/**
 * Copies `value` (each getter read once), checking the fields the shape names. Fields it does not name pass
 * along unchecked: the kit never reads them. `path` is the field's name in messages ('' for the detail).
 */
function read(shape: Shape, value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${path || 'its detail'} must be an object, not ${kindOf(value)}.`);
  }
  const copy: Record<string, unknown> = { ...value };
  for (const key of Object.keys(shape)) {
    const kept = shape[key](copy[key], path ? `${path}.${key}` : key);
    if (kept === undefined) delete copy[key];
    else copy[key] = kept;
  }
  return Object.freeze(copy);
}

const task: Shape = { taskId: text };
const nothing: Shape = {};
const destination = object({ type: oneOf('agent', 'queue', 'dialNumber'), to: text, name: optional(text) });

/** The shape of each request's `detail`, as events.ts types it. */
const SHAPES: { readonly [N in RequestName]: Shape } = {
  'cc-sign-in-request': {
    accessToken: optional(text),
    oauth: optional(object({ clientId: text, redirectUri: text, scopes: optional(textList) })),
  },
  'cc-sign-out-request': nothing,
  'cc-station-login-request': { teamId: text, loginOption: text, dialNumber: optional(text) },
  'cc-station-logout-request': nothing,
  'cc-agent-state-request': { state: text, auxCodeId: text, reason: optional(text) },
  'cc-task-accept-request': task,
  'cc-task-decline-request': task,
  'cc-task-hold-request': task,
  'cc-task-resume-request': task,
  'cc-task-mute-request': task,
  'cc-task-recording-pause-request': task,
  'cc-task-recording-resume-request': task,
  'cc-task-consult-request': { taskId: text, destination },
  'cc-task-consult-end-request': task,
  'cc-task-transfer-request': { taskId: text, destination },
  'cc-task-consult-transfer-request': task,
  'cc-task-end-request': task,
  'cc-wrapup-request': { taskId: text, auxCodeId: text, notes: text },
  'cc-outdial-request': { number: text },
  'cc-upload-logs-request': nothing,
};

export type DetailCheck<N extends RequestName> = { readonly detail: RequestDetails[N] } | { readonly problem: string };

/**
 * Checks a request's `detail` against the shape its name promises, whatever a page put there (a string, a
 * number where text belongs, an object task id, a getter that throws). Returns a frozen copy of the fields
 * the kit reads, so nothing can change them while the request runs, or the problem in words.
 */
export function checkDetail<N extends RequestName>(name: N, detail: unknown): DetailCheck<N> {
  try {
    return { detail: read(SHAPES[name], detail, '') as unknown as RequestDetails[N] };
  } catch (err) {
    return { problem: err instanceof Malformed ? `This request is malformed: ${err.message}` : 'This request is malformed.' };
  }
}
