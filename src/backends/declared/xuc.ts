import type { PreflightPlan } from '../../core/preflight.js';
import type { SignInDescriptor } from '../../core/types.js';

/**
 * How an agent signs in to XiVO's XuC: the XiVO username and password (exchanged for a token at
 * `auth/login`, never kept); a script may also sign in with a XuC token the page already has. Loaded with the registry,
 * before the XuC backend.
 */
export const xucSignIn: SignInDescriptor = Object.freeze({
  methods: Object.freeze([{ kind: 'password' as const }]),
  // A XuC token the page already has (`{accessToken}`, checked with auth/check first), from a script.
  scripted: Object.freeze(['token' as const]),
  strings: Object.freeze({
    usernameHintXivo: 'Your XiVO username and password.',
  }),
  replaces: Object.freeze({ usernameHint: 'usernameHintXivo' }),
});

/** The XuC base URL from `<cc-sdk server="…">`, without anything after the origin (never a path or a query). */
function xucOrigin(server: unknown): string | null {
  if (typeof server !== 'string' || !server.trim()) return null;
  try {
    return `${new URL(server.trim(), globalThis.location?.href).origin}/`;
  } catch {
    return null;
  }
}

/**
 * XuC's preflight: the kit speaks to XuC over fetch and one WebSocket, and the agent's phone is a desk phone
 * or softphone (no browser audio: no microphone or speaker check); the XuC server (`server`) for reachability.
 */
export function xucPreflight(options: Readonly<Record<string, unknown>> = {}): PreflightPlan {
  return {
    checks: ['browser', 'reach', 'clock'],
    needs: ['WebSocket', 'fetch'],
    wants: ['Web Locks', 'BroadcastChannel'],
    reachUrl: xucOrigin(options.server),
    timeUrl: null,
  };
}
