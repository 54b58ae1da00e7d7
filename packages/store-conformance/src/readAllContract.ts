// Reading the global log: commit order across streams, resuming strictly after a position,
// type and stream-prefix filters (alone, together, rarely matching), limits, and counting.
import type { EventStore, GlobalFilter, ReadAllOptions, StoredEvent } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import { collect, withStore, type ContractOptions, type StoreFactory } from './harness.js';

interface Committed {
  readonly streamId: string;
  readonly type: string;
  readonly id: string;
}

/** Appends a mixed history across streams one batch at a time; returns it in commit order. */
async function mixedHistory(store: EventStore): Promise<Committed[]> {
  const plan: [string, string[]][] = [
    ['dispute-1', ['DisputeReported', 'DisputeClassified']],
    ['visit-1', ['VisitScheduled']],
    ['dispute-2', ['DisputeReported']],
    ['patrol-1', ['PatrolScheduled', 'PatrolStarted', 'HazardFound']],
    ['dispute-1', ['MediationSessionHeld']],
    ['visit-1', ['VisitConducted', 'HazardFound']],
    ['dispute-10', ['DisputeReported', 'DisputeEscalated']],
    ['dispute-2', ['DisputeClassified']],
  ];
  const committed: Committed[] = [];
  for (const [streamId, types] of plan) {
    const events = types.map((type) => makeEvent({ type }));
    await store.append(streamId, events, { expectedVersion: 'any' });
    for (const e of events) committed.push({ streamId, type: e.type, id: e.id });
  }
  return committed;
}

const ids = (events: readonly { id: string }[]): string[] => events.map((e) => e.id);

function matching(history: readonly Committed[], filter: GlobalFilter): Committed[] {
  return history.filter(
    (e) =>
      (filter.types === undefined || filter.types.includes(e.type)) &&
      (filter.streamPrefix === undefined || e.streamId.startsWith(filter.streamPrefix)),
  );
}

export function describeReadAllContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: readAll`, () => {
    it('returns every event in commit order across streams', async () => {
      await withStore(factory, async (store) => {
        const history = await mixedHistory(store);
        const all = await collect(() => store.readAll());
        expect(ids(all)).toEqual(ids(history));
        expect(all.map((e) => e.streamId)).toEqual(history.map((e) => e.streamId));
        expect(new Set(all.map((e) => e.position)).size).toBe(all.length);
      });
    });

    it('reads an empty store as empty', async () => {
      await withStore(factory, async (store) => {
        expect(await collect(() => store.readAll())).toEqual([]);
        if (store.countEvents) expect(await store.countEvents()).toBe(0);
      });
    });

    it('resumes strictly after each position, including an append result position', async () => {
      await withStore(factory, async (store) => {
        const history = await mixedHistory(store);
        const all = await collect(() => store.readAll());
        for (let i = 0; i < all.length; i++) {
          const rest = await collect(() => store.readAll({ after: all[i]!.position }));
          expect(ids(rest)).toEqual(ids(history.slice(i + 1)));
        }
        const result = await store.append('visit-2', makeEvents(2), { expectedVersion: 'any' });
        const lastBefore = all[all.length - 1]!.position;
        const added = await collect(() => store.readAll({ after: lastBefore }));
        expect(added.map((e) => e.streamId)).toEqual(['visit-2', 'visit-2']);
        expect(added[1]!.position).toBe(result.position);
        expect(await collect(() => store.readAll({ after: result.position }))).toEqual([]);
      });
    });

    it.each<[string, ReadAllOptions]>([
      ['limit 0', { limit: 0 }],
      ['limit 1', { limit: 1 }],
      ['limit 4', { limit: 4 }],
      ['a limit above the total', { limit: 1000 }],
    ])('honours %s', async (_, options) => {
      await withStore(factory, async (store) => {
        const history = await mixedHistory(store);
        const read = await collect(() => store.readAll(options));
        expect(ids(read)).toEqual(ids(history.slice(0, options.limit)));
      });
    });

    const filters: [string, GlobalFilter][] = [
      ['one type', { types: ['DisputeReported'] }],
      ['several types', { types: ['HazardFound', 'DisputeReported', 'VisitScheduled'] }],
      ['a type never stored', { types: ['PatrolCompleted'] }],
      ['a stream prefix', { streamPrefix: 'dispute-' }],
      ['a prefix that is a whole stream id and more', { streamPrefix: 'dispute-1' }],
      ['a prefix matching nothing', { streamPrefix: 'grid-member-' }],
      ['types and a prefix together', { types: ['HazardFound'], streamPrefix: 'visit-' }],
      ['a rare match deep in the log', { types: ['DisputeEscalated'], streamPrefix: 'dispute-' }],
    ];
    it.each(filters)('filters by %s, in commit order', async (_, filter) => {
      await withStore(factory, async (store) => {
        const history = await mixedHistory(store);
        const read = await collect(() => store.readAll(filter));
        expect(ids(read)).toEqual(ids(matching(history, filter)));
      });
    });

    it.each(filters)('filters by %s after a position and with a limit', async (_, filter) => {
      await withStore(factory, async (store) => {
        const history = await mixedHistory(store);
        const all = await collect(() => store.readAll());
        const after = all[3]!.position;
        const expected = matching(history.slice(4), filter);
        const read = await collect(() => store.readAll({ ...filter, after, limit: 2 }));
        expect(ids(read)).toEqual(ids(expected.slice(0, 2)));
        if (store.countEvents) {
          expect(await store.countEvents({ ...filter, after })).toBe(expected.length);
          expect(await store.countEvents({ ...filter, after, limit: 2 })).toBe(
            Math.min(2, expected.length),
          );
        }
      });
    });

    it('finds the only match among many events', async () => {
      await withStore(factory, async (store) => {
        for (let i = 0; i < 20; i++) {
          await store.append(`patrol-${i}`, makeEvents(10, { type: 'ObservationLogged' }), {
            expectedVersion: 'no-stream',
          });
        }
        const needle = makeEvent({ type: 'DisputeTurnedCriminal' });
        await store.append('dispute-1', [needle], { expectedVersion: 'no-stream' });
        await store.append('patrol-0', makeEvents(5, { type: 'ObservationLogged' }), {
          expectedVersion: 9,
        });
        const found: StoredEvent[] = await collect(() =>
          store.readAll({ types: ['DisputeTurnedCriminal'] }),
        );
        expect(ids(found)).toEqual([needle.id]);
        const byPrefix = await collect(() => store.readAll({ streamPrefix: 'dispute-' }));
        expect(ids(byPrefix)).toEqual([needle.id]);
        const fromMatch = await collect(() =>
          store.readAll({ after: found[0]!.position, types: ['DisputeTurnedCriminal'] }),
        );
        expect(fromMatch).toEqual([]);
        if (store.countEvents) {
          expect(await store.countEvents()).toBe(206);
          expect(await store.countEvents({ types: ['DisputeTurnedCriminal'] })).toBe(1);
        }
      });
    });
  });
}
