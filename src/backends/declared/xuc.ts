import type { SignInDescriptor } from '../../core/types.js';

/**
 * How an agent signs in to XiVO's XuC: the XiVO username and password (exchanged for a token at
 * `auth/login`, never kept). Loaded with the registry, before the XuC backend.
 */
export const xucSignIn: SignInDescriptor = Object.freeze({
  methods: Object.freeze([{ kind: 'password' as const }]),
  strings: Object.freeze({
    usernameHint: 'Your XiVO username and password.',
  }),
});
