// What a PostgreSQL store is opened with: where the server is (a URL that may name the schema,
// or a node-postgres config), and the options, checked before anything connects.
import type { PoolConfig } from 'pg';
import { ValidationError, type ValidationIssue } from '@gridledger/core';
import { SCHEMA_NAME } from './schema.js';

export interface PostgresOptions {
  /** The schema holding the store's tables (default `gridledger`; lower-case, ≤ 48 characters). */
  readonly schema?: string;
  /**
   * Open for reading only: the server refuses every write on these connections (appends and
   * saves fail with reason `read-only`), and the schema must already be current.
   */
  readonly readonly?: boolean;
  /** Create (or upgrade) the schema when it is missing or older. Default true unless readonly. */
  readonly create?: boolean;
  /** Most connections in the pool (default 10). Subscriptions hold none while they wait. */
  readonly maxConnections?: number;
  /**
   * How often a live subscription reads the log when no notification came (default 1000 ms):
   * the safety net under LISTEN/NOTIFY, e.g. while the listening connection reconnects.
   */
  readonly pollIntervalMs?: number;
  /**
   * How long a subscription keeps retrying after losing its connection before it fails with
   * `PostgresUnavailableError` (default 30,000 ms).
   */
  readonly reconnectTimeoutMs?: number;
  /** `application_name` of the connections, as `pg_stat_activity` shows them (default `gridledger`). */
  readonly applicationName?: string;
}

/** Where the store is: a connection string (`postgres://…`, `?schema=` allowed) or a pg config. */
export type PostgresConnectionInput = string | PoolConfig;

export const DEFAULTS = { pollIntervalMs: 1000, reconnectTimeoutMs: 30_000, maxConnections: 10 };

export function checkOptions(options: PostgresOptions): void {
  const issues: ValidationIssue[] = [];
  const whole = (name: 'pollIntervalMs' | 'reconnectTimeoutMs' | 'maxConnections', min: number) => {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
      issues.push({ path: name, message: `must be a whole number ≥ ${min}, got ${String(value)}` });
    }
  };
  whole('pollIntervalMs', 1);
  whole('reconnectTimeoutMs', 0);
  whole('maxConnections', 1);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    issues.push({
      path: 'schema',
      message: `must be a lower-case identifier of at most 48 characters (a-z, 0-9, _), got ${JSON.stringify(options.schema)}`,
    });
  }
  if (issues.length > 0) throw new ValidationError('PostgreSQL store options', issues);
}

/** The pg config and the schema named by the input; a URL may carry `?schema=`. */
export function resolveInput(
  input: PostgresConnectionInput,
  options: PostgresOptions,
): { config: PoolConfig; schema: string | undefined; name: string } {
  if (typeof input === 'string') {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new ValidationError('PostgreSQL store', [
        { path: 'connection', message: 'must be a postgres:// or postgresql:// URL' },
      ]);
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ValidationError('PostgreSQL store', [
        {
          path: 'connection',
          message: `must be a postgres:// or postgresql:// URL, got ${url.protocol}//…`,
        },
      ]);
    }
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    const name = `postgres://${url.host}${url.pathname}`;
    return { config: { connectionString: url.href }, schema, name };
  }
  if (typeof input !== 'object' || input === null) {
    throw new ValidationError('PostgreSQL store', [
      { path: 'connection', message: 'must be a connection string or a pg pool config' },
    ]);
  }
  const host = input.host ?? process.env['PGHOST'] ?? 'localhost';
  const port = input.port ?? process.env['PGPORT'] ?? 5432;
  const database = input.database ?? process.env['PGDATABASE'] ?? '';
  return { config: input, schema: options.schema, name: `postgres://${host}:${port}/${database}` };
}
