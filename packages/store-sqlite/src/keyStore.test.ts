// Subject keys in the SQLite file: the contract, durability across reopening, read-only use, and
// a forgotten key's bytes gone from the file (secure_delete), not only unlinked.
import { readFileSync } from 'node:fs';
import { isStoreUnavailable } from '@gridledger/core';
import { describeKeyStoreContract } from '@gridledger/store-conformance';
import { openSqlite, openSqliteKeyStore } from '@gridledger/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

let dir: TempDir;
let count = 0;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describeKeyStoreContract('sqlite', async () => {
  const keys = openSqliteKeyStore(dir.file(`keys-${++count}.db`));
  return { keys, close: () => keys.close() };
});

describe('sqlite subject keys', () => {
  it('keeps keys across reopening, beside the events, and reads them read-only', async () => {
    const file = dir.file('g.db');
    const opened = openSqlite(file);
    const made = await opened.keys.currentKey('household:h-kang');
    await opened.close();
    const reader = openSqliteKeyStore(file, { readonly: true });
    const found = await reader.findKey('household:h-kang', made.id);
    expect(found && Buffer.from(found).equals(Buffer.from(made.key))).toBe(true);
    const refused = await reader.currentKey('household:h-new').catch((e: unknown) => e);
    expect(isStoreUnavailable(refused), String(refused)).toBe(true);
    const forgetting = await reader.forget('household:h-kang').catch((e: unknown) => e);
    expect(isStoreUnavailable(forgetting), String(forgetting)).toBe(true);
    await reader.close();
  });

  it('overwrites a forgotten key’s bytes in the file', async () => {
    const file = dir.file('g.db');
    const keys = openSqliteKeyStore(file);
    const gone = await keys.currentKey('party:dispute-d-1/p-xu');
    const kept = await keys.currentKey('party:dispute-d-1/p-shang');
    const checkpoint = () => {
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    };
    checkpoint();
    const before = readFileSync(file);
    expect(before.includes(Buffer.from(gone.key))).toBe(true);
    expect(await keys.forget('party:dispute-d-1/p-xu')).toBe(1);
    checkpoint();
    const after = readFileSync(file);
    expect(after.includes(Buffer.from(gone.key))).toBe(false);
    expect(after.includes(Buffer.from(kept.key))).toBe(true);
    await keys.close();
  });
});
