// Appends: new and existing streams, every expected-version form, and the conflict error that
// carries what was expected and what was found. A refused append writes nothing.
import { isConcurrencyConflict, type ExpectedVersion } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import {
  collect,
  rejectionOf,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

export function describeAppendContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: append`, () => {
    it('creates a stream at version 0 and returns the last version and its position', async () => {
      await withStore(factory, async (store) => {
        const events = makeEvents(3);
        const result = await store.append('dispute-1', events, { expectedVersion: 'no-stream' });
        expect(result.streamVersion).toBe(2);
        const read = await collect(() => store.readStream('dispute-1'));
        expect(read.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.every((e) => e.streamId === 'dispute-1')).toBe(true);
        expect(read[2]!.position).toBe(result.position);
        expect(typeof result.position).toBe('string');
        // Optional in the port; when a store reports every position, they must be the real ones.
        if (result.positions !== undefined) {
          expect(result.positions).toEqual(read.map((e) => e.position));
        }
      });
    });

    it('continues an existing stream from its last version', async () => {
      await withStore(factory, async (store) => {
        const first = await store.append('dispute-1', makeEvents(2), {
          expectedVersion: 'no-stream',
        });
        const second = await store.append('dispute-1', makeEvents(3), {
          expectedVersion: first.streamVersion,
        });
        expect(second.streamVersion).toBe(4);
        const read = await collect(() => store.readStream('dispute-1'));
        expect(read.map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4]);
      });
    });

    // [expected, state of the stream before, should it succeed, actual reported on conflict]
    const table: [ExpectedVersion, 'missing' | 'at 1', boolean, number | 'no-stream'][] = [
      ['no-stream', 'missing', true, 'no-stream'],
      ['no-stream', 'at 1', false, 1],
      ['stream-exists', 'missing', false, 'no-stream'],
      ['stream-exists', 'at 1', true, 1],
      ['any', 'missing', true, 'no-stream'],
      ['any', 'at 1', true, 1],
      [1, 'at 1', true, 1],
      [0, 'at 1', false, 1],
      [2, 'at 1', false, 1],
      [0, 'missing', false, 'no-stream'],
      [5, 'missing', false, 'no-stream'],
    ];
    it.each(table)(
      'expected version %j on a stream %s: succeeds = %s (actual %j)',
      async (expectedVersion, before, succeeds, actual) => {
        await withStore(factory, async (store) => {
          if (before === 'at 1') {
            await store.append('visit-9', makeEvents(2), { expectedVersion: 'no-stream' });
          }
          const attempt = store.append('visit-9', [makeEvent({ type: 'VisitConducted' })], {
            expectedVersion,
          });
          if (succeeds) {
            const result = await attempt;
            expect(result.streamVersion).toBe(before === 'at 1' ? 2 : 0);
            return;
          }
          const error = await rejectionOf(attempt);
          expect(isConcurrencyConflict(error)).toBe(true);
          expect(error).toMatchObject({
            code: 'CONCURRENCY_CONFLICT',
            streamId: 'visit-9',
            expected: expectedVersion,
            actual,
          });
          // Nothing was written by the refused append.
          const left = await collect(() => store.readAll());
          expect(left.length).toBe(before === 'at 1' ? 2 : 0);
          expect(left.some((e) => e.type === 'VisitConducted')).toBe(false);
        });
      },
    );

    it('keeps streams apart: versions count per stream, from 0 in each', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
        const other = await store.append('dispute-2', makeEvents(1), {
          expectedVersion: 'no-stream',
        });
        await store.append('dispute-1', makeEvents(1), { expectedVersion: 1 });
        expect(other.streamVersion).toBe(0);
        const one = await collect(() => store.readStream('dispute-1'));
        const two = await collect(() => store.readStream('dispute-2'));
        expect(one.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
        expect(two.map((e) => e.streamVersion)).toEqual([0]);
      });
    });

    it('treats stream ids as exact, case-sensitive, unicode strings', async () => {
      await withStore(factory, async (store) => {
        const ids = ['dispute-徐宅-1', 'Dispute-徐宅-1', 'dispute-徐宅-1 ', 'dispute/🏠/1'];
        for (const id of ids) {
          await store.append(id, [makeEvent()], { expectedVersion: 'no-stream' });
        }
        for (const id of ids) {
          const read = await collect(() => store.readStream(id));
          expect(read.map((e) => e.streamId)).toEqual([id]);
        }
      });
    });
  });
}
