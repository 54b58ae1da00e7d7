import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthOf, monthsBetween, nextMonth } from '@gridledger/projections';

describe('calendar months in a time zone', () => {
  it('puts 23:30 on 31 August in Shanghai in August and 00:30 on 1 September in September', () => {
    expect(monthOf('2026-08-31T23:30:00+08:00')).toBe('2026-08');
    expect(monthOf('2026-08-31T15:59:59.999Z')).toBe('2026-08');
    expect(monthOf('2026-08-31T16:00:00.000Z')).toBe('2026-09');
    expect(monthOf('2026-08-31T16:00:00.000Z', 'UTC')).toBe('2026-08');
  });

  it('finds boundaries at half- and quarter-hour offsets and across daylight saving', () => {
    expect(monthOf('2026-09-30T18:29:59Z', 'Asia/Kolkata')).toBe('2026-09');
    expect(monthOf('2026-09-30T18:30:00Z', 'Asia/Kolkata')).toBe('2026-10');
    expect(monthOf('2026-09-30T18:14:59Z', 'Asia/Kathmandu')).toBe('2026-09');
    expect(monthOf('2026-09-30T18:15:00Z', 'Asia/Kathmandu')).toBe('2026-10');
    // London is on summer time (+01:00) on 1 April.
    expect(monthOf('2026-03-31T22:59:59Z', 'Europe/London')).toBe('2026-03');
    expect(monthOf('2026-03-31T23:00:00Z', 'Europe/London')).toBe('2026-04');
  });

  it('agrees with Intl at any instant in any of several zones', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu'];
    const reference = (ms: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
      }).formatToParts(ms);
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
      return `${get('year')}-${get('month')}`;
    };
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2000-01-01T00:00:00Z'),
          max: Date.parse('2040-01-01T00:00:00Z'),
        }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(monthOf(new Date(ms).toISOString(), zone)).toBe(reference(ms, zone));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names a malformed instant and counts months across a year end', () => {
    expect(() => monthOf('yesterday')).toThrow(/'yesterday' is not an ISO 8601 instant/);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthsBetween('2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });
});
