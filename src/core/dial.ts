import { englishMessage, type MessageRef } from './messages.js';
import type { DialRule, LoginOption, Profile } from './types.js';

/** Login options that need a dial number. */
export const needsDialNumber = (option: LoginOption): boolean => option === 'AGENT_DN' || option === 'EXTENSION';

/**
 * The rule for a number a consult, a transfer or an outbound call may go to: an optional leading `+`, then
 * 3 to 15 digits (15 is the longest international number, E.164), which spaces, dashes and brackets may
 * separate (`+1 (415) 555-0123`).
 */
export const DIAL_DIGITS = Object.freeze({ min: 3, max: 15 });

/** What is wrong with a dial number: nothing typed, a character that is not allowed, too few or too many digits. */
export type DialProblem = 'empty' | 'characters' | 'short' | 'long';

const ALLOWED = /^\+?[0-9 ()-]+$/;

/** The problem of a consult, transfer or outdial number, or null when it fits the rule. */
export function dialNumberProblem(value: unknown): DialProblem | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return 'empty';
  if (!ALLOWED.test(text)) return 'characters';
  const digits = countDigits(text);
  if (digits < DIAL_DIGITS.min) return 'short';
  if (digits > DIAL_DIGITS.max) return 'long';
  return null;
}

export const countDigits = (value: string): number => value.replace(/[^0-9]/g, '').length;

/** The same rule as a regular expression, for code that wants one. */
export const DIAL_NUMBER = /^(?=\+?[0-9 ()-]+$)(?:[^0-9]*[0-9]){3,15}[^0-9]*$/;

/** True when a consult, transfer or outdial number fits the rule (see `DIAL_DIGITS`). */
export const isDialNumber = (value: unknown): boolean => dialNumberProblem(value) === null;

/** A value quoted in a message, cut short when it is long (a message never repeats a pasted page). */
export function quoteValue(value: string, max = 40): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

/**
 * The explanation of a dial number that does not fit the rule, naming the rule itself, as a message (key and
 * values, see messages.ts); null when it fits.
 */
export function dialNumberMessageRef(value: unknown): MessageRef | null {
  const problem = dialNumberProblem(value);
  if (!problem) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const rule = { min: DIAL_DIGITS.min, max: DIAL_DIGITS.max };
  switch (problem) {
    case 'empty':
      return { key: 'dialEmpty', values: rule };
    case 'characters':
      return { key: 'dialCharacters', values: { value: quoteValue(text), ...rule } };
    case 'short':
      return { key: 'dialShort', values: { value: quoteValue(text), count: countDigits(text), ...rule } };
    case 'long':
      return { key: 'dialLong', values: { value: quoteValue(text), count: countDigits(text), ...rule } };
  }
}

/**
 * The English explanation of a dial number that does not fit the rule, naming the rule itself; null when it
 * fits. Used by the Desk's checks and by the simulator (widgets have their own replaceable strings).
 */
export function dialNumberMessage(value: unknown): string | null {
  const ref = dialNumberMessageRef(value);
  return ref ? englishMessage(ref) : null;
}

/** Checks a dial number against the profile's rule for a login option: the problem as a message, or null. */
export function dialNumberLoginProblem(profile: Profile, option: LoginOption, dialNumber: string | undefined): MessageRef | null {
  if (!needsDialNumber(option)) return null;
  const value = (dialNumber ?? '').trim();
  const rule = profile.dialRules[option];
  if (!value) return { key: option === 'EXTENSION' ? 'enterExtension' : 'enterDialNumber' };
  if (rule && !new RegExp(`^(?:${rule.pattern})$`).test(value)) {
    return { key: option === 'EXTENSION' ? 'badExtension' : 'badDialNumber', values: { value: quoteValue(value), example: rule.example } };
  }
  return null;
}

/**
 * Checks a dial number against the profile's rule for a login option.
 * Returns an explanation for the agent (in English) when it does not fit, or null when it does.
 */
export function checkDialNumber(profile: Profile, option: LoginOption, dialNumber: string | undefined): string | null {
  const ref = dialNumberLoginProblem(profile, option, dialNumber);
  return ref ? englishMessage(ref) : null;
}

/** A dial rule in numbers: how many digits it takes, and whether a leading + is required, optional or refused. */
export interface DialShape {
  readonly min: number;
  readonly max: number;
  readonly plus: 'required' | 'optional' | 'none';
}

const MAX_PROBE = 20;

/**
 * Reads a profile's dial rule (a pattern and an example) as numbers, by trying the example's digits at every
 * length, with and without a leading +. Null when no length fits (a pattern of another shape): then the
 * messages show the example instead.
 */
export function dialShape(rule: DialRule): DialShape | null {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${rule.pattern})$`);
  } catch {
    return null;
  }
  const digits = rule.example.replace(/[^0-9]/g, '') || '1';
  const fits = (plus: boolean) => {
    const lengths: number[] = [];
    for (let n = 1; n <= MAX_PROBE; n++) {
      const candidate = digits.repeat(Math.ceil(n / digits.length)).slice(0, n);
      if (pattern.test(`${plus ? '+' : ''}${candidate}`)) lengths.push(n);
    }
    return lengths;
  };
  const withPlus = fits(true);
  const without = fits(false);
  const lengths = withPlus.length > 0 ? withPlus : without;
  if (lengths.length === 0) return null;
  const plus = withPlus.length === 0 ? 'none' : without.length === 0 ? 'required' : 'optional';
  return { min: Math.min(...lengths), max: Math.max(...lengths), plus };
}
