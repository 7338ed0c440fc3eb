/**
 * The backend toolkit: what every backend needs besides its own network calls. A backend imports the core
 * and this folder only.
 */
export { BackendEvents } from './events.js';
export { ConnectionState } from './connection.js';
export { Cleanup, type Emitter } from './cleanup.js';
export { text, num, positive, flag, isRecord, record, texts } from './coerce.js';
export { OptionReader, attributeName } from './options.js';
export { withTimeout, delay } from './timeout.js';
export { TokenWatch } from './token-watch.js';
export { TaskBook, QUIET_CALL, startLife, connect, hold, endForWrapup, taskSnapshot, syncEvent, type TaskLife, type TaskFacts } from './task-book.js';
export { fetchServerToken, serverSignInUrl, ServerSessionEnded, type ServerToken } from './server-token.js';
