import { describe, it } from 'vitest';
import { Dispute, type DisputeEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  assigned,
  classified,
  closedHistory,
  reported,
  shang,
  upTo,
  xu,
} from './__fixtures__/xuAndShang.js';

const declined: DisputeEvent = { type: 'DisputeDeclined', data: { reason: 'A court case' } };
const withdrawn: DisputeEvent = { type: 'DisputeWithdrawn', data: { reason: 'Settled alone' } };

describe('reportDispute', () => {
  it('records the report with its parties, category, grid and source', () => {
    given(Dispute)
      .when({ type: 'reportDispute', data: reported.data })
      .then([reported])
      .thenState({
        ...Dispute.initialState(),
        status: 'open',
        disputeId: 'd-tv-deposit',
        community: 'xuzhai',
        grid: 'xuzhai-07',
        category: 'tenancy',
        parties: [xu, shang],
      });
  });

  it('needs the visit or patrol id when it came from one', () => {
    given(Dispute)
      .when({ type: 'reportDispute', data: { ...reported.data, source: 'patrol' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.sourceRef' });
  });

  it('refuses two parties under one id', () => {
    given(Dispute)
      .when({
        type: 'reportDispute',
        data: { ...reported.data, parties: [xu, { ...shang, partyId: 'p-xu' }] },
      })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.parties' });
  });

  it('refuses a second report under the same id', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'reportDispute', data: reported.data })
      .thenThrows({ rule: 'dispute.already-reported' });
  });

  it('refuses any other command before the report', () => {
    given(Dispute)
      .when({ type: 'startIntervention', data: {} })
      .thenThrows({ rule: 'dispute.not-reported', message: /No dispute has been reported/ });
  });
});

describe('identifyParty', () => {
  const neighbour = { partyId: 'p-wang', name: 'Wang', role: 'witness' };

  it('adds a party learnt of after the report', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'identifyParty', data: { party: neighbour } })
      .then([{ type: 'DisputePartyIdentified', data: { party: neighbour } }]);
  });

  it('refuses a party id already in the dispute', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'identifyParty', data: { party: { ...neighbour, partyId: 'p-xu' } } })
      .thenThrows({ rule: 'dispute.duplicate-party', details: { partyId: 'p-xu' } });
  });
});

describe('declineDispute and withdrawDispute', () => {
  it('declines a report outside the committee’s remit, and then nothing more happens', () => {
    given(Dispute, upTo.classified)
      .when({ type: 'declineDispute', data: { reason: 'A court case' } })
      .then([declined]);
    given(Dispute, [reported, declined])
      .when({ type: 'classifyDispute', data: classified.data })
      .thenThrows({ rule: 'dispute.declined', message: /outside the committee's remit/ });
  });

  it('cannot decline a dispute already being mediated', () => {
    given(Dispute, upTo.mediating)
      .when({ type: 'declineDispute', data: { reason: 'too hard' } })
      .thenThrows({ rule: 'dispute.being-mediated', message: /refer it out instead/ });
  });

  it('lets the reporter withdraw while it is open, and then nothing more happens', () => {
    given(Dispute, upTo.mediating)
      .when({ type: 'withdrawDispute', data: { reason: 'Settled alone' } })
      .then([withdrawn]);
    given(Dispute, [reported, withdrawn])
      .when({ type: 'withdrawDispute', data: { reason: 'again' } })
      .thenThrows({ rule: 'dispute.withdrawn' });
  });
});

describe('classifyDispute', () => {
  it('grades severity and escalation risk, and may correct the category', () => {
    const data = { category: 'property', severity: 'serious', escalationRisk: 'high' } as const;
    given(Dispute, upTo.classified)
      .when({ type: 'classifyDispute', data })
      .then([{ type: 'DisputeClassified', data }])
      .thenState({
        ...given(Dispute, upTo.classified).state,
        category: 'property',
        classification: { severity: 'serious', escalationRisk: 'high' },
      });
  });

  it('refuses an unknown grade, naming the field', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'classifyDispute', data: { ...classified.data, severity: 'huge' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.severity' });
  });

  it('refuses anything on a closed dispute', () => {
    given(Dispute, closedHistory)
      .when({ type: 'classifyDispute', data: classified.data })
      .thenThrows({ rule: 'dispute.closed', message: /is closed; nothing more/ });
  });
});

describe('assignDispute', () => {
  it('assigns a classified dispute to a level with mediators', () => {
    given(Dispute, upTo.classified)
      .when({ type: 'assignDispute', data: assigned.data })
      .then([assigned]);
  });

  it('refuses to assign an unclassified dispute', () => {
    given(Dispute, upTo.reported)
      .when({ type: 'assignDispute', data: assigned.data })
      .thenThrows({ rule: 'dispute.not-classified' });
  });

  it('changes the mediators at the same level', () => {
    const data = { level: 'police-station' as const, mediators: ['m-jiang'] };
    given(Dispute, upTo.assigned)
      .when({ type: 'assignDispute', data })
      .then([{ type: 'DisputeAssigned', data }]);
  });

  it('moves a dispute down only as a hand-down, and up only as an escalation', () => {
    given(Dispute, upTo.assigned)
      .when({ type: 'assignDispute', data: { level: 'grid', mediators: ['m-li'] } })
      .thenThrows({
        rule: 'dispute.hand-down-needs-reason',
        details: { fromLevel: 'police-station', toLevel: 'grid' },
      });
    given(Dispute, upTo.assigned)
      .when({ type: 'assignDispute', data: { level: 'outside-body', mediators: ['m-court'] } })
      .thenThrows({ rule: 'dispute.escalation-needs-reason', message: /with a reason/ });
  });

  it('refuses an empty mediator list', () => {
    given(Dispute, upTo.classified)
      .when({ type: 'assignDispute', data: { level: 'grid', mediators: [] } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.mediators' });
  });
});
