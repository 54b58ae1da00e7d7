// The memory key store, the reference the others are held to.
import { createMemoryKeyStore } from '@gridledger/core';
import { describeKeyStoreContract } from '@gridledger/store-conformance';

describeKeyStoreContract('memory', async () => ({
  keys: createMemoryKeyStore(),
  close: async () => {},
}));
