// The entry points: one file, opened (and created or upgraded) in one call.
import type { EventStore } from '@gridledger/core/store';
import { openFile, type SqliteOptions } from './connection.js';
import { createEventStore } from './eventStore.js';
import { createKeyStore, type SqliteKeyStore } from './keyStore.js';
import { createReadModelStore, type SqliteReadModelStore } from './readModelStore.js';

/** The event store and the read-model store of one file, on one connection. */
export interface SqliteGridledger {
  /** The absolute path of the file. */
  readonly file: string;
  readonly events: EventStore;
  readonly readModels: SqliteReadModelStore;
  /** The subjects' keys for personal data (see `createPersonalDataEncoder`). */
  readonly keys: SqliteKeyStore;
  /** Ends live subscriptions and closes the file. */
  close(): Promise<void>;
}

/**
 * Opens (creating if needed, upgrading if older) a Gridledger SQLite file and returns its event
 * store and read-model store, sharing one connection. Throws SqliteUnavailableError when the
 * file is locked, unreadable, not a Gridledger file, from a newer version, or corrupt.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteGridledger {
  const opened = openFile(file, options);
  const events = createEventStore(opened.lease());
  const readModels = createReadModelStore(opened.lease());
  const keys = createKeyStore(opened.lease());
  return {
    file: opened.file,
    events,
    readModels,
    keys,
    async close() {
      await events.close();
      await readModels.close();
      await keys.close();
    },
  };
}

/** Opens only the event store of a file; see `openSqlite`. */
export function openSqliteEventStore(file: string, options: SqliteOptions = {}): EventStore {
  return createEventStore(openFile(file, options).lease());
}

/** Opens only the read-model store of a file; see `openSqlite`. */
export function openSqliteReadModelStore(
  file: string,
  options: SqliteOptions = {},
): SqliteReadModelStore {
  return createReadModelStore(openFile(file, options).lease());
}

/** Opens only the key store of a file; see `openSqlite`. */
export function openSqliteKeyStore(file: string, options: SqliteOptions = {}): SqliteKeyStore {
  return createKeyStore(openFile(file, options).lease());
}
