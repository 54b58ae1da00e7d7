import { isValidationError } from '@gridledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions, decodePosition, encodePosition } from './position.js';

const MAX = (1n << 64n) - 1n;
const positionArbitrary = fc
  .tuple(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 0n, max: MAX }))
  .map(([a, b]) => (a >= b ? { commit: a, prepare: b } : { commit: b, prepare: a }));

describe('positions', () => {
  it('keep both the commit and the prepare position through a round trip', () => {
    fc.assert(
      fc.property(positionArbitrary, (position) => {
        expect(decodePosition(encodePosition(position), 'test')).toEqual(position);
      }),
      { numRuns: 200 },
    );
  });

  it('order events of one transaction by prepare position', () => {
    const first = { commit: 900n, prepare: 100n };
    const second = { commit: 900n, prepare: 400n };
    expect(comparePositions(first, second)).toBe(-1);
    expect(comparePositions(second, { commit: 901n, prepare: 901n })).toBe(-1);
    expect(comparePositions(second, second)).toBe(0);
    expect(encodePosition(first)).not.toBe(encodePosition(second));
  });

  it.each(['', '12', '1/2', '5/5/5', '-1/0', '01/1', `${MAX + 1n}/0`, 'C:1/P:1', 7])(
    'refuses %j with a ValidationError naming after',
    (bad) => {
      let error: unknown;
      try {
        decodePosition(bad, 'read of the global log');
      } catch (caught) {
        error = caught;
      }
      expect(isValidationError(error)).toBe(true);
      expect(error).toMatchObject({ issues: [{ path: 'after' }] });
    },
  );
});
