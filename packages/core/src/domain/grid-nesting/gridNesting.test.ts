import { describe, it } from 'vitest';
import { GridNesting, type GridNestingEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';

const aInB: GridNestingEvent = {
  type: 'GridNestingClaimed',
  data: { grid: 'g-a', parentGrid: 'g-b', gridVersion: 0 },
};
const claim = (data: object) => ({
  type: 'claimGridNesting',
  data: { grid: 'g-c', parentGrid: 'g-b', gridVersion: 0, ...data },
});

describe('the nesting lock', () => {
  it('holds each claim until a later one settles it', () => {
    given(GridNesting, [aInB])
      .when(claim({}))
      .then([
        { type: 'GridNestingClaimed', data: { grid: 'g-c', parentGrid: 'g-b', gridVersion: 0 } },
      ])
      .thenState({
        claims: [
          { grid: 'g-a', parentGrid: 'g-b', gridVersion: 0 },
          { grid: 'g-c', parentGrid: 'g-b', gridVersion: 0 },
        ],
      });
    given(GridNesting, [aInB])
      .when(claim({ settled: ['g-a'] }))
      .thenState({ claims: [{ grid: 'g-c', parentGrid: 'g-b', gridVersion: 0 }] });
  });

  it('replaces a grid’s claim made at an older version of its stream, and keeps one at the same', () => {
    given(GridNesting, [aInB])
      .when(claim({ grid: 'g-a', parentGrid: 'g-c', gridVersion: 1 }))
      .thenState({ claims: [{ grid: 'g-a', parentGrid: 'g-c', gridVersion: 1 }] });
    given(GridNesting, [aInB])
      .when(claim({ grid: 'g-a', parentGrid: 'g-c', gridVersion: 0 }))
      .thenState({
        claims: [
          { grid: 'g-a', parentGrid: 'g-b', gridVersion: 0 },
          { grid: 'g-a', parentGrid: 'g-c', gridVersion: 0 },
        ],
      });
  });

  it('refuses to settle a claim it does not hold, and a grid inside itself', () => {
    given(GridNesting, [aInB])
      .when(claim({ settled: ['g-z'] }))
      .thenThrows({ rule: 'grid-nesting.unknown-claim', details: { settled: ['g-z'] } });
    given(GridNesting)
      .when(claim({ parentGrid: 'g-c' }))
      .thenThrows({ rule: 'grid-structure.nested-in-itself' });
    given(GridNesting, [aInB])
      .when(claim({ settled: ['g-a', 'g-a'] }))
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.settled' });
  });
});
