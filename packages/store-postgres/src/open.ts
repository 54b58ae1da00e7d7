// The entry points: a PostgreSQL database, its store schema created or upgraded in one call.
import type { EventStore } from '@gridledger/core';
import { openStore, type PostgresConnectionInput, type PostgresOptions } from './connection.js';
import { createEventStore } from './eventStore.js';
import { createKeyStore, type PostgresKeyStore } from './keyStore.js';
import { createReadModelStore, type PostgresReadModelStore } from './readModelStore.js';

/** The event store and the read-model store of one schema, sharing one connection pool. */
export interface PostgresGridledger {
  /** The server, database and schema, without credentials. */
  readonly name: string;
  readonly events: EventStore;
  readonly readModels: PostgresReadModelStore;
  /** The subjects' keys for personal data (see `createPersonalDataEncoder`). */
  readonly keys: PostgresKeyStore;
  /** Ends live subscriptions, releases claims and closes the pool. */
  close(): Promise<void>;
}

/**
 * Connects (a pool of up to `maxConnections`), creates or upgrades the store's schema, and returns
 * its event store and read-model store. Rejects with PostgresUnavailableError when the server
 * cannot be reached, refuses the credentials, or the schema is foreign, missing (with
 * `create: false`) or from a newer Gridledger.
 */
export async function openPostgres(
  connection: PostgresConnectionInput,
  options: PostgresOptions = {},
): Promise<PostgresGridledger> {
  const opened = await openStore(connection, options);
  const events = createEventStore(opened.lease());
  const readModels = createReadModelStore(opened.lease());
  const keys = createKeyStore(opened.lease());
  return {
    name: opened.name,
    events,
    readModels,
    keys,
    async close() {
      await events.close();
      await readModels.close();
      await keys.close();
    },
  };
}

/** Opens only the event store; see `openPostgres`. */
export async function openPostgresEventStore(
  connection: PostgresConnectionInput,
  options: PostgresOptions = {},
): Promise<EventStore> {
  return createEventStore((await openStore(connection, options)).lease());
}

/** Opens only the read-model store; see `openPostgres`. */
export async function openPostgresReadModelStore(
  connection: PostgresConnectionInput,
  options: PostgresOptions = {},
): Promise<PostgresReadModelStore> {
  return createReadModelStore((await openStore(connection, options)).lease());
}

/** Opens only the key store; see `openPostgres`. */
export async function openPostgresKeyStore(
  connection: PostgresConnectionInput,
  options: PostgresOptions = {},
): Promise<PostgresKeyStore> {
  return createKeyStore((await openStore(connection, options)).lease());
}
