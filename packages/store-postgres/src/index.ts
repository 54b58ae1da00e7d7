// @gridledger/store-postgres: the event store for many app servers sharing one PostgreSQL log.
export {
  openPostgres,
  openPostgresEventStore,
  openPostgresKeyStore,
  openPostgresReadModelStore,
  type PostgresGridledger,
} from './open.js';
export type { PostgresKeyStore } from './keyStore.js';
export type { PostgresConnectionInput, PostgresOptions } from './connection.js';
export type { PostgresReadModelStore } from './readModelStore.js';
export {
  PostgresUnavailableError,
  isPostgresUnavailable,
  type PostgresUnavailableReason,
} from './errors.js';
export { SCHEMA_VERSION } from './schema.js';
