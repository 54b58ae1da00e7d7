import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@gridledger/cli';
import {
  createCommandHandler,
  createEventRegistry,
  createLedger,
  Dispute,
  gridledgerEvents,
  Patrol,
} from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { captureIo } from '../test-io.js';
import { EXPECTED } from '../report/__fixtures__/history.js';
import { xuzhaiFiles, type XuzhaiFiles } from '../report/__fixtures__/store.js';

let files: XuzhaiFiles;
beforeAll(async () => {
  files = await xuzhaiFiles();
});
afterAll(() => files.remove());

async function report(args: string[], store?: string) {
  const io = captureIo({ cwd: files.dir });
  const file =
    store ?? files.copy(`${expect.getState().currentTestName ?? 'x'}.db`.replace(/[^\w.]+/g, '-'));
  const code = await main(['report', ...args, '--store', file], io);
  return { code, out: io.out(), err: io.err(), file };
}

describe('gridledger report', () => {
  it('builds the read models first when they are not built, in one pass, and says so on stderr', async () => {
    const first = await report([]);
    expect(first.code).toBe(0);
    // The summary's read models are built together, in one pass over the log.
    expect(first.err).toMatch(
      /^Building \d+ read models first, in one pass: 'resolution-rate', .*'incidence'.*\.$/m,
    );
    expect(first.err).not.toMatch(/Building read model '/);
    expect(first.err).toMatch(/Built 'incidence' from \d+ events\./);
    // The summary's resolution table, by month, with the rates worked out by hand.
    expect(first.out).toMatch(
      /^Resolution rate\n=+\nResolution rate: 94\.3% {3}Disputes accepted: 35$/m,
    );
    expect(first.out).toMatch(/^2025-06 +14 +1 +13 +13 +0 +0 +0 +100%$/m);
    expect(first.out).toMatch(/^2025-07 +12 +0 +12 +11 +1 +0 +0 +91\.7%$/m);
    expect(first.out).toMatch(/^2025-08 +10 +0 +10 +9 +0 +0 +1 +90%$/m);
    expect(first.out).toMatch(/^total +36 +1 +35 +33 +1 +0 +1 +94\.3%$/m);
    // Incidence with the change on the month before.
    expect(first.out).toMatch(/^2025-07 +12 +4 +4 +▼ 14\.3% +▼ 20%$/m);

    const again = await report([], first.file);
    expect(again.code).toBe(0);
    expect(again.err).toBe('');
    expect(again.out.replace(/generated.*$/gm, '')).toBe(first.out.replace(/generated.*$/gm, ''));
  });

  it('brings a built read model up to date with what was recorded since', async () => {
    const { file } = await report(['incidence']);
    const opened = openSqlite(file);
    const ledger = createLedger({
      store: opened.events,
      registry: createEventRegistry(gridledgerEvents),
    });
    await createCommandHandler(ledger, Dispute)(
      'late-one',
      {
        type: 'reportDispute',
        data: {
          disputeId: 'late-one',
          community: 'xuzhai',
          grid: 'xuzhai-03',
          category: 'neighbours',
          source: 'hotline',
          parties: [],
          description: 'Water dripping from the flat above',
          reportedBy: { name: 'Wang', role: 'resident' },
        },
      },
      {
        actor: { id: 'jiang-lin', role: 'community-police-officer' },
        now: '2025-08-30T20:00:00+08:00',
      },
    );
    await opened.close();

    const updated = await report(['incidence', '--format', 'json'], file);
    expect(updated.err).toMatch(/Brought read model 'incidence' up to date \(\+1 event\)\./);
    const august = JSON.parse(updated.out).sections[0].result.rows[2];
    expect(august).toMatchObject({ month: '2025-08', disputes: 11 });
  });

  it('groups by grid and keeps to the months asked for', async () => {
    const { code, out } = await report([
      'resolution-rate',
      '--by',
      'grid',
      '--from',
      '2025-07',
      '--to',
      '2025-08',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.scope).toEqual({
      by: 'grid',
      from: '2025-07',
      to: '2025-08',
      timeZone: 'Asia/Shanghai',
    });
    const { rows, total } = json.sections[0].result;
    expect(rows.map((r: { grid: string }) => r.grid)).toEqual([
      'xuzhai-01',
      'xuzhai-02',
      'xuzhai-03',
      'xuzhai-04',
    ]);
    expect(total).toMatchObject({
      reported: 22,
      accepted: 22,
      resolved: 20,
      withdrawn: 1,
      inProgress: 1,
    });
  });

  it('narrows a date to its calendar month, and says so', async () => {
    const byDate = await report([
      'incidence',
      '--from',
      '2025-07-15',
      '--to',
      '2025-07-31',
      '--format',
      'json',
    ]);
    expect(byDate.err).toMatch(
      /note: read models count by calendar month: --from 2025-07-15 covers all of 2025-07/,
    );
    expect(byDate.err).not.toMatch(/--to 2025-07-31/);
    const rows = JSON.parse(byDate.out).sections[0].result.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ month: '2025-07', disputes: 12, previous: { disputes: 14 } });
  });

  it('writes one table as RFC 4180 CSV with plain numbers', async () => {
    const { code, out } = await report(['resolution-rate', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = out.split('\r\n');
    expect(lines[0]).toBe(
      'month,reported,declined,accepted,resolved,withdrawn,referredOut,inProgress,rate',
    );
    expect(lines[1]).toBe('2025-06,14,1,13,13,0,0,0,1');
    expect(lines[2]).toBe(`2025-07,12,0,12,11,1,0,0,${11 / 12}`);
    expect(lines.slice(3)).toEqual(['2025-08,10,0,10,9,0,0,1,0.9', '']);
  });

  it('given the history, when where-settled is asked for, then it prints the grade × level table after the shares (分层分类)', async () => {
    const { code, out } = await report(['where-settled']);
    expect(code).toBe(0);
    const layered = out.slice(out.indexOf('Layered mediation by grade'));
    expect(out.indexOf('Where disputes were settled')).toBeLessThan(
      out.indexOf('Layered mediation'),
    );
    // Every dispute of the history is graded minor: 25 settled in the grid, where minor calls
    // for, 5 in the community and 3 at the police station (higher is allowed): 25 of 33 = 75.8%.
    const { settled } = EXPECTED;
    const resolved = settled.grid + settled.community + settled.policeStation;
    expect(layered).toMatch(
      new RegExp(
        `Resolved disputes: ${resolved} +Settled at the level their grade calls for: 75\\.8%`,
      ),
    );
    expect(layered).toMatch(
      new RegExp(
        `^minor +grid +${settled.grid} +${settled.community} +0 +${settled.policeStation} +0 +${resolved}$`,
        'm',
      ),
    );
    expect(layered).toMatch(/^moderate +community +0 +0 +0 +0 +0 +0$/m);
    expect(layered).toMatch(/^major +police-station +0 +0 +0 +0 +0 +0$/m);
  });

  it('keeps where-settled one CSV table; the grade × level table is a report of its own', async () => {
    const csv = await report(['where-settled', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')[0]).toMatch(/^month,accepted,inGrid,/);
    const layered = await report(['layered-mediation', '--format', 'csv']);
    expect(layered.code).toBe(0);
    const lines = layered.out.split('\r\n');
    expect(lines[0]).toBe(
      'grade,calledFor,grid,community,police-room,police-station,outside-body,resolved',
    );
    expect(lines[1]).toBe('minor,grid,25,5,0,3,0,33');
    expect(lines.slice(2, 5)).toEqual([
      'moderate,community,0,0,0,0,0,0',
      'serious,police-room,0,0,0,0,0,0',
      'major,police-station,0,0,0,0,0,0',
    ]);
  });

  it('divides the station’s public-order cases by the households on the register', async () => {
    const { code, out } = await report(['public-order', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = out.split('\r\n');
    expect(lines[0]).toBe(
      'month,publicOrderCases,criminalCases,fromDisputes,households,perThousandHouseholds,perTenThousandResidents,rateChange',
    );
    expect(lines.slice(1, 4).map((l) => l.split(',').slice(0, 5))).toEqual(
      EXPECTED.months.map((month, m) => [
        month,
        String(EXPECTED.publicOrderCases[m]),
        '0',
        '0',
        String(EXPECTED.households[m]),
      ]),
    );
    // June 4 of 100 households = 40 per 1,000; July 2 of 98: the rate halves (▼ 49%).
    expect(Number(lines[1]?.split(',')[5])).toBe(40);
    expect(Number(lines[2]?.split(',')[7])).toBeCloseTo(((2 / 98) * 1000) / 40 - 1);
    const table = await report(['public-order']);
    for (const label of EXPECTED.perThousandLabels) expect(table.out).toContain(` ${label} `);
  });

  it('counts follow-ups by channel: visits, telephone calls, channel not recorded', async () => {
    const { out } = await report(['satisfaction', '--format', 'json']);
    expect(JSON.parse(out).sections[0].result.total).toMatchObject({
      followUps: EXPECTED.followUps.total,
      visits: EXPECTED.followUps.visits,
      telephoneCalls: EXPECTED.followUps.telephoneCalls,
      channelNotRecorded: EXPECTED.followUps.notRecorded,
    });
  });

  it('counts the follow-ups and hand-overs of hazards found on patrols in columns of their own', async () => {
    const file = files.copy('patrol-hazards.db');
    const opened = openSqlite(file);
    const ledger = createLedger({
      store: opened.events,
      registry: createEventRegistry(gridledgerEvents),
    });
    const patrol = createCommandHandler(ledger, Patrol);
    const actor = { id: 'jiang-lin', role: 'community-police-officer' };
    const on = async (type: string, data: unknown, now: string) =>
      (await patrol('hz-p', { type, data }, { actor, now })).events;
    await on(
      'schedulePatrol',
      {
        patrolId: 'hz-p',
        community: 'xuzhai',
        route: 'Taihao Road, the market, the old blocks',
        grids: ['xuzhai-01', 'xuzhai-02'],
        members: ['m-03', 'm-04'],
        scheduledFor: '2025-08-20T19:00:00+08:00',
      },
      '2025-08-20T08:00:00+08:00',
    );
    await on('startPatrol', {}, '2025-08-20T19:00:00+08:00');
    const find = async (grid: string, now: string) => {
      const [found] = await on('reportPatrolHazard', { grid, description: 'Loose cover' }, now);
      return (found?.data as { hazardId: string }).hazardId;
    };
    const cover = await find('xuzhai-02', '2025-08-20T19:30:00+08:00');
    const bikes = await find('xuzhai-01', '2025-08-20T20:00:00+08:00');
    await on('completePatrol', { durationMinutes: 120 }, '2025-08-20T21:00:00+08:00');
    // After the shift: the cover looked at twice and handed over; the bikes found gone, removed.
    const look = (hazardId: string, stillThere: boolean, now: string) =>
      on(
        'followUpPatrolHazard',
        { hazardId, followedUpBy: ['m-03'], note: 'Looked', stillThere },
        now,
      );
    await look(cover, true, '2025-08-24T19:30:00+08:00');
    await look(cover, true, '2025-08-28T19:30:00+08:00');
    await on(
      'handOverPatrolHazard',
      { hazardId: cover, to: 'property office' },
      '2025-08-29T09:00:00+08:00',
    );
    await look(bikes, false, '2025-08-24T20:00:00+08:00');
    await on('recordPatrolHazardRemoved', { hazardId: bikes }, '2025-08-24T20:05:00+08:00');
    await opened.close();

    const csv = await report(['coverage', '--format', 'csv'], file);
    expect(csv.code).toBe(0);
    const [head, ...rows] = csv.out.split('\r\n');
    const columns = head!.split(',');
    const hazards = [
      'hazardsFound',
      'hazardsRemoved',
      'hazardFollowUps',
      'hazardsHandedOver',
      'patrolHazardsFound',
      'patrolHazardsRemoved',
      'patrolHazardFollowUps',
      'patrolHazardsHandedOver',
    ];
    const cells = (grid: string) => {
      const row = rows.find((r) => r.startsWith(`xuzhai,${grid},`))!.split(',');
      return hazards.map((h) => Number(row[columns.indexOf(h)]));
    };
    // The history has no other hazard: both grids hold the patrol's alone, where each was found.
    expect(cells('xuzhai-01')).toEqual([1, 1, 0, 0, 1, 1, 1, 0]);
    expect(cells('xuzhai-02')).toEqual([1, 0, 0, 0, 1, 0, 2, 1]);
    const table = await report(['coverage'], file);
    expect(table.out).toMatch(/Patrol hazard follow-ups/);
    expect(table.out).toMatch(/Visit hazard follow-ups/);
  });

  it('lists the work of each member when grouped by member', async () => {
    const { code, out } = await report(['coverage', '--by', 'member']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Work per member$/m);
    // m-01 mediated every accepted dispute once; m-03 and m-04 walked the nine patrols.
    expect(out).toMatch(/^m-01 +0 +0 +0 +0\.0 +35 +0$/m);
    expect(out).toMatch(/^m-02 +0 +0 +0 +0\.0 +0 +33$/m);
    expect(out).toMatch(/^m-03 +0 +0 +9 +18\.0 +0 +0$/m);
  });

  it('lists no criminal cases when there were none, and says the target is met', async () => {
    const { out } = await report(['criminal-cases']);
    expect(out).toMatch(
      /^No dispute became a criminal case in this period: the target of zero is met\.$/m,
    );
    const escalations = await report(['escalations', '--format', 'json']);
    expect(JSON.parse(escalations.out).sections[0].result.total).toMatchObject({
      escalations: 1,
      criminalCases: 0,
      homicides: 0,
      onTarget: true,
    });
  });

  it('writes the HTML page to --out and says where', async () => {
    const { code, err, out } = await report(['--format', 'html', '--out', 'summary.html']);
    expect(code).toBe(0);
    expect(out).toBe('');
    const path = join(files.dir, 'summary.html');
    expect(err).toContain(`Wrote the summary report (html) to ${path}`);
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)).toHaveLength(5);
    for (const label of EXPECTED.rateLabels) expect(html).toContain(`>${label}</text>`);
    // Self-contained: nothing is fetched from anywhere.
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/<script|@import|url\(/);
  });

  it.each([
    [['--by', 'week'], /--by 'week' is not a grouping: use one of month, grid, community, member/],
    [
      ['--from', '2025-13'],
      /--from '2025-13' has no month 13: use a month as YYYY-MM .* or a date as YYYY-MM-DD/,
    ],
    [['--to', '07/2025'], /--to '07\/2025' is not a month or a date: use a month as YYYY-MM/],
    [['--from', '2025-02-30'], /--from '2025-02-30' is not a calendar date/],
    [['--from', '2025-08', '--to', '2025-06'], /--to 2025-06 is before --from 2025-08/],
    [['--format', 'pdf'], /--format 'pdf' is not a format: use one of table, csv, json, html/],
    [
      ['resolution-rate', '--by', 'member'],
      /--by member does not apply to the resolution-rate report \(work per member is in the coverage report\): use month, grid, community/,
    ],
    [
      ['criminal-cases', '--by', 'grid'],
      /--by grid does not apply to the criminal-cases report: it takes no --by/,
    ],
    [['coverage', '--by', 'member', '--grid', 'xuzhai-01'], /leave out --community and --grid/],
    [
      ['--format', 'csv'],
      /--format csv writes one table, and the summary report has 7: name one \(resolution-rate, incidence/,
    ],
    [['frequency'], /unknown report 'frequency': use one of summary, resolution-rate, incidence/],
    [['incidence', 'coverage'], /one report at a time, got 2/],
    [['--time-zone', 'Mars/Olympus'], /--time-zone 'Mars\/Olympus' is not an IANA time zone/],
  ])('refuses %j with a usage error naming what it accepts', async (args, message) => {
    const { code, err, out } = await report(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('keeps read models in another SQLite file when asked', async () => {
    const models = join(files.dir, 'models.db');
    const { code, file } = await report(['incidence', '--read-models', models]);
    expect(code).toBe(0);
    const separate = openSqlite(models);
    expect(await separate.readModels.keys()).toEqual(['incidence']);
    await separate.close();
    const own = openSqlite(file);
    expect(await own.readModels.keys()).toEqual([]);
    await own.close();
  });

  it('asks where to keep read models for an EventStoreDB store, before connecting', async () => {
    const { code, err } = await report([], 'esdb://127.0.0.1:1?tls=false');
    expect(code).toBe(2);
    expect(err).toMatch(
      /an EventStoreDB store keeps no read models: name a SQLite file or a postgres:\/\/ URL to keep them in with --read-models <file\|url>/,
    );
  });

  it('says which month each Resolved count is in: the month reported, or the month resolved', async () => {
    const { out } = await report([]);
    const header = (title: string) =>
      out
        .split(`\n${title}\n`)[1]
        ?.split('\n')
        .find((line) => line.startsWith('Month'));
    expect(header('Resolution rate')).toMatch(
      /^Month reported +Reported +Declined +Accepted +Resolved /,
    );
    expect(header('Where disputes were settled')).toMatch(
      /^Month resolved +Accepted +In the grid /,
    );
    const html = await report(['--format', 'html']);
    expect(html.out).toContain('<th scope="col">Month reported</th>');
    expect(html.out).toContain('<th scope="col">Month resolved</th>');
  });

  it('refuses --out onto a directory or into a missing one, before building anything', async () => {
    const onDir = await report(['--format', 'html', '--out', files.dir]);
    expect(onDir).toMatchObject({ code: 2, out: '' });
    expect(onDir.err).toBe(
      `gridledger report: --out ${files.dir} is a directory: name a file, e.g. --out ${join(files.dir, 'summary.html')}\n`,
    );
    const missing = join(files.dir, 'no/such');
    const nowhere = await report(['incidence', '--out', join(missing, 'incidence.csv')]);
    expect(nowhere).toMatchObject({ code: 2, out: '' });
    expect(nowhere.err).toBe(
      `gridledger report: --out ${join(missing, 'incidence.csv')}: there is no directory ${missing} to write it in\n`,
    );
  });

  it('refuses --read-models onto a directory', async () => {
    const { code, err } = await report(['--read-models', files.dir]);
    expect(code).toBe(2);
    expect(err).toBe(
      `gridledger report: the read-model file ${files.dir} is a directory: name a SQLite file, e.g. --read-models ${join(files.dir, 'gridledger.db')}\n`,
    );
  });

  it('names a store file that does not exist', async () => {
    const { code, err } = await report([], join(files.dir, 'nowhere.db'));
    expect(code).toBe(2);
    expect(err).toMatch(/no store at .*nowhere\.db/);
  });
});
