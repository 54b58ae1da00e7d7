// The one EventStore contract, run against a fresh SQLite file per test, reopening included.
import type { EventStore } from '@gridledger/core';
import { describeEventStoreContract } from '@gridledger/store-conformance';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import { makeTempDir } from './__fixtures__/temp.js';

describeEventStoreContract(
  'sqlite',
  async () => {
    const dir = makeTempDir();
    const file = dir.file('contract.gridledger');
    let store: EventStore = openSqliteEventStore(file);
    return {
      store,
      async reopen() {
        await store.close();
        store = openSqliteEventStore(file);
        return store;
      },
      async dispose() {
        await store.close();
        dir.remove();
      },
    };
  },
  { durable: true },
);
