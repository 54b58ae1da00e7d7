// What sealing personal data costs: the ledger with the personal-data encoder (AES-256-GCM per
// field, a key per subject from the memory key store) beside the same ledger unencrypted, on the
// same dispute histories over the memory store. The ratio is the price of crypto-shredding.
import {
  createEventRegistry,
  createLedger,
  createMemoryKeyStore,
  createPersonalDataEncoder,
  Dispute,
  gridledgerEvents,
  streamIdOf,
  type DomainEvent,
  type EventEncoder,
  type Ledger,
} from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { disputeHistory } from './dispute-histories.js';
import { throughput, type BenchModule, type Measurement } from './harness.js';

const actor = { id: 'member-jiang-lin', role: 'community-police-officer' } as const;
const occurredAt = '2026-08-01T09:00:00.000Z';
const registry = createEventRegistry(gridledgerEvents);

const ledgerWith = (encoder?: EventEncoder): Ledger =>
  createLedger({
    store: createMemoryEventStore(),
    registry,
    ...(encoder === undefined ? {} : { encoder }),
  });
const sealing = (): EventEncoder =>
  createPersonalDataEncoder({ keys: createMemoryKeyStore(), events: gridledgerEvents });

async function appendAll(ledger: Ledger, ids: readonly string[], input: DomainEvent[][]) {
  for (const [i, id] of ids.entries()) {
    await ledger.append(streamIdOf(Dispute, id), input[i] as DomainEvent[], {
      expectedVersion: 'no-stream',
      actor,
      occurredAt,
    });
  }
}

async function readAll(ledger: Ledger): Promise<number> {
  let count = 0;
  for await (const event of ledger.readAll()) if (event.type !== '') count++;
  return count;
}

async function storedBytes(ledger: Ledger): Promise<number> {
  let bytes = 0;
  for await (const event of ledger.store.readAll()) bytes += JSON.stringify(event.data).length;
  return bytes;
}

const bench: BenchModule = async ({ quick }) => {
  const streams = quick ? 500 : 20_000;
  const ids = Array.from({ length: streams }, (_, i) => `d${i}`);
  const histories = (): DomainEvent[][] => ids.map((_, i) => disputeHistory(i));
  const events = streams * 6;

  // Warm both paths up, so neither is timed while the JIT compiles it.
  const warmIds = ids.slice(0, Math.min(300, streams));
  for (const encoder of [undefined, sealing()]) {
    const warm = ledgerWith(encoder);
    await appendAll(warm, warmIds, histories().slice(0, warmIds.length));
    await readAll(warm);
  }

  const plain = ledgerWith();
  let input = histories();
  const plainAppend = await throughput(events, () => appendAll(plain, ids, input));
  const sealed = ledgerWith(sealing());
  input = histories();
  const sealedAppend = await throughput(events, () => appendAll(sealed, ids, input));
  input = [];
  const plainRead = await throughput(events, async () => void (await readAll(plain)));
  const sealedRead = await throughput(events, async () => void (await readAll(sealed)));
  const plainBytes = await storedBytes(plain);
  const sealedBytes = await storedBytes(sealed);

  const measurements: Measurement[] = [
    {
      metric: '6-event appends, personal fields sealed',
      unit: 'events/s',
      gridledger: sealedAppend,
      baseline: plainAppend,
      better: 'higher',
      note: 'baseline: the same ledger unencrypted',
    },
    {
      metric: 'global log read and opened',
      unit: 'events/s',
      gridledger: sealedRead,
      baseline: plainRead,
      better: 'higher',
      note: 'baseline: the same ledger unencrypted',
    },
    {
      metric: 'stored data (JSON)',
      unit: 'MiB',
      gridledger: sealedBytes / 2 ** 20,
      baseline: plainBytes / 2 ** 20,
      better: 'lower',
    },
  ];
  return {
    name: 'personal-data',
    description: `sealed (AES-256-GCM per personal field) vs unencrypted ledger, memory store, ${streams.toLocaleString('en-US')} dispute streams × 6 events`,
    measurements,
  };
};
export default bench;
