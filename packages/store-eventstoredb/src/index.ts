// @gridledger/store-eventstoredb: the Gridledger event store on EventStoreDB or KurrentDB.
export {
  createEventStoreDbEventStore,
  type EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventStoreDbEventStore.js';
export type { EventStoreDbSubscribeOptions } from './subscription.js';
export type { ForeignEventPolicy } from './filters.js';
export type {
  EsdbAppendOptions,
  EsdbAppendResultLike,
  EsdbClientLike,
  EsdbEventData,
  EsdbFilterLike,
  EsdbReadAllOptions,
  EsdbReadLike,
  EsdbReadStreamOptions,
  EsdbRecordedEventLike,
  EsdbResolvedEventLike,
  EsdbStreamMetadataResultLike,
  EsdbStreamState,
  EsdbSubscribeToAllOptions,
  EsdbSubscriptionLike,
} from './clientLike.js';
export { ulidToUuid, uuidToUlid } from './ids.js';
