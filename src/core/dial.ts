import type { LoginOption, Profile } from './types.js';

/** Login options that need a dial number. */
export const needsDialNumber = (option: LoginOption): boolean => option === 'AGENT_DN' || option === 'EXTENSION';

/** A loose check for a dial number a consult or transfer may go to. */
export const DIAL_NUMBER = /^\+?[0-9][0-9 ()-]{2,20}$/;

/**
 * Checks a dial number against the profile's rule for a login option.
 * Returns an explanation for the agent when it does not fit, or null when it does.
 */
export function checkDialNumber(profile: Profile, option: LoginOption, dialNumber: string | undefined): string | null {
  if (!needsDialNumber(option)) return null;
  const value = (dialNumber ?? '').trim();
  const rule = profile.dialRules[option];
  if (!value) return option === 'EXTENSION' ? 'Enter your extension.' : 'Enter the number to ring.';
  if (rule && !new RegExp(`^(?:${rule.pattern})$`).test(value)) {
    return `${value} is not a valid ${option === 'EXTENSION' ? 'extension' : 'dial number'}. Use the form ${rule.example}.`;
  }
  return null;
}
