// The proof of crypto-shredding, end to end on one SQLite file: Kang's ID-card visit and the
// Xu/Shang dispute (with its follow-up visit) recorded with personal data sealed, the read models
// built, then Kang, Xu and Shang forgotten. Every chain verifies, history reads [erased] for
// their fields and keeps everything else, every figure is the same, and no personal value is
// left in the file's raw bytes (after a checkpoint and VACUUM), the export or the read models.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCommandHandler,
  createEventRegistry,
  createLedger,
  createPersonalDataEncoder,
  Dispute,
  GridMember,
  gridledgerEvents,
  gridledgerReactions,
  reactionEventTypes,
  reactTo,
  Visit,
  type Actor,
  type Ledger,
} from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridledger } from './commands/__fixtures__/auditStore.js';

const fromCli = createRequire(import.meta.url);
const Database = createRequire(fromCli.resolve('@gridledger/store-sqlite/package.json'))(
  'better-sqlite3',
) as new (file: string) => {
  pragma(sql: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): { all(): unknown[]; pluck(): { get(...p: unknown[]): unknown } };
  close(): void;
};

const director: Actor = { id: 'm-zhao', role: 'police-station-director', name: 'Zhao Baoxing' };
const officer: Actor = { id: 'm-jiang', role: 'community-police-officer', name: 'Jiang Lin' };
const staff: Actor = { id: 'm-staff-li', role: 'community-staff', name: 'Li' };

const KANG_ADDRESS = 'Xuzhai community, building 3, unit 2';
const XU_ADDRESS = 'Xuzhai community, building 7, unit 12';
/** Every personal value of the residents recorded below. */
const PERSONAL = [
  KANG_ADDRESS,
  'Expired card; took photo and fingerprints at home and applied for a second-generation ID card',
  'Kang thanked the officers',
  'Xu',
  'Shang',
  XU_ADDRESS,
  'Lease ended in June; Shang took the flat’s TV fearing Xu would keep the deposit over late rent',
  'Shang will have the TV returned; Xu will inspect the flat and refund the deposit',
  'community staff Li',
  'Return the TV',
  'Refund the full deposit after inspecting the flat',
  'A friend of Shang brought the TV back',
  'Xu inspected the flat and refunded in full',
  'Xu brought the station a banner: “情系群众,为民服务”',
];

async function recordKang(ledger: Ledger): Promise<void> {
  const visit = createCommandHandler(ledger, Visit);
  const at = (actor: Actor, now: string) => ({ actor, now });
  await visit(
    'v-kang',
    {
      type: 'scheduleVisit',
      data: {
        visitId: 'v-kang',
        community: 'xuzhai',
        grid: 'xuzhai-03',
        household: { householdId: 'h-kang', address: KANG_ADDRESS },
        purpose: 'service',
        visitors: ['m-zhao', 'm-jiang', 'm-zhou', 'm-staff-li'],
        scheduledFor: '2026-07-15T09:30:00+08:00',
      },
    },
    at(staff, '2026-07-14T17:00:00+08:00'),
  );
  await visit(
    'v-kang',
    { type: 'conductVisit', data: {} },
    at(director, '2026-07-15T09:40:00+08:00'),
  );
  await visit(
    'v-kang',
    {
      type: 'renderService',
      data: {
        kind: 'id-card-application',
        details: PERSONAL[1],
        renderedBy: ['m-zhao', 'm-jiang', 'm-zhou'],
      },
    },
    at(director, '2026-07-15T10:10:00+08:00'),
  );
  await visit(
    'v-kang',
    { type: 'closeVisit', data: { note: 'Kang thanked the officers' } },
    at(officer, '2026-07-15T10:20:00+08:00'),
  );
}

