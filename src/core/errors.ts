import { englishMessage, type MessageKey, type MessageRef, type MessageValue } from './messages.js';

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

/**
 * The serialisable form of an error, as kept in the store next to its action. `cc-error` carries its
 * `action`, `code` and English `message`; an error the kit made also has the `key` and `values` of its
 * message (see messages.ts), which the widgets word in the agent's language.
 */
export interface CcErrorInfo {
  readonly action: string;
  readonly code: CcErrorCode;
  readonly message: string;
  readonly key?: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

export class CcError extends Error {
  override readonly name = 'CcError';
  /** The key and values of the message, when the kit made it (text from the network has none). */
  readonly text: MessageRef | undefined;
  constructor(
    readonly code: CcErrorCode,
    message: string,
    readonly action = '',
    text?: MessageRef,
  ) {
    super(message);
    this.text = text;
  }

  /** An error of the kit's own words: its English message made from the key and values (messages.ts). */
  static of(code: CcErrorCode, text: MessageRef, action = ''): CcError {
    return new CcError(code, englishMessage(text), action, text);
  }

  /** Turns anything thrown by a backend into a CcError, keeping its code (and message key) when it has one. */
  static from(err: unknown, action: string): CcError {
    if (err instanceof CcError) return err.action ? err : new CcError(err.code, err.message, action, err.text);
    const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
    return message ? new CcError('backend-error', message, action) : CcError.of('backend-error', { key: 'actionFailed' }, action);
  }

  /** Its serialisable form: `{action, code, message}`, plus `key` and `values` when the kit made it. */
  toJSON(): CcErrorInfo {
    const info = { action: this.action, code: this.code, message: this.message };
    if (!this.text) return info;
    return this.text.values ? { ...info, key: this.text.key, values: this.text.values } : { ...info, key: this.text.key };
  }
}

/** What `cc-error` carries of an error: its action, code and English message (the contract hosts log). */
export const errorDetail = (info: CcErrorInfo): CcErrorInfo => ({ action: info.action, code: info.code, message: info.message });
