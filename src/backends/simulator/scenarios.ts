import { CcError } from '../../core/errors.js';
import { quoteValue } from '../../core/dial.js';
import type { MediaType } from '../../core/types.js';

export interface OfferSpec {
  readonly mediaType?: MediaType;
  readonly ani?: string;
  readonly customerName?: string;
  readonly subject?: string;
  readonly queueId?: string;
  readonly cad?: Readonly<Record<string, string>>;
  /** An outbound campaign's name: the offer is a preview of a customer to call, placed when the agent accepts. */
  readonly campaign?: string;
}

/** One step of a scripted scenario, run `at` milliseconds after the scenario starts (simulator clock). */
export type ScenarioStep =
  | { readonly at: number; readonly action: 'offer'; readonly offer?: OfferSpec }
  | { readonly at: number; readonly action: 'supervisor-state'; readonly state: 'Available' | 'Idle'; readonly auxCodeId?: string }
  | { readonly at: number; readonly action: 'remote-logout'; readonly reason?: string }
  | { readonly at: number; readonly action: 'drop-connection'; readonly reconnectAfterMs?: number }
  | { readonly at: number; readonly action: 'expire-token'; readonly inMs?: number }
  | { readonly at: number; readonly action: 'customer-hangup'; readonly taskId?: string }
  /** The customer of a chat, social or email task writes (the first connected one, when no task is named). */
  | { readonly at: number; readonly action: 'customer-message'; readonly text: string; readonly taskId?: string; readonly subject?: string }
  /** The customer of a chat or social task starts (or, with `typing: false`, stops) typing. */
  | { readonly at: number; readonly action: 'customer-typing'; readonly typing?: boolean; readonly taskId?: string };

const MEDIA: readonly string[] = ['telephony', 'chat', 'email', 'social'];
const ACTIONS: readonly string[] = [
  'offer', 'supervisor-state', 'remote-logout', 'drop-connection', 'expire-token', 'customer-hangup', 'customer-message', 'customer-typing',
];

/** Built-in scenarios, by name. */
export const namedScenarios: Readonly<Record<string, readonly ScenarioStep[]>> = {
  quiet: [],
  'first-call': [{ at: 1500, action: 'offer', offer: { mediaType: 'telephony' } }],
  /** A chat whose customer writes again and types while the agent reads (the demo's conversation). */
  'chat-conversation': [
    { at: 1000, action: 'offer', offer: { mediaType: 'chat', subject: 'Hi, my order has not arrived yet' } },
    { at: 4000, action: 'customer-typing' },
    { at: 6500, action: 'customer-message', text: 'It was supposed to come on Monday.' },
  ],
  'busy-hour': [
    { at: 2000, action: 'offer', offer: { mediaType: 'telephony' } },
    { at: 9000, action: 'offer', offer: { mediaType: 'chat' } },
    { at: 16000, action: 'offer', offer: { mediaType: 'email' } },
    { at: 30000, action: 'offer', offer: { mediaType: 'social' } },
  ],
};

const fail = (why: string): never => {
  throw new CcError('invalid-scenario', `The scenario is malformed: ${why}`, 'scenario');
};

/** The latest a step or a simulated delay may be: beyond it a number of milliseconds is no longer exact. */
export const LONGEST_MS = Number.MAX_SAFE_INTEGER;

/** A value shown in a message: short, whatever was passed (a message never repeats a megabyte of input). */
export const shown = (value: unknown): string => {
  let text: string;
  try {
    text =
      typeof value === 'string' ? value : Array.isArray(value) ? 'a list' : typeof value === 'object' && value ? 'an object' : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return quoteValue(text);
};

/** What is wrong with a number of milliseconds (`what` names it), or null. */
export function durationProblem(value: unknown, what: string): string | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LONGEST_MS
    ? null
    : `${what} must be a number of milliseconds from 0 to ${LONGEST_MS}, not ${shown(value)}.`;
}

