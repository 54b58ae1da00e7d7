// The ledger's fast paths give exactly what the general ones give: the hash it stamps is the hash
// an auditor recomputes, and a store without synchronous reads reads, loads and appends the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import { canonicalJson, hashEvent, hashInputOf, verifyStream } from '@gridledger/core/audit';
import {
  createEventRegistry,
  createLedger,
  defineEvent,
  isStreamNotFound,
  type EventStore,
  type StoredEvent,
} from '@gridledger/core';
import { isSyncRead } from '@gridledger/core/store';
import { Case, caseRegistry, type CaseEvent } from './__fixtures__/caseAggregate.js';
import { collect } from './__fixtures__/stores.js';

const NoteTaken = defineEvent({ type: 'NoteTaken', schema: z.object({ note: z.json() }) });

/** The same store, its reads turned into plain async generators (as a network store's are). */
function withoutSyncReads(store: EventStore): EventStore {
  const plain = async function* (events: AsyncIterable<StoredEvent>) {
    yield* events;
  };
  return {
    ...store,
    append: (streamId, events, options) => store.append(streamId, events, options),
    readStream: (streamId, options) => plain(store.readStream(streamId, options)),
    readAll: (options) => plain(store.readAll(options)),
  };
}

const officer = { id: 'officer-jiang', role: 'community-police-officer' };
const opened: CaseEvent = { type: 'CaseOpened', data: { title: 'TV vs deposit', grid: 'g-07' } };
const graded: CaseEvent = { type: 'CaseGraded', data: { grade: 2 } };

describe('ledger fast paths', () => {
  it('stamps the hash that hashEvent recomputes, for any JSON data, actor and causation', async () => {
    const registry = createEventRegistry([NoteTaken]);
    const actor = fc.record(
      {
        id: fc.string({ minLength: 1 }),
        role: fc.string({ minLength: 1 }),
        name: fc.string({ minLength: 1 }),
      },
      { requiredKeys: ['id', 'role'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 3 }),
        actor,
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        async (notes, by, causationId) => {
          const store = createMemoryEventStore();
          const ledger = createLedger({ store, registry });
          const events = notes.map((note) => ({ type: 'NoteTaken', data: { note } }));
          await ledger.append('notes-1', events, {
            expectedVersion: 'no-stream',
            actor: by,
            ...(causationId === undefined ? {} : { causationId }),
          });
          await ledger.append('notes-1', events.slice(0, 1), { expectedVersion: 'any', actor: by });
          for (const stored of await collect(store.readStream('notes-1'))) {
            expect(hashEvent(hashInputOf(stored))).toBe(stored.metadata.hash);
          }
          expect((await verifyStream(store, 'notes-1')).ok).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes every string and key as JSON does, escapes and lone surrogates included', () => {
    const text = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(text, text, (key, value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(value));
        expect(canonicalJson({ [key]: [value] })).toBe(
          `{${JSON.stringify(key)}:[${JSON.stringify(value)}]}`,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('reads, loads and appends the same through a store that offers no synchronous reads', async () => {
    const memory = createMemoryEventStore();
    expect(isSyncRead(memory.readAll())).toBe(true);
    const store = withoutSyncReads(memory);
    expect(isSyncRead(store.readAll())).toBe(false);
    const fast = createLedger({ store: memory, registry: caseRegistry });
    const slow = createLedger({ store, registry: caseRegistry });

    await fast.append('case-a', [opened], { expectedVersion: 'no-stream', actor: officer });
    await slow.append('case-a', [graded], { expectedVersion: 0, actor: officer });
    await fast.append('case-a', [graded], { expectedVersion: 'stream-exists', actor: officer });
    await slow.append('case-b', [opened, graded], { expectedVersion: 'any', actor: officer });

    expect(await collect(slow.readAll())).toEqual(await collect(fast.readAll()));
    expect(await collect(slow.readStream('case-a'))).toEqual(
      await collect(fast.readStream('case-a')),
    );
    expect(await slow.load(Case, 'a')).toEqual(await fast.load(Case, 'a'));
    expect((await fast.load(Case, 'a')).streamVersion).toBe(2);
    expect(await slow.load(Case, 'missing')).toEqual(await fast.load(Case, 'missing'));
    expect((await verifyStream(memory, 'case-a')).ok).toBe(true);
  });

  it('reads the global log in batches: the same events as readAll, in arrays of at most batchSize', async () => {
    const memory = createMemoryEventStore();
    const fast = createLedger({ store: memory, registry: caseRegistry });
    const slow = createLedger({ store: withoutSyncReads(memory), registry: caseRegistry });
    for (let i = 0; i < 7; i++) {
      await fast.append(`case-${i}`, [opened, graded], {
        expectedVersion: 'no-stream',
        actor: officer,
      });
    }
    const all = await collect(fast.readAll());
    expect(all).toHaveLength(14);
    for (const ledger of [fast, slow]) {
      for (const batchSize of [1, 3, 14, 512]) {
        const batches = await collect(ledger.readAllBatches({ batchSize }));
        expect(batches.every((b) => b.length >= 1 && b.length <= batchSize)).toBe(true);
        expect(batches.slice(0, -1).every((b) => b.length === batchSize)).toBe(true);
        expect(batches.flat()).toEqual(all);
      }
      const after = all[4]!.position;
      const filtered = await collect(ledger.readAllBatches({ types: ['CaseGraded'], after }));
      expect(filtered.flat()).toEqual(
        await collect(ledger.readAll({ types: ['CaseGraded'], after })),
      );
    }
    expect(await collect(fast.readAllBatches({ types: ['CaseClosed'] }))).toEqual([]);
    for (const batchSize of [0, 1.5, -2, '3']) {
      expect(() => fast.readAllBatches({ batchSize: batchSize as number })).toThrow(
        /batchSize: must be a whole number/,
      );
    }
  });

  it('opens a pulled read lazily and reports a missing stream when iterated', async () => {
    const ledger = createLedger({ store: createMemoryEventStore(), registry: caseRegistry });
    const read = ledger.readStream('case-none');
    const error = await collect(read).catch((e: unknown) => e);
    expect(isStreamNotFound(error)).toBe(true);
  });
});
