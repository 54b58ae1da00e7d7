// The store's schema: created on first open, upgraded step by step, refused when foreign or
// newer, and never changed by a read-only store.
import { isValidationError } from '@gridledger/core';
import { collect, makeEvents } from '@gridledger/store-conformance';
import {
  isPostgresUnavailable,
  openPostgres,
  openPostgresEventStore,
  SCHEMA_VERSION,
} from '@gridledger/store-postgres';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin, dropSchema, freshSchema, POSTGRES_URL } from './__fixtures__/database.js';
import { migrate } from './schema.js';

let schema: string;
beforeEach(() => {
  schema = freshSchema();
});
afterEach(() => dropSchema(schema));

const versions = async (s: string) =>
  (await admin<{ version: number }>(`SELECT version FROM ${s}.gridledger_schema ORDER BY 1`)).map(
    (row) => row.version,
  );

const reasonOf = (error: unknown) => (isPostgresUnavailable(error) ? error.reason : error);

/** Brings a schema to an older version, as an older Gridledger would have left it. */
async function olderSchema(s: string, version: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
  const client = await pool.connect();
  await migrate(client, 'test', s, true, version);
  client.release();
  await pool.end();
}

describe('the PostgreSQL schema', () => {
  it('is created on first open, with every migration recorded once, even by racing openers', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgres(POSTGRES_URL, { schema })),
    );
    expect(await versions(schema)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    await stores[0]!.events.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
    expect(await collect(() => stores[3]!.events.readStream('dispute-1'))).toHaveLength(2);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('upgrades an older schema in place, keeping its events', async () => {
    await olderSchema(schema, 1);
    expect(await versions(schema)).toEqual([1]);
    const before = await admin(`SELECT ${schema}.append_events('dispute-1', -2,
      ARRAY['01J00000000000000000000001'], ARRAY['DisputeReported'], ARRAY[1],
      ARRAY['{"grid":"徐宅-07"}'], ARRAY['{"actor":{"id":"a","role":"r"}}'])`);
    expect(before).toHaveLength(1);

    const readonly = await openPostgres(POSTGRES_URL, { schema, readonly: true }).catch(
      (e: unknown) => e,
    );
    expect(reasonOf(readonly)).toBe('needs-upgrade');

    const store = await openPostgresEventStore(POSTGRES_URL, { schema });
    expect(await versions(schema)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    const [event] = await collect(() => store.readAll());
    expect(event).toMatchObject({ streamId: 'dispute-1', data: { grid: '徐宅-07' } });
    await store.close();
  });

  it('refuses a schema from a newer Gridledger and leaves it untouched', async () => {
    const store = await openPostgresEventStore(POSTGRES_URL, { schema });
    await store.close();
    await admin(
      `INSERT INTO ${schema}.gridledger_schema (version, description) VALUES ($1, 'from the future')`,
      [SCHEMA_VERSION + 1],
    );
    const error = await openPostgres(POSTGRES_URL, { schema }).catch((e: unknown) => e);
    expect(reasonOf(error)).toBe('newer-schema');
    expect(String(error)).toContain(`has version ${SCHEMA_VERSION + 1}`);
    expect(await versions(schema)).toHaveLength(SCHEMA_VERSION + 1);
  });

  it('refuses a schema holding tables Gridledger did not make, and a missing one when not creating', async () => {
    const missing = await openPostgres(POSTGRES_URL, { schema, create: false }).catch(
      (e: unknown) => e,
    );
    expect(reasonOf(missing)).toBe('missing');
    const readonly = await openPostgres(POSTGRES_URL, { schema, readonly: true }).catch(
      (e: unknown) => e,
    );
    expect(reasonOf(readonly)).toBe('missing');
    expect(await admin('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);

    await admin(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.households (id int)`);
    const foreign = await openPostgres(POSTGRES_URL, { schema }).catch((e: unknown) => e);
    expect(reasonOf(foreign)).toBe('not-gridledger');
    const tables = await admin<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1`,
      [schema],
    );
    expect(tables).toEqual([{ name: 'households' }]);
  });

  it('reads but never writes through a read-only store', async () => {
    const writer = await openPostgres(POSTGRES_URL, { schema });
    await writer.events.append('visit-1', makeEvents(2), { expectedVersion: 'no-stream' });
    const reader = await openPostgres(POSTGRES_URL, { schema, readonly: true });
    expect(await collect(() => reader.events.readAll())).toHaveLength(2);
    const append = await reader.events
      .append('visit-1', makeEvents(1), { expectedVersion: 1 })
      .catch((e: unknown) => e);
    expect(reasonOf(append)).toBe('read-only');
    const save = await reader.readModels
      .save('m', {
        state: {},
        checkpoint: undefined,
        projectionVersion: 1,
        eventsApplied: 0,
        updatedAt: 'now',
      })
      .catch((e: unknown) => e);
    expect(reasonOf(save)).toBe('read-only');
    expect(await writer.events.countEvents?.()).toBe(2);
    await reader.close();
    await writer.close();
  });

  it('refuses bad options and connection strings with a ValidationError naming them', async () => {
    for (const [input, options, path] of [
      [POSTGRES_URL, { schema: 'Xuzhai-Office' }, 'schema'],
      [POSTGRES_URL, { schema: 'a'.repeat(49) }, 'schema'],
      [`${POSTGRES_URL}?schema=one`, { schema: 'two' }, 'schema'],
      ['mysql://127.0.0.1/test', {}, 'connection'],
      ['not a url', {}, 'connection'],
      [POSTGRES_URL, { pollIntervalMs: 0 }, 'pollIntervalMs'],
      [POSTGRES_URL, { maxConnections: 1.5 }, 'maxConnections'],
    ] as const) {
      const error = await openPostgres(input, options).catch((e: unknown) => e);
      expect(isValidationError(error), `${input} ${JSON.stringify(options)}`).toBe(true);
      expect(error).toMatchObject({ issues: [{ path }] });
    }
  });

  it('takes the schema from the URL', async () => {
    const store = await openPostgres(`${POSTGRES_URL}?schema=${schema}`);
    expect(store.name).toBe(`postgres://127.0.0.1:5432/test?schema=${schema}`);
    expect(await versions(schema)).toHaveLength(SCHEMA_VERSION);
    await store.close();
  });
});
