// The PostgreSQL server the store-postgres tests use (127.0.0.1:5432, database `test`;
// GRIDLEDGER_PG_URL points elsewhere), a fresh schema per test, and SQL run outside any store.
import { createRequire } from 'node:module';

/** What these helpers use of a pg client. */
interface Client {
  connect(): Promise<unknown>;
  query<R>(sql: string, values: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}

// pg is store-postgres's dependency, not the CLI's: load it from where it is installed.
const fromCli = createRequire(import.meta.url);
const { Client } = createRequire(fromCli.resolve('@gridledger/store-postgres/package.json'))(
  'pg',
) as { Client: new (options: { connectionString: string }) => Client };

export const POSTGRES_URL =
  process.env['GRIDLEDGER_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let made = 0;

/** A schema name no other test (or test process) uses. */
export const freshSchema = (): string =>
  `gl_cli_${process.pid}_${Date.now().toString(36)}_${made++}`;

/** Runs `sql` on a connection of its own, outside any store. */
export async function admin<R = Record<string, unknown>>(
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
