// The memory store and the kernel on top of it, beside plain JavaScript doing the domain's own
// work: one array per stream in a Map plus one global array, the same `evolve` and reducer, no
// validation, hashing or copying. The ratio is what the store and kernel cost.
import {
  createEventRegistry,
  createLedger,
  Dispute,
  gridledgerEvents,
  streamIdOf,
  type DomainEvent,
  type Ledger,
} from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { disputeHistory } from './dispute-histories.js';
import { heapMiB, throughput, type BenchModule, type Measurement } from './harness.js';
import { PlainStore, type PlainEvent } from './plain-store.js';

const actor = { id: 'member-jiang-lin', role: 'community-police-officer' } as const;
const occurredAt = '2026-08-01T09:00:00.000Z';

interface Tally {
  count: number;
  byType: Record<string, number>;
}
/** The reducer both sides run over the global log. */
const tally = (acc: Tally, event: { type: string }): Tally => {
  acc.count++;
  acc.byType[event.type] = (acc.byType[event.type] ?? 0) + 1;
  return acc;
};

/**
 * Runs every measured operation of both sides once over a few hundred streams, so neither side
 * is timed while the JIT is still compiling it (in a quick run that was most of the difference).
 */
async function warmUp(freshLedger: () => Ledger): Promise<void> {
  const streams = 300;
  const ids = Array.from({ length: streams }, (_, i) => streamIdOf(Dispute, `warm-${i}`));
  const input = ids.map((_, i) => disputeHistory(i));
  const plain = new PlainStore();
  const ledger = freshLedger();
  for (const [i, id] of ids.entries()) {
    const history = input[i] as DomainEvent[];
    for (let v = 0; v < 6; v++) {
      const event = [history[v] as DomainEvent];
      await plain.append(id, event, v - 1, actor, occurredAt);
      await ledger.append(id, event, {
        expectedVersion: v === 0 ? 'no-stream' : v - 1,
        actor,
        occurredAt,
      });
    }
    const stream = await plain.load(id);
    stream.reduce((s, e: PlainEvent) => Dispute.evolve(s, e as never), Dispute.initialState());
    await ledger.load(Dispute, `warm-${i}`);
  }
  const plainAcc: Tally = { count: 0, byType: {} };
  for (const event of plain.all) tally(plainAcc, event);
  const ledgerAcc: Tally = { count: 0, byType: {} };
  for await (const event of ledger.readAll()) tally(ledgerAcc, event);
  const batchPlain = new PlainStore();
  const batchLedger = freshLedger();
  for (const [i, id] of ids.entries()) {
    await batchPlain.append(id, input[i] as DomainEvent[], -1, actor, occurredAt);
    await batchLedger.append(id, input[i] as DomainEvent[], {
      expectedVersion: 'no-stream',
      actor,
      occurredAt,
    });
  }
}

