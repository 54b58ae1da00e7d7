// The adapter's own behaviour through @eventstore/db-client 6.x, in a process of its own.
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeAdapterBehaviour } from './testing/suites/index.js';

describeAdapterBehaviour('@eventstore/db-client', (connectionString) =>
  EventStoreDBClient.connectionString(connectionString),
);
