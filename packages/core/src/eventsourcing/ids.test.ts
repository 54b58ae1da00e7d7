import { describe, expect, it } from 'vitest';
import { decodeTime, isValid } from 'ulid';
import { createUlidFactory } from '@gridledger/core';

describe('ULID factory', () => {
  it('takes its time part from the injected clock', () => {
    const at = new Date('2026-07-01T09:00:00.000Z');
    const newId = createUlidFactory(() => at);
    const id = newId();
    expect(isValid(id)).toBe(true);
    expect(decodeTime(id)).toBe(at.getTime());
  });

  it('stays strictly increasing within one millisecond and when the clock steps back', () => {
    const times = [5_000, 5_000, 5_000, 4_000, 6_000, 6_000];
    let i = 0;
    const newId = createUlidFactory(() => new Date(times[i++] ?? 6_000));
    const ids = times.map(() => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
