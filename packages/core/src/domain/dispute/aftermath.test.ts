import { describe, it } from 'vitest';
import { Dispute, type DisputeEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import { closedHistory, followedUp, resolvedHistory, upTo } from './__fixtures__/xuAndShang.js';

const unhappy: DisputeEvent = { ...followedUp, data: { ...followedUp.data, satisfied: false } };
const reopen = (reason: string) => ({ type: 'reopenDispute', data: { reason } }) as const;
const laterCase = {
  type: 'recordLaterCase',
  data: { caseId: 'pc-0920', kind: 'criminal', note: 'Shang assaulted Xu over the TV' },
} as const;
const station = { actor: { id: 'm-jiang', role: 'community-police-officer' } };
const referred: DisputeEvent = {
  type: 'DisputeReferredOut',
  data: { to: 'court', reason: 'Xu sues', fromLevel: 'police-station' },
};

describe('reopenDispute', () => {
  it('takes up a resolved dispute whose follow-up found the residents unhappy', () => {
    const before = given(Dispute, [...resolvedHistory, unhappy]).state;
    given(Dispute, [...resolvedHistory, unhappy])
      .when(reopen('unhappy-follow-up'))
      .then([{ type: 'DisputeReopened', data: { reason: 'unhappy-follow-up', wasClosed: false } }])
      .thenState({
        ...before,
        status: 'open',
        resolution: null,
        agreement: null,
        lastFollowUp: null,
        reopenings: 1,
      });
  });

  it('reopens a closed dispute when the quarrel flares up again, and mediation starts over', () => {
    given(Dispute, closedHistory)
      .when({ type: 'reopenDispute', data: { reason: 'relapse', note: 'The TV again' } })
      .then([
        {
          type: 'DisputeReopened',
          data: { reason: 'relapse', note: 'The TV again', wasClosed: true },
        },
      ]);
    const reopened: DisputeEvent = {
      type: 'DisputeReopened',
      data: { reason: 'relapse', wasClosed: true },
    };
    // A new agreement is needed: the old one is no longer in force.
    given(Dispute, [...closedHistory, reopened])
      .when({ type: 'resolveDispute', data: { how: 'agreement' } })
      .thenThrows({ rule: 'dispute.no-agreement' });
    given(Dispute, [...closedHistory, reopened])
      .when({ type: 'closeDispute', data: {} })
      .thenThrows({ rule: 'dispute.not-settled' });
  });

  it('needs an unhappy follow-up to give that as the reason', () => {
    given(Dispute, [...resolvedHistory, followedUp])
      .when(reopen('unhappy-follow-up'))
      .thenThrows({ rule: 'dispute.no-unhappy-follow-up' });
    given(Dispute, resolvedHistory)
      .when(reopen('unhappy-follow-up'))
      .thenThrows({ rule: 'dispute.no-unhappy-follow-up' });
  });

  it('reopens only what was settled by the community', () => {
    given(Dispute).when(reopen('relapse')).thenThrows({ rule: 'dispute.not-reported' });
    given(Dispute, upTo.mediating)
      .when(reopen('relapse'))
      .thenThrows({ rule: 'dispute.not-settled' });
    given(Dispute, [...upTo.mediating, referred])
      .when(reopen('relapse'))
      .thenThrows({ rule: 'dispute.not-reopenable', message: /recordLaterCase/ });
    given(Dispute, [...upTo.reported, { type: 'DisputeWithdrawn', data: { reason: 'Gone' } }])
      .when(reopen('relapse'))
      .thenThrows({ rule: 'dispute.not-reopenable', message: /report it again/ });
  });
});

describe('recordLaterCase', () => {
  it('links a criminal case to a closed dispute (民转刑), recorded by the station', () => {
    given(Dispute, closedHistory)
      .when(laterCase, station)
      .then([
        {
          type: 'DisputeLaterCaseLinked',
          data: { caseId: 'pc-0920', kind: 'criminal', homicide: false, note: laterCase.data.note },
        },
      ])
      .thenState({ ...given(Dispute, closedHistory).state, laterCases: ['pc-0920'] });
  });

  it('links public-order cases and homicides (刑转命) to resolved, withdrawn or referred disputes', () => {
    given(Dispute, resolvedHistory)
      .when({ type: 'recordLaterCase', data: { caseId: 'pc-1', kind: 'public-order' } }, station)
      .then([
        {
          type: 'DisputeLaterCaseLinked',
          data: { caseId: 'pc-1', kind: 'public-order', homicide: false },
        },
      ]);
    given(Dispute, [...upTo.mediating, referred])
      .when({ ...laterCase, data: { ...laterCase.data, homicide: true } }, station)
      .then([
        {
          type: 'DisputeLaterCaseLinked',
          data: { caseId: 'pc-0920', kind: 'criminal', homicide: true, note: laterCase.data.note },
        },
      ]);
  });

  it('is the station’s record: a grid worker cannot make it', () => {
    given(Dispute, closedHistory)
      .when(laterCase, { actor: { id: 'm-li', role: 'grid-worker' } })
      .thenThrows({ rule: 'dispute.later-case-not-police', details: { role: 'grid-worker' } });
  });

  it('refuses an open dispute (refer it out instead), a case twice, and a homicide that is no crime', () => {
    given(Dispute, upTo.mediating)
      .when(laterCase, station)
      .thenThrows({ rule: 'dispute.still-open', message: /refer it out/ });
    const linked: DisputeEvent = {
      type: 'DisputeLaterCaseLinked',
      data: { caseId: 'pc-0920', kind: 'criminal', homicide: false },
    };
    given(Dispute, [...closedHistory, linked])
      .when(laterCase, station)
      .thenThrows({ rule: 'dispute.case-already-linked' });
    given(Dispute, closedHistory)
      .when(
        { type: 'recordLaterCase', data: { caseId: 'pc-2', kind: 'public-order', homicide: true } },
        station,
      )
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.homicide' });
    given(Dispute).when(laterCase, station).thenThrows({ rule: 'dispute.not-reported' });
  });
});
