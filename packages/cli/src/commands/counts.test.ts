// Numbers in sentences read as a person writes them: `1 stream, 1 event`, `1,200 events`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommandHandler,
  createEventRegistry,
  createLedger,
  Dispute,
  gridledgerEvents,
} from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { auditFiles, gridledger, type AuditFiles } from './__fixtures__/auditStore.js';

let files: AuditFiles;
const MANY = 1200;

async function reported(file: string, count: number): Promise<string> {
  const db = openSqlite(file, { synchronous: 'normal' });
  const dispute = createCommandHandler(
    createLedger({ store: db.events, registry: createEventRegistry(gridledgerEvents) }),
    Dispute,
  );
  for (let i = 0; i < count; i++) {
    await dispute(
      `d-${i}`,
      {
        type: 'reportDispute',
        data: {
          disputeId: `d-${i}`,
          community: 'xuzhai',
          grid: `xuzhai-${String((i % 81) + 1).padStart(2, '0')}`,
          category: 'neighbours',
          source: 'walk-in',
          description: 'Noise after midnight',
          reportedBy: { name: 'Neighbour', role: 'neighbour' },
          parties: [{ partyId: 'p-1', name: 'Neighbour', role: 'neighbour' }],
        },
      },
      { actor: { id: 'm-li', role: 'grid-worker' } },
    );
  }
  await db.close();
  return `sqlite:${file}`;
}

let one: string;
let many: string;
beforeAll(async () => {
  files = auditFiles();
  one = await reported(`${files.dir}/one.db`, 1);
  many = await reported(`${files.dir}/many.db`, MANY);
}, 120_000);
afterAll(() => files.remove());

describe('counts', () => {
  it('verify: one stream, one event', async () => {
    expect((await gridledger(['verify', '--store', one])).out).toContain(
      '✓ 1 stream, 1 event: every hash and link verifies',
    );
  });

  it('verify, export and import: thousands with separators', async () => {
    expect((await gridledger(['verify', '--store', many])).out).toContain(
      '✓ 1,200 streams, 1,200 events: every hash and link verifies',
    );
    const exported = await gridledger(['export', '--store', many, '--out', `${files.dir}/out`]);
    expect(exported.out).toMatch(/^Exported 1,200 events in 1,200 streams from /);
    const imported = await gridledger([
      'import',
      '--from',
      `${files.dir}/out`,
      '--store',
      `sqlite:${files.dir}/copy.db`,
    ]);
    expect(imported.out).toMatch(/^Imported 1,200 events in 1,200 streams into /);
  });

  it('history: one event', async () => {
    expect((await gridledger(['history', 'd-0', '--store', one])).out).toMatch(
      /✓ 1 event; every hash and link verifies/,
    );
  });
});
