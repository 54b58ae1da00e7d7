import { describe, it } from 'vitest';
import { GridOwnership, type GridOwnershipEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';

const claimedByWu: GridOwnershipEvent = {
  type: 'GridOwnershipClaimed',
  data: { grid: 'g-7', memberId: 'm-wu', memberVersion: 2 },
};
const claim = (memberId: string, replacing?: object) => ({
  type: 'claimGridOwnership',
  data: { grid: 'g-7', memberId, memberVersion: 0, ...(replacing ? { replacing } : {}) },
});

describe('the grid lock', () => {
  it('lets a member claim a grid nobody owns', () => {
    given(GridOwnership)
      .when(claim('m-li'))
      .then([
        { type: 'GridOwnershipClaimed', data: { grid: 'g-7', memberId: 'm-li', memberVersion: 0 } },
      ])
      .thenState({ grid: 'g-7', owner: { memberId: 'm-li', memberVersion: 0 } });
  });

  it('refuses a claim on a grid someone owns', () => {
    given(GridOwnership, [claimedByWu])
      .when(claim('m-li'))
      .thenThrows({
        rule: 'grid.already-owned',
        message: /Grid g-7 already has an owning party member \(m-wu\)/,
        details: { owner: 'm-wu', memberId: 'm-li' },
      });
  });

  it('replaces a claim found stale, releasing it in the same append', () => {
    const replacing = { memberId: 'm-wu', reason: 'retired' };
    given(GridOwnership, [claimedByWu])
      .when(claim('m-li', replacing))
      .then([
        {
          type: 'GridOwnershipReleased',
          data: { grid: 'g-7', memberId: 'm-wu', reason: 'retired' },
        },
        { type: 'GridOwnershipClaimed', data: { grid: 'g-7', memberId: 'm-li', memberVersion: 0 } },
      ]);
    given(GridOwnership, [claimedByWu])
      .when(claim('m-li', { memberId: 'm-zhao', reason: 'retired' }))
      .thenThrows({ rule: 'grid.already-owned' });
  });

  it('lets the holder re-claim, refreshing the member version', () => {
    given(GridOwnership, [claimedByWu])
      .when(claim('m-wu'))
      .thenState({ grid: 'g-7', owner: { memberId: 'm-wu', memberVersion: 0 } });
  });

  it('releases only the holder’s claim', () => {
    const release = { grid: 'g-7', memberId: 'm-wu', reason: 'reassigned' as const };
    given(GridOwnership, [claimedByWu])
      .when({ type: 'releaseGridOwnership', data: release })
      .then([{ type: 'GridOwnershipReleased', data: release }])
      .thenState({ grid: 'g-7', owner: null });
    given(GridOwnership, [claimedByWu])
      .when({ type: 'releaseGridOwnership', data: { ...release, memberId: 'm-li' } })
      .thenThrows({
        rule: 'grid.not-owned-by',
        message: 'Grid g-7 is not owned by m-li but by m-wu',
      });
  });
});
