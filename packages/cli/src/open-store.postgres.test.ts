// The CLI on PostgreSQL: `postgres://` and `postgresql://` URLs work for every command, reading
// commands never create or change a store, and the analysts' figures match the SQLite store's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '@gridledger/core';
import { openPostgres } from '@gridledger/store-postgres';
import { parseStoreSpec, UsageError } from '@gridledger/cli';
import { openReadModelStore, openStore } from './open-store.js';
import { join } from 'node:path';
import { auditFiles, gridledger } from './commands/__fixtures__/auditStore.js';
import { recordXuzhaiHistory } from './report/__fixtures__/history.js';
import { xuzhaiFiles, type XuzhaiFiles } from './report/__fixtures__/store.js';
import { admin, dropSchema, freshSchema, POSTGRES_URL } from './__fixtures__/postgres.js';

const schemas: string[] = [];
const urlOf = (schema: string, base = POSTGRES_URL) => `${base}?schema=${schema}`;
/** How the store names itself in messages: the server, database and schema, no credentials. */
const nameOf = (schema: string) => {
  const { host, pathname } = new URL(POSTGRES_URL);
  return `postgres://${host}${pathname}?schema=${schema}`;
};
const fresh = () => {
  const schema = freshSchema();
  schemas.push(schema);
  return schema;
};
const schemaExists = async (schema: string) =>
  (await admin('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).length > 0;

let files: XuzhaiFiles;
/** The Xuzhai summer recorded once into PostgreSQL, as into the SQLite file of `files`. */
let recorded: string;
/** The stream of the first event recorded. */
let firstStream: string;
beforeAll(async () => {
  files = await xuzhaiFiles();
  recorded = fresh();
  const store = await openPostgres(urlOf(recorded));
  await recordXuzhaiHistory(store.events);
  for await (const event of store.events.readAll({ limit: 1 })) firstStream = event.streamId;
  await store.close();
});
afterAll(async () => {
  files.remove();
  for (const schema of schemas) await dropSchema(schema);
});

/** A report's JSON without what differs between two stores or two runs. */
async function reportJson(store: string, name: string, ...more: string[]) {
  const run = await gridledger(['report', name, '--format', 'json', '--store', store, ...more]);
  expect(run.code, run.err).toBe(0);
  const { generatedAt: _g, store: _s, sources, ...rest } = JSON.parse(run.out);
  return { ...rest, sources: sources.map(({ updatedAt: _u, ...s }: { updatedAt: string }) => s) };
}

describe('postgres:// stores in the CLI', () => {
  it('reads postgres:// and postgresql:// URLs as PostgreSQL stores', () => {
    for (const url of ['postgres://office@db.local/xuzhai', 'postgresql://db/x?schema=grid_07']) {
      expect(parseStoreSpec(url, '/w')).toEqual({ kind: 'postgres', connectionString: url });
    }
  });

  it('never creates a store for a reading command, and opens it read-only', async () => {
    const schema = fresh();
    const url = urlOf(schema, POSTGRES_URL.replace('//postgres@', '//postgres:secret@'));
    const spec = parseStoreSpec(url, '/w');
    const name = nameOf(schema);
    await expect(openStore(spec, { access: 'read' })).rejects.toThrow(
      new UsageError(
        `no store at ${name}: the schema holds no Gridledger store (import into it first, or choose one with --store or $GRIDLEDGER_STORE)`,
      ),
    );
    const verify = await gridledger(['verify', '--store', url]);
    expect(verify.code).not.toBe(0);
    expect(verify.err).toContain(`no store at ${name}`);
    const report = await gridledger(['report', 'summary', '--store', url]);
    expect(report.err).toContain(`no store at ${name}`);
    expect(await schemaExists(schema)).toBe(false);

    const written = await openStore(spec, { access: 'write' });
    expect(written.name).toBe(name);
    expect(written.readModels).toBeDefined();
    await written.close();
    const read = await openStore(spec, { access: 'read' });
    const refused = await read.events
      .append('visit-v-1', [], { expectedVersion: 'no-stream' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    const readonly = await read.readModels!.delete('x').catch((e: unknown) => e);
    expect(isStoreUnavailable(readonly) && String(readonly)).toMatch(/read-only/);
    await read.close();

    await expect(
      openStore(parseStoreSpec(`${POSTGRES_URL}?schema=Bad-Name`, '/w'), { access: 'write' }),
    ).rejects.toThrow(/malformed PostgreSQL URL postgres:\/\/.*\?schema=Bad-Name: schema: must be/);
  });

  it('verifies, shows history, rebuilds and reports on PostgreSQL with the figures of SQLite', async () => {
    const url = urlOf(recorded);
    const sqlite = files.copy('same.db');
    const verify = await gridledger(['verify', '--store', url]);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`Verifying ${nameOf(recorded)}`);
    const sqliteVerify = await gridledger(['verify', '--store', sqlite]);
    expect(verify.out.split('\n').slice(1)).toEqual(sqliteVerify.out.split('\n').slice(1));
    const history = await gridledger(['history', firstStream, '--store', url]);
    expect(history.code, history.err).toBe(0);
    // The same timeline; ids and hashes differ, since each store recorded its own copy.
    const timeline = (out: string) => out.split('\n').filter((line) => /^\s*v\d+\s/.test(line));
    const fromSqlite = await gridledger(['history', firstStream, '--store', sqlite]);
    expect(timeline(history.out).length).toBeGreaterThan(0);
    expect(timeline(history.out)).toEqual(timeline(fromSqlite.out));
    expect(history.out).toContain('every hash and link verifies');

    expect(await reportJson(url, 'summary')).toEqual(await reportJson(sqlite, 'summary'));
    const rebuild = await gridledger([
      'rebuild',
      '--store',
      url.replace('postgres:', 'postgresql:'),
    ]);
    expect(rebuild.code, rebuild.err).toBe(0);
    expect(rebuild.out).toContain(`Rebuilt 8 read models on ${nameOf(recorded)}.`);
    expect(await reportJson(url, 'resolution-rate', '--by', 'grid')).toEqual(
      await reportJson(sqlite, 'resolution-rate', '--by', 'grid'),
    );
  });

  it('keeps read models in PostgreSQL for another store with --read-models postgres://', async () => {
    const schema = fresh();
    const sqlite = files.copy('elsewhere.db');
    const separate = await reportJson(sqlite, 'summary', '--read-models', urlOf(schema));
    expect(separate).toEqual(await reportJson(files.copy('own.db'), 'summary'));
    const models = await openReadModelStore(urlOf(schema), '/w');
    expect((await models.keys()).length).toBeGreaterThan(0);
    await models.close();
  });

  it('exports, imports and verifies through postgres:// like through a file', async () => {
    const audit = auditFiles();
    try {
      const source = await audit.record('source.db');
      const url = urlOf(fresh()).replace('postgres:', 'postgresql:');
      const out = (name: string) => join(audit.dir, name);
      expect((await gridledger(['export', '--store', source, '--out', out('all')])).code).toBe(0);
      const imported = await gridledger(['import', '--from', out('all'), '--store', url]);
      expect(imported.code, imported.err).toBe(0);
      expect(imported.out).toContain('Imported 14 events in 2 streams into postgres://');
      const verified = await gridledger(['verify', '--store', url, '--manifest', out('all')]);
      expect(verified.code, verified.err).toBe(0);
      const again = await gridledger(['export', '--store', url, '--out', out('again')]);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toContain('Exported 14 events in 2 streams from postgres://');
    } finally {
      audit.remove();
    }
  });
});
