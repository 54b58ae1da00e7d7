// Appends: one transaction each, every position reported, no number lost to a rollback.
import Database from 'better-sqlite3';
import { isConcurrencyConflict, isStoreUnavailable, type StoredEvent } from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
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

async function readEverything(store: ReturnType<typeof openSqliteEventStore>) {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('appends', () => {
  it('report the position of every event appended, as reads return them', async () => {
    const store = openSqliteEventStore(dir.file('positions.gridledger'));
    await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
    const result = await store.append('visit-1', makeEvents(4), { expectedVersion: 'no-stream' });
    const stored = [];
    for await (const event of store.readStream('visit-1')) stored.push(event.position);
    expect(result.positions).toEqual(stored);
    expect(result.position).toBe(stored.at(-1));
    await store.close();
  });
});

describe('appends are one transaction', () => {
  it('writes none of an append that fails inside SQLite, and leaves no gap in positions', async () => {
    const file = dir.file('atomic.gridledger');
    const store = openSqliteEventStore(file);
    await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
    // A trigger stands in for any failure midway: the third row of the next append is refused.
    const db = new Database(file);
    db.exec(`CREATE TRIGGER refuse_third BEFORE INSERT ON events WHEN NEW.stream_version = 4
             BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    db.close();
    const error = await failure(() =>
      store.append('dispute-1', makeEvents(3), { expectedVersion: 1 }),
    );
    expect(isStoreUnavailable(error)).toBe(true);
    expect(isConcurrencyConflict(error)).toBe(false);
    const events = await readEverything(store);
    expect(events.map((e) => e.streamVersion)).toEqual([0, 1]);
    // The rolled-back rows left no number behind.
    const next = await store.append('dispute-2', [makeEvent()], { expectedVersion: 'no-stream' });
    expect(next.position).toBe('0000000000000003');
    await store.close();
  });
});
