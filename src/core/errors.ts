/** Stable error codes. Hosts may switch on them; messages are for people and may change. */
export const ERROR_CODES = [
  'unknown-backend',
  'invalid-scenario',
  'invalid-request',
  'unknown-request',
  'unknown-task',
  'invalid-dial-number',
  'invalid-state',
  'not-signed-in',
  'not-registered',
  'not-logged-in',
  'task-active',
  'auth-failed',
  'token-expired',
  'offline',
  'timeout',
  'rejected',
  'unsupported',
  'backend-error',
] as const;

export type CcErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable form of an error, as carried by `cc-error` and kept in the store next to its action. */
export interface CcErrorInfo {
  readonly action: string;
  readonly code: CcErrorCode;
  readonly message: string;
}

export class CcError extends Error {
  override readonly name = 'CcError';
  constructor(
    readonly code: CcErrorCode,
    message: string,
    readonly action = '',
  ) {
    super(message);
  }

  /** Turns anything thrown by a backend into a CcError, keeping its code when it has one. */
  static from(err: unknown, action: string): CcError {
    if (err instanceof CcError) return err.action ? err : new CcError(err.code, err.message, action);
    const message = err instanceof Error ? err.message : typeof err === 'string' ? err : 'The action failed.';
    return new CcError('backend-error', message || 'The action failed.', action);
  }

  toJSON(): CcErrorInfo {
    return { action: this.action, code: this.code, message: this.message };
  }
}
