// The store contract through @eventstore/db-client 6.x, in a process of its own.
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeContractForClient } from './testing/contractSuite.js';

describeContractForClient('@eventstore/db-client', (connectionString) =>
  EventStoreDBClient.connectionString(connectionString),
);
