import { describe, it } from 'vitest';
import { Dispute, type DisputeEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  agreementReached,
  interventionStarted,
  sessionHeld,
  tvReturned,
  upTo,
} from './__fixtures__/xuAndShang.js';

const session = {
  type: 'holdMediationSession',
  data: {
    mediators: ['m-zhao', 'm-jiang'],
    parties: ['p-xu', 'p-shang'],
    outcome: 'agreed',
    summary: 'Shang returns the TV; Xu inspects the flat and refunds the deposit',
  },
} as const;

const agreement = {
  type: 'reachAgreement',
  data: {
    terms: [
      { obligatedPartyId: 'p-shang', action: 'Return the TV' },
      { obligatedPartyId: 'p-xu', action: 'Refund the full deposit' },
    ],
  },
} as const;

describe('startIntervention', () => {
  it('starts at the assigned level', () => {
    given(Dispute, upTo.assigned)
      .when({ type: 'startIntervention', data: {} })
      .then([interventionStarted]);
  });

  it('needs the dispute classified and assigned first', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'startIntervention', data: {} })
      .thenThrows({ rule: 'dispute.not-classified', message: /classified and assigned before/ });
    given(Dispute, upTo.classified)
      .when({ type: 'startIntervention', data: {} })
      .thenThrows({ rule: 'dispute.not-assigned', message: /classified and assigned before/ });
  });

  it('starts only once', () => {
    given(Dispute, upTo.mediating)
      .when({ type: 'startIntervention', data: {} })
      .thenThrows({ rule: 'dispute.intervention-already-started' });
  });
});

describe('holdMediationSession', () => {
  it('records who took part and the outcome, at the current level', () => {
    given(Dispute, upTo.mediating)
      .when(session, { newId: () => 's-1' })
      .then([sessionHeld])
      .thenState({ ...given(Dispute, upTo.mediating).state, sessionsHeld: 1 });
  });

  it('keeps others present by name', () => {
    given(Dispute, upTo.mediating)
      .when(
        { ...session, data: { ...session.data, others: ['community staff Li Min'] } },
        {
          newId: () => 's-1',
        },
      )
      .then([
        { ...sessionHeld, data: { ...sessionHeld.data, others: ['community staff Li Min'] } },
      ]);
  });

  it('is refused before the dispute is classified and assigned', () => {
    given(Dispute, upTo.reported).when(session).thenThrows({
      rule: 'dispute.not-classified',
      message:
        "A dispute must be classified and assigned before it is mediated: Dispute 'd-tv-deposit' has not been classified and graded yet",
    });
    given(Dispute, upTo.classified).when(session).thenThrows({ rule: 'dispute.not-assigned' });
  });

  it('is refused before the intervention starts', () => {
    given(Dispute, upTo.assigned)
      .when(session)
      .thenThrows({ rule: 'dispute.intervention-not-started' });
  });

  it('is led only by the assigned mediators', () => {
    given(Dispute, upTo.mediating)
      .when({ ...session, data: { ...session.data, mediators: ['m-li'] } })
      .thenThrows({ rule: 'dispute.mediator-not-assigned', details: { mediator: 'm-li' } });
  });

  it('takes parties only from the dispute', () => {
    given(Dispute, upTo.mediating)
      .when({ ...session, data: { ...session.data, parties: ['p-xu', 'p-nobody'] } })
      .thenThrows({ rule: 'dispute.session-party-unknown', details: { partyId: 'p-nobody' } });
  });
});

