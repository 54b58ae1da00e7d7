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
import {
  startEventStoreDbDouble,
  type EventStoreDbDouble,
  type EventStoreDbDoubleOptions,
} from './server.js';

/** Builds the client under test from a connection string. */
export type Connect = (connectionString: string) => TestClient;

export interface StoreTarget {
  readonly client: TestClient;
  /** Present when the target is the double. */
  readonly double: EventStoreDbDouble | undefined;
  /** A store on a namespace no other store of this run uses (or on `namespace` when given). */
  newStore(options?: EventStoreDbEventStoreOptions): EventStoreDbEventStore;
  /** A namespace no other store of this run uses. */
  freshNamespace(): string;
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

const freshNamespace = (): string => `gl-${run}-${++stores}-`;

function target(client: TestClient, double: EventStoreDbDouble | undefined): StoreTarget {
  return {
    client,
    double,
    freshNamespace,
    newStore: (options = {}) =>
      createEventStoreDbEventStore(client, { namespace: freshNamespace(), ...options }),
    close: async () => {
      await client.dispose();
      await double?.close();
    },
  };
}

export interface DoubleTargetOptions {
  /** Connection-string settings for the client, e.g. `{ defaultDeadline: 1000 }`. */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  /** Offer BatchAppend (default) or only Append, as EventStoreDB 20.x did. */
  readonly batchAppend?: boolean;
  /** Further settings of the double (limits, the recent-ids cache). */
  readonly server?: Omit<EventStoreDbDoubleOptions, 'client' | 'batchAppend'>;
}

export async function openDoubleTarget(
  clientPackage: ClientPackage,
  connect: Connect,
  options: DoubleTargetOptions = {},
): Promise<StoreTarget> {
  const double = await startEventStoreDbDouble({
    ...options.server,
    client: clientPackage,
    ...(options.batchAppend === undefined ? {} : { batchAppend: options.batchAppend }),
  });
  return target(connect(double.connectionStringWith(options.settings ?? {})), double);
}

export function openServerTarget(
  clientPackage: ClientPackage,
  connect: Connect,
  url: string,
): StoreTarget {
  return target(connect(connectionStringFor(clientPackage, url)), undefined);
}
