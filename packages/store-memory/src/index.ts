// @gridledger/store-memory: the in-memory reference implementation of the EventStore port.
export { createMemoryEventStore, type MemoryEventStoreOptions } from './memoryEventStore.js';
