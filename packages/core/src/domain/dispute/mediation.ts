// Mediating a dispute: intervention, sessions, the agreement and its terms, escalation.
import type { DecideContext } from '../../eventsourcing/decider.js';
import type { DisputeCommandOf } from './commands.js';
import type { DisputeEvent } from './events.js';
import {
  disputeName,
  requireAssigned,
  requireInProgress,
  requireIntervention,
  requireLevelForGrade,
  requireParty,
  violation,
} from './guards.js';
import type { DisputeState } from './state.js';
import { MEDIATION_LEVELS, levelRank } from './vocabulary.js';

export function startIntervention(
  { data }: DisputeCommandOf<'startIntervention'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  const level = requireAssigned(state, 'mediated');
  if (state.interventionStarted) {
    throw violation(
      'intervention-already-started',
      `The intervention on ${disputeName(state)} has already started`,
      { disputeId: state.disputeId },
    );
  }
  return [{ type: 'DisputeInterventionStarted', data: { level, ...data } }];
}

export function holdSession(
  { data }: DisputeCommandOf<'holdMediationSession'>,
  state: DisputeState,
  context: DecideContext,
): DisputeEvent[] {
  requireInProgress(state);
  const level = requireIntervention(state, 'mediated');
  for (const mediator of data.mediators) {
    if (!state.mediators.includes(mediator)) {
      throw violation(
        'mediator-not-assigned',
        `Only the mediators assigned to ${disputeName(state)} (${state.mediators.join(', ')}) can lead its sessions; '${mediator}' is not one of them`,
        { disputeId: state.disputeId, mediator },
      );
    }
  }
  for (const party of data.parties) {
    requireParty(state, party, 'session-party-unknown', 'Everyone taking part as a party');
  }
  const { others = [], ...rest } = data;
  return [
    {
      type: 'MediationSessionHeld',
      data: { sessionId: context.newId(), level, ...rest, others },
    },
  ];
}

export function reachAgreement(
  { data }: DisputeCommandOf<'reachAgreement'>,
  state: DisputeState,
  context: DecideContext,
): DisputeEvent[] {
  requireInProgress(state);
  requireIntervention(state, 'settled by agreement');
  if (state.sessionsHeld === 0) {
    throw violation(
      'no-mediation-session',
      `An agreement is reached in a mediation session: hold a session on ${disputeName(state)} first`,
      { disputeId: state.disputeId },
    );
  }
  if (state.agreement !== null) {
    throw violation(
      'agreement-already-reached',
      `${disputeName(state)} already has an agreement in force (${state.agreement.agreementId})`,
      { disputeId: state.disputeId, agreementId: state.agreement.agreementId },
    );
  }
  for (const term of data.terms) {
    requireParty(state, term.obligatedPartyId, 'term-party-unknown', 'The party a term obliges');
  }
  const terms = data.terms.map((term) => ({ termId: context.newId(), ...term }));
  return [{ type: 'DisputeAgreementReached', data: { agreementId: context.newId(), terms } }];
}

export function fulfilTerm(
  { data }: DisputeCommandOf<'recordTermFulfilled'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  if (state.agreement === null) {
    throw violation('no-agreement', `${disputeName(state)} has no agreement in force`, {
      disputeId: state.disputeId,
    });
  }
  const term = state.agreement.terms.find((t) => t.termId === data.termId);
  if (term === undefined) {
    throw violation(
      'unknown-term',
      `The agreement on ${disputeName(state)} has no term '${data.termId}'`,
      { disputeId: state.disputeId, termId: data.termId },
    );
  }
  if (term.fulfilled) {
    throw violation(
      'term-already-fulfilled',
      `Term '${data.termId}' (${term.action}) is already recorded as fulfilled`,
      { disputeId: state.disputeId, termId: data.termId },
    );
  }
  return [
    { type: 'AgreementTermFulfilled', data: { obligatedPartyId: term.obligatedPartyId, ...data } },
  ];
}

export function escalate(
  { data }: DisputeCommandOf<'escalateDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  const fromLevel = requireAssigned(state, 'escalated');
  if (levelRank(data.toLevel) <= levelRank(fromLevel)) {
    const top = fromLevel === MEDIATION_LEVELS[MEDIATION_LEVELS.length - 1];
    throw violation(
      'escalation-downward',
      top
        ? `${disputeName(state)} is already at the highest level (${fromLevel}); refer it out instead`
        : `A dispute only escalates upward: ${disputeName(state)} is at ${fromLevel} level, and ${data.toLevel} is not above it`,
      { disputeId: state.disputeId, fromLevel, toLevel: data.toLevel },
    );
  }
  return [{ type: 'DisputeEscalated', data: { fromLevel, ...data } }];
}

/**
 * The level handling a dispute passes it down to a lower one (the police station to the
 * committee, the community to the grid). Only downward, and only while it is being handled.
 */
export function handDown(
  { data }: DisputeCommandOf<'handDownDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  const fromLevel = requireAssigned(state, 'handed down');
  if (levelRank(data.toLevel) >= levelRank(fromLevel)) {
    throw violation(
      'hand-down-upward',
      fromLevel === MEDIATION_LEVELS[0]
        ? `${disputeName(state)} is already at the lowest level (${fromLevel}); there is no level to hand it down to`
        : `A hand-down goes to a lower level: ${disputeName(state)} is at ${fromLevel} level, and ${data.toLevel} is not below it (escalate it instead)`,
      { disputeId: state.disputeId, fromLevel, toLevel: data.toLevel },
    );
  }
  requireLevelForGrade(state, data.toLevel);
  return [{ type: 'DisputeHandedDown', data: { fromLevel, ...data } }];
}
