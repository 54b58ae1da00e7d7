// Many writers on one stream at once: exactly one wins each version, every loser gets a
// ConcurrencyConflictError with what it expected and what it found, nothing is lost or doubled.
import { isConcurrencyConflict, isStreamNotFound, type ExpectedVersion } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent } from './events.js';
import {
  collect,
  resolveOptions,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

export function describeConcurrencyContract(
  name: string,
  factory: StoreFactory,
  options?: ContractOptions,
): void {
  const { writers, rounds } = resolveOptions(options);
  describe(`${name}: concurrent writers on one stream`, () => {
    it(`lets exactly one of ${writers} writers win each of ${rounds} rounds`, async () => {
      await withStore(factory, async (store) => {
        const winners: string[][] = [];
        let expectedVersion: ExpectedVersion = 'no-stream';
        for (let round = 0; round < rounds; round++) {
          // Writers alternate batch sizes so a winner's size shows in the losers' `actual`.
          const batches = Array.from({ length: writers }, (_, w) =>
            Array.from({ length: 1 + (w % 2) }, () =>
              makeEvent({ type: 'PatrolObservationLogged', data: { round, writer: w } }),
            ),
          );
          const settled = await Promise.allSettled(
            batches.map((batch) => store.append('patrol-7', batch, { expectedVersion })),
          );
          const won = settled.flatMap((s, w) => (s.status === 'fulfilled' ? [w] : []));
          expect(won.length).toBe(1);
          const winner = won[0]!;
          const result = settled[winner] as PromiseFulfilledResult<{ streamVersion: number }>;
          const before = expectedVersion === 'no-stream' ? -1 : expectedVersion;
          expect(result.value.streamVersion).toBe(before + batches[winner]!.length);
          for (const s of settled) {
            if (s.status === 'fulfilled') continue;
            expect(isConcurrencyConflict(s.reason)).toBe(true);
            expect(s.reason).toMatchObject({
              streamId: 'patrol-7',
              expected: expectedVersion,
              actual: result.value.streamVersion,
            });
          }
          winners.push(batches[winner]!.map((e) => e.id));
          expectedVersion = result.value.streamVersion;
        }
        const stored = await collect(() => store.readStream('patrol-7'));
        expect(stored.map((e) => e.id)).toEqual(winners.flat());
        expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i));
        expect((await collect(() => store.readAll())).length).toBe(stored.length);
      });
    });

    it(`keeps every event when ${writers} writers retry on conflict until they land`, async () => {
      await withStore(factory, async (store) => {
        const perWriter = Math.max(1, Math.ceil(rounds / 2));
        const writer = async (w: number): Promise<void> => {
          for (let n = 0; n < perWriter; n++) {
            const event = makeEvent({ data: { writer: w, n } });
            // Each failed attempt means another writer landed, so attempts are bounded.
            for (let attempt = 0; ; attempt++) {
              if (attempt > writers * perWriter) throw new Error(`writer ${w} never landed`);
              const [last] = await collect(() =>
                store.readStream('dispute-9', { direction: 'backwards', limit: 1 }),
              ).catch((error: unknown) => {
                if (isStreamNotFound(error)) return [];
                throw error;
              });
              const expected = last === undefined ? 'no-stream' : last.streamVersion;
              try {
                await store.append('dispute-9', [event], { expectedVersion: expected });
                break;
              } catch (error) {
                if (!isConcurrencyConflict(error)) throw error;
              }
            }
          }
        };
        await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
        const stored = await collect(() => store.readStream('dispute-9'));
        expect(stored.length).toBe(writers * perWriter);
        expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i));
        expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
        for (let w = 0; w < writers; w++) {
          const mine = stored.map((e) => e.data as { writer: number; n: number });
          const order = mine.filter((d) => d.writer === w).map((d) => d.n);
          expect(order).toEqual(Array.from({ length: perWriter }, (_, n) => n));
        }
      });
    });

    it(`appends from ${writers} writers with 'any' all land, each once`, async () => {
      await withStore(factory, async (store) => {
        const batches = Array.from({ length: writers * rounds }, (_, i) =>
          Array.from({ length: 1 + (i % 3) }, () => makeEvent({ data: { batch: i } })),
        );
        const results = await Promise.all(
          batches.map((batch) => store.append('grid-member-3', batch, { expectedVersion: 'any' })),
        );
        const stored = await collect(() => store.readStream('grid-member-3'));
        const total = batches.reduce((sum, b) => sum + b.length, 0);
        expect(stored.length).toBe(total);
        expect(new Set(stored.map((e) => e.id))).toEqual(new Set(batches.flat().map((e) => e.id)));
        // Each batch landed whole and contiguous, ending at the version its append reported.
        batches.forEach((batch, i) => {
          const end = results[i]!.streamVersion;
          const slice = stored.slice(end - batch.length + 1, end + 1);
          expect(slice.map((e) => e.id)).toEqual(batch.map((e) => e.id));
        });
      });
    });
  });
}
