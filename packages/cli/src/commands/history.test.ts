import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditFiles,
  DISPUTE_STREAM,
  gridledger,
  VISIT_STREAM,
  type AuditFiles,
} from './__fixtures__/auditStore.js';
import { parseAt } from './history.js';

let files: AuditFiles;
let store: string;
beforeAll(async () => {
  files = auditFiles();
  store = `sqlite:${await files.record()}`;
});
afterAll(() => files.remove());

const history = (...args: string[]) => gridledger(['history', ...args, '--store', store]);
const versions = (out: string) => [...out.matchAll(/^v(\d+) /gm)].map((m) => Number(m[1]));

describe('gridledger history', () => {
  it('prints NDJSON for tools: one object per event with state, changes, verdict and causes', async () => {
    const { code, out } = await history('d-tv-deposit', '--json');
    expect(code).toBe(0);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatchObject({
      streamId: DISPUTE_STREAM,
      streamVersion: 0,
      type: 'DisputeReported',
      actor: { id: 'm-li', role: 'grid-worker', name: 'Li Min' },
      occurredAt: '2025-06-30T09:40:00+08:00',
      verified: true,
      findings: [],
      state: { status: 'open' },
      causes: [{ streamId: VISIT_STREAM, streamVersion: 2, type: 'DisputeSpotted' }],
    });
    expect(lines[10]).toMatchObject({
      type: 'DisputeClosed',
      state: { status: 'closed' },
      causes: [],
    });
  });

  it('takes a stream id as well as a dispute id, and streams without causes', async () => {
    const { code, out } = await history(VISIT_STREAM, '--time-zone', 'UTC');
    expect(code).toBe(0);
    expect(out).toMatch(/^History of visit-v-0630-07 \(Visit\) in sqlite:/);
    expect(out).toContain('Times in UTC (UTC+00:00)');
    expect(out).toMatch(/^v2 {2}2025-06-30 01:15 {2}Dispute spotted {2}✓ verified$/m);
    expect(out).toMatch(/✓ 3 events; every hash and link verifies \(head [0-9a-f]{16}…\)\n$/);
  });

  it('--at a version shows the history up to it and the state then', async () => {
    const { code, out } = await history(
      'd-tv-deposit',
      '--at',
      '3',
      '--time-zone',
      'Asia/Shanghai',
    );
    expect(code).toBe(0);
    expect(out).toContain('Times in Asia/Shanghai (UTC+08:00); as of v3');
    expect(versions(out)).toEqual([0, 1, 2, 3]);
    expect(out).toContain('State after v3 (2025-06-30 10:30):\n    status: open\n');
    expect(out).toContain('    interventionStarted: true\n');
  });

  it('--at a time: at, just before and just after an event was recorded', async () => {
    // The intervention (v3) was recorded at 10:32 in Xuzhai, 02:32 UTC.
    const at = await history(
      'd-tv-deposit',
      '--at',
      '2025-06-30T02:32:00Z',
      '--time-zone',
      'Asia/Shanghai',
    );
    expect(versions(at.out)).toEqual([0, 1, 2, 3]);
    expect(at.out).toContain('as of 2025-06-30 10:32 (2025-06-30T02:32:00Z)');
    const before = await history('d-tv-deposit', '--at', '2025-06-30T10:31:59.999+08:00');
    expect(versions(before.out)).toEqual([0, 1, 2]);
    expect(before.out).toContain('    interventionStarted: false\n');
    const after = await history('d-tv-deposit', '--at', '2025-06-30T10:32:00.001+08:00');
    expect(versions(after.out)).toEqual([0, 1, 2, 3]);
    const beforeAll = await history('d-tv-deposit', '--at', '2025-06-01T00:00:00Z');
    expect(beforeAll).toMatchObject({ code: 0 });
    expect(beforeAll.out).toContain(`Nothing was recorded in ${DISPUTE_STREAM} by then.`);
  });

  it('refuses a malformed --at, a second id, an unknown time zone', async () => {
    for (const bad of ['yesterday', '2025-07-01', '2025-07-01T10:00:00', '-1', '3.5']) {
      const result = await history('d-tv-deposit', `--at=${bad}`);
      expect(result.code).toBe(2);
      expect(result.err).toContain(
        `malformed --at '${bad}': give a stream version (a whole number, e.g. 3) or an ISO 8601 date-time with a zone`,
      );
    }
    expect((await history('d-tv-deposit', 'd-other')).err).toMatch(
      /give exactly one stream or dispute id/,
    );
    expect((await history('d-tv-deposit', '--time-zone', 'Mars/Olympus')).err).toMatch(
      /--time-zone 'Mars\/Olympus' is not a time zone/,
    );
    expect((await history()).code).toBe(2);
  });

  it('refuses --at a version past the end of the stream, or below 0', async () => {
    const past = await history('d-tv-deposit', '--at', '99');
    expect(past).toMatchObject({ code: 2, out: '' });
    expect(past.err).toBe(
      `gridledger history: --at 99 is past the end of ${DISPUTE_STREAM}: its versions run from 0 to 10 (11 events)\n`,
    );
    expect((await history('d-tv-deposit', '--at', '10')).code).toBe(0);
    const negative = await history('d-tv-deposit', '--at', '-1');
    expect(negative.code).toBe(2);
    expect(negative.err).toMatch(/^gridledger history: malformed --at '-1': give a stream version/);
  });

  it('shows times in the zone $TZ means, and says so when $TZ cannot be read', async () => {
    const first = async (TZ: string) => {
      const result = await gridledger(['history', 'd-tv-deposit', '--at', '0', '--store', store], {
        env: { TZ },
      });
      return { ...result, v0: /^v0 {2}(\S+ \S+)/m.exec(result.out)?.[1] };
    };
    // The report was made at 09:40 in Xuzhai (01:40 UTC).
    expect(await first('CST-8')).toMatchObject({ code: 0, err: '', v0: '2025-06-30 09:40' });
    expect(await first('')).toMatchObject({ code: 0, err: '', v0: '2025-06-30 01:40' });
    expect(await first(':Asia/Shanghai')).toMatchObject({ code: 0, v0: '2025-06-30 09:40' });
    expect(await first(':/etc/localtime')).toMatchObject({ code: 0, err: '' });
    const unreadable = await first('Mars/Olympus');
    expect(unreadable).toMatchObject({ code: 0, v0: '2025-06-30 01:40' });
    expect(unreadable.err).toBe(
      "gridledger history: note: $TZ is 'Mars/Olympus', which is not a time zone: times are in UTC " +
        '(set TZ to an IANA name such as Asia/Shanghai, or use --time-zone)\n',
    );
    expect(unreadable.out).toContain('Times in UTC (UTC+00:00)');
  });

  it('has --help', async () => {
    const { code, out } = await gridledger(['history', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: gridledger history <stream or dispute id> \[options\]/);
    expect(out).toContain('--at <version|time>');
  });
});

describe('parseAt', () => {
  it('reads whole numbers as versions and zoned ISO times as times', () => {
    expect(parseAt('7')).toEqual({ version: 7 });
    expect(parseAt(' 2025-07-01T10:00:00+08:00 ')).toEqual({ time: '2025-07-01T10:00:00+08:00' });
    expect(() => parseAt('2025-07-01 10:00')).toThrow(/malformed --at/);
  });
});
