import { ACTIONS, REQUEST_NAMES, excerpt, type FieldShape, type Fields, type RequestDetails, type RequestName } from '../core/actions.js';

import { englishMessage, type MessageRef } from '../core/messages.js';

export { excerpt };

/**
 * The kit's request names (the action table's keys), in a map without a prototype: `constructor`, `toString`
 * or `__proto__` are not request names, and neither is an outcome such as `cc-ready`.
 */
const IS_REQUEST: Readonly<Record<string, true>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, true>, Object.fromEntries(REQUEST_NAMES.map((name) => [name, true]))),
);

/** True for the name of one of the kit's requests, and for nothing else. */
export const isRequestName = (name: unknown): name is RequestName => typeof name === 'string' && IS_REQUEST[name] === true;

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
  (allowed: readonly string[]): Field =>
  (value, name) =>
    typeof value === 'string' && allowed.includes(value)
      ? value
      : fail(`${name} must be one of ${allowed.join(', ')}, not ${typeof value === 'string' ? excerpt(value) : kindOf(value)}.`);

const textList: Field = (value, name) => {
  if (!Array.isArray(value)) return fail(`${name} must be a list of text, not ${kindOf(value)}.`);
  return Object.freeze(value.map((v, i) => text(v, `${name}[${i}]`)));
};

type Shape = Readonly<Record<string, Field>>;

/** The reader of one field, from its shape in the action table. */
function fieldOf(field: FieldShape): Field {
  switch (field.kind) {
    case 'text':
      return text;
    case 'text-list':
      return textList;
    case 'one-of':
      return oneOf(field.values);
    case 'optional':
      return optional(fieldOf(field.field));
    case 'object': {
      const inner = shapeOf(field.fields);
      return (value, name) => read(inner, value, name);
    }
  }
}

const shapeOf = (fields: Fields): Shape => Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, fieldOf(field)]));

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

/** The shape of each request's `detail`, as the action table gives it. */
const SHAPES: { readonly [N in RequestName]: Shape } = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, shapeOf(ACTIONS[name].detail.fields)]),
) as { readonly [N in RequestName]: Shape };

/**
 * A checked detail, or the problem in English words (`problem`) and as a message (`text`, see messages.ts:
 * "This request is malformed: {problem}", the field's problem itself a developer's detail, in English).
 */
export type DetailCheck<N extends RequestName> = { readonly detail: RequestDetails[N] } | { readonly problem: string; readonly text?: MessageRef };

/**
 * Checks a request's `detail` against the shape its name promises, whatever a page put there (a string, a
 * number where text belongs, an object task id, a getter that throws). Returns a frozen copy of the fields
 * the kit reads, so nothing can change them while the request runs, or the problem in words.
 */
export function checkDetail<N extends RequestName>(name: N, detail: unknown): DetailCheck<N> {
  try {
    return { detail: read(SHAPES[name], detail, '') as unknown as RequestDetails[N] };
  } catch (err) {
    const text: MessageRef = err instanceof Malformed ? { key: 'malformedBecause', values: { problem: err.message } } : { key: 'malformed' };
    return { problem: englishMessage(text), text };
  }
}
