import { describe, it } from 'vitest';
import { Dispute, type DisputeEvent, type MediationLevel } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import { resolvedHistory, upTo } from './__fixtures__/xuAndShang.js';

const toCommittee = {
  type: 'handDownDispute' as const,
  data: {
    toLevel: 'community' as MediationLevel,
    reason: 'A tenancy quarrel the committee can settle with the landlord next door',
    mediators: ['m-staff'],
  },
};

describe('handDownDispute', () => {
  it('passes the dispute down from the police station to the committee, which mediates afresh', () => {
    given(Dispute, upTo.agreed)
      .when(toCommittee)
      .then([
        { type: 'DisputeHandedDown', data: { fromLevel: 'police-station', ...toCommittee.data } },
      ])
      .thenState({
        ...given(Dispute, upTo.agreed).state,
        level: 'community',
        mediators: ['m-staff'],
        agreement: null,
      });
  });

  it('lets the lower level settle it, and the resolution is at that level', () => {
    const handedDown: DisputeEvent[] = [
      ...upTo.mediating,
      { type: 'DisputeHandedDown', data: { fromLevel: 'police-station', ...toCommittee.data } },
    ];
    given(Dispute, handedDown)
      .when({ type: 'resolveDispute', data: { how: 'no-agreement-needed', reason: 'Apologised' } })
      .then([
        {
          type: 'DisputeResolved',
          data: { how: 'no-agreement-needed', reason: 'Apologised', level: 'community' },
        },
      ]);
  });

  it('only goes downward', () => {
    given(Dispute, upTo.assigned)
      .when({ ...toCommittee, data: { ...toCommittee.data, toLevel: 'outside-body' } })
      .thenThrows({
        rule: 'dispute.hand-down-upward',
        message: /goes to a lower level.*police-station level, and outside-body is not below it/,
        details: { fromLevel: 'police-station', toLevel: 'outside-body' },
      });
    given(Dispute, upTo.assigned)
      .when({ ...toCommittee, data: { ...toCommittee.data, toLevel: 'police-station' } })
      .thenThrows({ rule: 'dispute.hand-down-upward' });
  });

  it('has nowhere to go below the grid', () => {
    const atGrid: DisputeEvent[] = [
      ...upTo.classified,
      { type: 'DisputeAssigned', data: { level: 'grid', mediators: ['m-li'] } },
    ];
    given(Dispute, atGrid)
      .when({ ...toCommittee, data: { ...toCommittee.data, toLevel: 'grid' } })
      .thenThrows({ rule: 'dispute.hand-down-upward', message: /already at the lowest level/ });
  });

  it('needs a level to hand down from, and a dispute still being handled', () => {
    given(Dispute, upTo.classified).when(toCommittee).thenThrows({ rule: 'dispute.not-assigned' });
    given(Dispute, resolvedHistory)
      .when(toCommittee)
      .thenThrows({ rule: 'dispute.already-resolved' });
  });

  it('refuses a hand-down with no mediators', () => {
    given(Dispute, upTo.assigned)
      .when({ ...toCommittee, data: { ...toCommittee.data, mediators: [] } })
      .thenThrows({ code: 'VALIDATION_FAILED' });
  });
});
