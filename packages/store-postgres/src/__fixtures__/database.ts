// The real PostgreSQL server of every machine of this project (127.0.0.1:5432, database `test`),
// and a fresh schema per test, dropped afterwards. GRIDLEDGER_PG_URL points the tests elsewhere.
import pg from 'pg';

export const POSTGRES_URL =
  process.env['GRIDLEDGER_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let made = 0;

/** A schema name no other test (or test process) uses. */
export function freshSchema(): string {
  return `gl_test_${process.pid}_${Date.now().toString(36)}_${made++}`;
}

/** Runs `sql` on a connection of its own, outside any store. */
export async function admin<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
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

/** Terminates every backend whose application_name is `name`; returns how many. */
export async function terminateBackends(name: string): Promise<number> {
  const rows = await admin<{ terminated: boolean }>(
    `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
     WHERE application_name = $1 AND pid <> pg_backend_pid()`,
    [name],
  );
  return rows.filter((row) => row.terminated).length;
}
