// Where one append's time goes, part by part, on the bench's dispute events: each part of the
// ledger's write path run alone over the same events (validation, canonical JSON, SHA-256, the
// memory store's checked frozen copy), beside whole appends and Castore's. CPU µs per event:
//   node --conditions=@gridledger/source --import tsx --expose-gc bench/append-costs.ts [streams]
import { hash } from 'node:crypto';
import {
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  type DomainEvent,
} from '@gridledger/core';
import { canonicalJson, hashEvent } from '@gridledger/core/audit';
import { checkAppend } from '@gridledger/core/store';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { castoreEvent, createCastoreStore } from './castore.js';
import { disputeHistory } from './dispute-histories.js';

const streams = Number(process.argv[2] ?? 5000);
const events = Array.from({ length: streams }, (_, i) => disputeHistory(i)).flat();
const registry = createEventRegistry(gridledgerEvents);
const actor = { id: 'member-jiang-lin', role: 'community-police-officer' };
const occurredAt = '2026-08-01T09:00:00.000Z';
const metadata = {
  actor,
  occurredAt,
  recordedAt: occurredAt,
  correlationId: '01JDXYZ0123456789ABCDEFGHJ',
  prevHash: 'a'.repeat(64),
};
const envelope = (event: DomainEvent, i: number) => ({
  id: '01JDXYZ0123456789ABCDEFGHJ',
  type: event.type,
  schemaVersion: 1,
  streamId: `dispute-d${i}`,
  streamVersion: i % 6,
  data: event.data,
  metadata,
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

const parts: Record<string, (event: DomainEvent, i: number) => unknown> = {
  'zod validation of data (registry.validate)': (event) => registry.validate(event),
  'canonical JSON of the envelope': (event, i) => canonicalJson(envelope(event, i)),
  'SHA-256 of that JSON': (() => {
    const texts = events.map((event, i) => canonicalJson(envelope(event, i)));
    return (_: DomainEvent, i: number) => hash('sha256', texts[i]!, 'hex');
  })(),
  'hashEvent (canonical JSON + SHA-256)': (event, i) => hashEvent(envelope(event, i)),
  "memory store's checked frozen copy (checkAppend)": (event, i) =>
    checkAppend(
      `dispute-d${i}`,
      [{ ...envelope(event, i), metadata: { ...metadata, hash: 'h' } }],
      { expectedVersion: 'any' },
      { copy: true },
    ),
};
for (const [name, fn] of Object.entries(parts)) {
  console.log(`${(await cost(fn)).toFixed(2).padStart(6)} µs  ${name}`);
}
let ledger = createLedger({ store: createMemoryEventStore(), registry });
let round = 0;
console.log(
  `${(
    await cost(async (event, i) => {
      if (i === 0) ledger = createLedger({ store: createMemoryEventStore(), registry });
      const v = i % 6;
      await ledger.append(`dispute-d${Math.floor(i / 6)}-${round}`, [event], {
        expectedVersion: v === 0 ? 'no-stream' : v - 1,
        actor,
        occurredAt,
      });
      if (i === events.length - 1) round++;
    })
  )
    .toFixed(2)
    .padStart(6)} µs  whole single-event append (ledger + memory store)`,
);
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
