// The adapter's own behaviour through @kurrent/kurrentdb-client 1.x, in a process of its own.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeAdapterBehaviour } from './testing/suites/index.js';

describeAdapterBehaviour('@kurrent/kurrentdb-client', (connectionString) =>
  KurrentDBClient.connectionString(connectionString),
);
