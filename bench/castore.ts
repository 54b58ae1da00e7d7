// The Castore side of the memory benchmarks: `@castore/core`'s EventStore on its in-memory
// adapter, doing the same work with the same fold: single-event pushes at the next version (the
// adapter refuses a version that exists), six-event groups, aggregates folded from their events,
// and the whole log read aggregate by aggregate (Castore has no global log).
import { EventStore, EventType } from '@castore/core';
import { InMemoryEventStorageAdapter } from '@castore/event-storage-adapter-in-memory';
import { Dispute, type Actor } from '@gridledger/core';
import { evolveInPlace, initialBenchState, type BenchDisputeState } from './bench-dispute.js';

interface CastoreDetail {
  readonly aggregateId: string;
  readonly version: number;
  readonly type: string;
  readonly timestamp: string;
  readonly payload?: unknown;
  readonly metadata?: unknown;
}

const eventTypes = Dispute.events.map((definition) => new EventType({ type: definition.type }));

export function createCastoreStore() {
  return new EventStore({
    eventStoreId: 'DISPUTES',
    eventTypes,
    // The same fold as every side (Castore's types also want aggregateId and version in it).
    reducer: ((state: BenchDisputeState | undefined, event: CastoreDetail) =>
      evolveInPlace(state ?? initialBenchState(), {
        type: event.type,
        data: event.payload,
      })) as never,
    eventStorageAdapter: new InMemoryEventStorageAdapter(),
  });
}
export type CastoreStore = ReturnType<typeof createCastoreStore>;

/** One event at `version` (Castore counts from 1). */
export const castoreEvent = (
  aggregateId: string,
  version: number,
  event: { readonly type: string; readonly data: unknown },
  actor: Actor,
  occurredAt: string,
) => ({
  aggregateId,
  version,
  type: event.type,
  payload: event.data,
  metadata: { actor, occurredAt },
});

/** Six events of one aggregate in one group, all or none. */
export async function pushGroup(
  store: CastoreStore,
  aggregateId: string,
  events: readonly { readonly type: string; readonly data: unknown }[],
  actor: Actor,
  occurredAt: string,
): Promise<void> {
  const grouped = events.map((event, v) =>
    store.groupEvent(castoreEvent(aggregateId, v + 1, event, actor, occurredAt) as never),
  );
  await (EventStore.pushEventGroup as (...events: unknown[]) => Promise<unknown>)(...grouped);
}

/** Every event of every aggregate, into `each`, as a projection would read Castore. */
export async function readEverything(
  store: CastoreStore,
  each: (event: { readonly type: string }) => void,
): Promise<void> {
  const { aggregateIds } = await store.listAggregateIds();
  for (const { aggregateId } of aggregateIds) {
    const { events } = await store.getEvents(aggregateId);
    for (const event of events) each(event);
  }
}
