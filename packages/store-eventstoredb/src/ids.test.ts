import { createUlidFactory } from '@gridledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUlid, isUuid, ulidToUuid, uuidToUlid } from './ids.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Any canonical ULID: a first character 0–7 (128 bits), then 25 Crockford characters. */
const ulidArbitrary = fc
  .tuple(
    fc.constantFrom(...'01234567'),
    fc.array(fc.constantFrom(...CROCKFORD), { minLength: 25, maxLength: 25 }),
  )
  .map(([first, rest]) => first + rest.join(''));
const uuidArbitrary = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
});

describe('ULID ↔ UUID', () => {
  it('maps every ULID to a UUID and back to the same ULID', () => {
    fc.assert(
      fc.property(ulidArbitrary, (ulid) => {
        const uuid = ulidToUuid(ulid);
        expect(isUuid(uuid)).toBe(true);
        expect(uuidToUlid(uuid)).toBe(ulid);
      }),
      { numRuns: 200 },
    );
  });

  it('maps every UUID to a ULID and back to the same UUID', () => {
    fc.assert(
      fc.property(uuidArbitrary, (uuid) => {
        const ulid = uuidToUlid(uuid);
        expect(isUlid(ulid)).toBe(true);
        expect(ulidToUuid(ulid)).toBe(uuid);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps distinct ULIDs distinct and preserves their order', () => {
    fc.assert(
      fc.property(ulidArbitrary, ulidArbitrary, (a, b) => {
        const [x, y] = [ulidToUuid(a), ulidToUuid(b)];
        expect(x === y).toBe(a === b);
        expect(x < y).toBe(a < b);
      }),
      { numRuns: 200 },
    );
  });

  it('maps known values exactly, and reads lower-case ULIDs as the same number', () => {
    expect(ulidToUuid('00000000000000000000000000')).toBe('00000000-0000-0000-0000-000000000000');
    expect(ulidToUuid('7ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
    expect(ulidToUuid('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('01563e3a-b5d3-d676-4c61-efb99302bd5b');
    expect(ulidToUuid('01arz3ndektsv4rrffq69g5fav')).toBe(ulidToUuid('01ARZ3NDEKTSV4RRFFQ69G5FAV'));
    const minted = createUlidFactory()();
    expect(uuidToUlid(ulidToUuid(minted))).toBe(minted);
  });

  it('refuses what is not a ULID or not a UUID', () => {
    for (const bad of [
      '',
      '8ZZZZZZZZZZZZZZZZZZZZZZZZZ',
      '01ARZ3NDEKTSV4RRFFQ69G5FAI',
      'dispute-1',
    ]) {
      expect(isUlid(bad)).toBe(false);
      expect(() => ulidToUuid(bad)).toThrow(RangeError);
    }
    expect(() => uuidToUlid('not-a-uuid')).toThrow(RangeError);
  });
});
