/**
 * An access token sealed in an opaque handle. `<cc-auth>` puts the handle, not the token, in the
 * `cc-sign-in-request` it dispatches, so the listeners that see the request (every one on `document`, since
 * it bubbles and is composed) cannot read the token; only the Desk behind `<cc-sdk>` redeems it, once.
 *
 * The token lives in a WeakMap private to this module, keyed by the handle: the handle itself holds nothing,
 * prints as `[access token]`, serialises to the same, and is frozen.
 */
const sealed = new WeakMap<SealedToken, string>();

export class SealedToken {
  /** Use `sealToken()`. */
  private constructor() {
    Object.freeze(this);
  }

  /** @internal */
  static create(): SealedToken {
    return new SealedToken();
  }

  toString(): string {
    return '[access token]';
  }

  toJSON(): string {
    return '[access token]';
  }
}

/** Seals a token in a new handle. */
export function sealToken(token: string): SealedToken {
  const handle = SealedToken.create();
  sealed.set(handle, token);
  return handle;
}

/** The token behind a handle, once: a handle redeemed (or never sealed here) gives null. */
export function redeemToken(handle: unknown): string | null {
  if (!(handle instanceof SealedToken)) return null;
  const token = sealed.get(handle) ?? null;
  sealed.delete(handle);
  return token;
}
