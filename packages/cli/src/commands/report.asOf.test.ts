// `gridledger report --as-of`: the figures as they stood at an instant, and, where entries
// recorded later about that time change them, also as they were known then (decision 013).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@gridledger/cli';
import { createEventRegistry, createLedger, gridledgerEvents } from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { captureIo } from '../test-io.js';

let dir: string;
let file: string;

/**
 * Three August disputes in grid xuzhai-07: one resolved on 20 August; one resolved on 30 August
 * but entered only on 4 September; one resolved on 3 September.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridledger-as-of-'));
  file = join(dir, 'xuzhai.db');
  const sqlite = openSqlite(file, { synchronous: 'normal' });
  let now = 0;
  const ledger = createLedger({
    store: sqlite.events,
    registry: createEventRegistry(gridledgerEvents),
    clock: () => new Date(now),
  });
  const actor = { id: 'm-jiang', role: 'community-police-officer' };
  const on = async (
    id: string,
    type: string,
    data: object,
    occurredAt: string,
    recorded = occurredAt,
  ) => {
    now = Date.parse(recorded);
    await ledger.append(`dispute-${id}`, [{ type, data }], {
      expectedVersion: 'any',
      actor,
      occurredAt,
    });
  };
  const resolved = { how: 'no-agreement-needed', reason: 'Apology accepted', level: 'grid' };
  for (const [id, day] of [
    ['a', '02'],
    ['b', '10'],
    ['c', '25'],
  ] as const) {
    await on(
      id,
      'DisputeReported',
      {
        disputeId: id,
        community: 'xuzhai',
        grid: 'xuzhai-07',
        category: 'neighbours',
        source: 'walk-in',
        parties: [],
        description: 'Water from the flat above',
        reportedBy: { name: 'Wang', role: 'resident' },
      },
      `2026-08-${day}T09:00:00+08:00`,
    );
  }
  await on('a', 'DisputeResolved', resolved, '2026-08-20T10:00:00+08:00');
  await on(
    'b',
    'DisputeResolved',
    resolved,
    '2026-08-30T10:00:00+08:00',
    '2026-09-04T09:00:00+08:00',
  );
  await on('c', 'DisputeResolved', resolved, '2026-09-03T10:00:00+08:00');
  await sqlite.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(args: string[]) {
  const io = captureIo({ cwd: dir });
  const code = await main(['report', 'resolution-rate', ...args, '--store', file], io);
  return { code, out: io.out(), err: io.err() };
}

interface JsonReport {
  readonly scope: { readonly asOf?: string };
  readonly sections: { id: string; title: string; result: { total: { resolved: number } } }[];
}

describe('gridledger report --as-of', () => {
  it('counts only what had occurred by the end of the month, and shows it as known then too', async () => {
    const { code, out } = await report(['--as-of', '2026-08', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as JsonReport;
    // The end of August in Shanghai.
    expect(json.scope.asOf).toBe('2026-08-31T15:59:59.999Z');
    expect(json.sections.map((s) => [s.id, s.result.total.resolved])).toEqual([
      // As known now: a and the late-entered b; c was resolved in September.
      ['resolution-rate', 2],
      // As known on 31 August: b had not been entered yet.
      ['resolution-rate-as-known-then', 1],
    ]);
    expect(json.sections[1]?.title).toBe('Resolution rate, as known on 2026-08-31T15:59:59.999Z');
  });

  it('prints one section when nothing recorded later changes the figures', async () => {
    const { code, out } = await report(['--as-of', '2026-08-25', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as JsonReport;
    expect(json.sections.map((s) => [s.id, s.result.total.resolved])).toEqual([
      ['resolution-rate', 1],
    ]);
  });

  it('takes an instant with a zone, and says the as-of instant in the table header', async () => {
    const { code, out } = await report(['--as-of', '2026-09-03T12:00:00+08:00']);
    expect(code).toBe(0);
    expect(out).toContain('as of 2026-09-03T04:00:00.000Z');
    expect(out).toMatch(/^total +3 +0 +3 +3 +0 +0 +0 +100%$/m);
    // As known then, b had not been entered: 2 of 3.
    expect(out).toMatch(/^Resolution rate, as known on 2026-09-03T04:00:00.000Z$/m);
    expect(out).toMatch(/^total +3 +0 +3 +2 +0 +0 +1 +66\.7%$/m);
    // Without --as-of: everything recorded.
    const now = await report([]);
    expect(now.out).not.toContain('as known on');
    expect(now.out).toMatch(/^total +3 +0 +3 +3 /m);
  });

  it('writes the figures as known now to a CSV, and says on stderr that they differed', async () => {
    const { code, out, err } = await report(['--as-of', '2026-08', '--format', 'csv']);
    expect(code).toBe(0);
    expect(out.split('\r\n')[1]).toMatch(/^2026-08,3,0,3,2,/);
    expect(err).toMatch(/entries recorded after 2026-08-31T15:59:59\.999Z change resolution-rate/);
  });

  it.each([
    ['2026-13', /--as-of '2026-13' has no month 13|not a calendar/],
    ['2026-02-30', /--as-of '2026-02-30' is not a calendar date/],
    ['tomorrow', /--as-of 'tomorrow' is not a month, date or instant/],
    ['2026-08-31T24:00:00', /--as-of '2026-08-31T24:00:00' is not a month, date or instant/],
  ])('refuses --as-of %s, naming the forms it accepts', async (value, message) => {
    const { code, err } = await report(['--as-of', value]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/use a month \(2026-08: to its end\)/);
  });
});
