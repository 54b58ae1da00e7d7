// The store's tables live in a schema of their own (default `gridledger`), created and upgraded
// by versioned migrations when the store opens. `<schema>.gridledger_schema` lists the steps
// applied; a schema from a newer Gridledger is refused rather than guessed at.
import type { PoolClient } from 'pg';
import { PostgresUnavailableError } from './errors.js';

export interface Migration {
  /** The schema version this step produces (1, 2, …). */
  readonly version: number;
  readonly description: string;
  /** The step's SQL for the schema named `s` (already a valid identifier). */
  readonly sql: (s: string) => string;
}

/** The NOTIFY channel appends of schema `s` announce themselves on. */
export const channelOf = (s: string): string => `gridledger_${s}`;

/**
 * Every schema version, oldest first. Never edit a released step: schemas in the field were
 * written by it. Change the schema by appending a step.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'the event log',
    // COLLATE "C": identifiers compare as bytes, which is faster and the same order as JavaScript's.
    sql: (s) => `
      CREATE TABLE ${s}.events (
        position       bigint  PRIMARY KEY,
        stream_id      text    COLLATE "C" NOT NULL,
        stream_version integer NOT NULL,
        event_id       text    COLLATE "C" NOT NULL,
        type           text    COLLATE "C" NOT NULL,
        schema_version integer NOT NULL,
        data           text    NOT NULL,
        metadata       text    NOT NULL,
        CONSTRAINT events_stream_version UNIQUE (stream_id, stream_version)
      );
      -- The last position handed out. Every append locks this one row until it commits: see
      -- append.ts for why that makes positions gap-free in commit order.
      CREATE TABLE ${s}.log_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position  bigint  NOT NULL
      );
      INSERT INTO ${s}.log_head (position) VALUES (0);

      -- One call per append: lock the head, check the expected version, insert, announce.
      -- p_expected: a version ≥ 0, or -1 any, -2 no stream, -3 stream exists.
      CREATE FUNCTION ${s}.append_events(
        p_stream_id text, p_expected bigint, p_event_ids text[], p_types text[],
        p_schema_versions integer[], p_data text[], p_metadata text[],
        OUT appended boolean, OUT last_version integer, OUT last_position bigint)
      LANGUAGE plpgsql AS $append$
      DECLARE
        v_count integer := cardinality(p_event_ids);
      BEGIN
        SELECT h.position INTO last_position FROM ${s}.log_head h FOR UPDATE;
        -- A new statement, so a new snapshot: it sees every append committed before the lock.
        SELECT e.stream_version INTO last_version FROM ${s}.events e
          WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;
        last_version := coalesce(last_version, -1);
        appended := p_expected = -1 OR (p_expected = -2 AND last_version = -1)
          OR (p_expected = -3 AND last_version >= 0) OR p_expected = last_version;
        IF NOT appended THEN
          RETURN;
        END IF;
        INSERT INTO ${s}.events
          (position, stream_id, stream_version, event_id, type, schema_version, data, metadata)
        SELECT last_position + e.n, p_stream_id, last_version + e.n, e.event_id, e.type,
               e.schema_version, e.data, e.metadata
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata)
          WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, n);
        last_position := last_position + v_count;
        last_version := last_version + v_count;
        UPDATE ${s}.log_head SET position = last_position;
        PERFORM pg_notify('${channelOf(s)}', last_position::text);
      END
      $append$;
    `,
  },
  {
    version: 2,
    description: 'read models for @gridledger/projections',
    sql: (s) => `
      CREATE TABLE ${s}.read_models (
        key                text    COLLATE "C" PRIMARY KEY,
        state              text    NOT NULL,
        checkpoint         text,
        projection_version integer NOT NULL,
        events_applied     bigint  NOT NULL,
        updated_at         text    NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'subject keys for personal data (crypto-shredding)',
    // Apart from the events: forgetting a subject deletes its rows, and what was sealed with them
    // can no longer be read (docs/personal-data.md: VACUUM FULL to rewrite the table's pages).
    sql: (s) => `
      CREATE TABLE ${s}.subject_keys (
        subject    text COLLATE "C" NOT NULL,
        key_id     text COLLATE "C" NOT NULL,
        key        bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (subject, key_id)
      );
    `,
  },
];

/** The schema version this package writes. */
export const SCHEMA_VERSION = migrations.length;

/** Lower-case identifiers only, so no quoting is ever needed and the channel name fits in 63. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Arbitrary first key of the two-key advisory locks migrations take (`GRDL` in ASCII). */
const MIGRATION_LOCK = 0x4752444c;

/** What a schema holds now: its Gridledger version (0: none), and whether it has other tables. */
async function inspect(
  client: PoolClient,
  s: string,
): Promise<{ version: number; tables: number }> {
  const { rows } = await client.query<{ tables: number; marked: boolean }>(
    `SELECT count(*)::int AS tables, bool_or(c.relname = 'gridledger_schema') AS marked
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [s],
  );
  const { tables, marked } = rows[0] ?? { tables: 0, marked: false };
  if (marked !== true) return { version: 0, tables };
  const versions = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${s}.gridledger_schema`,
  );
  return { version: versions.rows[0]?.version ?? 0, tables };
}

function refuse(store: string, s: string, found: { version: number; tables: number }): void {
  if (found.version === 0 && found.tables > 0) {
    throw new PostgresUnavailableError(
      store,
      'not-gridledger',
      `schema '${s}' holds ${found.tables} tables that Gridledger did not create; choose another schema`,
    );
  }
  if (found.version > SCHEMA_VERSION) {
    throw new PostgresUnavailableError(
      store,
      'newer-schema',
      `schema '${s}' has version ${found.version}, written by a newer Gridledger; this version reads up to ${SCHEMA_VERSION}`,
    );
  }
}

/**
 * Checks the schema and, when `upgrade` is true, brings it up to `target` (default: the current
 * version). The upgrade runs in one transaction under an advisory lock, re-reading the version
 * under it, so processes opening one fresh schema at the same moment apply each step once.
 * Returns the version the schema had.
 */
export async function migrate(
  client: PoolClient,
  store: string,
  s: string,
  upgrade: boolean,
  target = SCHEMA_VERSION,
): Promise<number> {
  const before = await inspect(client, s);
  refuse(store, s, before);
  if (before.version >= target) return before.version;
  if (!upgrade) {
    throw new PostgresUnavailableError(
      store,
      before.version === 0 ? 'missing' : 'needs-upgrade',
      before.version === 0
        ? `schema '${s}' holds no Gridledger store; open it once with create: true to make one`
        : `schema '${s}' has version ${before.version}; open it once without readonly to upgrade it to ${SCHEMA_VERSION}`,
    );
  }
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, s]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    const current = await inspect(client, s);
    refuse(store, s, current);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.gridledger_schema (
      version     integer PRIMARY KEY,
      description text    NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now())`);
    for (const step of migrations) {
      if (step.version <= current.version || step.version > target) continue;
      await client.query(step.sql(s));
      await client.query(
        `INSERT INTO ${s}.gridledger_schema (version, description) VALUES ($1, $2)`,
        [step.version, step.description],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return before.version;
}