const bench: BenchModule = async ({ quick }) => {
  const streams = quick ? 2_000 : 100_000;
  const ids = Array.from({ length: streams }, (_, i) => `d${i}`);
  const histories = (): DomainEvent[][] => ids.map((_, i) => disputeHistory(i));
  const registry = createEventRegistry(gridledgerEvents);
  const freshLedger = (): Ledger => createLedger({ store: createMemoryEventStore(), registry });
  const events = streams * 6;
  await warmUp(freshLedger);

  // Single-event appends with a version check; what each side then holds is measured too.
  let input = histories();
  const heapBefore = heapMiB();
  let plain: PlainStore | undefined = new PlainStore();
  const plainSingle = await throughput(events, async () => {
    for (let i = 0; i < streams; i++) {
      const history = input[i] as DomainEvent[];
      for (let v = 0; v < 6; v++) {
        await plain!.append(
          streamIdOf(Dispute, ids[i] as string),
          [history[v] as DomainEvent],
          v - 1,
          actor,
          occurredAt,
        );
      }
    }
  });
  input = [];
  const plainHeld = heapMiB() - heapBefore;
  plain = undefined;

  input = histories();
  const ledgerHeapBefore = heapMiB();
  let ledger: Ledger | undefined = freshLedger();
  const ledgerSingle = await throughput(events, async () => {
    for (let i = 0; i < streams; i++) {
      const history = input[i] as DomainEvent[];
      for (let v = 0; v < 6; v++) {
        await ledger!.append(streamIdOf(Dispute, ids[i] as string), [history[v] as DomainEvent], {
          expectedVersion: v === 0 ? 'no-stream' : v - 1,
          actor,
          occurredAt,
        });
      }
    }
  });
  input = [];
  const ledgerHeld = heapMiB() - ledgerHeapBefore;

  // Load-and-fold of one stream, and the global log into a reducer, on what was just written.
  const ledgerFold = await throughput(streams, async () => {
    for (const id of ids) await ledger!.load(Dispute, id);
  });
  const ledgerRead = await throughput(events, async () => {
    const acc: Tally = { count: 0, byType: {} };
    for await (const event of ledger!.readAll()) tally(acc, event);
    if (acc.count !== events) throw new Error(`read ${acc.count} of ${events} events`);
  });
  ledger = undefined;

  input = histories();
  plain = new PlainStore();
  for (let i = 0; i < streams; i++) {
    const history = input[i] as DomainEvent[];
    for (let v = 0; v < 6; v++) {
      await plain.append(
        streamIdOf(Dispute, ids[i] as string),
        [history[v] as DomainEvent],
        v - 1,
        actor,
        occurredAt,
      );
    }
  }
  const plainFold = await throughput(streams, async () => {
    for (const id of ids) {
      const stream = await plain!.load(streamIdOf(Dispute, id));
      stream.reduce((s, e: PlainEvent) => Dispute.evolve(s, e as never), Dispute.initialState());
    }
  });
  const plainRead = await throughput(events, async () => {
    const acc: Tally = { count: 0, byType: {} };
    for (const event of plain!.all) tally(acc, event);
    if (acc.count !== events) throw new Error(`read ${acc.count} of ${events} events`);
  });
  plain = undefined;

  // Six events in one append.
  input = histories();
  const plainBatch = await throughput(events, async () => {
    const store = new PlainStore();
    for (let i = 0; i < streams; i++) {
      await store.append(
        streamIdOf(Dispute, ids[i] as string),
        input[i] as DomainEvent[],
        -1,
        actor,
        occurredAt,
      );
    }
  });
  const ledgerBatch = await throughput(events, async () => {
    const batchLedger = freshLedger();
    for (let i = 0; i < streams; i++) {
      await batchLedger.append(streamIdOf(Dispute, ids[i] as string), input[i] as DomainEvent[], {
        expectedVersion: 'no-stream',
        actor,
        occurredAt,
      });
    }
  });

  const measurements: Measurement[] = [
    {
      metric: 'single-event appends (validated, hash-chained)',
      unit: 'events/s',
      gridledger: ledgerSingle,
      baseline: plainSingle,
      better: 'higher',
      target: 0.25,
    },
    {
      metric: '6-event appends',
      unit: 'events/s',
      gridledger: ledgerBatch,
      baseline: plainBatch,
      better: 'higher',
    },
    {
      metric: 'load and fold a 6-event stream',
      unit: 'streams/s',
      gridledger: ledgerFold,
      baseline: plainFold,
      better: 'higher',
      target: 0.6,
    },
    {
      metric: 'global log into a reducer',
      unit: 'events/s',
      gridledger: ledgerRead,
      baseline: plainRead,
      better: 'higher',
      target: 0.3,
    },
    {
      metric: `memory holding ${events.toLocaleString('en-US')} events`,
      unit: 'MiB',
      gridledger: ledgerHeld,
      baseline: plainHeld,
      better: 'lower',
      target: 2,
    },
  ];
  return {
    name: 'store-memory',
    description: `ledger + memory store vs plain Map/array, ${streams.toLocaleString('en-US')} dispute streams × 6 events`,
    measurements,
    figures: { 'peak RSS (MiB)': process.resourceUsage().maxRSS / 1024 },
  };
};
export default bench;
