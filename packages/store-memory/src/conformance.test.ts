// The memory store against the shared EventStore contract, like every other store.
import { describeEventStoreContract } from '@gridledger/store-conformance';
import { createMemoryEventStore } from './index.js';

describeEventStoreContract('memory', async () => ({
  store: createMemoryEventStore(),
  dispose: async () => {},
}));
