import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseClock, systemTimeZone } from './choose.js';

const dir = mkdtempSync(join(tmpdir(), 'gridledger-tz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JULY = '2026-07-01T01:30:00Z';
const shown = (option: string | undefined, env: Record<string, string>) => {
  const { clock, note } = chooseClock(option, env);
  return { zone: clock.zone, time: clock.format(JULY), note };
};

describe('the time zone of printed times', () => {
  it('is --time-zone when given: an IANA name or a POSIX TZ string', () => {
    expect(shown('Asia/Shanghai', { TZ: 'UTC' })).toEqual({
      zone: 'Asia/Shanghai (UTC+08:00)',
      time: '2026-07-01 09:30',
      note: undefined,
    });
    expect(shown('CST-8', {})).toMatchObject({
      zone: 'CST-8 (UTC+08:00)',
      time: '2026-07-01 09:30',
    });
  });

  it('refuses a --time-zone it cannot read, naming the forms it takes', () => {
    expect(() => chooseClock('Mars/Olympus', {})).toThrow(
      "--time-zone 'Mars/Olympus' is not a time zone: use an IANA name such as Asia/Shanghai or UTC, or a POSIX TZ such as CST-8",
    );
  });

  it('else reads $TZ: an IANA name, a POSIX string, empty (UTC, as the C library reads it)', () => {
    expect(shown(undefined, { TZ: 'Europe/London' }).time).toBe('2026-07-01 02:30');
    expect(shown(undefined, { TZ: 'CST-8' })).toMatchObject({
      time: '2026-07-01 09:30',
      note: undefined,
    });
    expect(shown(undefined, { TZ: 'EST5EDT,M3.2.0,M11.1.0' })).toMatchObject({
      zone: 'EST5EDT,M3.2.0,M11.1.0 (UTC-05:00; UTC-04:00 in daylight saving time)',
      time: '2026-06-30 21:30',
    });
    expect(shown(undefined, { TZ: '' })).toEqual({
      zone: 'UTC (UTC+00:00)',
      time: '2026-07-01 01:30',
      note: undefined,
    });
    expect(shown(undefined, { TZ: ':Asia/Shanghai' }).time).toBe('2026-07-01 09:30');
  });

  it('reads a zone file named by $TZ=:<path>, through its link or else its POSIX footer', () => {
    mkdirSync(join(dir, 'zoneinfo/Asia'), { recursive: true });
    writeFileSync(join(dir, 'zoneinfo/Asia/Shanghai'), 'TZif2');
    symlinkSync(join(dir, 'zoneinfo/Asia/Shanghai'), join(dir, 'localtime'));
    expect(shown(undefined, { TZ: `:${join(dir, 'localtime')}` })).toMatchObject({
      zone: 'Asia/Shanghai (UTC+08:00)',
      note: undefined,
    });
    // A copied zone file (as in many containers): version 2+ files end in a POSIX TZ line.
    writeFileSync(
      join(dir, 'copied'),
      Buffer.concat([Buffer.from('TZif2'), Buffer.alloc(40), Buffer.from('\nCST-8\n')]),
    );
    expect(shown(undefined, { TZ: `:${join(dir, 'copied')}` })).toMatchObject({
      zone: `CST-8 (UTC+08:00)`,
      time: '2026-07-01 09:30',
      note: undefined,
    });
  });

  it('reads the systemd and container default, TZ=:/etc/localtime, as the system zone', () => {
    const { clock, note } = chooseClock(undefined, { TZ: ':/etc/localtime' });
    expect(note).toBeUndefined();
    expect(clock.zone).toMatch(/^\S+ \(UTC[+-]\d\d:\d\d/);
  });

  it('falls back to UTC on a $TZ it cannot read, and says the value came from $TZ', () => {
    for (const TZ of ['Foo/Bar', ':/nonexistent/zone', 'not a zone']) {
      const { zone, note } = shown(undefined, { TZ });
      expect(zone).toBe('UTC (UTC+00:00)');
      expect(note).toBe(
        `$TZ is '${TZ}', which is not a time zone: times are in UTC (set TZ to an IANA name such as Asia/Shanghai, or use --time-zone)`,
      );
    }
  });

  it('without $TZ, is the system zone', () => {
    expect(chooseClock(undefined, {}).clock.zone.split(' ')[0]).toBe(systemTimeZone());
  });
});
