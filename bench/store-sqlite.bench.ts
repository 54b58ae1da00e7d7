// The SQLite store beside raw better-sqlite3 doing the same work in the same run: the same table
// and index, the same pragmas (WAL, the same `synchronous`), prepared statements, one IMMEDIATE
// transaction per append with a version check, JSON encoded and parsed once per field. The ratio
// is what the store's validation, async API, paging and typed errors cost. The ledger on the store
// is then measured against the same raw side (sqlite-ledger.ts).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dispute, streamIdOf, type EventStore } from '@gridledger/core';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import { envelopes } from './dispute-histories.js';
import { pair, throughput, type BenchModule, type Measurement } from './harness.js';
import { ledgerOnSqlite } from './sqlite-ledger.js';
import {
  Database,
  rawBatchAppends,
  rawRead,
  rawSingleAppends,
  tally,
  type Tally,
} from './sqlite-raw.js';

async function storeRead(store: EventStore): Promise<number> {
  const acc: Tally = { count: 0, byType: {} };
  for await (const event of store.readAll()) tally(acc, event);
  return acc.count;
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
        () => throughput(events, () => rawSingleAppends(fresh(), synchronous, ids, input)),
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
          throughput(events, () => rawBatchAppends((rawFile = fresh()), synchronous, ids, input)),
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
    measurements.push(...(await ledgerOnSqlite(quick, rounds, fresh)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'store-sqlite',
    description:
      'SQLite event store, and the ledger on it, vs raw better-sqlite3 (same schema, WAL, same synchronous level, prepared statements)',
    measurements,
    figures,
  };
};
export default bench;
