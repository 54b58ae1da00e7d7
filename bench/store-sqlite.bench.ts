// The SQLite store beside raw better-sqlite3 doing the same work in the same run: the same table
// and index, the same pragmas (WAL, the same `synchronous`), prepared statements, one IMMEDIATE
// transaction per append with a version check, JSON encoded and parsed once per field. The ratio
// is what the store's validation, async API, paging and typed errors cost.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dispute, streamIdOf, type EventStore, type EventToAppend } from '@gridledger/core';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import { envelopes } from './dispute-histories.js';
import { throughput, type BenchModule, type Measurement } from './harness.js';

type Synchronous = 'full' | 'normal';

/** The slice of better-sqlite3 the raw side uses (its types live in the store's package). */
interface RawStatement {
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  pluck(): RawStatement;
  raw(on: boolean): RawStatement;
}
interface RawDatabase {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): RawStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): { immediate(...args: A): void };
  close(): void;
}
type RawDatabaseConstructor = new (file: string, options?: { readonly?: boolean }) => RawDatabase;

// The very driver copy the store loads, so both sides run the same SQLite build.
const Database = createRequire(import.meta.resolve('@gridledger/store-sqlite'))(
  'better-sqlite3',
) as RawDatabaseConstructor;

/** The raw side: what a competent engineer writes directly against better-sqlite3. */
function openRaw(file: string, synchronous: Synchronous) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,
      event_id TEXT NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
      data TEXT NOT NULL, metadata TEXT NOT NULL) STRICT;
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, stream_version);`);
  const last = db
    .prepare(
      'SELECT stream_version FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const append = db.transaction(
    (streamId: string, expected: number, events: readonly EventToAppend[]) => {
      let version = (last.get(streamId) as number | undefined) ?? -1;
      if (version !== expected) throw new Error(`conflict on ${streamId}`);
      for (const e of events) {
        insert.run(
          streamId,
          ++version,
          e.id,
          e.type,
          e.schemaVersion,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
        );
      }
    },
  );
  return {
    db,
    append: (s: string, expected: number, events: readonly EventToAppend[]) =>
      append.immediate(s, expected, events),
  };
}

interface Tally {
  count: number;
  byType: Record<string, number>;
}
const tally = <E extends { readonly type: string }>(acc: Tally, event: E): Tally => {
  acc.count++;
  acc.byType[event.type] = (acc.byType[event.type] ?? 0) + 1;
  return acc;
};

/**
 * Reads the log as raw better-sqlite3 would at its fastest, into the same reducer and the same
 * event shape: pages of a prepared `all()` by position, rows as arrays (about twice as fast as
 * row objects, and faster than `iterate()`), flat in memory like the store.
 */
function rawRead(db: RawDatabase): number {
  const page = db
    .prepare(
      `SELECT position, stream_id, stream_version, event_id, type, schema_version, data, metadata
       FROM events WHERE position > ? ORDER BY position LIMIT 512`,
    )
    .raw(true);
  const acc: Tally = { count: 0, byType: {} };
  let after = 0;
  for (;;) {
    const rows = page.all(after) as RawRow[];
    for (const row of rows) {
      tally(acc, {
        id: row[3],
        type: row[4],
        schemaVersion: row[5],
        streamId: row[1],
        streamVersion: row[2],
        position: String(row[0]),
        data: JSON.parse(row[6]) as unknown,
        metadata: JSON.parse(row[7]) as unknown,
      });
    }
    if (rows.length < 512) break;
    after = rows[rows.length - 1]![0];
  }
  return acc.count;
}

type RawRow = [number, string, number, string, string, number, string, string];

async function storeRead(store: EventStore): Promise<number> {
  const acc: Tally = { count: 0, byType: {} };
  for await (const event of store.readAll()) tally(acc, event);
  return acc.count;
}

/**
 * Best of `rounds` runs of each side, alternating raw and store, so a busy moment on a shared
 * machine (or a checkpoint, or a GC) does not decide the ratio.
 */
async function pair(
  rounds: number,
  raw: () => Promise<number>,
  store: () => Promise<number>,
): Promise<[raw: number, store: number]> {
  let bestRaw = 0;
  let bestStore = 0;
  for (let i = 0; i < rounds; i++) {
    bestRaw = Math.max(bestRaw, await raw());
    bestStore = Math.max(bestStore, await store());
  }
  return [bestRaw, bestStore];
}

const bench: BenchModule = async ({ quick }) => {
  const dir = mkdtempSync(join(tmpdir(), 'gridledger-bench-sqlite-'));
  const rounds = quick ? 1 : 3;
  let fileNo = 0;
  const fresh = (): string => join(dir, `f${fileNo++}.db`);
  const measurements: Measurement[] = [];
  const figures: Record<string, number | string> = {};
  try {
    for (const synchronous of ['normal', 'full'] as const) {
      // `full` fsyncs every commit, so it runs at the disk's pace: fewer appends suffice.
      const streams = synchronous === 'full' ? (quick ? 5 : 150) : quick ? 100 : 8_000;
      const input = envelopes(streams);
      const ids = input.map((_, i) => streamIdOf(Dispute, `d${i}`));
      const events = streams * 6;

      const [rawSingle, storeSingle] = await pair(
        rounds,
        () =>
          throughput(events, () => {
            const raw = openRaw(fresh(), synchronous);
            for (let i = 0; i < streams; i++) {
              for (let v = 0; v < 6; v++) raw.append(ids[i]!, v - 1, [input[i]![v]!]);
            }
            raw.db.close();
          }),
        () =>
          throughput(events, async () => {
            const store = openSqliteEventStore(fresh(), { synchronous });
            for (let i = 0; i < streams; i++) {
              for (let v = 0; v < 6; v++) {
                await store.append(ids[i]!, [input[i]![v]!], {
                  expectedVersion: v === 0 ? 'no-stream' : v - 1,
                });
              }
            }
            await store.close();
          }),
      );
      let rawFile = '';
      let storeFile = '';
      const [rawBatch, storeBatch] = await pair(
        rounds,
        () =>
          throughput(events, () => {
            const raw = openRaw((rawFile = fresh()), synchronous);
            for (let i = 0; i < streams; i++) raw.append(ids[i]!, -1, input[i]!);
            raw.db.close();
          }),
        () =>
          throughput(events, async () => {
            const store = openSqliteEventStore((storeFile = fresh()), { synchronous });
            for (let i = 0; i < streams; i++) {
              await store.append(ids[i]!, input[i]!, { expectedVersion: 'no-stream' });
            }
            await store.close();
          }),
      );
      const label = `synchronous=${synchronous}`;
      measurements.push(
        {
          metric: `single-event appends, version checked (${label})`,
          unit: 'events/s',
          gridledger: storeSingle,
          baseline: rawSingle,
          better: 'higher',
          target: 0.5,
        },
        {
          metric: `6-event appends (${label})`,
          unit: 'events/s',
          gridledger: storeBatch,
          baseline: rawBatch,
          better: 'higher',
          target: 0.5,
        },
      );
      if (synchronous !== 'normal') continue;

      // Reads: both sides read the same file the store wrote, so only the read path differs.
      const store = openSqliteEventStore(storeFile, { readonly: true });
      const raw = new Database(storeFile, { readonly: true });
      const [rawReadRate, storeReadRate] = await pair(
        quick ? 1 : 7,
        () =>
          throughput(events, () => {
            if (rawRead(raw) !== events) throw new Error('raw read fell short');
          }),
        () =>
          throughput(events, async () => {
            if ((await storeRead(store)) !== events) throw new Error('store read fell short');
          }),
      );
      raw.close();
      await store.close();
      measurements.push({
        metric: 'global log read into a reducer',
        unit: 'events/s',
        gridledger: storeReadRate,
        baseline: rawReadRate,
        better: 'higher',
        target: 0.8,
      });
      const perMillion = (file: string): number => ((statSync(file).size / events) * 1e6) / 2 ** 20;
      measurements.push({
        metric: 'file size per million events',
        unit: 'MiB',
        gridledger: perMillion(storeFile),
        baseline: perMillion(rawFile),
        better: 'lower',
        note: `extrapolated from ${events.toLocaleString('en-US')} dispute events (6 per stream)`,
      });
      figures['file size per million events (MiB)'] = perMillion(storeFile);
      figures['events in the log read'] = events;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'store-sqlite',
    description:
      'SQLite event store vs raw better-sqlite3 (same schema, WAL, same synchronous level, prepared statements)',
    measurements,
    figures,
  };
};
export default bench;
