import { describe, it } from 'vitest';
import { Dispute, type DisputeEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  closedHistory,
  followedUp,
  followedUpHistory,
  resolved,
  resolvedHistory,
  tvReturned,
  upTo,
} from './__fixtures__/xuAndShang.js';

const byAgreement = { type: 'resolveDispute', data: { how: 'agreement' } } as const;
const noAgreementNeeded = {
  type: 'resolveDispute',
  data: { how: 'no-agreement-needed', reason: 'A misunderstanding, cleared up in one talk' },
} as const;
const followUp = {
  type: 'recordFollowUpVisit',
  data: { satisfied: true, visitedBy: ['m-jiang'] },
} as const;
const toCourt = {
  type: 'referDisputeOut',
  data: { to: 'court', body: 'District court', reason: 'Xu sues for damages' },
} as const;
const referred: DisputeEvent = {
  type: 'DisputeReferredOut',
  data: { ...toCourt.data, fromLevel: 'police-station' },
};

describe('resolveDispute', () => {
  it('resolves once the agreement is carried out, naming the level it was settled at', () => {
    given(Dispute, upTo.carriedOut)
      .when(byAgreement)
      .then([resolved])
      .thenState({
        ...given(Dispute, upTo.carriedOut).state,
        status: 'resolved',
        resolution: { how: 'agreement', level: 'police-station' },
      });
  });

  it('needs an agreement, or a recorded reason why none is needed', () => {
    given(Dispute, upTo.sessionHeld)
      .when(byAgreement)
      .thenThrows({ rule: 'dispute.no-agreement', message: /resolves only after an agreement/ });
    given(Dispute, upTo.mediating)
      .when(noAgreementNeeded)
      .then([
        { type: 'DisputeResolved', data: { ...noAgreementNeeded.data, level: 'police-station' } },
      ]);
  });

  it('waits until every term is carried out', () => {
    given(Dispute, [...upTo.agreed, tvReturned])
      .when(byAgreement)
      .thenThrows({
        rule: 'dispute.terms-unfulfilled',
        message: /still open: Refund the full deposit/,
        details: { termIds: ['t-deposit'] },
      });
  });

  it('cannot claim no agreement was needed when one is in force', () => {
    given(Dispute, upTo.agreed)
      .when(noAgreementNeeded)
      .thenThrows({ rule: 'dispute.agreement-in-force' });
  });

  it('needs someone to have intervened', () => {
    given(Dispute, upTo.assigned)
      .when(noAgreementNeeded)
      .thenThrows({ rule: 'dispute.intervention-not-started' });
  });

  it('resolves only once', () => {
    given(Dispute, resolvedHistory)
      .when(byAgreement)
      .thenThrows({ rule: 'dispute.already-resolved', message: /only its follow-up visit/ });
  });
});

describe('referDisputeOut', () => {
  it('hands the dispute to an outside body from its current level', () => {
    given(Dispute, upTo.mediating).when(toCourt).then([referred]);
  });

  it('records a criminal case, and whether it became a homicide case', () => {
    given(Dispute, upTo.mediating)
      .when({ type: 'referDisputeOut', data: { to: 'criminal-case', reason: 'Assault' } })
      .then([
        {
          type: 'DisputeReferredOut',
          data: {
            to: 'criminal-case',
            reason: 'Assault',
            becameHomicide: false,
            fromLevel: 'police-station',
          },
        },
      ])
      .thenState({
        ...given(Dispute, upTo.mediating).state,
        status: 'referred-out',
        referral: { to: 'criminal-case', becameHomicide: false },
      });
  });

  it('refuses a homicide flag on a referral that is not a criminal case', () => {
    given(Dispute, upTo.mediating)
      .when({ ...toCourt, data: { ...toCourt.data, becameHomicide: true } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.becameHomicide' });
  });

  it('needs a level to refer from, and leaves only closing afterwards', () => {
    given(Dispute, upTo.classified).when(toCourt).thenThrows({ rule: 'dispute.not-assigned' });
    given(Dispute, [...upTo.mediating, referred])
      .when({ type: 'startIntervention', data: {} })
      .thenThrows({ rule: 'dispute.referred-out', message: /referred out to court/ });
    given(Dispute, [...upTo.mediating, referred])
      .when({ type: 'closeDispute', data: {} })
      .then([{ type: 'DisputeClosed', data: {} }]);
  });
});

describe('recordFollowUpVisit', () => {
  it('records the follow-up visit after resolution, satisfied or not', () => {
    given(Dispute, resolvedHistory).when(followUp).then([followedUp]);
    given(Dispute, followedUpHistory)
      .when({ ...followUp, data: { ...followUp.data, satisfied: false, visitId: 'v-2' } })
      .then([
        {
          type: 'DisputeFollowUpVisitRecorded',
          data: { satisfied: false, visitedBy: ['m-jiang'], visitId: 'v-2', channel: 'in-person' },
        },
      ]);
  });

  it('says whether it was a visit or a telephone call', () => {
    given(Dispute, resolvedHistory)
      .when({ ...followUp, data: { ...followUp.data, channel: 'telephone' } })
      .then([{ ...followedUp, data: { ...followedUp.data, channel: 'telephone' } }]);
    given(Dispute, resolvedHistory)
      .when({ ...followUp, data: { ...followUp.data, channel: 'telephone', visitId: 'v-2' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.visitId' });
  });

  it('comes only after the dispute is resolved', () => {
    given(Dispute, upTo.carriedOut)
      .when(followUp)
      .thenThrows({
        rule: 'dispute.not-resolved',
        message: /follow-up visit comes after the dispute is resolved/,
      });
    given(Dispute, [...upTo.mediating, referred])
      .when(followUp)
      .thenThrows({ rule: 'dispute.not-resolved' });
  });
});

describe('closeDispute', () => {
  it('closes a resolved dispute after its follow-up visit', () => {
    given(Dispute, followedUpHistory)
      .when({ type: 'closeDispute', data: { note: 'Xu brought a thank-you banner' } })
      .then([{ type: 'DisputeClosed', data: { note: 'Xu brought a thank-you banner' } }]);
  });

  it('waits for the follow-up visit, and refuses an open dispute', () => {
    given(Dispute, resolvedHistory)
      .when({ type: 'closeDispute', data: {} })
      .thenThrows({ rule: 'dispute.follow-up-missing' });
    given(Dispute, upTo.agreed)
      .when({ type: 'closeDispute', data: {} })
      .thenThrows({ rule: 'dispute.not-settled' });
  });

  it('does not close a dispute whose follow-up found the residents unhappy', () => {
    const unhappy: DisputeEvent = { ...followedUp, data: { ...followedUp.data, satisfied: false } };
    given(Dispute, [...resolvedHistory, unhappy])
      .when({ type: 'closeDispute', data: {} })
      .thenThrows({ rule: 'dispute.follow-up-unhappy', message: /reopen it and mediate again/ });
    // A later follow-up that finds them satisfied lets it close.
    given(Dispute, [...resolvedHistory, unhappy, followedUp])
      .when({ type: 'closeDispute', data: {} })
      .then([{ type: 'DisputeClosed', data: {} }]);
  });

  it('lets nothing happen after closing', () => {
    for (const command of [followUp, { type: 'closeDispute', data: {} }, toCourt] as const) {
      given(Dispute, closedHistory).when(command).thenThrows({ rule: 'dispute.closed' });
    }
  });
});
