// Where one append's time goes, part by part, on the bench's dispute events: each part of the
// ledger's write path run alone over the same events, beside whole appends (on the memory store,
// and on a store that keeps nothing, i.e. the ledger alone) and Castore's push. CPU µs per event:
//   node --conditions=@gridledger/source --import tsx --expose-gc bench/append-costs.ts [streams]
// The first three parts are the floor of a validated, hash-chained append: no write path that
// keeps both guarantees can cost less than their sum.
import { hash } from 'node:crypto';
import {
  createEventRegistry,
  createLedger,
  createUlidFactory,
  gridledgerEvents,
  type DomainEvent,
  type EventStore,
} from '@gridledger/core';
import { canonicalJson } from '@gridledger/core/audit';
import { frozenJsonCopy } from '@gridledger/core/store';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { castoreEvent, createCastoreStore } from './castore.js';
import { disputeHistory } from './dispute-histories.js';

const streams = Number(process.argv[2] ?? 5000);
const events = Array.from({ length: streams }, (_, i) => disputeHistory(i)).flat();
const registry = createEventRegistry(gridledgerEvents);
const actor = { id: 'member-jiang-lin', role: 'community-police-officer' };
const occurredAt = '2026-08-01T09:00:00.000Z';
const envelopeText = (event: DomainEvent, i: number): string =>
  canonicalJson({
    id: '01JDXYZ0123456789ABCDEFGHJ',
    type: event.type,
    schemaVersion: 1,
    streamId: `dispute-d${i}`,
    streamVersion: i % 6,
    data: event.data,
    metadata: { actor, occurredAt, recordedAt: occurredAt, correlationId: 'c', prevHash: null },
  });

/** CPU µs per event of `fn` over every event, best of three runs. */
async function cost(fn: (event: DomainEvent, i: number) => unknown): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < events.length; i++) await fn(events[i]!, i);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / events.length);
  }
  return best;
}

const ulid = createUlidFactory();
const texts = events.map(envelopeText);
const parts: Record<string, (event: DomainEvent, i: number) => unknown> = {
  'floor: zod validation of the data (registry.validate)': (event) => registry.validate(event),
  'floor: SHA-256 of the envelope’s canonical JSON': (_, i) => hash('sha256', texts[i]!, 'hex'),
  'floor: a monotonic ULID (the event id)': () => ulid(),
  'canonical JSON of the data alone': (event) => canonicalJson(event.data),
  'deeply frozen copy of the data alone': (event) => frozenJsonCopy(event.data, 'data'),
};
for (const [name, fn] of Object.entries(parts)) {
  console.log(`${(await cost(fn)).toFixed(2).padStart(6)} µs  ${name}`);
}

/** Single-event appends, six per stream, each expecting the version before it. */
async function appends(store: () => EventStore, label: string): Promise<void> {
  let ledger = createLedger({ store: store(), registry });
  let round = 0;
  const micros = await cost(async (event, i) => {
    if (i === 0) ledger = createLedger({ store: store(), registry });
    const v = i % 6;
    await ledger.append(`dispute-d${Math.floor(i / 6)}-${round}`, [event], {
      expectedVersion: v === 0 ? 'no-stream' : v - 1,
      actor,
      occurredAt,
    });
    if (i === events.length - 1) round++;
  });
  console.log(`${micros.toFixed(2).padStart(6)} µs  ${label}`);
}

/** A store that keeps nothing: what the ledger's own work costs. */
const keepsNothing = (): EventStore => {
  const inner = createMemoryEventStore();
  let version = -1;
  return {
    ...inner,
    append: async (_streamId, appended) => {
      version = (version + 1) % 6;
      return {
        streamVersion: version,
        position: '1' as never,
        positions: appended.map(() => '1' as never),
      };
    },
  };
};
await appends(keepsNothing, 'whole single-event append, ledger alone (a store that keeps nothing)');
await appends(() => createMemoryEventStore(), 'whole single-event append (ledger + memory store)');
let castore = createCastoreStore();
console.log(
  `${(
    await cost(async (event, i) => {
      if (i === 0) castore = createCastoreStore();
      await castore.pushEvent(
        castoreEvent(`d${Math.floor(i / 6)}`, (i % 6) + 1, event, actor, occurredAt) as never,
      );
    })
  )
    .toFixed(2)
    .padStart(6)} µs  whole single-event push (Castore, in-memory adapter)`,
);
