import { describe, expect, it } from 'vitest';
import { fixedClock, steppingClock } from '@gridledger/core/testing';

describe('test clocks', () => {
  it('a fixed clock always tells the same instant, and its Dates cannot move it', () => {
    const clock = fixedClock('2026-07-01T09:00:00.000Z');
    clock().setFullYear(1999);
    expect(clock().toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });

  it('a stepping clock moves by its step on each call and can be advanced', () => {
    const clock = steppingClock('2026-07-01T09:00:00.000Z', 60_000);
    expect(clock().toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(clock().toISOString()).toBe('2026-07-01T09:01:00.000Z');
    clock.advance(3_600_000);
    expect(clock.peek().toISOString()).toBe('2026-07-01T10:02:00.000Z');
    expect(clock().toISOString()).toBe('2026-07-01T10:02:00.000Z');
  });

  it('refuses a start that is not a date-time', () => {
    expect(() => steppingClock('July')).toThrowError(/'July' is not an ISO 8601 date-time/);
  });
});
