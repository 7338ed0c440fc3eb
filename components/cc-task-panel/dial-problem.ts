import { DIAL_DIGITS, countDigits, dialNumberProblem, quoteValue } from '../../src/core/dial.js';
import type { PanelView } from './view.js';

/**
 * What is wrong with a typed dial number, in words that state the rule; null when it fits. `emptyKey` says
 * what to ask for when nothing was typed (the number to dial, the number to call).
 */
export function dialProblem(view: PanelView, value: string, emptyKey: 'dialEmpty' | 'outdialEmpty'): string | null {
  const problem = dialNumberProblem(value);
  if (!problem) return null;
  if (problem === 'empty') return view.t(emptyKey);
  const key = problem === 'short' ? 'dialTooShort' : problem === 'long' ? 'dialTooLong' : 'dialInvalid';
  return view.t(key, { value: quoteValue(value), count: countDigits(value), min: DIAL_DIGITS.min, max: DIAL_DIGITS.max });
}
