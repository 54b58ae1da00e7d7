// Crypto-shredding never changes a figure: for any generated history and any set of forgotten
// subjects, every stream's chain verifies and every read model (caught up across the erasure,
// and rebuilt after it) equals the one built from the same history never sealed or erased.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  createLedger,
  createMemoryKeyStore,
  createPersonalDataEncoder,
  ERASED,
  forgetSubjects,
  gridledgerEvents,
  sealedSubjects,
  type EventEncoder,
  type Ledger,
} from '@gridledger/core';
import { verifyStream } from '@gridledger/core/audit';
import { createMemoryEventStore } from '@gridledger/store-memory';
import {
  allReadModels,
  createMemoryReadModelStore,
  createProjectionRunner,
} from '@gridledger/projections';
import { generateHistory, type GeneratedEvent } from '@gridledger/history-fixture';

const actor = { id: 'jiang-lin', role: 'community-police-officer' };
const registry = createEventRegistry(gridledgerEvents);

/** A ledger recording each event at the time it occurred, so two ledgers store the same times. */
function ledgerOf(encoder?: EventEncoder) {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const ledger = createLedger({
    store: createMemoryEventStore(),
    registry,
    clock: () => new Date(now),
    ...(encoder === undefined ? {} : { encoder }),
  });
  const append = async (events: readonly GeneratedEvent[]) => {
    for (const event of events) {
      now = event.at;
      await ledger.append(event.streamId, [{ type: event.type, data: event.data }], {
        expectedVersion: 'any',
        actor,
        occurredAt: new Date(event.at).toISOString(),
      });
    }
  };
  return { ledger, append, setNow: (at: number) => (now = at) };
}

async function statesOf(ledger: Ledger) {
  const runner = createProjectionRunner({ ledger, readModels: createMemoryReadModelStore() });
  const states: Record<string, unknown> = {};
  for (const projection of allReadModels) {
    await runner.catchUp(projection);
    states[projection.name] = (await runner.read(projection))?.state;
  }
  return states;
}

describe('erasure, for any history and any forgotten subjects', () => {
  it('keeps every chain verifying and every read model equal to the never-erased one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          disputes: fc.integer({ min: 0, max: 15 }),
          visits: fc.integer({ min: 0, max: 12 }),
          patrols: fc.integer({ min: 0, max: 6 }),
        }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (shape, picks, split) => {
          const history = generateHistory({ ...shape, days: 60, hazardFollowUps: true });
          const plain = ledgerOf();
          await plain.append(history);
          const expected = await statesOf(plain.ledger);

          const keys = createMemoryKeyStore();
          const sealed = ledgerOf(createPersonalDataEncoder({ keys, events: gridledgerEvents }));
          const half = Math.floor(history.length * split);
          await sealed.append(history.slice(0, half));
          const runner = createProjectionRunner({
            ledger: sealed.ledger,
            readModels: createMemoryReadModelStore(),
          });
          for (const projection of allReadModels) await runner.catchUp(projection);

          // Forget some of the subjects sealed so far, then record the rest of the history.
          const subjects = new Set<string>();
          for await (const event of sealed.ledger.store.readAll())
            sealedSubjects(event.data, subjects);
          const known = [...subjects].sort();
          const forgotten = [...new Set(picks.map((p) => known[p % known.length]!))];
          if (known.length > 0 && forgotten.length > 0) {
            await forgetSubjects(sealed.ledger, keys, {
              subjects: forgotten,
              request: 'PIPL-TEST',
              actor,
            });
          }
          await sealed.append(history.slice(half));
          if (forgotten.length > 0 && known.length > 0) {
            // The erasure took effect: some field reads back as ERASED.
            let erased = false;
            for await (const event of sealed.ledger.readAll()) {
              erased ||= JSON.stringify(event.data).includes(JSON.stringify(ERASED));
            }
            expect(erased).toBe(true);
          }

          const streams = new Set<string>();
          for await (const event of sealed.ledger.store.readAll()) streams.add(event.streamId);
          for (const streamId of streams) {
            expect((await verifyStream(sealed.ledger.store, streamId)).ok, streamId).toBe(true);
          }
          for (const projection of allReadModels) {
            await runner.catchUp(projection);
            expect((await runner.read(projection))?.state, projection.name).toEqual(
              expected[projection.name],
            );
          }
          expect(await statesOf(sealed.ledger)).toEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  });
});
