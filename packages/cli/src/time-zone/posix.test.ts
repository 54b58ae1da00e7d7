import { describe, expect, it } from 'vitest';
import { parsePosixTz, utcOffsetAt } from './posix.js';

const at = (iso: string) => Date.parse(iso);

describe('POSIX TZ strings', () => {
  it('reads a fixed offset, west of Greenwich positive as POSIX writes it', () => {
    const cst = parsePosixTz('CST-8');
    expect(cst).toMatchObject({ standard: { name: 'CST', utcOffset: 480 } });
    expect(utcOffsetAt(cst!, at('2026-07-01T00:00:00Z'))).toBe(480);
    expect(utcOffsetAt(parsePosixTz('UTC0')!, 0)).toBe(0);
    expect(utcOffsetAt(parsePosixTz('<+0530>-5:30')!, 0)).toBe(330);
    expect(utcOffsetAt(parsePosixTz('IST-5:30')!, 0)).toBe(330);
    expect(utcOffsetAt(parsePosixTz('<-03>3')!, 0)).toBe(-180);
  });

  it('follows daylight saving rules: Mm.w.d, the default time, and the southern hemisphere', () => {
    const eastern = parsePosixTz('EST5EDT,M3.2.0,M11.1.0')!;
    // Second Sunday of March 2026 is the 8th; at 02:00 EST (07:00Z) clocks go forward.
    expect(utcOffsetAt(eastern, at('2026-03-08T06:59:59Z'))).toBe(-300);
    expect(utcOffsetAt(eastern, at('2026-03-08T07:00:00Z'))).toBe(-240);
    // First Sunday of November 2026 is the 1st; at 02:00 EDT (06:00Z) clocks go back.
    expect(utcOffsetAt(eastern, at('2026-11-01T05:59:59Z'))).toBe(-240);
    expect(utcOffsetAt(eastern, at('2026-11-01T06:00:00Z'))).toBe(-300);
    const sydney = parsePosixTz('AEST-10AEDT,M10.1.0,M4.1.0/3')!;
    expect(utcOffsetAt(sydney, at('2026-01-15T00:00:00Z'))).toBe(660);
    expect(utcOffsetAt(sydney, at('2026-07-15T00:00:00Z'))).toBe(600);
  });

  it('reads Jn and n days, and last weeks (w = 5)', () => {
    const julian = parsePosixTz('XST3XDT,J60/0,J300/0')!; // 1 March and 27 October, every year
    expect(utcOffsetAt(julian, at('2028-02-29T12:00:00Z'))).toBe(-180);
    expect(utcOffsetAt(julian, at('2028-03-01T12:00:00Z'))).toBe(-120);
    const zeroBased = parsePosixTz('XST3XDT,59/0,299/0')!; // day 59: 29 February in a leap year
    expect(utcOffsetAt(zeroBased, at('2028-02-29T12:00:00Z'))).toBe(-120);
    const europe = parsePosixTz('CET-1CEST,M3.5.0,M10.5.0/3')!;
    expect(utcOffsetAt(europe, at('2026-03-29T00:59:59Z'))).toBe(60);
    expect(utcOffsetAt(europe, at('2026-03-29T01:00:00Z'))).toBe(120);
  });

  it('refuses what is not a POSIX TZ string', () => {
    for (const text of [
      '',
      'Foo/Bar',
      'CST',
      'CST-25',
      'C-8',
      'EST5EDT,M13.1.0,M11.1.0',
      'UTC0x',
    ]) {
      expect(parsePosixTz(text), text).toBeUndefined();
    }
  });
});
