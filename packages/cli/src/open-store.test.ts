import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '@gridledger/core';
import { parseStoreSpec, UsageError } from '@gridledger/cli';
import { openStore, redactConnectionString } from './open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'gridledger-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sqlite = (file: string) => parseStoreSpec(`sqlite:${file}`, dir);

describe('openStore: SQLite', () => {
  it('refuses a directory, to read or to write, naming a file it could use', async () => {
    for (const access of ['read', 'write'] as const) {
      await expect(openStore(sqlite(dir), { access })).rejects.toThrow(
        new UsageError(
          `the store ${dir} is a directory: name a SQLite file, e.g. --store sqlite:${join(dir, 'gridledger.db')}`,
        ),
      );
    }
  });

  it('refuses to read a file that does not exist, and creates it to write', async () => {
    const file = join(dir, 'new.db');
    await expect(openStore(sqlite(file), { access: 'read' })).rejects.toThrow(
      new UsageError(
        `no store at ${file}: the file does not exist (choose one with --store sqlite:<file> or $GRIDLEDGER_STORE)`,
      ),
    );
    const written = await openStore(sqlite(file), { access: 'write' });
    expect(written.name).toBe(`sqlite:${file}`);
    expect(written.readModels).toBeDefined();
    await written.events.append(
      'visit-v-1',
      [
        {
          id: '01JZ00000000000000000000A1',
          type: 'Noted',
          schemaVersion: 1,
          data: {},
          metadata: {
            actor: { id: 'a', role: 'r' },
            occurredAt: '2025-07-01T00:00:00Z',
            recordedAt: '2025-07-01T00:00:00Z',
            correlationId: 'c',
            prevHash: null,
            hash: 'h',
          },
        },
      ],
      { expectedVersion: 'no-stream' },
    );
    await written.close();

    const read = await openStore(sqlite(file), { access: 'read' });
    const error: unknown = await read.events
      .append(
        'visit-v-2',
        [
          {
            id: '01JZ00000000000000000000A2',
            type: 'Noted',
            schemaVersion: 1,
            data: {},
            metadata: {
              actor: { id: 'a', role: 'r' },
              occurredAt: '2025-07-01T00:00:00Z',
              recordedAt: '2025-07-01T00:00:00Z',
              correlationId: 'c',
              prevHash: null,
              hash: 'h',
            },
          },
        ],
        { expectedVersion: 'no-stream' },
      )
      .catch((e: unknown) => e);
    expect(isStoreUnavailable(error)).toBe(true);
    await read.close();
  });

  it('reports a file that is not a Gridledger store', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text');
    const error: unknown = await openStore(sqlite(junk), { access: 'read' }).catch(
      (e: unknown) => e,
    );
    expect(isStoreUnavailable(error)).toBe(true);
    expect(String(error)).toMatch(/not-a-database/);
  });
});

