// The file format: versioned migrations, applied in order when a file is opened. `user_version`
// holds the schema version and `application_id` marks the file as Gridledger's.
import type { Database } from 'better-sqlite3';
import { SqliteUnavailableError } from './errors.js';

/** "GRDL" in ASCII: lets `file(1)` and this package tell a Gridledger file from other SQLite files. */
export const APPLICATION_ID = 0x4752444c;

export interface Migration {
  /** The schema version this step produces (1, 2, …). */
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * Every schema version, oldest first. Never edit a released step: files in the field were
 * written by it. Change the schema by appending a step.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'the event log',
    // `position` is the rowid: see appendEvents for why it is gap-free in commit order (and
    // step 3 for why it became AUTOINCREMENT).
    // The unique (stream_id, stream_version) index serves stream reads and, should two writers
    // ever both pass the version check, refuses the second row.
    sql: `
      CREATE TABLE events (
        position       INTEGER PRIMARY KEY,
        stream_id      TEXT    NOT NULL,
        stream_version INTEGER NOT NULL,
        event_id       TEXT    NOT NULL,
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX events_by_stream ON events (stream_id, stream_version);
    `,
  },
  {
    version: 2,
    description: 'read models for @gridledger/projections',
    sql: `
      CREATE TABLE read_models (
        key                TEXT    PRIMARY KEY,
        state              TEXT    NOT NULL,
        checkpoint         TEXT,
        projection_version INTEGER NOT NULL,
        events_applied     INTEGER NOT NULL,
        updated_at         TEXT    NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'positions are never given twice (AUTOINCREMENT)',
    // A plain rowid reuses the largest position once its row is gone; AUTOINCREMENT remembers the
    // largest ever given (sqlite_sequence). SQLite cannot add it to a table, so the log is copied
    // into a new one in position order, which also seeds sqlite_sequence with the largest.
    sql: `
      CREATE TABLE events_v3 (
        position       INTEGER PRIMARY KEY AUTOINCREMENT,
        stream_id      TEXT    NOT NULL,
        stream_version INTEGER NOT NULL,
        event_id       TEXT    NOT NULL,
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL
      ) STRICT;
      INSERT INTO events_v3
        SELECT position, stream_id, stream_version, event_id, type, schema_version, data, metadata
        FROM events ORDER BY position;
      DROP TABLE events;
      ALTER TABLE events_v3 RENAME TO events;
      CREATE UNIQUE INDEX events_by_stream ON events (stream_id, stream_version);
    `,
  },
  {
    version: 4,
    description: 'subject keys for personal data (crypto-shredding)',
    // Apart from the events: forgetting a subject deletes its rows (under secure_delete, so the
    // key's bytes are overwritten), and what was sealed with them can no longer be read.
    sql: `
      CREATE TABLE subject_keys (
        subject    TEXT NOT NULL,
        key_id     TEXT NOT NULL,
        key        BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (subject, key_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

/** The schema version this package writes. */
export const SCHEMA_VERSION = migrations.length;

interface FileIdentity {
  readonly applicationId: number;
  readonly userVersion: number;
  readonly objects: number;
}

function identify(db: Database): FileIdentity {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
    objects: db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number,
  };
}

/** Throws unless the file is an empty SQLite file or a Gridledger file this version can read. */
function check(file: string, identity: FileIdentity): void {
  const fresh =
    identity.applicationId === 0 && identity.userVersion === 0 && identity.objects === 0;
  if (!fresh && identity.applicationId !== APPLICATION_ID) {
    throw new SqliteUnavailableError(
      file,
      'not-gridledger',
      `the file is an SQLite database but not a Gridledger file (application_id ${identity.applicationId}, ${identity.objects} schema objects)`,
    );
  }
  if (identity.userVersion > SCHEMA_VERSION) {
    throw new SqliteUnavailableError(
      file,
      'newer-schema',
      `the file has schema version ${identity.userVersion}, written by a newer Gridledger; this version reads up to ${SCHEMA_VERSION}`,
    );
  }
}

/**
 * Checks the file and brings its schema up to SCHEMA_VERSION. Runs in one IMMEDIATE transaction
 * that re-reads the version under the write lock, so two processes opening one fresh file at
 * the same moment apply each step exactly once. Returns the version the file had.
 */
export function migrate(db: Database, file: string, readonly: boolean): number {
  const before = identify(db);
  check(file, before);
  if (before.userVersion === SCHEMA_VERSION) return before.userVersion;
  if (readonly) {
    throw new SqliteUnavailableError(
      file,
      before.objects === 0 ? 'not-gridledger' : 'needs-upgrade',
      before.objects === 0
        ? 'the file is empty; open it writable once to create the Gridledger schema'
        : `the file has schema version ${before.userVersion}; open it writable once to upgrade it to ${SCHEMA_VERSION}`,
    );
  }
  db.transaction(() => {
    const current = identify(db);
    check(file, current);
    for (const step of migrations) {
      if (step.version <= current.userVersion) continue;
      db.exec(step.sql);
      // Pragmas cannot take bound parameters; both values are integers from this module.
      db.pragma(`user_version = ${step.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
  return before.userVersion;
}
