// Ending subscriptions: close(), an AbortSignal, leaving a for-await loop, or closing the store
// all end the iteration cleanly (no error), whether it is catching up or waiting for live events.
import type { StoredEvent, Subscription } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import { withStore, type ContractOptions, type StoreFactory } from './harness.js';
import { readerOf } from './subscriptionReader.js';

/**
 * Consumes a subscription in a for-await loop, calling `onEvent` after each event; resolves
 * with everything received when the loop ends by itself.
 */
async function consume(
  subscription: Subscription,
  onEvent: (received: readonly StoredEvent[]) => Promise<void> | void = () => {},
): Promise<StoredEvent[]> {
  const received: StoredEvent[] = [];
  for await (const event of subscription) {
    if (received.length === 10_000) throw new Error('the subscription did not end');
    received.push(event);
    await onEvent(received);
  }
  return received;
}

export function describeSubscriptionLifecycleContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: ending a subscription`, () => {
    it('close() ends a loop that is waiting for live events', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
        const subscription = store.subscribe();
        let caughtUp!: () => void;
        const reachedLive = new Promise<void>((resolve) => (caughtUp = resolve));
        const loop = consume(subscription, (received) => {
          if (received.length === 3) caughtUp();
        });
        await reachedLive;
        await subscription.close();
        expect((await loop).length).toBe(3);
      });
    });

    it('close() during catch-up stops delivery and ends the loop', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(20), { expectedVersion: 'no-stream' });
        const subscription = store.subscribe();
        const received = await consume(subscription, async (so) => {
          if (so.length === 5) await subscription.close();
        });
        expect(received.length).toBe(5);
        await subscription.close();
      });
    });

    it('an AbortSignal ends the loop, while waiting and during catch-up', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(4), { expectedVersion: 'no-stream' });
        const waiting = new AbortController();
        const first = store.subscribe({ signal: waiting.signal });
        const reader = readerOf(first);
        expect((await reader.take(4)).length).toBe(4);
        const pending = reader.rest();
        waiting.abort();
        expect(await pending).toEqual([]);

        const midway = new AbortController();
        const second = store.subscribe({ signal: midway.signal });
        const received = await consume(second, (so) => {
          if (so.length === 2) midway.abort();
        });
        expect(received.length).toBe(2);
      });
    });

    it('an already aborted signal delivers nothing', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
        const controller = new AbortController();
        controller.abort();
        expect(await consume(store.subscribe({ signal: controller.signal }))).toEqual([]);
      });
    });

    it('leaving the loop early ends that subscription only', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
        const leaving = store.subscribe();
        const staying = readerOf(store.subscribe());
        for await (const _ of leaving) break;
        await store.append('dispute-1', [makeEvent()], { expectedVersion: 2 });
        expect((await staying.take(4)).length).toBe(4);
      });
    });

    it('closing the store ends its subscriptions cleanly', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
        const subscriptions = [store.subscribe(), store.subscribe({ types: ['VisitConducted'] })];
        const waiting = readerOf(subscriptions[0]!);
        expect((await waiting.take(2)).length).toBe(2);
        const loops = [waiting.rest(), consume(subscriptions[1]!)];
        await store.close();
        expect(await Promise.all(loops)).toEqual([[], []]);
      });
    });
  });
}