describe('openStore: EventStoreDB', () => {
  const spec = parseStoreSpec('esdb://admin:changeit@127.0.0.1:1?tls=false', dir);

  it('says which client packages to install when neither is', async () => {
    const missing = async (name: string) => {
      throw Object.assign(new Error(`Cannot find package '${name}' imported from here`), {
        code: 'ERR_MODULE_NOT_FOUND',
      });
    };
    const error: unknown = await openStore(spec, { access: 'read', importClient: missing }).catch(
      (e: unknown) => e,
    );
    expect(isStoreUnavailable(error)).toBe(true);
    expect(String(error)).toContain(
      "Store 'eventstoredb:esdb://127.0.0.1:1?tls=false' unavailable: no EventStoreDB client is installed: install @kurrent/kurrentdb-client or @eventstore/db-client next to @gridledger/cli",
    );
  });

  it('has a client of its own: @kurrent/kurrentdb-client, an optional dependency', async () => {
    const opened = await openStore(parseStoreSpec('kurrentdb://127.0.0.1:1?tls=false', dir), {
      access: 'read',
    });
    const error: unknown = await (async () => {
      for await (const _ of opened.events.readAll({ limit: 1 })) return undefined;
      return undefined;
    })().catch((e: unknown) => e);
    await opened.close();
    expect(isStoreUnavailable(error)).toBe(true);
    expect(String(error)).toMatch(
      /Store 'eventstoredb:kurrentdb:\/\/127\.0\.0\.1:1\?tls=false' unavailable/,
    );
  });

  it('gives each client the scheme it speaks, and messages the one typed', async () => {
    const given: string[] = [];
    const fake = { connectionString: (cs: string) => (given.push(cs), {}) };
    const kurrent = async () => ({ KurrentDBClient: fake });
    const legacyOnly = async (name: string) => {
      if (name === '@kurrent/kurrentdb-client') {
        throw Object.assign(new Error(`Cannot find package '${name}'`), {
          code: 'ERR_MODULE_NOT_FOUND',
        });
      }
      return { EventStoreDBClient: fake };
    };
    const open = (cs: string, importClient: (name: string) => Promise<unknown>) =>
      openStore(parseStoreSpec(cs, dir), { access: 'read', importClient });
    expect((await open('esdb://node1:2113?tls=false', kurrent)).name).toBe(
      'eventstoredb:esdb://node1:2113?tls=false',
    );
    await open('esdb+discover://node1:2113', kurrent);
    await open('kurrentdb://node1:2113', legacyOnly);
    await open('kurrentdb+discover://node1:2113', legacyOnly);
    expect(given).toEqual([
      'kurrentdb://node1:2113?tls=false',
      'kurrentdb+discover://node1:2113',
      'esdb://node1:2113',
      'esdb+discover://node1:2113',
    ]);
  });

  it('tries @kurrent/kurrentdb-client first, then @eventstore/db-client', async () => {
    const tried: string[] = [];
    const fake = { connectionString: () => ({}) };
    const onlyLegacy = async (name: string) => {
      tried.push(name);
      if (name === '@kurrent/kurrentdb-client') {
        throw Object.assign(new Error(`Cannot find package '${name}'`), {
          code: 'ERR_MODULE_NOT_FOUND',
        });
      }
      return { EventStoreDBClient: fake };
    };
    const opened = await openStore(spec, { access: 'read', importClient: onlyLegacy });
    expect(tried).toEqual(['@kurrent/kurrentdb-client', '@eventstore/db-client']);
    expect(opened.name).toBe('eventstoredb:esdb://127.0.0.1:1?tls=false');
    expect(opened.readModels).toBeUndefined();
  });

  it('reports a malformed connection string and a server it cannot reach', async () => {
    // The real client, from the package that develops against it.
    const fromAdapter = createRequire(
      createRequire(import.meta.url).resolve('@gridledger/store-eventstoredb/package.json'),
    );
    const client = async (name: string) => fromAdapter(name) as unknown;
    const malformed = parseStoreSpec('esdb://127.0.0.1:1?tls=maybe', dir);
    await expect(openStore(malformed, { access: 'read', importClient: client })).rejects.toThrow(
      /malformed connection string for eventstoredb:esdb:\/\/127\.0\.0\.1:1\?tls=maybe/,
    );

    const opened = await openStore(
      parseStoreSpec('esdb://127.0.0.1:1?tls=false&defaultDeadline=2000', dir),
      { access: 'read', importClient: client },
    );
    const error: unknown = await (async () => {
      for await (const _ of opened.events.readAll({ limit: 1 })) return undefined;
      return undefined;
    })().catch((e: unknown) => e);
    await opened.close();
    expect(isStoreUnavailable(error)).toBe(true);
    expect(String(error)).toMatch(
      /Store 'eventstoredb:esdb:\/\/127\.0\.0\.1:1\?tls=false&defaultDeadline=2000' unavailable/,
    );
  });

  it('never shows credentials', () => {
    expect(redactConnectionString('esdb://admin:changeit@node1:2113?tls=false')).toBe(
      'esdb://node1:2113?tls=false',
    );
    expect(redactConnectionString('kurrentdb+discover://node1:2113')).toBe(
      'kurrentdb+discover://node1:2113',
    );
  });
});
