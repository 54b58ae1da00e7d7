// Folds one Dispute event into the state. Pure; immer keeps the nested updates readable.
import { produce, type Draft } from 'immer';
import type { DisputeEvent } from './events.js';
import type { DisputeState } from './state.js';

export const evolveDispute = (state: DisputeState, event: DisputeEvent): DisputeState =>
  produce(state, (draft) => apply(draft, event));

function apply(draft: Draft<DisputeState>, event: DisputeEvent): void {
  switch (event.type) {
    case 'DisputeReported': {
      const d = event.data;
      Object.assign(draft, {
        status: 'open',
        disputeId: d.disputeId,
        community: d.community,
        grid: d.grid,
        category: d.category,
        parties: d.parties,
      });
      return;
    }
    case 'DisputePartyIdentified':
      draft.parties.push(event.data.party);
      return;
    case 'DisputeDeclined':
      draft.status = 'declined';
      return;
    case 'DisputeWithdrawn':
      draft.status = 'withdrawn';
      return;
    case 'DisputeClassified':
      draft.category = event.data.category;
      draft.classification = {
        severity: event.data.severity,
        escalationRisk: event.data.escalationRisk,
      };
      return;
    case 'DisputeAssigned':
      draft.level = event.data.level;
      draft.mediators = [...event.data.mediators];
      return;
    case 'DisputeInterventionStarted':
      draft.interventionStarted = true;
      return;
    case 'DisputeHandledOnTheSpot':
      draft.handledOnTheSpot = true;
      return;
    case 'MediationSessionHeld':
      draft.sessionsHeld += 1;
      return;
    case 'DisputeAgreementReached':
      draft.agreement = {
        agreementId: event.data.agreementId,
        terms: event.data.terms.map((term) => ({ ...term, fulfilled: false })),
      };
      return;
    case 'AgreementTermFulfilled': {
      const term = draft.agreement?.terms.find((t) => t.termId === event.data.termId);
      if (term) term.fulfilled = true;
      return;
    }
    case 'DisputeResolved':
      draft.status = 'resolved';
      draft.resolution = { how: event.data.how, level: event.data.level };
      draft.lastFollowUp = null;
      return;
    case 'DisputeEscalated':
    case 'DisputeHandedDown':
      draft.level = event.data.toLevel;
      draft.mediators = [...event.data.mediators];
      // A new level mediates afresh: an agreement that did not hold is no longer in force.
      draft.agreement = null;
      return;
    case 'DisputeReferredOut':
      draft.status = 'referred-out';
      draft.referral = {
        to: event.data.to,
        becameHomicide: event.data.to === 'criminal-case' && event.data.becameHomicide,
      };
      return;
    case 'DisputeFollowUpVisitRecorded':
      draft.followUpVisits.push({ satisfied: event.data.satisfied });
      draft.lastFollowUp = { satisfied: event.data.satisfied };
      return;
    case 'DisputeClosed':
      draft.status = 'closed';
      return;
    case 'DisputeReopened':
      draft.status = 'open';
      draft.resolution = null;
      // The agreement did not hold, or the quarrel is back: mediation starts on a new one.
      draft.agreement = null;
      draft.lastFollowUp = null;
      draft.reopenings += 1;
      return;
    case 'DisputeLaterCaseLinked':
      draft.laterCases.push(event.data.caseId);
      return;
  }
}
