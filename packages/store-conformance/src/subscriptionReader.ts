// Pulls a known number of events from a subscription, so tests wait for events, never for time.
import type { StoredEvent, Subscription } from '@gridledger/core';

export interface SubscriptionReader {
  /** The next `count` events; fails if the subscription ends first. */
  take(count: number): Promise<StoredEvent[]>;
  /** Resolves with the events still delivered once the subscription has ended (at most `max`). */
  rest(max?: number): Promise<StoredEvent[]>;
}

export function readerOf(subscription: Subscription): SubscriptionReader {
  const iterator = subscription[Symbol.asyncIterator]();
  return {
    async take(count) {
      const events: StoredEvent[] = [];
      while (events.length < count) {
        const next = await iterator.next();
        if (next.done === true) {
          throw new Error(`subscription ended after ${events.length} of ${count} events`);
        }
        events.push(next.value);
      }
      return events;
    },
    async rest(max = 10_000) {
      const events: StoredEvent[] = [];
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return events;
        if (events.length === max)
          throw new Error(`the subscription kept going past ${max} events`);
        events.push(next.value);
      }
    },
  };
}
