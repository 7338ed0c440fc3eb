import { ACTIONS, REQUEST_NAMES, type CapabilityKey } from './actions.js';
import type { Backend } from './backend.js';
import type { Capabilities } from './types.js';

/**
 * Everything the Backend contract can do. A backend that can do less spreads this and turns off what it
 * cannot (`{...ALL_CAPABILITIES, consult: false}`), or simply lacks the methods (see `withMethods`), and
 * widgets hide those controls.
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
  dtmf: true,
  conference: true,
  messaging: true,
  conferenceLeave: true,
  conferenceTransfer: true,
  cancelAutoWrapup: true,
});

/** Each capability the action table gates, with the backend methods its actions call. */
const METHODS_OF: ReadonlyMap<CapabilityKey, readonly string[]> = REQUEST_NAMES.reduce((map, name) => {
  const { capability, method } = ACTIONS[name] as { capability?: CapabilityKey; method: string };
  if (capability) map.set(capability, [...(map.get(capability) ?? []), method]);
  return map;
}, new Map<CapabilityKey, string[]>());

/**
 * What a backend can really do: what it declares, AND what it has methods for. A capability whose actions
 * call a method the backend lacks is off (`hold` needs both `hold` and `resume`). Returns `declared` itself
 * when nothing is turned off.
 */
export function withMethods(declared: Capabilities, backend: Backend): Capabilities {
  const has = backend as unknown as Record<string, unknown>;
  // An optional switch left unsaid is on (see Capabilities): without its method it is off all the same.
  const off = [...METHODS_OF].filter(([key, methods]) => declared[key] !== false && methods.some((m) => typeof has[m] !== 'function')).map(([key]) => key);
  return off.length ? Object.freeze({ ...declared, ...Object.fromEntries(off.map((key) => [key, false])) }) : declared;
}

export { capabilitiesFor } from './actions.js';
