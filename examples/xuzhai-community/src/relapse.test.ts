// The relapse scenario: a dispute settled in July turns into a criminal case on 31 July, and the
// figures catch it; its events near midnight at month ends count in their Shanghai month.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('gridledger report on the relapse scenario’s store', () => {
  const cli = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../../packages/cli/bin/gridledger.js',
  );
  /** Runs the `gridledger` command as a user would, on the file the scenario wrote. */
  const gridledger = (...args: string[]) => {
    const run = spawnSync(process.execPath, [cli, ...args, '--store', result.file], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
  };

  it('given the relapse store, when `gridledger report criminal-cases` runs, then it names the relapsed dispute and its case', () => {
    const out = gridledger('report', 'criminal-cases');
    const rows = out.split('\n').filter((line) => line.startsWith(RELAPSE_DISPUTE_ID));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(
        `^${RELAPSE_DISPUTE_ID}\\s+2026-07\\s+xuzhai\\s+xuzhai-41\\s+later-case\\s+${RELAPSE_CASE_ID}\\s+grid\\s+no\\s`,
      ),
    );
  }, 120_000);

  it('given the relapse store, when `gridledger report escalations` runs, then it counts the criminal case against July, as the demo did', () => {
    const out = gridledger('report', 'escalations');
    expect(out).toContain('Became criminal cases: 1   Became homicides: 0');
    const row = (label: string) =>
      out
        .split('\n')
        .find((line) => line.startsWith(`${label} `))
        ?.trim()
        .split(/\s+/);
    // Month, escalations, disputes escalated, referred out, reopened, criminal, after settlement,
    // homicides, zero criminal cases.
    expect(row('2026-07')?.slice(5)).toEqual(['1', '1', '0', 'no']);
    expect(row('2026-06')?.slice(5)).toEqual(['0', '0', '0', 'yes']);
    expect(row('2026-08')?.slice(5)).toEqual(['0', '0', '0', 'yes']);
    const e = result.figures.escalations;
    expect(row('total')).toEqual([
      'total',
      String(e.escalations),
      String(e.disputesEscalated),
      String(e.referredOut),
      '0',
      '1',
      '1',
      '0',
      'no',
    ]);
  }, 120_000);
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
