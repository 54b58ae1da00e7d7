// The relapse scenario: a dispute settled in July turns into a criminal case on 31 July, and the
// figures catch it; its events near midnight at month ends count in their Shanghai month.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEventRegistry,
  createLedger,
  createPersonalDataEncoder,
  gridledgerEvents,
  isValidationError,
  type RecordedEvent,
} from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDemoArgs } from './cli.js';
import { DEFAULT_SEED, runDemo, type DemoResult } from './demo.js';
import { NIGHT_NOISE_CASE_ID, RELAPSE_CASE_ID, RELAPSE_DISPUTE_ID } from './relapse.js';
import { formatReport } from './report.js';
import { dayOf } from './time.js';

const dir = mkdtempSync(join(tmpdir(), 'xuzhai-relapse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let result: DemoResult;
let log: RecordedEvent[];

beforeAll(async () => {
  result = await runDemo({
    file: join(dir, 'relapse.db'),
    seed: DEFAULT_SEED,
    scenario: 'relapse',
  });
  const db = openSqlite(result.file, { readonly: true });
  const ledger = createLedger({
    store: db.events,
    registry: createEventRegistry(gridledgerEvents),
    encoder: createPersonalDataEncoder({ keys: db.keys, events: gridledgerEvents }),
  });
  log = [];
  for await (const event of ledger.readAll()) log.push(event);
  await db.close();
}, 180_000);

const shanghaiMonth = (e: RecordedEvent) => dayOf(Date.parse(e.metadata.occurredAt)).slice(0, 7);
const utcMonth = (e: RecordedEvent) => new Date(e.metadata.occurredAt).toISOString().slice(0, 7);

describe('a settled dispute that later turns into a criminal case (民转刑 after settlement)', () => {
  it('given the relapse scenario, when the season is run, then the escalations count one criminal case against July', () => {
    const e = result.figures.escalations;
    expect(e).toMatchObject({
      criminalCases: 1,
      laterCriminalCases: 1,
      referredAsCriminal: 0,
      homicides: 0,
      onTarget: false,
    });
    expect(result.figures.criminalCases).toEqual([
      {
        disputeId: RELAPSE_DISPUTE_ID,
        month: '2026-07',
        community: 'xuzhai',
        grid: 'xuzhai-41',
        how: 'later-case',
        caseId: RELAPSE_CASE_ID,
        fromLevel: 'grid',
        becameHomicide: false,
        occurredAt: '2026-07-31T16:20:00.000Z',
      },
    ]);
  });

  it('records the dispute settled, followed up and closed before the station links the case', () => {
    const types = log
      .filter((e) => e.streamId === `dispute-${RELAPSE_DISPUTE_ID}`)
      .map((e) => e.type);
    expect(types.slice(-4)).toEqual([
      'DisputeResolved',
      'DisputeFollowUpVisitRecorded',
      'DisputeClosed',
      'DisputeLaterCaseLinked',
    ]);
    const recorded = log.find(
      (e) => e.type === 'PoliceCaseRecorded' && e.streamId === `police-case-${RELAPSE_CASE_ID}`,
    );
    expect(recorded?.data).toMatchObject({ kind: 'criminal', disputeId: RELAPSE_DISPUTE_ID });
    expect(recorded?.metadata.actor.role).toBe('community-police-officer');
  });

  it('prints the case under the escalations', () => {
    const text = formatReport(result);
    expect(text).toContain('(seed 20260905, relapse scenario)');
    expect(text).toMatch(/turned into criminal cases\s+1/);
    expect(text).toContain(
      `later case ${RELAPSE_CASE_ID}: dispute ${RELAPSE_DISPUTE_ID}, grid xuzhai-41, settled at the grid level, counted in July, linked 1 Aug`,
    );
  });
});

describe('events near midnight at month ends', () => {
  it('has events in the hours when the month in UTC is not the month in Shanghai', () => {
    const straddling = log.filter((e) => shanghaiMonth(e) !== utcMonth(e));
    const ids = straddling.map((e) => e.streamId);
    expect(ids).toContain(`dispute-${RELAPSE_DISPUTE_ID}`);
    expect(ids).toContain(`police-case-${NIGHT_NOISE_CASE_ID}`);
  });

  it('counts each in its Shanghai month: disputes reported and public-order cases, recounted from the log', () => {
    const months = ['2026-06', '2026-07', '2026-08'];
    const reported = (month: string, monthOf: (e: RecordedEvent) => string) =>
      log.filter((e) => e.type === 'DisputeReported' && monthOf(e) === month).length;
    const cases = (month: string, monthOf: (e: RecordedEvent) => string) =>
      log.filter(
        (e) =>
          e.type === 'PoliceCaseRecorded' &&
          (e.data as { kind: string }).kind === 'public-order' &&
          monthOf(e) === month,
      ).length;
    for (const month of months) {
      const row = result.figures.resolution.months.find((m) => m.month === month);
      expect(row?.reported, month).toBe(reported(month, shanghaiMonth));
      const po = result.figures.publicOrder.find((p) => p.month === month);
      expect(po?.publicOrderCases, month).toBe(cases(month, shanghaiMonth));
    }
    // The UTC month would count the 00:10 call on 1 July in June, the 00:05 case on 1 August in July.
    expect(reported('2026-06', utcMonth)).toBe(reported('2026-06', shanghaiMonth) + 1);
    expect(cases('2026-07', utcMonth)).toBeGreaterThan(cases('2026-07', shanghaiMonth));
  });
});

describe('pnpm demo --scenario', () => {
  it('reads the scenario, season by default', () => {
    expect(parseDemoArgs([], '/tmp').scenario).toBe('season');
    expect(parseDemoArgs(['--scenario', 'relapse'], '/tmp').scenario).toBe('relapse');
  });

  it('names the scenario when it is not one it knows', () => {
    let caught: unknown;
    try {
      parseDemoArgs(['--scenario', 'riot'], '/tmp');
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect((caught as Error).message).toContain("must be one of season, relapse, got 'riot'");
  });
});
