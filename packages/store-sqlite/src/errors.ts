// Turns better-sqlite3's errors into Gridledger's typed errors, by the driver's `code` (never by
// message text), so no raw driver error ever reaches a caller.
import {
  StoreUnavailableError,
  isGridledgerError,
  isStoreUnavailable,
} from '@gridledger/core/store';

/** Why a SQLite file could not serve. Stable identifiers a caller can branch on. */
export type SqliteUnavailableReason =
  /** Another connection held the write lock past the busy timeout. */
  | 'locked'
  /** The file is not an SQLite database at all (e.g. junk bytes, an encrypted file). */
  | 'not-a-database'
  /** An SQLite database that Gridledger did not create (foreign tables or application id). */
  | 'not-gridledger'
  /** Written by a newer Gridledger whose schema this version does not know. */
  | 'newer-schema'
  /** Written by an older Gridledger; it must be opened writable once to upgrade. */
  | 'needs-upgrade'
  /** SQLite found damaged pages. */
  | 'corrupt'
  /** The file or its directory cannot be opened, read or written (permissions, missing path). */
  | 'unreadable'
  /** A write on a store opened with `readonly: true`, or a file the process may not write. */
  | 'read-only'
  /** The disk is full or the operating system reported an I/O error. */
  | 'io'
  /** The store was closed. */
  | 'closed'
  /** Any other driver failure (the cause carries the driver's code). */
  | 'driver';

/** A StoreUnavailableError (code `STORE_UNAVAILABLE`) that also says which file and why. */
export class SqliteUnavailableError extends StoreUnavailableError {
  readonly file: string;
  readonly reason: SqliteUnavailableReason;
  constructor(
    file: string,
    reason: SqliteUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`sqlite:${file}`, `${message} [${reason}]`, options);
    this.file = file;
    this.reason = reason;
  }
}

/** True for a SqliteUnavailableError from any copy of this package. */
export function isSqliteUnavailable(error: unknown): error is SqliteUnavailableError {
  return (
    isStoreUnavailable(error) &&
    typeof (error as { reason?: unknown }).reason === 'string' &&
    typeof (error as { file?: unknown }).file === 'string'
  );
}

/** The driver's result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`, …), if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** True when the driver refused a row because (stream, version) or position already exists. */
export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The primary result code of an extended one: `SQLITE_IOERR_SHORT_READ` → `SQLITE_IOERR`. */
function primaryCode(code: string): string {
  const second = code.indexOf('_', 'SQLITE_'.length);
  return second === -1 ? code : code.slice(0, second);
}

const reasons: Readonly<Record<string, readonly [SqliteUnavailableReason, string]>> = {
  SQLITE_BUSY: ['locked', 'the file is locked by another connection past the busy timeout'],
  SQLITE_LOCKED: ['locked', 'the database is locked by this connection'],
  SQLITE_NOTADB: ['not-a-database', 'the file is not an SQLite database'],
  SQLITE_CORRUPT: ['corrupt', 'the database file is corrupt'],
  SQLITE_CANTOPEN: ['unreadable', 'the file cannot be opened'],
  SQLITE_PERM: ['unreadable', 'permission denied'],
  SQLITE_AUTH: ['unreadable', 'access denied'],
  SQLITE_READONLY: ['read-only', 'the database is read-only'],
  SQLITE_FULL: ['io', 'the disk is full'],
  SQLITE_IOERR: ['io', 'the operating system reported an I/O error'],
  SQLITE_NOMEM: ['io', 'SQLite ran out of memory'],
  SQLITE_PROTOCOL: ['locked', 'the WAL lock protocol failed repeatedly'],
};

/**
 * Maps any error thrown while talking to SQLite to a typed one. Gridledger errors pass through;
 * driver errors become SqliteUnavailableError naming the file, with the driver error as cause.
 */
export function toStoreError(file: string, error: unknown, doing: string): Error {
  if (isGridledgerError(error)) return error;
  const code = sqliteCode(error);
  if (code === undefined) {
    const text = error instanceof Error ? error.message : String(error);
    return new SqliteUnavailableError(file, 'driver', `cannot ${doing}: ${text}`, {
      cause: error,
    });
  }
  const [reason, what] = reasons[primaryCode(code)] ?? ['driver', `SQLite failed with ${code}`];
  return new SqliteUnavailableError(file, reason, `cannot ${doing}: ${what} (${code})`, {
    cause: error,
  });
}
