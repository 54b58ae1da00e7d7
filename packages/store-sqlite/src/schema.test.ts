// The file format: a fresh file gets the current schema, an older file is upgraded in place, and
// a file from a newer Gridledger (or not from Gridledger at all) is refused without being touched.
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isStoreUnavailable } from '@gridledger/core';
import { makeEvent } from '@gridledger/store-conformance';
import {
  APPLICATION_ID,
  SCHEMA_VERSION,
  isSqliteUnavailable,
  openSqlite,
  openSqliteEventStore,
} from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

/** A file exactly as Gridledger's first schema wrote it, frozen here on purpose. */
const SCHEMA_V1 = `
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
  PRAGMA user_version = 1;
  PRAGMA application_id = ${APPLICATION_ID};
`;

function fileHeader(file: string): {
  userVersion: number;
  applicationId: number;
  tables: string[];
} {
  const db = new Database(file, { readonly: true });
  try {
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
      tables: db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[],
    };
  } finally {
    db.close();
  }
}

async function rejection(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('schema', () => {
  it('creates the current schema in a new file and marks it as Gridledger', async () => {
    const file = dir.file('new.gridledger');
    await openSqlite(file).close();
    expect(fileHeader(file)).toEqual({
      userVersion: SCHEMA_VERSION,
      applicationId: APPLICATION_ID,
      tables: ['events', 'read_models', 'sqlite_sequence', 'subject_keys'],
    });
  });

  it('treats an empty (zero-byte) file as new', async () => {
    const file = dir.file('empty.gridledger');
    writeFileSync(file, '');
    const store = openSqliteEventStore(file);
    await store.append('dispute-1', [makeEvent()], { expectedVersion: 'no-stream' });
    await store.close();
    expect(fileHeader(file).userVersion).toBe(SCHEMA_VERSION);
  });

  it('upgrades a file written by schema version 1, keeping its events', async () => {
    const file = dir.file('v1.gridledger');
    const old = new Database(file);
    old.exec(SCHEMA_V1);
    const insert = old.prepare(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    );
    const written = [makeEvent(), makeEvent()];
    written.forEach((e, v) =>
      insert.run('dispute-1', v, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)),
    );
    old.close();

    const gridledger = openSqlite(file);
    const read = [];
    for await (const event of gridledger.events.readStream('dispute-1')) read.push(event);
    expect(read.map((e) => ({ id: e.id, data: e.data, metadata: e.metadata }))).toEqual(
      written.map((e) => ({ id: e.id, data: e.data, metadata: e.metadata })),
    );
    const next = await gridledger.events.append('dispute-1', [makeEvent()], { expectedVersion: 1 });
    expect(next.streamVersion).toBe(2);
    // Version 2 brought the read models.
    await gridledger.readModels.save('dispute-stats', {
      state: { resolved: 0 },
      checkpoint: next.position,
      projectionVersion: 1,
      eventsApplied: 3,
      updatedAt: '2024-08-31T18:00:00.000Z',
    });
    await gridledger.close();
    expect(fileHeader(file).userVersion).toBe(SCHEMA_VERSION);
  });

  it('upgrades a version 2 file to positions that are never given twice, keeping them', async () => {
    const file = dir.file('v2.gridledger');
    const old = new Database(file);
    old.exec(SCHEMA_V1);
    old.exec(`CREATE TABLE read_models (
        key TEXT PRIMARY KEY, state TEXT NOT NULL, checkpoint TEXT,
        projection_version INTEGER NOT NULL, events_applied INTEGER NOT NULL,
        updated_at TEXT NOT NULL) STRICT, WITHOUT ROWID;
      PRAGMA user_version = 2;`);
    const insert = old.prepare(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    );
    const written = [makeEvent(), makeEvent(), makeEvent()];
    written.forEach((e, v) =>
      insert.run('dispute-1', v, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)),
    );
    // Under version 2 the position of a deleted last row was given again; history of that is lost,
    // but the largest position left is kept from then on.
    old.prepare('DELETE FROM events WHERE stream_version = 2').run();
    old.close();

    const store = openSqliteEventStore(file);
    const before: string[] = [];
    for await (const event of store.readAll()) before.push(event.position);
    expect(before).toEqual(['0000000000000001', '0000000000000002']);
    const third = await store.append('visit-1', [makeEvent()], { expectedVersion: 'no-stream' });
    expect(third.position).toBe('0000000000000003');
    await store.close();
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream_id = 'visit-1'").run();
    db.close();
    const reopened = openSqliteEventStore(file);
    const fourth = await reopened.append('visit-2', [makeEvent()], {
      expectedVersion: 'no-stream',
    });
    expect(fourth.position).toBe('0000000000000004');
    await reopened.close();
    expect(fileHeader(file).userVersion).toBe(SCHEMA_VERSION);
  });

  it('refuses a file written by a newer schema, and leaves it as it was', async () => {
    const file = dir.file('future.gridledger');
    await openSqlite(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const error = await rejection(() => openSqlite(file));
    expect(isStoreUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'newer-schema', file });
    expect(String((error as Error).message)).toContain(file);
    expect(String((error as Error).message)).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(fileHeader(file).userVersion).toBe(SCHEMA_VERSION + 1);
  });

  it('refuses an SQLite file that Gridledger did not write, without adding to it', async () => {
    const file = dir.file('residents.db');
    const db = new Database(file);
    db.exec("CREATE TABLE residents (name TEXT); INSERT INTO residents VALUES ('Kang')");
    db.close();
    const error = await rejection(() => openSqlite(file));
    expect(isSqliteUnavailable(error) && error.reason).toBe('not-gridledger');
    expect(fileHeader(file)).toEqual({ userVersion: 0, applicationId: 0, tables: ['residents'] });
  });

  it('opens a readonly store on a current file, but not on one that needs an upgrade', async () => {
    const current = dir.file('current.gridledger');
    const writer = openSqliteEventStore(current);
    await writer.append('dispute-1', [makeEvent()], { expectedVersion: 'no-stream' });
    const reader = openSqlite(current, { readonly: true });
    let count = 0;
    for await (const _ of reader.events.readAll()) count++;
    expect(count).toBe(1);
    await reader.close();
    await writer.close();

    const old = dir.file('old.gridledger');
    const db = new Database(old);
    db.exec(SCHEMA_V1);
    db.close();
    const error = await rejection(() => openSqlite(old, { readonly: true }));
    expect(isSqliteUnavailable(error) && error.reason).toBe('needs-upgrade');
    expect(fileHeader(old).userVersion).toBe(1);
  });
});
