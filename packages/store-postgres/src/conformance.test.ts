// The one EventStore contract, run against the real PostgreSQL server, each test (and each
// property run) in a fresh schema, reopening included.
import type { EventStore } from '@gridledger/core';
import { describeEventStoreContract } from '@gridledger/store-conformance';
import { openPostgresEventStore } from '@gridledger/store-postgres';
import { dropSchema, freshSchema, POSTGRES_URL } from './__fixtures__/database.js';

describeEventStoreContract(
  'postgres',
  async () => {
    const schema = freshSchema();
    const open = () => openPostgresEventStore(POSTGRES_URL, { schema, maxConnections: 4 });
    let store: EventStore = await open();
    return {
      store,
      async reopen() {
        await store.close();
        return (store = await open());
      },
      async dispose() {
        await store.close();
        await dropSchema(schema);
      },
    };
  },
  { durable: true },
);
