import { describe, it } from 'vitest';
import { Visit, type VisitEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import { appeal, hazard, upTo, visitors, wish } from './__fixtures__/kang.js';

describe('micro-wishes and micro-appeals', () => {
  it('records a micro-wish on a conducted visit, with its own id', () => {
    given(Visit, upTo.conducted)
      .when(
        { type: 'recordMicroWish', data: { description: wish.data.description } },
        {
          newId: () => 'w-1',
        },
      )
      .then([wish]);
  });

  it('records wishes only on a visit that took place', () => {
    given(Visit, upTo.scheduled)
      .when({ type: 'recordMicroWish', data: { description: 'x' } })
      .thenThrows({
        rule: 'visit.not-conducted',
        message: /can only have micro-wishes recorded once it has been conducted/,
      });
    given(Visit, upTo.cancelled)
      .when({ type: 'recordMicroAppeal', data: { description: 'x' } })
      .thenThrows({ rule: 'visit.cancelled' });
    given(Visit, upTo.closed)
      .when({ type: 'recordMicroWish', data: { description: 'x' } })
      .thenThrows({ rule: 'visit.closed' });
  });

  it('records a micro-appeal and its fulfilment', () => {
    given(Visit, upTo.conducted)
      .when(
        { type: 'recordMicroAppeal', data: { description: appeal.data.description } },
        {
          newId: () => 'ap-1',
        },
      )
      .then([appeal]);
    given(Visit, upTo.withItems)
      .when({ type: 'fulfilMicroAppeal', data: { appealId: 'ap-1', note: 'Light fixed' } })
      .then([{ type: 'MicroAppealFulfilled', data: { appealId: 'ap-1', note: 'Light fixed' } }]);
  });

  it('fulfils what the visit recorded, even after it is closed', () => {
    given(Visit, upTo.closed)
      .when({ type: 'fulfilMicroWish', data: { wishId: 'w-1' } })
      .then([{ type: 'MicroWishFulfilled', data: { wishId: 'w-1' } }]);
  });

  it('refuses unknown or already fulfilled wishes and appeals', () => {
    given(Visit, upTo.withItems)
      .when({ type: 'fulfilMicroWish', data: { wishId: 'w-9' } })
      .thenThrows({ rule: 'visit.unknown-wish', details: { wishId: 'w-9' } });
    given(Visit, [...upTo.withItems, { type: 'MicroWishFulfilled', data: { wishId: 'w-1' } }])
      .when({ type: 'fulfilMicroWish', data: { wishId: 'w-1' } })
      .thenThrows({ rule: 'visit.wish-already-fulfilled', message: /handrail/ });
    given(Visit, upTo.withItems)
      .when({ type: 'fulfilMicroAppeal', data: { appealId: 'w-1' } })
      .thenThrows({ rule: 'visit.unknown-appeal' });
    given(Visit, [...upTo.withItems, { type: 'MicroAppealFulfilled', data: { appealId: 'ap-1' } }])
      .when({ type: 'fulfilMicroAppeal', data: { appealId: 'ap-1' } })
      .thenThrows({ rule: 'visit.appeal-already-fulfilled' });
  });

  it('refuses an id such as "constructor" that names nothing recorded', () => {
    given(Visit, upTo.withItems)
      .when({ type: 'fulfilMicroWish', data: { wishId: 'constructor' } })
      .thenThrows({ rule: 'visit.unknown-wish' });
  });
});

describe('renderService', () => {
  it('records a service done at the door, by the visitors unless named', () => {
    const details = 'Took the data for a second-generation ID card and applied on his behalf';
    given(Visit, upTo.conducted)
      .when(
        { type: 'renderService', data: { kind: 'id-card-application', details } },
        {
          newId: () => 'svc-1',
        },
      )
      .then([
        {
          type: 'ServiceRendered',
          data: { serviceId: 'svc-1', kind: 'id-card-application', details, renderedBy: visitors },
        },
      ]);
  });

  it('needs a kind written as a slug, and a visit that took place', () => {
    given(Visit, upTo.conducted)
      .when({ type: 'renderService', data: { kind: 'ID card', details: 'x' } })
      .thenThrows({ path: 'data.kind', message: /lower-case words joined by hyphens/ });
    given(Visit, upTo.scheduled)
      .when({ type: 'renderService', data: { kind: 'id-card-application', details: 'x' } })
      .thenThrows({ rule: 'visit.not-conducted' });
  });
});

describe('safety hazards', () => {
  it('reports a hazard found on the visit and records its removal later', () => {
    given(Visit, upTo.conducted)
      .when(
        { type: 'reportSafetyHazard', data: { description: 'Gas hose cracked' } },
        {
          newId: () => 'hz-1',
        },
      )
      .then([hazard]);
    given(Visit, upTo.closed)
      .when({ type: 'recordHazardRemoved', data: { hazardId: 'hz-1', note: 'Hose replaced' } })
      .then([{ type: 'SafetyHazardRemoved', data: { hazardId: 'hz-1', note: 'Hose replaced' } }]);
  });

  it('refuses unknown hazards, hazards removed twice, and hazards on a visit not made', () => {
    given(Visit, upTo.withItems)
      .when({ type: 'recordHazardRemoved', data: { hazardId: 'hz-2' } })
      .thenThrows({ rule: 'visit.unknown-hazard' });
    given(Visit, [...upTo.withItems, { type: 'SafetyHazardRemoved', data: { hazardId: 'hz-1' } }])
      .when({ type: 'recordHazardRemoved', data: { hazardId: 'hz-1' } })
      .thenThrows({ rule: 'visit.hazard-already-removed' });
    given(Visit, upTo.scheduled)
      .when({ type: 'reportSafetyHazard', data: { description: 'x' } })
      .thenThrows({ rule: 'visit.not-conducted' });
  });
});

describe('following up a safety hazard until it is removed or handed over', () => {
  const followUp = {
    hazardId: 'hz-1',
    followedUpBy: ['m-1'],
    note: 'Still cracked; the owner will buy a hose',
  };
  const handOver = { hazardId: 'hz-1', to: 'gas company', note: 'The pipe is theirs' };
  const followedUp: VisitEvent = { type: 'SafetyHazardFollowedUp', data: followUp };
  const handedOver: VisitEvent = { type: 'SafetyHazardHandedOver', data: handOver };

  it('given a hazard found on a visit since closed, when it is looked at again, then the follow-up is recorded, as often as needed', () => {
    given(Visit, upTo.closed).when({ type: 'followUpHazard', data: followUp }).then([followedUp]);
    given(Visit, [...upTo.closed, followedUp])
      .when({ type: 'followUpHazard', data: { ...followUp, note: 'Hose bought' } })
      .then([{ ...followedUp, data: { ...followUp, note: 'Hose bought' } }]);
    given(Visit, [...upTo.closed, followedUp])
      .when({ type: 'recordHazardRemoved', data: { hazardId: 'hz-1' } })
      .then([{ type: 'SafetyHazardRemoved', data: { hazardId: 'hz-1' } }]);
  });

  it('given a hazard the community cannot remove, when it is handed over, then it is no longer followed up or removed here', () => {
    given(Visit, [...upTo.closed, followedUp])
      .when({ type: 'handOverHazard', data: handOver })
      .then([handedOver]);
    given(Visit, [...upTo.closed, handedOver])
      .when({ type: 'followUpHazard', data: followUp })
      .thenThrows({
        rule: 'visit.hazard-handed-over',
        message: /handed over to gas company; it is theirs to remove/,
        details: { hazardId: 'hz-1', to: 'gas company' },
      });
    given(Visit, [...upTo.closed, handedOver])
      .when({ type: 'recordHazardRemoved', data: { hazardId: 'hz-1' } })
      .thenThrows({ rule: 'visit.hazard-handed-over' });
  });

  it('refuses to follow up a hazard removed, unknown, or on a visit not made, and a follow-up by nobody', () => {
    given(Visit, [...upTo.closed, { type: 'SafetyHazardRemoved', data: { hazardId: 'hz-1' } }])
      .when({ type: 'followUpHazard', data: followUp })
      .thenThrows({ rule: 'visit.hazard-already-removed' });
    given(Visit, upTo.closed)
      .when({ type: 'handOverHazard', data: { hazardId: 'hz-9', to: 'gas company' } })
      .thenThrows({ rule: 'visit.unknown-hazard' });
    given(Visit, upTo.scheduled)
      .when({ type: 'followUpHazard', data: followUp })
      .thenThrows({ rule: 'visit.not-conducted' });
    given(Visit, upTo.closed)
      .when({ type: 'followUpHazard', data: { ...followUp, followedUpBy: [] } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.followedUpBy' });
  });
});

describe('noteDisputeSpotted', () => {
  it('notes a conflict heard of on the visit, with the parties if known', () => {
    const data = {
      description: 'Upstairs neighbour’s leak soaks the ceiling',
      parties: [{ name: 'Kang', role: 'downstairs neighbour' }],
      category: 'neighbours' as const,
    };
    given(Visit, upTo.conducted)
      .when({ type: 'noteDisputeSpotted', data })
      .then([{ type: 'DisputeSpotted', data }]);
    given(Visit, upTo.conducted)
      .when({ type: 'noteDisputeSpotted', data: { description: 'Shouting next door' } })
      .then([{ type: 'DisputeSpotted', data: { description: 'Shouting next door', parties: [] } }]);
  });

  it('needs a visit that took place', () => {
    given(Visit, upTo.cancelled)
      .when({ type: 'noteDisputeSpotted', data: { description: 'x' } })
      .thenThrows({ rule: 'visit.cancelled' });
  });
});

describe('claimMicroWish (认领)', () => {
  const conducted: VisitEvent[] = [
    {
      type: 'VisitScheduled',
      data: {
        visitId: 'v-1',
        community: 'xuzhai',
        grid: 'xuzhai-07',
        household: { householdId: 'h-07-01', address: 'Building 7, unit 1' },
        purpose: 'routine',
        visitors: ['m-li'],
        scheduledFor: '2026-07-10T09:00:00+08:00',
      },
    },
    { type: 'VisitConducted', data: { visitors: ['m-li'] } },
    { type: 'MicroWishRecorded', data: { wishId: 'w-1', description: 'A handrail by the stairs' } },
  ];
  const claim = { type: 'claimMicroWish' as const, data: { wishId: 'w-1', claimedBy: 'm-wang' } };

  it('lets a party member claim a recorded micro-wish, once', () => {
    given(Visit, conducted)
      .when(claim)
      .then([{ type: 'MicroWishClaimed', data: claim.data }])
      .thenState({ ...given(Visit, conducted).state, claims: { 'w-1': 'm-wang' } });
    given(Visit, [...conducted, { type: 'MicroWishClaimed', data: claim.data }])
      .when({ ...claim, data: { ...claim.data, claimedBy: 'm-zhang' } })
      .thenThrows({ rule: 'visit.wish-already-claimed', message: /already claimed by 'm-wang'/ });
  });

  it('claims only a wish that was recorded and is not yet fulfilled', () => {
    given(Visit, conducted)
      .when({ ...claim, data: { ...claim.data, wishId: 'w-9' } })
      .thenThrows({ rule: 'visit.unknown-wish' });
    given(Visit, [...conducted, { type: 'MicroWishFulfilled', data: { wishId: 'w-1' } }])
      .when(claim)
      .thenThrows({ rule: 'visit.wish-already-fulfilled' });
  });
});