async function recordXuShang(ledger: Ledger): Promise<void> {
  const disputes = createCommandHandler(ledger, Dispute);
  const dispute = (command: object, actor: Actor, now: string) =>
    disputes('d-tv-deposit', command, { actor, now });
  await dispute(
    {
      type: 'reportDispute',
      data: {
        disputeId: 'd-tv-deposit',
        community: 'xuzhai',
        grid: 'xuzhai-07',
        category: 'tenancy',
        source: 'referral',
        parties: [
          {
            partyId: 'p-xu',
            name: 'Xu',
            role: 'landlord',
            household: { householdId: 'h-xu', address: XU_ADDRESS },
          },
          { partyId: 'p-shang', name: 'Shang', role: 'tenant' },
        ],
        description: PERSONAL[6],
        reportedBy: { name: 'Li', role: 'community-staff', memberId: 'm-staff-li' },
      },
    },
    staff,
    '2026-07-01T09:00:00+08:00',
  );
  await dispute(
    {
      type: 'classifyDispute',
      data: { category: 'tenancy', severity: 'moderate', escalationRisk: 'medium' },
    },
    officer,
    '2026-07-01T09:10:00+08:00',
  );
  await dispute(
    { type: 'assignDispute', data: { level: 'police-station', mediators: ['m-zhao', 'm-jiang'] } },
    director,
    '2026-07-01T09:15:00+08:00',
  );
  await dispute({ type: 'startIntervention', data: {} }, officer, '2026-07-01T09:30:00+08:00');
  await dispute(
    {
      type: 'holdMediationSession',
      data: {
        mediators: ['m-zhao', 'm-jiang'],
        parties: ['p-xu', 'p-shang'],
        others: ['community staff Li'],
        outcome: 'agreed',
        summary: PERSONAL[7],
      },
    },
    director,
    '2026-07-01T15:00:00+08:00',
  );
  const agreed = await dispute(
    {
      type: 'reachAgreement',
      data: {
        terms: [
          { obligatedPartyId: 'p-shang', action: 'Return the TV' },
          { obligatedPartyId: 'p-xu', action: 'Refund the full deposit after inspecting the flat' },
        ],
      },
    },
    director,
    '2026-07-01T15:30:00+08:00',
  );
  const [tv, deposit] = agreed.state.agreement?.terms ?? [];
  for (const [term, note, now] of [
    [tv, 'A friend of Shang brought the TV back', '2026-07-02T10:00:00+08:00'],
    [deposit, 'Xu inspected the flat and refunded in full', '2026-07-02T11:00:00+08:00'],
  ] as const) {
    await dispute(
      { type: 'recordTermFulfilled', data: { termId: term?.termId, note } },
      officer,
      now,
    );
  }
  await dispute(
    { type: 'resolveDispute', data: { how: 'agreement' } },
    director,
    '2026-07-02T11:30:00+08:00',
  );
  // The first-moment follow-up: a reaction schedules the visit to Xu's household.
  const reactions = gridledgerReactions({ afterHours: 24 });
  await reactTo(ledger, reactions, ledger.readAll({ types: reactionEventTypes(reactions) }));
  let visitId = '';
  for await (const event of ledger.readAll({ types: ['VisitScheduled'] }))
    visitId = event.streamId.slice('visit-'.length);
  await createCommandHandler(ledger, Visit)(
    visitId,
    { type: 'conductVisit', data: { visitors: ['m-jiang'] } },
    { actor: officer, now: '2026-07-03T10:00:00+08:00' },
  );
  await dispute(
    {
      type: 'recordFollowUpVisit',
      data: { satisfied: true, visitedBy: ['m-jiang'], visitId, note: PERSONAL[13] },
    },
    officer,
    '2026-07-03T10:30:00+08:00',
  );
  await dispute({ type: 'closeDispute', data: {} }, director, '2026-07-03T11:00:00+08:00');
}

/** Where a personal value could show in bytes: as the JSON string it would be stored as, and bare. */
function traces(bytes: Buffer | string): string[] {
  const text = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return PERSONAL.filter(
    (value) =>
      text.includes(Buffer.from(JSON.stringify(value).slice(1, -1))) &&
      (value.length >= 8 || text.includes(Buffer.from(JSON.stringify(value)))),
  );
}

