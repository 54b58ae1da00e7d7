// One open SQLite file: the better-sqlite3 connection with Gridledger's pragmas and schema, a
// change feed for subscriptions, and a reference count so the event store and the read-model
// store can share it.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ValidationError, type ValidationIssue } from '@gridledger/core/store';
import { ChangeFeed, announceCommit } from './changeFeed.js';
import { SqliteUnavailableError, toStoreError } from './errors.js';
import { migrate } from './schema.js';

export interface SqliteOptions {
  /** How often a live subscription looks for commits made by other processes. Default 100 ms. */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another connection's write lock before failing. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** Open for reading only: appends and saves fail; the schema must already be current. */
  readonly readonly?: boolean;
  /**
   * `full` (default): every commit is fsynced, so an acknowledged append survives power loss.
   * `normal`: commits survive a crash of the process, but the last ones may be lost if the
   * machine loses power. Both keep every append all-or-nothing.
   */
  readonly synchronous?: 'full' | 'normal';
}

const DEFAULT_POLL_INTERVAL_MS = 100;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * One user's lease on an open file. Each user (the event store, the read-model store) holds its
 * own lease, so closing one refuses further calls through it while the other keeps working; the
 * file closes when the last lease is released.
 */
export interface SqliteConnection {
  readonly db: Database.Database;
  /** The absolute path (or `:memory:`), used in names and error messages. */
  readonly file: string;
  readonly readonly: boolean;
  readonly changes: ChangeFeed;
  /** False once this lease (or the whole file) is closed. */
  readonly isOpen: boolean;
  /** Runs `work` against the open connection, turning any driver error into a typed error. */
  use<T>(doing: string, work: (db: Database.Database) => T): T;
  /** Wakes every subscriber in this process; call after each commit that adds events. */
  committed(): void;
  /** Ends this lease; idempotent. */
  release(): void;
}

/** Refuses `doing` (a write) through a connection opened with `readonly: true`. */
export function assertWritable(
  connection: Pick<SqliteConnection, 'file' | 'readonly'>,
  doing: string,
): void {
  if (connection.readonly) {
    throw new SqliteUnavailableError(
      connection.file,
      'read-only',
      `cannot ${doing}: opened with readonly: true`,
    );
  }
}

/** An open file that hands out leases. */
export interface SqliteFile {
  readonly file: string;
  lease(): SqliteConnection;
}

function checkOptions(options: SqliteOptions): void {
  const issues: ValidationIssue[] = [];
  const positive = (name: 'pollIntervalMs' | 'busyTimeoutMs', min: number): void => {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
      issues.push({ path: name, message: `must be a whole number ≥ ${min}, got ${String(value)}` });
    }
  };
  positive('pollIntervalMs', 1);
  positive('busyTimeoutMs', 0);
  const { synchronous } = options;
  if (synchronous !== undefined && synchronous !== 'full' && synchronous !== 'normal') {
    issues.push({
      path: 'synchronous',
      message: `must be 'full' or 'normal', got ${String(synchronous)}`,
    });
  }
  if (issues.length > 0) throw new ValidationError('SQLite store options', issues);
}

/** The key under which connections to one file find each other in this process. */
function fileKey(file: string): string | undefined {
  if (file === ':memory:' || file === '') return undefined;
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

export function openFile(file: string, options: SqliteOptions = {}): SqliteFile {
  if (typeof file !== 'string' || file === '') {
    throw new ValidationError('SQLite store', [
      { path: 'file', message: 'must be a non-empty path' },
    ]);
  }
  checkOptions(options);
  const path = file === ':memory:' ? file : resolve(file);
  const readonly = options.readonly ?? false;
  if (path !== ':memory:' && !existsSync(dirname(path))) {
    // Checked here because the driver reports it as a plain TypeError without a code.
    throw new SqliteUnavailableError(
      path,
      'unreadable',
      `cannot open the file: its directory ${dirname(path)} does not exist`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(path, {
      readonly,
      fileMustExist: readonly,
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    throw toStoreError(path, error, 'open the file');
  }
  try {
    if (!readonly) {
      // WAL lets readers (and other processes' subscriptions) run while one writer commits.
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      // Keep the WAL from staying huge after a burst of appends.
      db.pragma('journal_size_limit = 67108864');
    }
    migrate(db, path, readonly);
  } catch (error) {
    db.close();
    throw toStoreError(path, error, 'open the file');
  }

  const key = fileKey(path);
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const changes = new ChangeFeed(
    key,
    options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    () => dataVersion.get() as number,
  );
  let leases = 0;
  let fileOpen = true;

  const lease = (): SqliteConnection => {
    if (!fileOpen) {
      throw new SqliteUnavailableError(path, 'closed', 'cannot open a store: the file is closed');
    }
    leases++;
    let open = true;
    return {
      db,
      file: path,
      readonly,
      changes,
      get isOpen() {
        return open && fileOpen;
      },
      use(doing, work) {
        if (!open || !fileOpen) {
          throw new SqliteUnavailableError(path, 'closed', `cannot ${doing}: the store is closed`);
        }
        try {
          return work(db);
        } catch (error) {
          throw toStoreError(path, error, doing);
        }
      },
      committed() {
        if (key === undefined) changes.wakeAll();
        else announceCommit(key);
      },
      release() {
        if (!open) return;
        open = false;
        leases--;
        if (leases > 0) return;
        fileOpen = false;
        changes.close();
        db.close();
      },
    };
  };
  return { file: path, lease };
}
