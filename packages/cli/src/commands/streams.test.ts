import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridledger } from './__fixtures__/auditStore.js';
import { xuzhaiFiles, type XuzhaiFiles } from '../report/__fixtures__/store.js';

// The fixture: 36 disputes in grids xuzhai-01 to -04 (29 closed, 4 resolved whose follow-up found
// the residents unhappy, 1 declined, 1 withdrawn, 1 open)
// and 9 patrols walking xuzhai-01 and -02, June to August 2025; 10 of the disputes in xuzhai-02.
let files: XuzhaiFiles;
let store: string;
beforeAll(async () => {
  files = await xuzhaiFiles();
  store = files.copy('streams.db');
});
afterAll(() => files.remove());

const streams = (...args: string[]) =>
  gridledger(['streams', ...args, '--store', store, '--time-zone', 'Asia/Shanghai']);
const rowsOf = (out: string) => out.split('\n').filter((line) => /^(dispute|patrol)-/.test(line));

describe('gridledger streams', () => {
  it('lists every stream, oldest first: aggregate, grid, status, events, last event', async () => {
    const { code, out, err } = await streams();
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Streams in sqlite:\S+streams\.db; times in Asia\/Shanghai \(UTC\+08:00\)\n\n/,
    );
    expect(out).toMatch(/^stream +aggregate +grid +status +events +last event$/m);
    expect(rowsOf(out)).toHaveLength(45);
    expect(rowsOf(out)[0]).toMatch(
      /^dispute-2025-06-d01 +Dispute +xuzhai-01 +closed +11 +2025-06-04 11:00$/,
    );
    expect(out).toMatch(
      /^patrol-2025-06-p1 +Patrol +xuzhai-01, xuzhai-02 +completed +\d+ +2025-06-05 21:00$/m,
    );
    expect(out).toMatch(/\n56 streams, \d{3} events\n/);
  });

  it('filters by aggregate, grid and status, and counts what it kept', async () => {
    const patrols = await streams('--aggregate', 'patrol');
    expect(rowsOf(patrols.out)).toHaveLength(9);
    expect(patrols.out).toMatch(/\n9 streams, \d+ events \(of 56 streams, \d+ events\)\n/);
    const inGrid = await streams('--grid', 'xuzhai-02');
    expect(rowsOf(inGrid.out)).toHaveLength(9 + 10);
    const open = await streams('--aggregate', 'dispute', '--status', 'open');
    expect(rowsOf(open.out)).toEqual([expect.stringMatching(/^dispute-2025-08-d10 .* open /)]);
    expect((await streams('--aggregate', 'Dispute', '--status', 'declined')).out).toMatch(
      /\n1 stream, 2 events \(of 56 streams/,
    );
  });

  it('says what there is when nothing matches', async () => {
    const { code, out } = await streams('--aggregate', 'dispute', '--status', 'referred-out');
    expect(code).toBe(0);
    expect(out).toContain(
      'No stream matches (aggregate dispute, status referred-out); their statuses here: closed 29, declined 1, open 1, resolved 4, withdrawn 1.',
    );
  });

  it('--count prints only the counts, by aggregate and status', async () => {
    const { out } = await streams('--count');
    expect(rowsOf(out)).toEqual([]);
    expect(out).toMatch(
      /^Dispute +36 streams +\d+ events +closed 29, declined 1, open 1, resolved 4, withdrawn 1$/m,
    );
    expect(out).toMatch(/^Patrol +9 streams +\d+ events +completed 9$/m);
    // The four grids' household registers and the station's seven public-order cases.
    expect(out).toMatch(/^HouseholdRegister +4 streams +\d+ events/m);
    expect(out).toMatch(/^PoliceCase +7 streams +\d+ events +open 7$/m);
    expect(out).toMatch(/\n56 streams, \d+ events\n$/);
  });

  it('--json: one object per stream', async () => {
    const { out } = await streams('--json', '--aggregate', 'patrol');
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toEqual({
      streamId: 'patrol-2025-06-p1',
      aggregate: 'Patrol',
      grids: ['xuzhai-01', 'xuzhai-02'],
      status: 'completed',
      events: expect.any(Number),
      lastVersion: expect.any(Number),
      firstOccurredAt: '2025-06-05T08:00:00+08:00',
      lastOccurredAt: '2025-06-05T21:00:00+08:00',
    });
  });

  it('refuses an unknown aggregate, suggesting the one meant', async () => {
    const { code, err } = await streams('--aggregate', 'patrl');
    expect(code).toBe(2);
    expect(err).toBe(
      "gridledger streams: unknown aggregate 'patrl': did you mean patrol? (dispute, visit, grid-member, patrol, grid-ownership, police-case, household-register, grid-structure, grid-nesting)\n",
    );
  });
});
