// After a dispute is settled: it can be taken up again (an unhappy follow-up, a relapse, a broken
// agreement), and the police station can link a later case that grew out of it (民转刑). Without
// these, a settled dispute that turned violent weeks later could not be recorded at all.
import type { DecideContext } from '../../eventsourcing/decider.js';
import type { DisputeCommandOf } from './commands.js';
import type { DisputeEvent } from './events.js';
import { disputeName, violation } from './guards.js';
import type { DisputeState } from './state.js';
import { POLICE_ROLES } from './vocabulary.js';

export function reopen(
  { data }: DisputeCommandOf<'reopenDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  const details = { disputeId: state.disputeId, status: state.status };
  if (state.status === 'unreported') {
    throw violation('not-reported', 'No dispute has been reported under this id yet', details);
  }
  if (state.status === 'open') {
    throw violation(
      'not-settled',
      `${disputeName(state)} is still open; there is nothing to reopen`,
      details,
    );
  }
  if (state.resolution === null) {
    throw violation(
      'not-reopenable',
      state.referral !== null
        ? `${disputeName(state)} was referred out to ${state.referral.to}; a later case that grew out of it is recorded with recordLaterCase`
        : `${disputeName(state)} was ${state.status}, never settled; report it again as a new dispute`,
      details,
    );
  }
  if (data.reason === 'unhappy-follow-up' && state.lastFollowUp?.satisfied !== false) {
    throw violation(
      'no-unhappy-follow-up',
      `${disputeName(state)} has no follow-up that found the residents unhappy since it was resolved; give the reason it is reopened`,
      details,
    );
  }
  return [{ type: 'DisputeReopened', data: { ...data, wasClosed: state.status === 'closed' } }];
}

export function recordLaterCase(
  { data }: DisputeCommandOf<'recordLaterCase'>,
  state: DisputeState,
  context: DecideContext,
): DisputeEvent[] {
  const details = { disputeId: state.disputeId, status: state.status, caseId: data.caseId };
  if (state.status === 'unreported') {
    throw violation('not-reported', 'No dispute has been reported under this id yet', details);
  }
  if (!POLICE_ROLES.includes(context.actor.role)) {
    throw violation(
      'later-case-not-police',
      `A later case is recorded by the police station (${POLICE_ROLES.join(', ')}); '${context.actor.id}' acts as ${context.actor.role}`,
      { ...details, role: context.actor.role },
    );
  }
  if (state.status === 'open') {
    throw violation(
      'still-open',
      `${disputeName(state)} is still being handled: if it has turned into a criminal case, refer it out as one`,
      details,
    );
  }
  if (state.laterCases.includes(data.caseId)) {
    throw violation(
      'case-already-linked',
      `Case '${data.caseId}' is already linked to ${disputeName(state)}`,
      details,
    );
  }
  const { homicide, ...rest } = data;
  return [{ type: 'DisputeLaterCaseLinked', data: { ...rest, homicide: homicide ?? false } }];
}
