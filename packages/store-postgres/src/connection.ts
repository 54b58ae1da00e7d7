// One open store: a node-postgres pool on the store's schema, every call through it turned into
// typed errors, and a reference count so the event store and the read-model store can share it.
import pg, { type ClientConfig, type QueryConfig } from 'pg';
import { ValidationError } from '@gridledger/core';
import { ChangeFeed } from './changeFeed.js';
import { PostgresUnavailableError, sqlstateOf, toStoreError } from './errors.js';
import {
  checkOptions,
  DEFAULTS,
  resolveInput,
  type PostgresConnectionInput,
  type PostgresOptions,
} from './options.js';
import { migrate } from './schema.js';

export type { PostgresConnectionInput, PostgresOptions } from './options.js';

/** One statement; named ones are prepared once per pooled connection. Arrays as rows by choice. */
export interface Statement {
  readonly name?: string;
  readonly text: string;
  readonly values?: unknown[];
  readonly rowMode?: 'array';
}

/**
 * One user's lease on an open store. Each user (the event store, the read-model store) holds its
 * own lease, so closing one refuses further calls through it while the other keeps working; the
 * pool ends when the last lease is released.
 */
export interface PostgresConnection {
  /** For messages: the server, database and schema, without credentials. */
  readonly name: string;
  /** The schema, a plain lower-case identifier safe to write into SQL. */
  readonly schema: string;
  readonly readonly: boolean;
  readonly pollIntervalMs: number;
  readonly reconnectTimeoutMs: number;
  readonly changes: ChangeFeed;
  /** False once this lease (or the whole store) is closed. */
  readonly isOpen: boolean;
  /** Runs one statement on a pooled connection; any failure becomes a typed error. */
  query<R = unknown>(doing: string, statement: Statement): Promise<R[]>;
  /** Runs `work` in one transaction on one pooled connection. */
  transaction<T>(doing: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** A connection of its own, outside the pool (listening, holding advisory locks). */
  dedicatedClient(): pg.Client;
  /** Ends this lease; idempotent. */
  release(): Promise<void>;
}

/** Refuses `doing` (a write) through a connection opened with `readonly: true`. */
export function assertWritable(
  connection: Pick<PostgresConnection, 'name' | 'readonly'>,
  doing: string,
): void {
  if (connection.readonly) {
    throw new PostgresUnavailableError(
      connection.name,
      'read-only',
      `cannot ${doing}: opened with readonly: true`,
    );
  }
}

export interface PostgresStore {
  readonly name: string;
  lease(): PostgresConnection;
}

export async function openStore(
  input: PostgresConnectionInput,
  options: PostgresOptions = {},
): Promise<PostgresStore> {
  checkOptions(options);
  const resolved = resolveInput(input, options);
  if (
    options.schema !== undefined &&
    resolved.schema !== undefined &&
    options.schema !== resolved.schema
  ) {
    throw new ValidationError('PostgreSQL store', [
      {
        path: 'schema',
        message: `the URL names schema '${resolved.schema}' and the options '${options.schema}'`,
      },
    ]);
  }
  const schema = options.schema ?? resolved.schema ?? 'gridledger';
  checkOptions({ schema });
  const readonly = options.readonly ?? false;
  const name = `${resolved.name}?schema=${schema}`;
  // Appends rely on READ COMMITTED (a fresh snapshot per statement after taking the lock), so
  // it is set whatever the server's default; read-only stores are enforced by the server.
  const settings = ['-c default_transaction_isolation=read\\ committed'];
  if (readonly) settings.push('-c default_transaction_read_only=on');
  const config: ClientConfig = {
    application_name: options.applicationName ?? 'gridledger',
    ...resolved.config,
    options: [resolved.config.options, ...settings].filter(Boolean).join(' '),
  };
  const pool = new pg.Pool({
    ...config,
    max: options.maxConnections ?? resolved.config.max ?? DEFAULTS.maxConnections,
  });
  // A connection that dies (a terminated backend, a restart) must not crash the process: idle,
  // the pool drops it; checked out between statements, the next statement on it fails and it is
  // dropped then. Either way the next call takes a new one.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));

  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw toStoreError(name, error, 'open the store', 'connect');
  }
  try {
    await migrate(client, name, schema, !readonly && options.create !== false);
    client.release();
  } catch (error) {
    client.release(true);
    await pool.end();
    throw toStoreError(name, error, 'open the store', 'query');
  }

  const pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const changes = new ChangeFeed(schema, pollIntervalMs, () => new pg.Client(config));
  let leases = 0;
  let storeOpen = true;

  const lease = (): PostgresConnection => {
    if (!storeOpen) {
      throw new PostgresUnavailableError(name, 'closed', 'cannot open a store: it is closed');
    }
    leases++;
    let open = true;
    const checkOpen = (doing: string): void => {
      if (!open || !storeOpen) {
        throw new PostgresUnavailableError(name, 'closed', `cannot ${doing}: the store is closed`);
      }
    };
    const connect = async (doing: string): Promise<pg.PoolClient> => {
      checkOpen(doing);
      try {
        return await pool.connect();
      } catch (error) {
        throw toStoreError(name, error, doing, 'connect');
      }
    };
    // A server error leaves the connection usable; anything else means it is gone.
    const dispose = (used: pg.PoolClient, error: unknown): void => {
      const state = sqlstateOf(error);
      const healthy = state !== undefined && !state.startsWith('08') && !state.startsWith('57P');
      used.release(healthy ? undefined : true);
    };
    return {
      name,
      schema,
      readonly,
      pollIntervalMs,
      reconnectTimeoutMs: options.reconnectTimeoutMs ?? DEFAULTS.reconnectTimeoutMs,
      changes,
      get isOpen() {
        return open && storeOpen;
      },
      async query<R>(doing: string, statement: Statement): Promise<R[]> {
        const used = await connect(doing);
        try {
          const result = await used.query(statement as QueryConfig);
          used.release();
          return result.rows as R[];
        } catch (error) {
          dispose(used, error);
          throw toStoreError(name, error, doing, 'query');
        }
      },
      async transaction<T>(doing: string, work: (client: pg.PoolClient) => Promise<T>) {
        const used = await connect(doing);
        try {
          await used.query('BEGIN');
          const result = await work(used);
          await used.query('COMMIT');
          used.release();
          return result;
        } catch (error) {
          await used.query('ROLLBACK').catch(() => undefined);
          dispose(used, error);
          throw toStoreError(name, error, doing, 'query');
        }
      },
      dedicatedClient: () => new pg.Client(config),
      async release() {
        if (!open) return;
        open = false;
        leases--;
        if (leases > 0) return;
        storeOpen = false;
        await changes.close();
        await pool.end();
      },
    };
  };
  return { name, lease };
}
