// Builds the real client of the double's package, connected to it: what an application does
// with its own connection string.
import { createRequire } from 'node:module';
import type { EsdbClientLike, EsdbSubscriptionLike } from '../clientLike.js';
import type { EventStoreDbDouble } from './server.js';

/** A client as tests use it: the adapter's view plus the stream operations operators use. */
export interface TestClient extends EsdbClientLike {
  deleteStream(streamName: string, options?: object): Promise<unknown>;
  tombstoneStream(streamName: string, options?: object): Promise<unknown>;
  setStreamMetadata(streamName: string, metadata: object): Promise<unknown>;
  subscribeToStream(streamName: string, options?: object): EsdbSubscriptionLike;
}

type ClientClass = { connectionString(connectionString: string): TestClient };

/** `EventStoreDBClient.connectionString(…)` or `KurrentDBClient.connectionString(…)`. */
export function connectClient(
  double: EventStoreDbDouble,
  settings: Readonly<Record<string, string | number | boolean>> = {},
): TestClient {
  const load = createRequire(import.meta.url);
  const connection = double.connectionStringWith(settings);
  if (double.client === '@kurrent/kurrentdb-client') {
    const { KurrentDBClient } = load(double.client) as { KurrentDBClient: ClientClass };
    return KurrentDBClient.connectionString(connection);
  }
  const { EventStoreDBClient } = load(double.client) as { EventStoreDBClient: ClientClass };
  return EventStoreDBClient.connectionString(connection);
}
