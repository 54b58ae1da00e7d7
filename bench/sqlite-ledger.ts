// The ledger on the SQLite store beside raw better-sqlite3 with the same `synchronous` setting,
// in the same run: the ledger validates, stamps and hash-chains every event and loads and reads
// through the registry; raw writes the envelopes it is given (made before the timed loop) and
// parses rows into events. Both fold with the same mutable evolve and tally with the same reducer.
import {
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  streamIdOf,
  type Actor,
  type Ledger,
} from '@gridledger/core';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import { BenchDispute, evolveInPlace, initialBenchState } from './bench-dispute.js';
import { disputeHistory, envelopes } from './dispute-histories.js';
import { pair, throughput, type Measurement } from './harness.js';
import {
  Database,
  rawBatchAppends,
  rawSingleAppends,
  rawLoader,
  rawRead,
  tally,
  type Synchronous,
  type Tally,
} from './sqlite-raw.js';

const actor: Actor = { id: 'member-jiang-lin', role: 'community-police-officer' };
const occurredAt = '2026-08-01T09:00:00.000Z';
const registry = createEventRegistry(gridledgerEvents);

const openLedger = (file: string, synchronous: Synchronous, readonly = false): Ledger =>
  createLedger({
    store: openSqliteEventStore(file, readonly ? { readonly } : { synchronous }),
    registry,
  });

/** Appends (single and six at once) with `synchronous`; returns the file the ledger wrote. */
async function appends(
  synchronous: Synchronous,
  streams: number,
  rounds: number,
  fresh: () => string,
  measurements: Measurement[],
): Promise<string> {
  const input = envelopes(streams);
  const histories = Array.from({ length: streams }, (_, i) => disputeHistory(i));
  const ids = input.map((_, i) => streamIdOf(BenchDispute, `d${i}`));
  const events = streams * 6;
  const [rawSingle, ledgerSingle] = await pair(
    rounds,
    () => throughput(events, () => rawSingleAppends(fresh(), synchronous, ids, input)),
    () =>
      throughput(events, async () => {
        const ledger = openLedger(fresh(), synchronous);
        for (let i = 0; i < streams; i++) {
          for (let v = 0; v < 6; v++) {
            const { type, data } = histories[i]![v]!;
            await ledger.append(ids[i]!, [{ type, data }], {
              expectedVersion: v === 0 ? 'no-stream' : v - 1,
              actor,
              occurredAt,
            });
          }
        }
        await ledger.store.close();
      }),
  );
  let ledgerFile = '';
  const [rawBatch, ledgerBatch] = await pair(
    rounds,
    () => throughput(events, () => rawBatchAppends(fresh(), synchronous, ids, input)),
    () =>
      throughput(events, async () => {
        const ledger = openLedger((ledgerFile = fresh()), synchronous);
        for (let i = 0; i < streams; i++) {
          const batch = histories[i]!.map(({ type, data }) => ({ type, data }));
          await ledger.append(ids[i]!, batch, { expectedVersion: 'no-stream', actor, occurredAt });
        }
        await ledger.store.close();
      }),
  );
  const label = `synchronous=${synchronous}`;
  measurements.push(
    {
      metric: `ledger on SQLite: single-event appends (${label})`,
      unit: 'events/s',
      gridledger: ledgerSingle,
      baseline: rawSingle,
      better: 'higher',
      target: 0.9,
    },
    {
      metric: `ledger on SQLite: 6-event appends (${label})`,
      unit: 'events/s',
      gridledger: ledgerBatch,
      baseline: rawBatch,
      better: 'higher',
      target: 0.9,
    },
  );
  return ledgerFile;
}

/**
 * The ledger on SQLite against raw better-sqlite3: appends with each `synchronous` level, then
 * load-and-fold of every stream and the global log into a reducer, both sides reading the very
 * file the ledger wrote.
 */
export async function ledgerOnSqlite(
  quick: boolean,
  rounds: number,
  fresh: () => string,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  await appends('full', quick ? 5 : 150, rounds, fresh, measurements);
  const streams = quick ? 100 : 8_000;
  const file = await appends('normal', streams, rounds, fresh, measurements);
  const events = streams * 6;
  const ids = Array.from({ length: streams }, (_, i) => `d${i}`);

  const ledger = openLedger(file, 'normal', true);
  const raw = new Database(file, { readonly: true });
  const load = rawLoader(raw);
  const [rawLoad, ledgerLoad] = await pair(
    quick ? 1 : 5,
    () =>
      throughput(streams, () => {
        for (const id of ids) {
          load(streamIdOf(BenchDispute, id), evolveInPlace, initialBenchState());
        }
      }),
    () =>
      throughput(streams, async () => {
        for (const id of ids) await ledger.load(BenchDispute, id);
      }),
  );
  const [rawReadRate, ledgerReadRate] = await pair(
    quick ? 1 : 5,
    () =>
      throughput(events, () => {
        if (rawRead(raw) !== events) throw new Error('raw read fell short');
      }),
    () =>
      throughput(events, async () => {
        const acc: Tally = { count: 0, byType: {} };
        for await (const batch of ledger.readAllBatches()) {
          for (const event of batch) tally(acc, event);
        }
        if (acc.count !== events) throw new Error('ledger read fell short');
      }),
  );
  raw.close();
  await ledger.store.close();
  measurements.push(
    {
      metric: 'ledger on SQLite: load and fold a 6-event stream',
      unit: 'streams/s',
      gridledger: ledgerLoad,
      baseline: rawLoad,
      better: 'higher',
      target: 0.8,
    },
    {
      metric: 'ledger on SQLite: global log into a reducer',
      unit: 'events/s',
      gridledger: ledgerReadRate,
      baseline: rawReadRate,
      better: 'higher',
      target: 0.8,
    },
  );
  return measurements;
}
