import { CcError } from '../../core/errors.js';
import type { MediaType } from '../../core/types.js';

export interface OfferSpec {
  readonly mediaType?: MediaType;
  readonly ani?: string;
  readonly customerName?: string;
  readonly subject?: string;
  readonly queueId?: string;
  readonly cad?: Readonly<Record<string, string>>;
}

/** One step of a scripted scenario, run `at` milliseconds after the scenario starts (simulator clock). */
export type ScenarioStep =
  | { readonly at: number; readonly action: 'offer'; readonly offer?: OfferSpec }
  | { readonly at: number; readonly action: 'supervisor-state'; readonly state: 'Available' | 'Idle'; readonly auxCodeId?: string }
  | { readonly at: number; readonly action: 'remote-logout'; readonly reason?: string }
  | { readonly at: number; readonly action: 'drop-connection'; readonly reconnectAfterMs?: number }
  | { readonly at: number; readonly action: 'expire-token'; readonly inMs?: number }
  | { readonly at: number; readonly action: 'customer-hangup'; readonly taskId?: string };

const MEDIA: readonly string[] = ['telephony', 'chat', 'email', 'social'];
const ACTIONS: readonly string[] = ['offer', 'supervisor-state', 'remote-logout', 'drop-connection', 'expire-token', 'customer-hangup'];

/** Built-in scenarios, by name. */
export const namedScenarios: Readonly<Record<string, readonly ScenarioStep[]>> = {
  quiet: [],
  'first-call': [{ at: 1500, action: 'offer', offer: { mediaType: 'telephony' } }],
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

/** Reads a scenario from a name, a JSON text or an array, and checks every step. Throws `invalid-scenario`. */
export function parseScenario(input: unknown): readonly ScenarioStep[] {
  let value = input;
  if (typeof value === 'string') {
    const text = value.trim();
    if (namedScenarios[text]) return namedScenarios[text];
    try {
      value = JSON.parse(text);
    } catch {
      return fail(`"${text.slice(0, 40)}" is neither a scenario name (${Object.keys(namedScenarios).join(', ')}) nor JSON.`);
    }
  }
  if (!Array.isArray(value)) return fail('expected an array of steps.');
  return value.map((raw, i): ScenarioStep => {
    if (!raw || typeof raw !== 'object') return fail(`step ${i + 1} is not an object.`);
    const step = raw as Record<string, unknown>;
    if (typeof step.at !== 'number' || !Number.isFinite(step.at) || step.at < 0) {
      return fail(`step ${i + 1} needs "at", a number of milliseconds ≥ 0.`);
    }
    if (typeof step.action !== 'string' || !ACTIONS.includes(step.action)) {
      return fail(`step ${i + 1} has an unknown action "${String(step.action)}" (one of ${ACTIONS.join(', ')}).`);
    }
    if (step.action === 'offer' && step.offer !== undefined) {
      const offer = step.offer as Record<string, unknown> | null;
      if (!offer || typeof offer !== 'object') return fail(`step ${i + 1}: "offer" must be an object.`);
      if (offer.mediaType !== undefined && !MEDIA.includes(offer.mediaType as string)) {
        return fail(`step ${i + 1}: unknown media type "${String(offer.mediaType)}".`);
      }
    }
    if (step.action === 'supervisor-state' && step.state !== 'Available' && step.state !== 'Idle') {
      return fail(`step ${i + 1}: "state" must be Available or Idle.`);
    }
    return step as unknown as ScenarioStep;
  });
}
