// Subscriptions: catch up on history, then follow live appends, in global order, with filters;
// several subscribers at once, and a slow consumer that must not lose anything.
import type { EventStore } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import { collect, withStore, type ContractOptions, type StoreFactory } from './harness.js';
import { readerOf } from './subscriptionReader.js';

const ids = (events: readonly { id: string }[]): string[] => events.map((e) => e.id);

/** Lets other tasks run, as a consumer doing slow work would (no timers involved). */
const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function history(store: EventStore): Promise<void> {
  await store.append('dispute-1', makeEvents(2, { type: 'DisputeReported' }), {
    expectedVersion: 'no-stream',
  });
  await store.append('visit-1', makeEvents(2, { type: 'VisitConducted' }), {
    expectedVersion: 'no-stream',
  });
  await store.append('dispute-2', makeEvents(1, { type: 'DisputeEscalated' }), {
    expectedVersion: 'no-stream',
  });
}

export function describeSubscriptionContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: subscribe`, () => {
    it('catches up on history, then delivers live appends, in global order', async () => {
      await withStore(factory, async (store) => {
        await history(store);
        const subscription = store.subscribe();
        const reader = readerOf(subscription);
        const caughtUp = await reader.take(5);
        expect(ids(caughtUp)).toEqual(ids(await collect(() => store.readAll())));
        const live = [makeEvent(), makeEvent()];
        await store.append('dispute-1', live, { expectedVersion: 1 });
        await store.append('patrol-1', [makeEvent({ type: 'PatrolStarted' })], {
          expectedVersion: 'no-stream',
        });
        const next = await reader.take(3);
        expect(ids(next.slice(0, 2))).toEqual(ids(live));
        expect(next[2]!.streamId).toBe('patrol-1');
        expect(next.map((e) => e.streamVersion)).toEqual([2, 3, 0]);
        expect(next).toStrictEqual(
          await collect(() => store.readAll({ after: caughtUp[4]!.position })),
        );
        await subscription.close();
        expect(await reader.rest()).toEqual([]);
      });
    });

    it('starts strictly after a given position', async () => {
      await withStore(factory, async (store) => {
        await history(store);
        const all = await collect(() => store.readAll());
        const subscription = store.subscribe({ after: all[2]!.position });
        const reader = readerOf(subscription);
        expect(ids(await reader.take(2))).toEqual(ids(all.slice(3)));
        const live = makeEvent();
        await store.append('visit-1', [live], { expectedVersion: 1 });
        expect(ids(await reader.take(1))).toEqual([live.id]);
        await subscription.close();
      });
    });

    it('waits on an empty store and delivers the first event appended', async () => {
      await withStore(factory, async (store) => {
        const subscription = store.subscribe();
        const reader = readerOf(subscription);
        const pending = reader.take(1);
        const first = makeEvent();
        await store.append('dispute-1', [first], { expectedVersion: 'no-stream' });
        expect(ids(await pending)).toEqual([first.id]);
        await subscription.close();
      });
    });

    it('applies type and stream-prefix filters to catch-up and live events alike', async () => {
      await withStore(factory, async (store) => {
        await history(store);
        const subscription = store.subscribe({
          types: ['DisputeReported', 'DisputeEscalated', 'HazardFound'],
          streamPrefix: 'dispute-',
        });
        const reader = readerOf(subscription);
        const caughtUp = await reader.take(3);
        expect(caughtUp.map((e) => e.type)).toEqual([
          'DisputeReported',
          'DisputeReported',
          'DisputeEscalated',
        ]);
        await store.append('visit-1', [makeEvent({ type: 'HazardFound' })], { expectedVersion: 1 });
        await store.append('dispute-1', [makeEvent({ type: 'DisputeClassified' })], {
          expectedVersion: 1,
        });
        const wanted = makeEvent({ type: 'HazardFound' });
        await store.append('dispute-3', [wanted], { expectedVersion: 'no-stream' });
        expect(ids(await reader.take(1))).toEqual([wanted.id]);
        await subscription.close();
        expect(await reader.rest()).toEqual([]);
      });
    });

    it('serves several subscribers at once, each with its own filter and pace', async () => {
      await withStore(factory, async (store) => {
        await history(store);
        const everything = readerOf(store.subscribe());
        const disputes = readerOf(store.subscribe({ streamPrefix: 'dispute-' }));
        const visits = readerOf(store.subscribe({ types: ['VisitConducted'] }));
        const appends = Promise.all([
          store.append('dispute-4', makeEvents(3), { expectedVersion: 'no-stream' }),
          store.append('visit-2', makeEvents(2, { type: 'VisitConducted' }), {
            expectedVersion: 'no-stream',
          }),
        ]);
        const [all, fromDisputes, fromVisits] = await Promise.all([
          everything.take(10),
          disputes.take(6),
          visits.take(4),
        ]);
        await appends;
        const log = await collect(() => store.readAll());
        expect(ids(all)).toEqual(ids(log));
        expect(ids(fromDisputes)).toEqual(
          ids(log.filter((e) => e.streamId.startsWith('dispute-'))),
        );
        expect(ids(fromVisits)).toEqual(ids(log.filter((e) => e.type === 'VisitConducted')));
      });
    });

    it('loses nothing for a slow consumer while many events are appended', async () => {
      await withStore(factory, async (store) => {
        const subscription = store.subscribe({ streamPrefix: 'patrol-' });
        const total = 300;
        const consumed: string[] = [];
        const consumer = (async () => {
          for await (const event of subscription) {
            consumed.push(event.id);
            await yieldToOthers();
            await yieldToOthers();
            if (consumed.length === total) break;
          }
        })();
        const appended: string[] = [];
        for (let i = 0; i < total / 3; i++) {
          const batch = makeEvents(3, { type: 'PatrolObservationLogged' });
          await store.append(`patrol-${i % 4}`, batch, { expectedVersion: 'any' });
          await store.append('dispute-1', [makeEvent()], { expectedVersion: 'any' });
          appended.push(...ids(batch));
        }
        await consumer;
        expect(consumed).toEqual(appended);
        await subscription.close();
      });
    });
  });
}
