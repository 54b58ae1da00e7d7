// `--keys`: personal data sealed with keys kept apart from the events — on EventStoreDB, which
// keeps no keys (here the in-process double, spoken to by the client installed with the CLI), and
// on a SQLite store whose keys live in another file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPersonalDataEncoder, gridledgerEvents, type EventStore } from '@gridledger/core';
import { createEventStoreDbEventStore } from '@gridledger/store-eventstoredb';
import {
  connectClient,
  startEventStoreDbDouble,
  type EventStoreDbDouble,
} from '@gridledger/store-eventstoredb/testing';
import { openSqlite, openSqliteKeyStore } from '@gridledger/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPUTE_STREAM,
  gridledger,
  recordXuShang,
  storyLedger,
} from './__fixtures__/auditStore.js';

let dir: string;
let server: EventStoreDbDouble;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridledger-keys-'));
  server = await startEventStoreDbDouble({ client: '@kurrent/kurrentdb-client' });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The Xu/Shang story recorded into `events`, sealed with the keys in the SQLite file `keys`. Its
 * fixed event ids are readable names, not ULIDs, which EventStoreDB (ids as UUIDs) refuses: there
 * the ledger makes its own.
 */
async function sealedStory(events: EventStore, keysFile: string, fixedIds = true): Promise<void> {
  const keys = openSqliteKeyStore(keysFile);
  const encoder = createPersonalDataEncoder({ keys, events: gridledgerEvents });
  await recordXuShang(storyLedger(events, { encoder, fixedIds }));
  await keys.close();
}

const forget = (store: string, ...more: string[]) =>
  gridledger([
    'forget',
    `party:${DISPUTE_STREAM}/p-xu`,
    `party:${DISPUTE_STREAM}/p-shang`,
    '--request',
    'PIPL-2026-0042',
    '--actor',
    'm-dpo',
    '--store',
    store,
    ...more,
  ]);

describe('gridledger forget and history with --keys', () => {
  it('erase on EventStoreDB with the keys in a SQLite file, and every chain still verifies', async () => {
    const client = connectClient(server);
    const events = createEventStoreDbEventStore(client, { name: 'esdb-double' });
    const keys = join(dir, 'esdb-keys.db');
    await sealedStory(events, keys, false);
    await events.close();
    await client.dispose();
    const store = server.connectionStringWith({});

    const noKeys = await forget(store);
    expect(noKeys.code).toBe(2);
    expect(noKeys.err).toContain('keeps no keys: name where they are with --keys <file|url>');

    const before = await gridledger(['history', DISPUTE_STREAM, '--store', store, '--keys', keys]);
    expect(before.code, before.err).toBe(0);
    expect(before.out).toContain('Shang');
    // Without the keys, the sealed fields cannot be read: they are shown redacted, never guessed.
    const sealed = await gridledger(['history', DISPUTE_STREAM, '--store', store]);
    expect(sealed.code, sealed.err).toBe(0);
    expect(sealed.out).not.toMatch(/\bShang\b/);

    const forgot = await forget(store, '--keys', keys);
    expect(forgot.err).toBe('');
    expect(forgot.code).toBe(0);
    expect(forgot.out).toContain(`erased  party:${DISPUTE_STREAM}/p-shang`);

    const after = await gridledger(['history', DISPUTE_STREAM, '--store', store, '--keys', keys]);
    expect(after.code, after.err).toBe(0);
    expect(after.out).toContain('[erased]');
    expect(after.out).not.toMatch(/\bShang\b/);
    const verify = await gridledger(['verify', '--store', store]);
    expect(verify.code, verify.out + verify.err).toBe(0);
  });

  it('take the keys from another SQLite file than the events, and refuse a folder', async () => {
    const file = join(dir, 'events.db');
    const keys = join(dir, 'apart-keys.db');
    const opened = openSqlite(file, { synchronous: 'normal' });
    await sealedStory(opened.events, keys);
    await opened.close();
    const store = `sqlite:${file}`;

    // The store's own key table is empty: the keys are in the other file.
    const own = await gridledger(['history', DISPUTE_STREAM, '--store', store]);
    expect(own.out).not.toMatch(/\bShang\b/);
    const apart = await gridledger(['history', DISPUTE_STREAM, '--store', store, '--keys', keys]);
    expect(apart.out).toContain('Shang');

    const forgot = await forget(store, '--keys', keys);
    expect(forgot.code, forgot.err).toBe(0);
    const after = await gridledger(['history', DISPUTE_STREAM, '--store', store, '--keys', keys]);
    expect(after.out).toContain('[erased]');
    expect(after.out).not.toMatch(/\bShang\b/);

    const onFolder = await forget(store, '--keys', dir);
    expect(onFolder.code).toBe(2);
    expect(onFolder.err).toMatch(/--keys/);
  });
});
