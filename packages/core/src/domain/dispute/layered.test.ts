import { describe, it } from 'vitest';
import { Dispute, type DisputeEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import { upTo } from './__fixtures__/xuAndShang.js';

const onTheSpot = {
  type: 'handleOnTheSpot' as const,
  data: { handledBy: ['m-li'], note: 'Stood between them at the door and calmed them down' },
};
const graded = (severity: 'minor' | 'moderate' | 'serious' | 'major'): DisputeEvent[] => [
  ...upTo.reported,
  {
    type: 'DisputeClassified',
    data: { category: 'tenancy', severity, escalationRisk: 'medium' },
  },
];

describe('handleOnTheSpot (前哨预警、先期处置)', () => {
  it('lets a member on the spot step in before the office classifies the dispute', () => {
    given(Dispute, upTo.reported)
      .when(onTheSpot)
      .then([{ type: 'DisputeHandledOnTheSpot', data: onTheSpot.data }])
      .thenState({ ...given(Dispute, upTo.reported).state, handledOnTheSpot: true });
  });

  it('happens once, and only before the dispute is assigned', () => {
    given(Dispute, [...upTo.reported, { type: 'DisputeHandledOnTheSpot', data: onTheSpot.data }])
      .when(onTheSpot)
      .thenThrows({ rule: 'dispute.already-handled-on-the-spot' });
    given(Dispute, upTo.assigned)
      .when(onTheSpot)
      .thenThrows({ rule: 'dispute.already-assigned', message: /start the intervention there/ });
  });

  it('needs who stepped in and what they did', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'handleOnTheSpot', data: { handledBy: [], note: 'x' } })
      .thenThrows({ code: 'VALIDATION_FAILED' });
  });
});

describe('the grade and the level (分层分类)', () => {
  it('assigns a dispute at the level its grade calls for, or higher', () => {
    given(Dispute, graded('serious'))
      .when({ type: 'assignDispute', data: { level: 'police-room', mediators: ['m-jiang'] } })
      .then([{ type: 'DisputeAssigned', data: { level: 'police-room', mediators: ['m-jiang'] } }]);
    given(Dispute, graded('minor'))
      .when({ type: 'assignDispute', data: { level: 'community', mediators: ['m-staff'] } })
      .then([{ type: 'DisputeAssigned', data: { level: 'community', mediators: ['m-staff'] } }]);
  });

  it('never lower than the grade calls for', () => {
    given(Dispute, graded('serious'))
      .when({ type: 'assignDispute', data: { level: 'grid', mediators: ['m-li'] } })
      .thenThrows({
        rule: 'dispute.level-below-grade',
        message: /graded serious: it is handled at police-room level or above, not at grid/,
        details: { severity: 'serious', level: 'grid', lowest: 'police-room' },
      });
    given(Dispute, graded('major'))
      .when({ type: 'assignDispute', data: { level: 'police-room', mediators: ['m-jiang'] } })
      .thenThrows({ rule: 'dispute.level-below-grade' });
  });

  it('hands a dispute down only once it has been graded for the lower level', () => {
    const atStation: DisputeEvent[] = [
      ...graded('serious'),
      { type: 'DisputeAssigned', data: { level: 'police-station', mediators: ['m-zhao'] } },
    ];
    const down = {
      type: 'handDownDispute' as const,
      data: { toLevel: 'community' as const, reason: 'Calmed down', mediators: ['m-staff'] },
    };
    given(Dispute, atStation).when(down).thenThrows({ rule: 'dispute.level-below-grade' });
    given(Dispute, [
      ...atStation,
      {
        type: 'DisputeClassified',
        data: { category: 'tenancy', severity: 'moderate', escalationRisk: 'low' },
      },
    ])
      .when(down)
      .then([{ type: 'DisputeHandedDown', data: { fromLevel: 'police-station', ...down.data } }]);
  });
});
