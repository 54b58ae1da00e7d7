// Subject keys in the store's PostgreSQL schema: the contract, kept across reopening, and
// refused for writing on a read-only store.
import {
  createEventRegistry,
  createLedger,
  createPersonalDataEncoder,
  ERASED,
  forgetSubjects,
  gridledgerEvents,
  isStoreUnavailable,
} from '@gridledger/core';
import { verifyStream } from '@gridledger/core/audit';
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

  it('seals a ledger’s personal data, and forgetting erases it with the chain still verifying', async () => {
    const opened = await openPostgres(POSTGRES_URL, { schema: schema() });
    try {
      const ledger = createLedger({
        store: opened.events,
        registry: createEventRegistry(gridledgerEvents),
        encoder: createPersonalDataEncoder({ keys: opened.keys, events: gridledgerEvents }),
      });
      const actor = { id: 'm-jiang', role: 'community-police-officer' };
      const household = { householdId: 'h-kang', address: 'Building 3, unit 2' };
      await ledger.append(
        'visit-v-kang',
        [
          {
            type: 'VisitScheduled',
            data: {
              visitId: 'v-kang',
              community: 'xuzhai',
              grid: 'xuzhai-03',
              household,
              purpose: 'service',
              visitors: ['m-jiang'],
              scheduledFor: '2026-07-15T09:30:00+08:00',
            },
          },
        ],
        { expectedVersion: 'no-stream', actor },
      );
      const read = async () => {
        for await (const event of ledger.readStream('visit-v-kang')) {
          return (event.data as { household: typeof household }).household.address;
        }
        return undefined;
      };
      expect(await read()).toBe('Building 3, unit 2');
      for await (const stored of opened.events.readStream('visit-v-kang')) {
        expect(JSON.stringify(stored.data)).not.toContain('Building 3');
      }
      await forgetSubjects(ledger, opened.keys, {
        subjects: ['household:h-kang'],
        request: 'PIPL-1',
        actor,
      });
      expect(await read()).toBe(ERASED);
      expect((await verifyStream(opened.events, 'visit-v-kang')).ok).toBe(true);
      expect((await verifyStream(opened.events, 'erasures')).ok).toBe(true);
    } finally {
      await opened.close();
    }
  });
});
