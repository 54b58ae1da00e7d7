// Subject keys in the store's PostgreSQL schema: the contract, kept across reopening, and
// refused for writing on a read-only store.
import { isStoreUnavailable } from '@gridledger/core';
import { describeKeyStoreContract } from '@gridledger/store-conformance';
import { openPostgres, openPostgresKeyStore } from '@gridledger/store-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, POSTGRES_URL } from './__fixtures__/database.js';

const schemas: string[] = [];
const schema = (): string => {
  const made = freshSchema();
  schemas.push(made);
  return made;
};
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

describeKeyStoreContract('postgres', async () => {
  const keys = await openPostgresKeyStore(POSTGRES_URL, { schema: schema() });
  return { keys, close: () => keys.close() };
});

describe('postgres subject keys', () => {
  it('keeps keys across reopening, beside the events, and refuses writes read-only', async () => {
    const s = schema();
    const opened = await openPostgres(POSTGRES_URL, { schema: s });
    const made = await opened.keys.currentKey('household:h-kang');
    await opened.close();
    const reader = await openPostgresKeyStore(POSTGRES_URL, { schema: s, readonly: true });
    const found = await reader.findKey('household:h-kang', made.id);
    expect(found && Buffer.from(found).equals(Buffer.from(made.key))).toBe(true);
    const refused = await reader.forget('household:h-kang').catch((e: unknown) => e);
    expect(isStoreUnavailable(refused), String(refused)).toBe(true);
    await reader.close();
  });

  it('agrees on one key when two writers make a new subject’s key at once', async () => {
    const s = schema();
    const [a, b] = [
      await openPostgresKeyStore(POSTGRES_URL, { schema: s }),
      await openPostgresKeyStore(POSTGRES_URL, { schema: s }),
    ];
    const keys = await Promise.all([a, b, a, b].map((k) => k.currentKey('party:dispute-d/p-1')));
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    await a.close();
    await b.close();
  });
});
