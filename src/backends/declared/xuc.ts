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
