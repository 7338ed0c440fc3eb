// Where the companion keeps the tokens of each browser session: a pluggable store.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The tokens of one signed-in browser session. Only the server ever sees this record. */
export interface SessionRecord {
  readonly accessToken: string;
  /** Epoch milliseconds when the access token expires (from `expires_in`). */
  readonly expiresAt: number;
  readonly refreshToken: string;
  /** Epoch milliseconds when the refresh token expires (from `refresh_token_expires_in`), when Webex says. */
  readonly refreshExpiresAt?: number;
  /** Epoch milliseconds of the sign-in. */
  readonly createdAt: number;
}

/**
 * A session store. Each call is one atomic step: `set` replaces the whole record at once (the access token and the
 * rotated refresh token together), so a crash never leaves a new access token next to an old, spent refresh token.
 * A database adapter implements these three methods (a row per session id, an `UPDATE … SET` of all columns).
 */
export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  set(id: string, record: SessionRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** The default store: the server's memory (sessions end when the process does). */
export function memoryStore(): SessionStore {
  const records = new Map<string, SessionRecord>();
  return {
    async get(id) {
      return records.get(id);
    },
    async set(id, record) {
      records.set(id, Object.freeze({ ...record }));
    },
    async delete(id) {
      records.delete(id);
    },
  };
}

/**
 * A store in one JSON file, for a single server process that must keep its sessions over a restart. Every write
 * goes to a temporary file first and is renamed over the old one (atomic on POSIX file systems), one write at a
 * time. The file holds refresh tokens: keep it out of the web root, readable by the server's user only (mode 0600).
 */
export function fileStore(path: string): SessionStore {
  let records: Record<string, SessionRecord> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<Record<string, SessionRecord>> => {
    if (records) return records;
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
      records = parsed && typeof parsed === 'object' ? (parsed as Record<string, SessionRecord>) : {};
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      records = {};
    }
    return records;
  };
  const save = async (): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(records), { mode: 0o600 });
    await rename(temp, path);
  };
  /** One change at a time, in order. */
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    get: (id) => serial(async () => (await load())[id]),
    set: (id, record) =>
      serial(async () => {
        const all = await load();
        all[id] = { ...record };
        await save();
      }),
    delete: (id) =>
      serial(async () => {
        const all = await load();
        if (!(id in all)) return;
        delete all[id];
        await save();
      }),
  };
}
