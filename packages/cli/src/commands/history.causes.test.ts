// A history whose every event was caused by the one before (as the demo's office app records a
// dispute's steps): each cause is said once, so the output grows with the events, not with
// their square.
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
let store: string;
const STEPS = 12;

beforeAll(async () => {
  files = auditFiles();
  const file = `${files.dir}/chained.db`;
  const db = openSqlite(file);
  const dispute = createCommandHandler(
    createLedger({ store: db.events, registry: createEventRegistry(gridledgerEvents) }),
    Dispute,
  );
  const actor = { id: 'm-jiang', role: 'community-police-officer', name: 'Jiang Lin' };
  let cause: string | undefined;
  const step = async (type: string, data: unknown) => {
    const done = await dispute(
      'chained',
      { type, data },
      {
        actor,
        ...(cause === undefined ? {} : { causationId: cause }),
      },
    );
    cause = done.events.at(-1)?.id ?? cause;
  };
  await step('reportDispute', {
    disputeId: 'chained',
    community: 'xuzhai',
    grid: 'xuzhai-07',
    category: 'neighbours',
    source: 'walk-in',
    description: 'Karaoke after midnight',
    reportedBy: { name: 'Neighbour', role: 'neighbour' },
    parties: [{ partyId: 'p-1', name: 'Neighbour', role: 'neighbour' }],
  });
  await step('classifyDispute', {
    category: 'neighbours',
    severity: 'minor',
    escalationRisk: 'low',
  });
  await step('assignDispute', { level: 'grid', mediators: ['m-jiang'] });
  await step('startIntervention', {});
  for (let i = 0; i < STEPS - 4; i++) {
    await step('holdMediationSession', {
      mediators: ['m-jiang'],
      parties: ['p-1'],
      outcome: 'adjourned',
      summary: `Session ${i + 1}`,
    });
  }
  await db.close();
  store = `sqlite:${file}`;
});
afterAll(() => files.remove());

describe('gridledger history of a chain of causes', () => {
  it('says each cause once: an event of the stream shown above is named, not followed', async () => {
    const { code, out } = await gridledger(['history', 'chained', '--store', store]);
    expect(code).toBe(0);
    expect(out.match(/^ {4}caused by /gm)).toHaveLength(STEPS - 1);
    expect(out).not.toMatch(/^ {6}← /m);
    expect(out).toMatch(/^ {4}caused by v3 DisputeInterventionStarted \(above\)$/m);
  });

  it('gives each NDJSON line the causes not given before, and the first that was', async () => {
    const { out } = await gridledger(['history', 'chained', '--store', store, '--json']);
    const lines = out
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { streamVersion: number; causes: { streamVersion: number }[] },
      );
    expect(lines).toHaveLength(STEPS);
    for (const line of lines.slice(1)) {
      expect(line.causes.map((c) => c.streamVersion)).toEqual([line.streamVersion - 1]);
    }
  });
});
