// The store contract through @kurrent/kurrentdb-client 1.x, in a process of its own.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeContractForClient } from './testing/contractSuite.js';

describeContractForClient('@kurrent/kurrentdb-client', (connectionString) =>
  KurrentDBClient.connectionString(connectionString),
);
