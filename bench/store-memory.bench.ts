// The memory store and the kernel on top of it, beside plain JavaScript and Castore (on its
// in-memory adapter) doing the same work in the same run: every side builds the events it appends
// inside the timed loop, checks the expected version, and folds and reads with the same mutable
// evolve and reducer. Plain JavaScript is one array per stream in a Map plus one global array, no
// validation, hashing or copying; Castore validates nothing and keeps no hash chain either. The
// ratios are what the store and kernel cost, and how they compare with a peer.
import {
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  streamIdOf,
  type Actor,
  type DomainEvent,
  type Ledger,
} from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { BenchDispute, evolveInPlace, initialBenchState } from './bench-dispute.js';
import { castoreEvent, createCastoreStore, pushGroup, readEverything } from './castore.js';
import { disputeHistory } from './dispute-histories.js';
import { heapMiB, throughput, type BenchModule, type Measurement } from './harness.js';
import { PlainStore } from './plain-store.js';

const actor: Actor = { id: 'member-jiang-lin', role: 'community-police-officer' };
const occurredAt = '2026-08-01T09:00:00.000Z';

interface Tally {
  count: number;
  byType: Record<string, number>;
}
/** The reducer every side runs over the global log. */
const tally = (acc: Tally, event: { readonly type: string }): Tally => {
  acc.count++;
  acc.byType[event.type] = (acc.byType[event.type] ?? 0) + 1;
  return acc;
};

/** One system under test: a fresh store of it, and the five things each side is timed doing. */
interface Side<S> {
  fresh(): S;
  /** Appends event `v` of stream `i` (built here, inside the timed loop) at its exact version. */
  single(store: S, i: number, v: number, event: DomainEvent): Promise<unknown>;
  /** Appends the six events of stream `i` in one call. */
  batch(store: S, i: number, events: readonly DomainEvent[]): Promise<unknown>;
  /** Loads stream `i` and folds it. */
  load(store: S, i: number): Promise<unknown>;
  /** Reads every event into `tally`. */
  readAll(store: S, acc: Tally): Promise<void>;
}

const copyOf = (event: DomainEvent) => ({ type: event.type, data: event.data });

function sides(ids: readonly string[]) {
  const registry = createEventRegistry(gridledgerEvents);
  const streamIds = ids.map((id) => streamIdOf(BenchDispute, id));
  const plain: Side<PlainStore> = {
    fresh: () => new PlainStore(),
    single: (store, i, v, event) =>
      store.append(streamIds[i]!, [copyOf(event)], v - 1, actor, occurredAt),
    batch: (store, i, events) =>
      store.append(streamIds[i]!, events.map(copyOf), -1, actor, occurredAt),
    load: async (store, i) => {
      let state = initialBenchState();
      for (const event of await store.load(streamIds[i]!)) state = evolveInPlace(state, event);
      return state;
    },
    readAll: async (store, acc) => {
      for (const event of store.all) tally(acc, event);
    },
  };
  const ledger: Side<Ledger> = {
    fresh: () => createLedger({ store: createMemoryEventStore(), registry }),
    single: (store, i, v, event) =>
      store.append(streamIds[i]!, [copyOf(event)], {
        expectedVersion: v === 0 ? 'no-stream' : v - 1,
        actor,
        occurredAt,
      }),
    batch: (store, i, events) =>
      store.append(streamIds[i]!, events.map(copyOf), {
        expectedVersion: 'no-stream',
        actor,
        occurredAt,
      }),
    load: (store, i) => store.load(BenchDispute, ids[i]!),
    // A projection folds the log in arrays: one await per 512 events instead of one per event.
    readAll: async (store, acc) => {
      for await (const batch of store.readAllBatches())
        for (const event of batch) tally(acc, event);
    },
  };
  const castore: Side<ReturnType<typeof createCastoreStore>> = {
    fresh: createCastoreStore,
    single: (store, i, v, event) =>
      store.pushEvent(
        castoreEvent(streamIds[i]!, v + 1, copyOf(event), actor, occurredAt) as never,
      ),
    batch: (store, i, events) =>
      pushGroup(store, streamIds[i]!, events.map(copyOf), actor, occurredAt),
    load: (store, i) => store.getAggregate(streamIds[i]!),
    readAll: (store, acc) => readEverything(store, (event) => tally(acc, event)),
  };
  return { plain, ledger, castore };
}

interface Figures {
  single: number;
  batch: number;
  load: number;
  read: number;
  heldMiB: number;
}

/**
 * Times every operation of one side on `histories`; returns the best of `rounds` of each. The
 * memory figure is what the side holds once its input is gone: each round appends its own copy of
 * the input, dropped after the appends, so a store that keeps the caller's data objects (plain,
 * Castore) and one that keeps copies of them (the memory store) are both charged for the data.
 */
