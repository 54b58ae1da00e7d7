// Turns node-postgres errors into Gridledger's typed errors: by SQLSTATE for errors the server
// sent, and by where they happened for the driver's own (a failed connect, a dropped socket),
// never by message text, so no raw driver error ever reaches a caller.
import { StoreUnavailableError, isGridledgerError, isStoreUnavailable } from '@gridledger/core';

/** Why a PostgreSQL store could not serve. Stable identifiers a caller can branch on. */
export type PostgresUnavailableReason =
  /** No connection could be made: refused, unknown host, timed out, server starting or full. */
  | 'unreachable'
  /** An open connection was lost mid-call (terminated backend, server restart, network). */
  | 'connection-lost'
  /** The server refused the credentials. */
  | 'auth'
  /** The database named in the connection does not exist. */
  | 'no-database'
  /** The schema holds tables that Gridledger did not create. */
  | 'not-gridledger'
  /** Opened without creating (`create: false` or `readonly`) and the schema is not there. */
  | 'missing'
  /** Written by a newer Gridledger whose schema this version does not know. */
  | 'newer-schema'
  /** Written by an older Gridledger; open it once without `readonly` to upgrade it. */
  | 'needs-upgrade'
  /** A write on a store opened with `readonly: true`, or a read-only server (a standby). */
  | 'read-only'
  /** The role lacks a privilege on the schema, its tables or its function. */
  | 'permission'
  /** A statement or lock timeout, or a cancelled statement. */
  | 'timeout'
  /** The server ran out of disk, memory or another resource. */
  | 'resources'
  /** The store was closed. */
  | 'closed'
  /** Any other driver failure (the cause carries the driver's error and its SQLSTATE). */
  | 'driver';

/** A StoreUnavailableError (code `STORE_UNAVAILABLE`) that also says why, and the SQLSTATE. */
export class PostgresUnavailableError extends StoreUnavailableError {
  readonly reason: PostgresUnavailableReason;
  /** The server's SQLSTATE when the server reported the failure, e.g. `57P01`. */
  readonly sqlstate: string | undefined;
  constructor(
    store: string,
    reason: PostgresUnavailableReason,
    message: string,
    options?: { cause?: unknown; sqlstate?: string | undefined },
  ) {
    super(store, `${message} [${reason}]`, options);
    this.reason = reason;
    this.sqlstate = options?.sqlstate;
  }
}

/** True for a PostgresUnavailableError from any copy of this package. */
export function isPostgresUnavailable(error: unknown): error is PostgresUnavailableError {
  return (
    isStoreUnavailable(error) &&
    typeof (error as { reason?: unknown }).reason === 'string' &&
    'sqlstate' in error
  );
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The SQLSTATE of an error the server sent. node-postgres gives those a `severity`; its own and
 * Node's socket errors have none (and `EPIPE` would otherwise pass for a SQLSTATE).
 */
export function sqlstateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && SQLSTATE.test(code)
    ? code
    : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** Exact SQLSTATEs first, then whole classes (the first two characters). */
const bySqlstate: Readonly<Record<string, readonly [PostgresUnavailableReason, string]>> = {
  '57P01': ['connection-lost', 'the server terminated the connection'],
  '57P02': ['connection-lost', 'the server crashed'],
  '57P03': ['unreachable', 'the server is starting up or shutting down'],
  '57P05': ['connection-lost', 'the connection was idle too long'],
  '57014': ['timeout', 'the statement was cancelled or timed out'],
  '55P03': ['timeout', 'a lock could not be taken in time'],
  '25006': ['read-only', 'the transaction is read-only'],
  '3D000': ['no-database', 'the database does not exist'],
  '42501': ['permission', 'permission denied'],
  '53300': ['unreachable', 'the server has too many connections'],
};
const byClass: Readonly<Record<string, readonly [PostgresUnavailableReason, string]>> = {
  '08': ['connection-lost', 'the connection failed'],
  '28': ['auth', 'the server refused the credentials'],
  '53': ['resources', 'the server ran out of resources'],
  '58': ['resources', 'the server reported a system error'],
};

/**
 * Maps any error met while talking to PostgreSQL to a typed one. Gridledger errors pass through.
 * `stage` says where it happened: an error without a SQLSTATE while connecting means the server
 * could not be reached; during a query, that the connection was lost.
 */
export function toStoreError(
  store: string,
  error: unknown,
  doing: string,
  stage: 'connect' | 'query',
): Error {
  if (isGridledgerError(error)) return error;
  const sqlstate = sqlstateOf(error);
  if (sqlstate === undefined) {
    const [reason, what] =
      stage === 'connect'
        ? (['unreachable', 'could not connect to the server'] as const)
        : (['connection-lost', 'the connection to the server was lost'] as const);
    const detail = (error as { code?: unknown } | null)?.code;
    const suffix = typeof detail === 'string' ? ` (${detail})` : '';
    return new PostgresUnavailableError(store, reason, `cannot ${doing}: ${what}${suffix}`, {
      cause: error,
    });
  }
  const [reason, what] = bySqlstate[sqlstate] ??
    byClass[sqlstate.slice(0, 2)] ?? ['driver', 'the server reported an error'];
  return new PostgresUnavailableError(store, reason, `cannot ${doing}: ${what} (${sqlstate})`, {
    cause: error,
    sqlstate,
  });
}