describe('reachAgreement', () => {
  it('records terms saying which party does what, each with its own id', () => {
    given(Dispute, upTo.sessionHeld)
      .when(agreement, { newId: ids('t-tv', 't-deposit', 'a-1') })
      .then([agreementReached]);
  });

  it('needs a mediation session first', () => {
    given(Dispute, upTo.mediating)
      .when(agreement)
      .thenThrows({ rule: 'dispute.no-mediation-session' });
  });

  it('is refused while an agreement is in force', () => {
    given(Dispute, upTo.agreed)
      .when(agreement)
      .thenThrows({ rule: 'dispute.agreement-already-reached', details: { agreementId: 'a-1' } });
  });

  it('names only parties of the dispute in its terms', () => {
    const stranger = { obligatedPartyId: 'p-landlords-friend', action: 'Carry the TV' };
    given(Dispute, upTo.sessionHeld)
      .when({ type: 'reachAgreement', data: { terms: [stranger] } })
      .thenThrows({
        rule: 'dispute.term-party-unknown',
        message: /must be a party of Dispute 'd-tv-deposit'.*p-xu \(Xu\), p-shang \(Shang\)/,
      });
  });

  it('needs at least one term', () => {
    given(Dispute, upTo.sessionHeld)
      .when({ type: 'reachAgreement', data: { terms: [] } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.terms' });
  });
});

describe('recordTermFulfilled', () => {
  it('records a term carried out, naming the party who did it', () => {
    given(Dispute, upTo.agreed)
      .when({ type: 'recordTermFulfilled', data: { termId: 't-tv' } })
      .then([tvReturned]);
  });

  it('refuses a term that is not in the agreement, or one already fulfilled', () => {
    given(Dispute, upTo.agreed)
      .when({ type: 'recordTermFulfilled', data: { termId: 't-sofa' } })
      .thenThrows({ rule: 'dispute.unknown-term' });
    given(Dispute, [...upTo.agreed, tvReturned])
      .when({ type: 'recordTermFulfilled', data: { termId: 't-tv' } })
      .thenThrows({ rule: 'dispute.term-already-fulfilled', message: /Return the TV/ });
  });

  it('refuses when there is no agreement', () => {
    given(Dispute, upTo.sessionHeld)
      .when({ type: 'recordTermFulfilled', data: { termId: 't-tv' } })
      .thenThrows({ rule: 'dispute.no-agreement' });
  });
});

describe('escalateDispute', () => {
  const toOutside = {
    type: 'escalateDispute' as const,
    data: {
      toLevel: 'outside-body' as const,
      reason: 'Xu insists on damages',
      mediators: ['m-justice'],
    },
  };

  it('moves the dispute up with a reason; the old agreement is no longer in force', () => {
    given(Dispute, upTo.agreed)
      .when(toOutside)
      .then([
        { type: 'DisputeEscalated', data: { fromLevel: 'police-station', ...toOutside.data } },
      ])
      .thenState({
        ...given(Dispute, upTo.agreed).state,
        level: 'outside-body',
        mediators: ['m-justice'],
        agreement: null,
      });
  });

  it('only goes upward', () => {
    given(Dispute, upTo.assigned)
      .when({ ...toOutside, data: { ...toOutside.data, toLevel: 'community' } })
      .thenThrows({
        rule: 'dispute.escalation-downward',
        message: /only escalates upward.*police-station level, and community is not above it/,
      });
    given(Dispute, upTo.assigned)
      .when({ ...toOutside, data: { ...toOutside.data, toLevel: 'police-station' } })
      .thenThrows({ rule: 'dispute.escalation-downward' });
  });

  it('has nowhere to go above an outside body', () => {
    const atTop: DisputeEvent[] = [
      ...upTo.classified,
      { type: 'DisputeAssigned', data: { level: 'outside-body', mediators: ['m-x'] } },
    ];
    given(Dispute, atTop)
      .when(toOutside)
      .thenThrows({ rule: 'dispute.escalation-downward', message: /refer it out instead/ });
  });

  it('needs a level to escalate from', () => {
    given(Dispute, upTo.classified).when(toOutside).thenThrows({ rule: 'dispute.not-assigned' });
  });
});

function ids(...list: string[]): () => string {
  let i = 0;
  return () => list[i++] ?? `extra-${i}`;
}
