import type { Capabilities } from './types.js';

/**
 * Everything the Backend contract can do. A backend that can do less spreads this and turns off what it
 * cannot (`{...ALL_CAPABILITIES, consult: false}`), and widgets hide those controls.
 */
export const ALL_CAPABILITIES: Capabilities = Object.freeze<Capabilities>({
  mediaTypes: Object.freeze(['telephony', 'chat', 'email', 'social'] as const),
  hold: true,
  mute: true,
  recording: true,
  consult: true,
  transfer: true,
  consultTransfer: true,
  wrapupCodes: true,
  oauth: true,
  outdial: true,
  uploadLogs: true,
});
