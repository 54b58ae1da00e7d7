// Wraps a store so that fast-check's scheduler decides the order in which concurrent reads and
// appends reach it: every interleaving of two offices' steps becomes a test case.
import type fc from 'fast-check';
import type { EventStore, StoredEvent } from '@gridledger/core';

export function scheduledStore(store: EventStore, s: fc.Scheduler): EventStore {
  return {
    ...store,
    name: `scheduled ${store.name}`,
    append: (streamId, events, options) =>
      s
        .schedule(Promise.resolve(), `append ${streamId}`)
        .then(() => store.append(streamId, events, options)),
    readStream: (streamId, options) => ({
      async *[Symbol.asyncIterator](): AsyncGenerator<StoredEvent> {
        await s.schedule(Promise.resolve(), `read ${streamId}`);
        yield* store.readStream(streamId, options);
      },
    }),
  };
}
