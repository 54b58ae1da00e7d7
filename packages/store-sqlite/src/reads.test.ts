// Reads with a row limit: the store prepares a statement per limit (a bound `LIMIT ?` cost a
// stream read as much again), keeps only so many, and must give exactly the rows asked for with
// any limit, whether its statement was kept or not.
import { makeEvents } from '@gridledger/store-conformance';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import type { StoredEvent } from '@gridledger/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

async function collect(events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('reads with a limit', () => {
  it('give exactly the rows asked for, for more distinct limits than statements kept', async () => {
    const store = openSqliteEventStore(dir.file('limits.db'));
    try {
      await store.append('notes-1', makeEvents(70), { expectedVersion: 'no-stream' });
      for (let limit = 1; limit <= 70; limit++) {
        const forwards = await collect(store.readStream('notes-1', { fromVersion: 3, limit }));
        expect(forwards.map((e) => e.streamVersion)).toEqual(
          Array.from({ length: Math.min(limit, 67) }, (_, i) => 3 + i),
        );
        const backwards = await collect(
          store.readStream('notes-1', { direction: 'backwards', limit }),
        );
        expect(backwards.map((e) => e.streamVersion)).toEqual(
          Array.from({ length: limit }, (_, i) => 69 - i),
        );
        const global = await collect(store.readAll({ limit }));
        expect(global).toHaveLength(limit);
      }
    } finally {
      await store.close();
    }
  });
});