async function measure<S>(
  side: Side<S>,
  histories: readonly (readonly DomainEvent[])[],
  rounds: number,
): Promise<Figures> {
  const streams = histories.length;
  const events = streams * 6;
  const best: Figures = { single: 0, batch: 0, load: 0, read: 0, heldMiB: Infinity };
  for (let round = 0; round < rounds; round++) {
    const before = heapMiB();
    let input: (readonly DomainEvent[])[] | undefined = structuredClone(
      histories,
    ) as DomainEvent[][];
    let store: S | undefined = side.fresh();
    best.single = Math.max(
      best.single,
      await throughput(events, async () => {
        for (let i = 0; i < streams; i++) {
          const history = input![i]!;
          for (let v = 0; v < 6; v++) await side.single(store!, i, v, history[v]!);
        }
      }),
    );
    input = undefined;
    best.heldMiB = Math.min(best.heldMiB, heapMiB() - before);
    best.load = Math.max(
      best.load,
      await throughput(streams, async () => {
        for (let i = 0; i < streams; i++) await side.load(store!, i);
      }),
    );
    best.read = Math.max(
      best.read,
      await throughput(events, async () => {
        const acc: Tally = { count: 0, byType: {} };
        await side.readAll(store!, acc);
        if (acc.count !== events) throw new Error(`read ${acc.count} of ${events} events`);
      }),
    );
    store = undefined;
    heapMiB();
    best.batch = Math.max(
      best.batch,
      await throughput(events, async () => {
        const batchStore = side.fresh();
        for (let i = 0; i < streams; i++) await side.batch(batchStore, i, histories[i]!);
      }),
    );
  }
  return best;
}

const bench: BenchModule = async ({ quick }) => {
  const streams = Number(process.env['BENCH_STREAMS'] ?? (quick ? 2_000 : 100_000));
  const rounds = quick ? 1 : 2;
  const ids = Array.from({ length: streams }, (_, i) => `d${i}`);
  const histories = ids.map((_, i) => disputeHistory(i));
  const { plain, ledger, castore } = sides(ids);

  // Every side runs every operation once over a few hundred streams first, so none is timed
  // while the JIT is still compiling it.
  const warm = histories.slice(0, 300);
  for (const side of [plain, ledger, castore] as Side<unknown>[]) await measure(side, warm, 1);

  const p = await measure(plain, histories, rounds);
  const c = await measure(castore, histories, rounds);
  const g = await measure(ledger, histories, rounds);
  const events = streams * 6;

  const measurements: Measurement[] = [
    {
      metric: 'single-event appends (validated, hash-chained) vs plain',
      unit: 'events/s',
      gridledger: g.single,
      baseline: p.single,
      better: 'higher',
    },
    {
      metric: 'single-event appends vs Castore',
      unit: 'events/s',
      gridledger: g.single,
      baseline: c.single,
      better: 'higher',
      target: 1.3,
    },
    {
      metric: '6-event appends vs plain',
      unit: 'events/s',
      gridledger: g.batch,
      baseline: p.batch,
      better: 'higher',
    },
    {
      metric: '6-event appends vs Castore',
      unit: 'events/s',
      gridledger: g.batch,
      baseline: c.batch,
      better: 'higher',
    },
    {
      metric: '6-event appends vs single-event appends, per event',
      unit: 'events/s',
      gridledger: g.batch,
      baseline: g.single,
      better: 'higher',
      target: 2,
      note: 'both figures are the ledger on the memory store',
    },
    {
      metric: 'load and fold a 6-event stream vs plain',
      unit: 'streams/s',
      gridledger: g.load,
      baseline: p.load,
      better: 'higher',
      target: 0.6,
    },
    {
      metric: 'load and fold a 6-event stream vs Castore',
      unit: 'streams/s',
      gridledger: g.load,
      baseline: c.load,
      better: 'higher',
    },
    {
      metric: 'global log into a projection vs plain',
      unit: 'events/s',
      gridledger: g.read,
      baseline: p.read,
      better: 'higher',
      target: 0.5,
    },
    {
      metric: 'global log into a projection vs Castore',
      unit: 'events/s',
      gridledger: g.read,
      baseline: c.read,
      better: 'higher',
      note: 'Castore has no global log: every aggregate id is listed, then each one read',
    },
    {
      metric: `memory holding ${events.toLocaleString('en-US')} events vs plain`,
      unit: 'MiB',
      gridledger: g.heldMiB,
      baseline: p.heldMiB,
      better: 'lower',
      target: 1.5,
    },
  ];
  return {
    name: 'store-memory',
    description: `ledger + memory store vs plain Map/array and Castore (in-memory adapter), ${streams.toLocaleString('en-US')} dispute streams × 6 events, best of ${rounds}`,
    measurements,
    figures: {
      'Castore memory (MiB)': c.heldMiB,
      'peak RSS (MiB)': process.resourceUsage().maxRSS / 1024,
    },
  };
};
export default bench;
