// The rule checks most Dispute commands share. Each throws a RuleViolationError whose rule id is
// stable (`dispute.<rule>`) and whose message a community-office clerk can act on.
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { DisputeState } from './state.js';
import { LOWEST_LEVEL_FOR, levelRank, type MediationLevel } from './vocabulary.js';

export const violation = (
  rule: string,
  message: string,
  details: Record<string, unknown> = {},
): RuleViolationError => new RuleViolationError(`dispute.${rule}`, message, details);

const name = (state: DisputeState): string => `Dispute '${state.disputeId ?? '?'}'`;

/** The dispute exists and is not finished for good (closed, declined, withdrawn). */
export function requireActive(state: DisputeState): void {
  const details = { disputeId: state.disputeId, status: state.status };
  switch (state.status) {
    case 'unreported':
      throw violation('not-reported', 'No dispute has been reported under this id yet', details);
    case 'closed':
      throw violation(
        'closed',
        `${name(state)} is closed; nothing more can be recorded on it`,
        details,
      );
    case 'declined':
      throw violation(
        'declined',
        `${name(state)} was declined as outside the committee's remit; nothing more can be recorded on it`,
        details,
      );
    case 'withdrawn':
      throw violation(
        'withdrawn',
        `${name(state)} was withdrawn; nothing more can be recorded on it`,
        details,
      );
    case 'open':
    case 'resolved':
    case 'referred-out':
      return;
  }
}

/** The dispute is still being handled: reported and neither resolved nor handed over. */
export function requireInProgress(state: DisputeState): void {
  requireActive(state);
  const details = { disputeId: state.disputeId, status: state.status };
  if (state.status === 'resolved') {
    throw violation(
      'already-resolved',
      `${name(state)} is already resolved; only its follow-up visit and closing remain`,
      details,
    );
  }
  if (state.status === 'referred-out') {
    throw violation(
      'referred-out',
      `${name(state)} was referred out to ${state.referral?.to ?? 'another body'}; only closing it remains`,
      details,
    );
  }
}

/** Classified, graded and assigned to a level with mediators: the preconditions of mediation. */
export function requireAssigned(state: DisputeState, toDo: string): MediationLevel {
  if (state.classification === null) {
    throw violation(
      'not-classified',
      `A dispute must be classified and assigned before it is ${toDo}: ${name(state)} has not been classified and graded yet`,
      { disputeId: state.disputeId },
    );
  }
  if (state.level === null) {
    throw violation(
      'not-assigned',
      `A dispute must be classified and assigned before it is ${toDo}: ${name(state)} has no level and mediators yet`,
      { disputeId: state.disputeId },
    );
  }
  return state.level;
}

/** Assigned, and someone has stepped in (第一时间介入): sessions and agreements need both. */
export function requireIntervention(state: DisputeState, toDo: string): MediationLevel {
  const level = requireAssigned(state, toDo);
  if (!state.interventionStarted) {
    throw violation(
      'intervention-not-started',
      `Start the intervention on ${name(state)} before it is ${toDo}`,
      { disputeId: state.disputeId },
    );
  }
  return level;
}

/** Throws when `partyId` is not a party of the dispute. */
export function requireParty(state: DisputeState, partyId: string, rule: string, what: string) {
  if (!state.parties.some((p) => p.partyId === partyId)) {
    const known = state.parties.map((p) => `${p.partyId} (${p.name})`).join(', ') || 'none yet';
    throw violation(
      rule,
      `${what} must be a party of ${name(state)}: '${partyId}' is not one of them (parties: ${known})`,
      { disputeId: state.disputeId, partyId },
    );
  }
}

export const disputeName = name;

/** The grade allows handling at `level` (分层分类): not below the lowest level it calls for. */
export function requireLevelForGrade(state: DisputeState, level: MediationLevel): void {
  const severity = state.classification?.severity;
  if (severity === undefined) return;
  const lowest = LOWEST_LEVEL_FOR[severity];
  if (levelRank(level) < levelRank(lowest)) {
    throw violation(
      'level-below-grade',
      `${name(state)} is graded ${severity}: it is handled at ${lowest} level or above, not at ${level} (grade it again if it has calmed down)`,
      { disputeId: state.disputeId, severity, level, lowest },
    );
  }
}
