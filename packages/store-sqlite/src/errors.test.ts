// What goes wrong with a file is reported as a typed error naming the file and the reason,
// never as a raw driver error, and never by losing or changing what is stored.
import { openSync, writeSync, closeSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  isCorruptedEvent,
  isStoreUnavailable,
  isValidationError,
  type Position,
} from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import {
  isSqliteUnavailable,
  openSqlite,
  openSqliteEventStore,
  type SqliteUnavailableReason,
} from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

async function failure(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function expectUnavailable(
  work: () => unknown,
  reason: SqliteUnavailableReason,
  file: string,
): Promise<void> {
  const error = await failure(work);
  expect(isStoreUnavailable(error)).toBe(true);
  expect(isSqliteUnavailable(error) && error.reason).toBe(reason);
  expect((error as Error).message).toContain(file);
  // The driver's own error is kept as the cause where there was one, never thrown bare.
  expect((error as Error).name).toBe('SqliteUnavailableError');
}

async function readEverything(store: ReturnType<typeof openSqliteEventStore>) {
  const events = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

async function collectStream(store: ReturnType<typeof openSqliteEventStore>, streamId: string) {
  const events = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('file errors', () => {
  it('refuses junk bytes as not a database, and leaves them as they were', async () => {
    const file = dir.file('junk.gridledger');
    const junk = Buffer.from('this is a spreadsheet, not a ledger '.repeat(200));
    writeFileSync(file, junk);
    await expectUnavailable(() => openSqlite(file), 'not-a-database', file);
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('reports damaged pages as corrupt', async () => {
    const file = dir.file('damaged.gridledger');
    const store = openSqliteEventStore(file);
    for (let i = 0; i < 40; i++) {
      await store.append(
        `dispute-${i}`,
        makeEvents(20, () => ({ data: { note: 'x'.repeat(400) } })),
        {
          expectedVersion: 'no-stream',
        },
      );
    }
    await store.close();
    // Overwrite pages in the middle of the table with garbage.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 8, 0xa5), 0, 4096 * 8, 4096 * 40);
    closeSync(fd);
    const error = await failure(async () => {
      const reopened = openSqliteEventStore(file);
      try {
        await readEverything(reopened);
      } finally {
        await reopened.close();
      }
    });
    expect(isSqliteUnavailable(error) && error.reason).toBe('corrupt');
    expect((error as Error).message).toContain(file);
  });

  it('reports a file whose write lock another connection holds past the busy timeout', async () => {
    const file = dir.file('locked.gridledger');
    const store = openSqliteEventStore(file, { busyTimeoutMs: 20 });
    await store.append('dispute-1', [makeEvent()], { expectedVersion: 'no-stream' });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expectUnavailable(
        () => store.append('dispute-1', [makeEvent()], { expectedVersion: 0 }),
        'locked',
        file,
      );
      // Readers are not blocked by a writer (WAL).
      expect(await readEverything(store)).toHaveLength(1);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Nothing was half-written; the same append now lands.
    const result = await store.append('dispute-1', [makeEvent()], { expectedVersion: 0 });
    expect(result.streamVersion).toBe(1);
    await store.close();
  });

  it('reports a path that cannot be opened as unreadable', async () => {
    const missingDir = dir.file('no/such/dir/ledger.gridledger');
    await expectUnavailable(() => openSqlite(missingDir), 'unreadable', missingDir);
    const aDirectory = dir.file('a-directory');
    mkdirSync(aDirectory);
    await expectUnavailable(() => openSqlite(aDirectory), 'unreadable', aDirectory);
    const missing = dir.file('missing.gridledger');
    await expectUnavailable(() => openSqlite(missing, { readonly: true }), 'unreadable', missing);
  });

  it('refuses writes to a store opened readonly', async () => {
    const file = dir.file('readonly.gridledger');
    await openSqlite(file).close();
    const reader = openSqlite(file, { readonly: true });
    await expectUnavailable(
      () => reader.events.append('dispute-1', [makeEvent()], { expectedVersion: 'no-stream' }),
      'read-only',
      file,
    );
    await expectUnavailable(
      () =>
        reader.readModels.save('stats', {
          state: {},
          checkpoint: undefined,
          projectionVersion: 1,
          eventsApplied: 0,
          updatedAt: '2024-08-31T00:00:00.000Z',
        }),
      'read-only',
      file,
    );
    await reader.close();
  });

  it('refuses every call after close', async () => {
    const file = dir.file('closed.gridledger');
    const gridledger = openSqlite(file);
    await gridledger.close();
    await expectUnavailable(
      () => gridledger.events.append('dispute-1', [makeEvent()], { expectedVersion: 'any' }),
      'closed',
      file,
    );
    await expectUnavailable(() => readEverything(gridledger.events), 'closed', file);
    await expectUnavailable(() => gridledger.readModels.load('stats'), 'closed', file);
  });

  it('keeps the read models open when only the event store is closed', async () => {
    const gridledger = openSqlite(dir.file('half.gridledger'));
    await gridledger.events.close();
    expect(await gridledger.readModels.keys()).toEqual([]);
    await gridledger.close();
  });

  it('refuses bad options with a ValidationError naming each', async () => {
    const error = await failure(() =>
      openSqlite(dir.file('x.gridledger'), {
        pollIntervalMs: 0,
        busyTimeoutMs: -1,
        synchronous: 'off' as 'full',
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'pollIntervalMs',
      'busyTimeoutMs',
      'synchronous',
    ]);
  });

  it('refuses positions it did not issue', async () => {
    const store = openSqliteEventStore(dir.file('positions.gridledger'));
    await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
    const positions = ['abc', '-1', '1.5', '1', '0000000000000000', '00000000000000001'];
    // One past the head: a position from another file, or from before a restore.
    positions.push('0000000000000003');
    for (const after of positions) {
      const error = await failure(async () => {
        for await (const _ of store.readAll({ after: after as Position })) break;
      });
      expect(isValidationError(error)).toBe(true);
      expect(error).toMatchObject({ issues: [{ path: 'after' }] });
    }
    await store.close();
  });

  it('never gives a position twice, even after the last event was deleted behind its back', async () => {
    const file = dir.file('deleted.gridledger');
    const store = openSqliteEventStore(file);
    await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
    const last = await store.append('dispute-2', makeEvents(1), { expectedVersion: 'no-stream' });
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream_id = 'dispute-2'").run();
    db.close();
    // A read model whose checkpoint is the deleted event's position must still see the next one.
    const next = await store.append('dispute-3', makeEvents(1), { expectedVersion: 'no-stream' });
    expect(next.position > last.position).toBe(true);
    const after = [];
    for await (const event of store.readAll({ after: last.position })) after.push(event.streamId);
    expect(after).toEqual(['dispute-3']);
    await store.close();
  });

  it.each([
    ['the JSON 42', '42'],
    ['an array', '[]'],
    [
      'an object without an actor',
      '{"occurredAt":"x","recordedAt":"x","correlationId":"c","prevHash":null,"hash":"h"}',
    ],
  ])('reports a stored event whose metadata is %s as corrupted, naming it', async (_, json) => {
    const file = dir.file('metadata.gridledger');
    const store = openSqliteEventStore(file);
    await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
    const db = new Database(file);
    db.prepare('UPDATE events SET metadata = ? WHERE stream_version = 1').run(json);
    db.close();
    for (const read of [() => readEverything(store), () => collectStream(store, 'dispute-1')]) {
      const error = await failure(read);
      expect(isCorruptedEvent(error)).toBe(true);
      expect(error).toMatchObject({
        streamId: 'dispute-1',
        streamVersion: 1,
        reason: 'unreadable',
      });
    }
    await store.close();
  });

  it('reports a stored event whose JSON does not parse as corrupted, naming it', async () => {
    const file = dir.file('tampered.gridledger');
    const store = openSqliteEventStore(file);
    await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
    const db = new Database(file);
    db.prepare("UPDATE events SET data = '{not json' WHERE stream_version = 1").run();
    db.close();
    const error = await failure(() => readEverything(store));
    expect(isCorruptedEvent(error)).toBe(true);
    expect(error).toMatchObject({ streamId: 'dispute-1', streamVersion: 1, reason: 'unreadable' });
    await store.close();
  });
});