let dir: string;
let file: string;
const run = (...argv: string[]) => gridledger([...argv, '--store', `sqlite:${file}`]);
const readModels = (): Record<string, unknown> => {
  const db = new Database(file);
  try {
    const rows = db.prepare('SELECT key, state FROM read_models ORDER BY key').all() as {
      key: string;
      state: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.state) as unknown]));
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridledger-shred-'));
  file = join(dir, 'xuzhai.db');
  const opened = openSqlite(file);
  const ledger = createLedger({
    store: opened.events,
    registry: createEventRegistry(gridledgerEvents),
    encoder: createPersonalDataEncoder({ keys: opened.keys, events: gridledgerEvents }),
  });
  const members = createCommandHandler(ledger, GridMember);
  for (const id of ['m-zhao', 'm-jiang', 'm-zhou', 'm-staff-li']) {
    await members(
      id,
      {
        type: 'enrolGridMember',
        data: {
          memberId: id,
          community: 'xuzhai',
          name: `Officer ${id}`,
          roles: ['police-officer'],
        },
      },
      { actor: director },
    );
  }
  await recordKang(ledger);
  await recordXuShang(ledger);
  await opened.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forgetting Kang, Xu and Shang', () => {
  it('leaves every chain verifying, every figure the same, and no personal value anywhere', async () => {
    // Before: the residents' data reads back, and the read models are built.
    const readable = await run('history', 'visit-v-kang');
    expect(traces(readable.out)).toEqual([KANG_ADDRESS, PERSONAL[1], 'Kang thanked the officers']);
    const figures = await run('report', 'resolution-rate', '--format', 'csv');
    expect(figures.out).toContain('2026-07,1,0,1,1,');
    expect((await run('rebuild')).code).toBe(0);
    const modelsBefore = readModels();
    expect(Object.keys(modelsBefore).length).toBeGreaterThan(5);
    const db = new Database(file);
    const keysOfThem = db
      .prepare(
        "SELECT key FROM subject_keys WHERE subject IN ('household:h-kang', 'household:h-xu')",
      )
      .all() as { key: Buffer }[];
    db.close();
    expect(keysOfThem).toHaveLength(2);

    const forgot = await run(
      'forget',
      'household:h-kang',
      'household:h-xu',
      'party:dispute-d-tv-deposit/p-xu',
      'party:dispute-d-tv-deposit/p-shang',
      '--request',
      'PIPL-2026-0042',
      '--actor',
      'm-dpo',
    );
    expect(forgot.err).toBe('');
    expect(forgot.code).toBe(0);

    const verify = await run('verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('every hash and link verifies');

    const kang = await run('history', 'visit-v-kang');
    expect(kang.code).toBe(0);
    expect(kang.out).toContain('household: {householdId: h-kang, address: [erased]}');
    expect(kang.out).toContain('details [erased]');
    expect(kang.out).toContain('note [erased]');
    for (const kept of [
      'id-card-application',
      'm-zhao, m-jiang, m-zhou',
      'Zhao Baoxing',
      'h-kang',
    ]) {
      expect(kang.out).toContain(kept);
    }
    const xu = await run('history', 'd-tv-deposit');
    expect(xu.code).toBe(0);
    expect(xu.out).toContain('parties: [erased] (landlord); [erased] (tenant)');
    for (const kept of [
      'police-station',
      'agreement',
      'satisfied true · visited by m-jiang',
      'p-shang',
    ]) {
      expect(xu.out).toContain(kept);
    }
    expect(traces(kang.out + xu.out)).toEqual([]);

    // The figures, kept and rebuilt from the erased history, are those from before.
    expect((await run('report', 'resolution-rate', '--format', 'csv')).out).toBe(figures.out);
    expect((await run('rebuild')).code).toBe(0);
    expect((await run('report', 'resolution-rate', '--format', 'csv')).out).toBe(figures.out);
    const modelsAfter = readModels();
    expect(modelsAfter).toEqual(modelsBefore);
    expect(traces(JSON.stringify(modelsAfter))).toEqual([]);

    const out = join(dir, 'export');
    expect((await run('export', '--redact', '--out', out)).code).toBe(0);
    expect(traces(readFileSync(join(out, 'events.ndjson')))).toEqual([]);

    // The raw bytes of the file, after the WAL is copied back and the file rewritten.
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.exec('VACUUM');
    raw.close();
    const bytes = readFileSync(file);
    expect(traces(bytes)).toEqual([]);
    for (const { key } of keysOfThem) expect(bytes.includes(key)).toBe(false);
    if (existsSync(`${file}-wal`)) expect(traces(readFileSync(`${file}-wal`))).toEqual([]);
  });
});
