// A ledger appending right after its own last append needs no read of the stream's head; any
// other writer in between is caught by the store's exact-version check, and the chain holds.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConcurrencyConflictError,
  createEventRegistry,
  createLedger,
  defineEvent,
  type Actor,
  type EventStore,
} from '@gridledger/core';
import { verifyStream } from '@gridledger/core/audit';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import { StreamHeads } from './streamHeads.js';

const NoteTaken = defineEvent({ type: 'NoteTaken', schema: z.object({ note: z.string() }) });
const registry = createEventRegistry([NoteTaken]);
const officer: Actor = { id: 'officer-jiang', role: 'community-police-officer' };
const note = (text: string) => [{ type: 'NoteTaken', data: { note: text } }];

/** A store that counts the stream reads made through it. */
function counting(store: EventStore): EventStore & { readonly reads: () => number } {
  let reads = 0;
  return {
    ...store,
    reads: () => reads,
    readStream: (streamId, options) => {
      reads++;
      return store.readStream(streamId, options);
    },
  };
}

describe('stream heads a ledger remembers', () => {
  it('appends right after its own last append without reading the stream', async () => {
    const store = counting(createMemoryEventStore());
    const ledger = createLedger({ store, registry });
    await ledger.append('notes-1', note('a'), { expectedVersion: 'no-stream', actor: officer });
    for (let v = 0; v < 5; v++) {
      await ledger.append('notes-1', note(`b${v}`), { expectedVersion: v, actor: officer });
    }
    expect(store.reads()).toBe(0);
    // Any other expectation reads the head from the store.
    await ledger.append('notes-1', note('c'), { expectedVersion: 'any', actor: officer });
    expect(store.reads()).toBe(1);
    expect((await verifyStream(store, 'notes-1')).ok).toBe(true);
  });

  it('is refused at the exact version when another writer appended in between, then reads afresh', async () => {
    const shared = createMemoryEventStore();
    const store = counting(shared);
    const mine = createLedger({ store, registry });
    const theirs = createLedger({ store: shared, registry });
    await mine.append('notes-2', note('a'), { expectedVersion: 'no-stream', actor: officer });
    await theirs.append('notes-2', note('b'), { expectedVersion: 0, actor: officer });
    // Expecting the version it wrote last: the store has moved on, and says so.
    await expect(
      mine.append('notes-2', note('c'), { expectedVersion: 0, actor: officer }),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    // Expecting the version the stream has now: read, chained after the other writer's event.
    await mine.append('notes-2', note('c'), { expectedVersion: 1, actor: officer });
    expect(store.reads()).toBe(1);
    const verified = await verifyStream(shared, 'notes-2');
    expect(verified).toMatchObject({ ok: true });
  });

  it('forgets a stream whose append failed, and remembers only so many', () => {
    const heads = new StreamHeads(2);
    heads.wrote('a', { streamVersion: 0, hash: 'h-a' });
    heads.wrote('b', { streamVersion: 3, hash: 'h-b' });
    expect(heads.at('a', 0)).toEqual({ streamVersion: 0, hash: 'h-a' });
    expect(heads.at('a', 1)).toBeUndefined();
    heads.wrote('a', { streamVersion: 1, hash: 'h-a1' });
    heads.wrote('c', { streamVersion: 0, hash: 'h-c' });
    // `a` was remembered first: dropped first, while `b` and `c` stay.
    expect(heads.at('a', 1)).toBeUndefined();
    expect(heads.at('b', 3)).toEqual({ streamVersion: 3, hash: 'h-b' });
    heads.forget('b');
    expect(heads.at('b', 3)).toBeUndefined();
    expect(heads.at('c', 0)).toEqual({ streamVersion: 0, hash: 'h-c' });
  });
});
