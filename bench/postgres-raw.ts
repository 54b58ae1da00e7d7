// The raw node-postgres side of the PostgreSQL bench: what a competent engineer writes directly
// against `pg` for the same work, on the same server, in a schema of its own. An append is one
// autocommitted INSERT (several rows for a batch) of prepared statements, with the expected
// version written into the rows and the unique (stream, version) key refusing a stale writer:
// one round trip, one commit, and no lock shared by appenders, so concurrent commits group.
import { createRequire } from 'node:module';
import type { EventToAppend } from '@gridledger/core';

/** The slice of node-postgres both sides use (its types live in the store's package). */
export interface PgPool {
  query(
    config: string | { name?: string; text: string; values?: unknown[]; rowMode?: 'array' },
  ): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
type PgModule = { Pool: new (config: { connectionString: string; max?: number }) => PgPool };

// The very driver copy the store loads, so both sides run the same node-postgres.
export const pg = createRequire(import.meta.resolve('@gridledger/store-postgres'))(
  'pg',
) as PgModule;

export const BENCH_URL =
  process.env['GRIDLEDGER_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const COLUMNS = 'stream_id, stream_version, event_id, type, schema_version, data, metadata';

export async function openRaw(schema: string) {
  const pool = new pg.Pool({ connectionString: BENCH_URL, max: 8 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema};
    CREATE TABLE ${schema}.events (
      position bigserial PRIMARY KEY, stream_id text COLLATE "C" NOT NULL,
      stream_version integer NOT NULL, event_id text NOT NULL, type text NOT NULL,
      schema_version integer NOT NULL, data text NOT NULL, metadata text NOT NULL,
      UNIQUE (stream_id, stream_version))`);
  const statements = new Map<number, string>();
  /** One INSERT of `count` rows; the statement text is built once per batch size. */
  const insertOf = (count: number): string => {
    let text = statements.get(count);
    if (text === undefined) {
      const tuples = Array.from({ length: count }, (_, r) => {
        const n = r * 7;
        return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7})`;
      });
      text = `INSERT INTO ${schema}.events (${COLUMNS}) VALUES ${tuples.join(', ')}`;
      statements.set(count, text);
    }
    return text;
  };
  return {
    pool,
    /** Appends after version `expected` (-1: a new stream); a stale writer hits the unique key. */
    async append(streamId: string, expected: number, events: readonly EventToAppend[]) {
      const values: unknown[] = [];
      events.forEach((e, i) =>
        values.push(
          streamId,
          expected + 1 + i,
          e.id,
          e.type,
          e.schemaVersion,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
        ),
      );
      await pool.query({
        name: `raw-insert-${events.length}`,
        text: insertOf(events.length),
        values,
      });
    },
    async close() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

type RawRow = [string, string, number, string, string, number, string, string];

/**
 * Reads a log in order as raw `pg` would at its fastest, into the same event shape: pages of a
 * prepared statement by position (never OFFSET), rows as arrays, flat in memory like the store;
 * only events of `types` when given.
 */
export async function rawRead(
  pool: PgPool,
  table: string,
  types: readonly string[] | undefined,
  onEvent: (event: {
    id: string;
    type: string;
    schemaVersion: number;
    streamId: string;
    streamVersion: number;
    position: string;
    data: unknown;
    metadata: unknown;
  }) => void,
): Promise<number> {
  let after = '0';
  let count = 0;
  for (;;) {
    const { rows } = (await pool.query({
      name: `raw-read-${table}-${types === undefined ? 'all' : 'types'}`,
      text: `SELECT position, ${COLUMNS} FROM ${table}
             WHERE position > $1 ${types === undefined ? '' : 'AND type = ANY($2::text[])'}
             ORDER BY position LIMIT 1000`,
      values: types === undefined ? [after] : [after, types],
      rowMode: 'array',
    })) as { rows: RawRow[] };
    for (const row of rows) {
      onEvent({
        id: row[3],
        type: row[4],
        schemaVersion: row[5],
        streamId: row[1],
        streamVersion: row[2],
        position: row[0],
        data: JSON.parse(row[6]) as unknown,
        metadata: JSON.parse(row[7]) as unknown,
      });
    }
    count += rows.length;
    if (rows.length < 1000) return count;
    after = rows[rows.length - 1]![0];
  }
}
