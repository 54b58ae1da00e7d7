// Taking a dispute in: report, parties, decline or withdrawal, classification and assignment.
import type { DisputeCommandOf } from './commands.js';
import type { DisputeEvent } from './events.js';
import { disputeName, requireInProgress, requireLevelForGrade, violation } from './guards.js';
import type { DisputeState } from './state.js';
import { levelRank } from './vocabulary.js';

export function report(
  { data }: DisputeCommandOf<'reportDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  if (state.status !== 'unreported') {
    throw violation(
      'already-reported',
      `${disputeName(state)} has already been reported; report a new dispute under a new id`,
      { disputeId: state.disputeId },
    );
  }
  return [{ type: 'DisputeReported', data }];
}

export function identifyParty(
  { data }: DisputeCommandOf<'identifyParty'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  if (state.parties.some((p) => p.partyId === data.party.partyId)) {
    throw violation(
      'duplicate-party',
      `${disputeName(state)} already has a party '${data.party.partyId}'`,
      { disputeId: state.disputeId, partyId: data.party.partyId },
    );
  }
  return [{ type: 'DisputePartyIdentified', data }];
}

export function decline(
  { data }: DisputeCommandOf<'declineDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  if (state.interventionStarted) {
    throw violation(
      'being-mediated',
      `${disputeName(state)} is already being mediated and can no longer be declined; refer it out instead`,
      { disputeId: state.disputeId },
    );
  }
  return [{ type: 'DisputeDeclined', data }];
}

export function withdraw(
  { data }: DisputeCommandOf<'withdrawDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  return [{ type: 'DisputeWithdrawn', data }];
}

export function classify(
  { data }: DisputeCommandOf<'classifyDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  return [{ type: 'DisputeClassified', data }];
}

/**
 * The first assignment picks the level. Assigning again at the same level changes the
 * mediators; moving up is an escalation and moving down a hand-down (both need a reason).
 */
export function assign(
  { data }: DisputeCommandOf<'assignDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  if (state.classification === null) {
    throw violation(
      'not-classified',
      `A dispute must be classified and graded before it is assigned: ${disputeName(state)} has not been classified yet`,
      { disputeId: state.disputeId },
    );
  }
  const current = state.level;
  if (current !== null && levelRank(data.level) < levelRank(current)) {
    throw violation(
      'hand-down-needs-reason',
      `Moving ${disputeName(state)} from ${current} down to ${data.level} level is a hand-down: hand it down with a reason`,
      { disputeId: state.disputeId, fromLevel: current, toLevel: data.level },
    );
  }
  if (current !== null && levelRank(data.level) > levelRank(current)) {
    throw violation(
      'escalation-needs-reason',
      `Moving ${disputeName(state)} from ${current} to ${data.level} level is an escalation: escalate it with a reason`,
      { disputeId: state.disputeId, fromLevel: current, toLevel: data.level },
    );
  }
  requireLevelForGrade(state, data.level);
  return [{ type: 'DisputeAssigned', data }];
}

/**
 * Early handling at the outpost (前哨预警、先期处置): a member on the spot steps in to calm the
 * quarrel before the office has classified and assigned it. Once, and only before assignment.
 */
export function handleOnTheSpot(
  { data }: DisputeCommandOf<'handleOnTheSpot'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  if (state.level !== null) {
    throw violation(
      'already-assigned',
      `${disputeName(state)} is already assigned to the ${state.level} level: start the intervention there instead`,
      { disputeId: state.disputeId, level: state.level },
    );
  }
  if (state.handledOnTheSpot) {
    throw violation(
      'already-handled-on-the-spot',
      `${disputeName(state)} was already handled on the spot; the office classifies and assigns it next`,
      { disputeId: state.disputeId },
    );
  }
  return [{ type: 'DisputeHandledOnTheSpot', data }];
}
