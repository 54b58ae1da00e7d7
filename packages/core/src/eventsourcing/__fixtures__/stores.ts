// Store decorators for the kernel's tests: a rival writer that slips in before an append, and a
// store whose reads lose an event (as a row deleted behind the store's back would).
import { createMemoryEventStore } from './memoryStore.js';
import type { EventStore, EventToAppend, StoredEvent } from '@gridledger/core';

/** Before each of the first `times` appends, `rival` runs (e.g. another writer's append). */
export function withRivalWriter(
  store: EventStore,
  rival: (streamId: string) => Promise<void>,
  times = Infinity,
): EventStore & { readonly appendsSeen: () => number } {
  let seen = 0;
  return {
    ...store,
    appendsSeen: () => seen,
    async append(streamId, events, options) {
      if (seen++ < times) await rival(streamId);
      return store.append(streamId, events, options);
    },
  };
}

/** Reads of any stream skip the event at `version`. */
export function losingVersion(store: EventStore, version: number): EventStore {
  return {
    ...store,
    async *readStream(streamId, options) {
      for await (const event of store.readStream(streamId, options)) {
        if (event.streamVersion !== version) yield event;
      }
    },
  };
}

/** Copies events into a fresh memory store as they are, one raw append each, in order. */
export async function rawCopy(
  streamId: string,
  events: readonly (EventToAppend | StoredEvent)[],
): Promise<EventStore> {
  const copy = createMemoryEventStore();
  for (const { id, type, schemaVersion, data, metadata } of events) {
    await copy.append(streamId, [{ id, type, schemaVersion, data, metadata }], {
      expectedVersion: 'any',
    });
  }
  return copy;
}

export async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const event of events) all.push(event);
  return all;
}
