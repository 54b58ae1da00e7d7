// Durability, for stores that keep their data: after closing and reopening, every event, its
// position and each stream's version are as they were, and writing and resuming carry on.
import { isConcurrencyConflict, type EventStore } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import {
  collect,
  rejectionOf,
  withStore,
  type ContractOptions,
  type StoreFactory,
  type StoreUnderTest,
} from './harness.js';

function reopener(underTest: StoreUnderTest): () => Promise<EventStore> {
  const reopen = underTest.reopen?.bind(underTest);
  if (reopen === undefined) {
    throw new Error(
      'the durability contract needs StoreUnderTest.reopen (close the store and open it again on the same data)',
    );
  }
  return reopen;
}

export function describeDurabilityContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: durability across reopen`, () => {
    it('returns the same history, positions included, after reopening', async () => {
      await withStore(factory, async (store, underTest) => {
        await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
        await store.append('visit-1', makeEvents(2, { data: { note: '入户走访 🏠' } }), {
          expectedVersion: 'no-stream',
        });
        const before = await collect(() => store.readAll());
        const reopened = await reopener(underTest)();
        expect(await collect(() => reopened.readAll())).toStrictEqual(before);
        const rest = await collect(() => reopened.readAll({ after: before[1]!.position }));
        expect(rest).toStrictEqual(before.slice(2));
      });
    });

    it('keeps versions and ordering going after reopening', async () => {
      await withStore(factory, async (store, underTest) => {
        const first = await store.append('dispute-1', makeEvents(2), {
          expectedVersion: 'no-stream',
        });
        const reopened = await reopener(underTest)();
        const conflict = await rejectionOf(
          reopened.append('dispute-1', [makeEvent()], { expectedVersion: 'no-stream' }),
        );
        expect(isConcurrencyConflict(conflict)).toBe(true);
        const next = await reopened.append('dispute-1', [makeEvent()], {
          expectedVersion: first.streamVersion,
        });
        expect(next.streamVersion).toBe(2);
        const after = await collect(() => reopened.readAll({ after: first.position }));
        expect(after.map((e) => e.position)).toEqual([next.position]);
      });
    });
  });
}
