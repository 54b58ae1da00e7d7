// @gridledger/store-sqlite: the durable embedded event store, one SQLite file, zero set-up.
export {
  openSqlite,
  openSqliteEventStore,
  openSqliteKeyStore,
  openSqliteReadModelStore,
} from './open.js';
export type { SqliteKeyStore } from './keyStore.js';
export type { SqliteGridledger } from './open.js';
export type { SqliteOptions } from './connection.js';
export type { SqliteReadModelStore } from './readModelStore.js';
export {
  SqliteUnavailableError,
  isSqliteUnavailable,
  type SqliteUnavailableReason,
} from './errors.js';
export { SCHEMA_VERSION, APPLICATION_ID } from './schema.js';