const OFFER_TEXT = ['ani', 'customerName', 'subject', 'queueId', 'campaign'] as const;

/**
 * What is wrong with an offer (`offer()`, a scenario's offer step, a saved queue), or null. Every field is
 * optional; present ones must have their type: media one of the four, texts as text, CAD values as text.
 */
export function offerProblem(spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return `an offer must be an object, not ${shown(spec)}.`;
  const offer = spec as Record<string, unknown>;
  if (offer.mediaType !== undefined && !MEDIA.includes(offer.mediaType as string)) {
    return `unknown media type ${shown(offer.mediaType)} (one of ${MEDIA.join(', ')}).`;
  }
  for (const key of OFFER_TEXT) {
    if (offer[key] !== undefined && typeof offer[key] !== 'string') return `"${key}" must be text, not ${shown(offer[key])}.`;
  }
  if (offer.cad !== undefined) {
    if (typeof offer.cad !== 'object' || offer.cad === null || Array.isArray(offer.cad)) return `"cad" must be an object, not ${shown(offer.cad)}.`;
    for (const [key, value] of Object.entries(offer.cad)) {
      if (typeof value !== 'string') return `the CAD value ${shown(key)} must be text, not ${shown(value)}.`;
    }
  }
  return null;
}

/** What is wrong with the optional fields of a step other than an offer, or null. */
function stepProblem(step: Record<string, unknown>): string | null {
  const text = (key: string) => (step[key] !== undefined && typeof step[key] !== 'string' ? `"${key}" must be text, not ${shown(step[key])}.` : null);
  const ms = (key: string) => (step[key] !== undefined ? durationProblem(step[key], `"${key}"`) : null);
  switch (step.action) {
    case 'supervisor-state':
      return step.state !== 'Available' && step.state !== 'Idle' ? '"state" must be Available or Idle.' : text('auxCodeId');
    case 'remote-logout':
      return text('reason');
    case 'drop-connection':
      return step.reconnectAfterMs === null ? null : ms('reconnectAfterMs');
    case 'expire-token':
      return ms('inMs');
    case 'customer-hangup':
      return text('taskId');
    case 'customer-message':
      return typeof step.text !== 'string' || !step.text ? '"text" must be non-empty text.' : (text('taskId') ?? text('subject'));
    case 'customer-typing':
      return step.typing !== undefined && typeof step.typing !== 'boolean' ? `"typing" must be true or false, not ${shown(step.typing)}.` : text('taskId');
    default:
      return null;
  }
}

/** Reads a scenario from a name, a JSON text or an array, and checks every step. Throws `invalid-scenario`. */
export function parseScenario(input: unknown): readonly ScenarioStep[] {
  let value = input;
  if (typeof value === 'string') {
    const text = value.trim();
    if (Object.hasOwn(namedScenarios, text)) return namedScenarios[text];
    try {
      value = JSON.parse(text);
    } catch {
      return fail(`${shown(text)} is neither a scenario name (${Object.keys(namedScenarios).join(', ')}) nor JSON.`);
    }
  }
  if (!Array.isArray(value)) return fail('expected an array of steps.');
  return value.map((raw, i): ScenarioStep => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(`step ${i + 1} is not an object.`);
    const step = raw as Record<string, unknown>;
    const when = durationProblem(step.at, '"at"');
    if (when) return fail(`step ${i + 1}: ${when}`);
    if (typeof step.action !== 'string' || !ACTIONS.includes(step.action)) {
      return fail(`step ${i + 1} has an unknown action ${shown(step.action)} (one of ${ACTIONS.join(', ')}).`);
    }
    const problem = step.action === 'offer' ? (step.offer === undefined ? null : offerProblem(step.offer)) : stepProblem(step);
    if (problem) return fail(`step ${i + 1}: ${problem}`);
    return step as unknown as ScenarioStep;
  });
}
