// Where the tests run the adapter: over the double (always), or against a real EventStoreDB or
// KurrentDB server when GRIDLEDGER_ESDB_URL names one. Each store gets a fresh namespace, so a
// shared server or double still gives every test an empty store.
import { randomUUID } from 'node:crypto';
import {
  createEventStoreDbEventStore,
  type EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from '../eventStoreDbEventStore.js';
import type { TestClient } from './connectClient.js';
import type { ClientPackage } from './protocol.js';
import { startEventStoreDbDouble, type EventStoreDbDouble } from './server.js';

/** Builds the client under test from a connection string. */
export type Connect = (connectionString: string) => TestClient;

export interface StoreTarget {
  readonly client: TestClient;
  /** Present when the target is the double. */
  readonly double: EventStoreDbDouble | undefined;
  /** A store on a namespace no other store of this run uses. */
  newStore(options?: Omit<EventStoreDbEventStoreOptions, 'namespace'>): EventStoreDbEventStore;
  close(): Promise<void>;
}

/** The real server named by GRIDLEDGER_ESDB_URL, if any. */
export const realServerUrl = (): string | undefined =>
  process.env['GRIDLEDGER_ESDB_URL'] || undefined;

/** The same server address in the scheme each client expects (`esdb://` or `kurrentdb://`). */
export function connectionStringFor(clientPackage: ClientPackage, url: string): string {
  return clientPackage === '@kurrent/kurrentdb-client'
    ? url.replace(/^esdb(\+discover)?:\/\//, 'kurrentdb$1://')
    : url.replace(/^(?:kurrentdb|kurrent|kdb)(\+discover)?:\/\//, 'esdb$1://');
}

const run = randomUUID().slice(0, 8);
let stores = 0;

function target(client: TestClient, double: EventStoreDbDouble | undefined): StoreTarget {
  return {
    client,
    double,
    newStore: (options = {}) =>
      createEventStoreDbEventStore(client, { ...options, namespace: `gl-${run}-${++stores}-` }),
    close: async () => {
      await client.dispose();
      await double?.close();
    },
  };
}

export async function openDoubleTarget(
  clientPackage: ClientPackage,
  connect: Connect,
  settings: Readonly<Record<string, string | number | boolean>> = {},
): Promise<StoreTarget> {
  const double = await startEventStoreDbDouble({ client: clientPackage });
  return target(connect(double.connectionStringWith(settings)), double);
}

export function openServerTarget(
  clientPackage: ClientPackage,
  connect: Connect,
  url: string,
): StoreTarget {
  return target(connect(connectionStringFor(clientPackage, url)), undefined);
}
