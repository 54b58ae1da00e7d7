// Ending a dispute: resolution, referral out, the follow-up visit (第一时间回访) and closing.
import type { DisputeCommandOf } from './commands.js';
import type { DisputeEvent } from './events.js';
import {
  disputeName,
  requireActive,
  requireAssigned,
  requireInProgress,
  requireIntervention,
  violation,
} from './guards.js';
import type { DisputeState } from './state.js';

export function resolve(
  { data }: DisputeCommandOf<'resolveDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  const level = requireIntervention(state, 'resolved');
  const details = { disputeId: state.disputeId };
  if (data.how === 'no-agreement-needed') {
    if (state.agreement !== null) {
      throw violation(
        'agreement-in-force',
        `${disputeName(state)} has an agreement in force; resolve it by that agreement`,
        details,
      );
    }
    return [{ type: 'DisputeResolved', data: { ...data, level } }];
  }
  if (state.agreement === null) {
    throw violation(
      'no-agreement',
      `A dispute resolves only after an agreement, or with a recorded reason why none is needed: ${disputeName(state)} has no agreement`,
      details,
    );
  }
  const open = state.agreement.terms.filter((t) => !t.fulfilled);
  if (open.length > 0) {
    throw violation(
      'terms-unfulfilled',
      `${disputeName(state)} resolves once its agreement is carried out; still open: ${open.map((t) => t.action).join('; ')}`,
      { ...details, termIds: open.map((t) => t.termId) },
    );
  }
  return [
    {
      type: 'DisputeResolved',
      data: { how: 'agreement', agreementId: state.agreement.agreementId, level },
    },
  ];
}

export function referOut(
  { data }: DisputeCommandOf<'referDisputeOut'>,
  state: DisputeState,
): DisputeEvent[] {
  requireInProgress(state);
  const fromLevel = requireAssigned(state, 'referred out');
  const { becameHomicide, ...rest } = data;
  if (rest.to === 'criminal-case') {
    return [
      {
        type: 'DisputeReferredOut',
        data: { ...rest, to: 'criminal-case', becameHomicide: becameHomicide ?? false, fromLevel },
      },
    ];
  }
  return [{ type: 'DisputeReferredOut', data: { ...rest, to: rest.to, fromLevel } }];
}

export function recordFollowUp(
  { data }: DisputeCommandOf<'recordFollowUpVisit'>,
  state: DisputeState,
): DisputeEvent[] {
  requireActive(state);
  if (state.status !== 'resolved') {
    throw violation(
      'not-resolved',
      `A follow-up visit comes after the dispute is resolved: ${disputeName(state)} is ${state.status}`,
      { disputeId: state.disputeId, status: state.status },
    );
  }
  const channel = data.channel ?? (data.visitId === undefined ? undefined : 'in-person');
  return [{ type: 'DisputeFollowUpVisitRecorded', data: { ...data, ...(channel && { channel }) } }];
}

export function close(
  { data }: DisputeCommandOf<'closeDispute'>,
  state: DisputeState,
): DisputeEvent[] {
  requireActive(state);
  const details = { disputeId: state.disputeId, status: state.status };
  if (state.status === 'open') {
    throw violation(
      'not-settled',
      `${disputeName(state)} is still open: resolve it or refer it out before closing it`,
      details,
    );
  }
  if (state.status === 'resolved' && state.lastFollowUp === null) {
    throw violation(
      'follow-up-missing',
      `A resolved dispute is closed only after its follow-up visit: record the visit to ${disputeName(state)} first`,
      details,
    );
  }
  if (state.status === 'resolved' && state.lastFollowUp?.satisfied === false) {
    throw violation(
      'follow-up-unhappy',
      `The follow-up found the residents of ${disputeName(state)} unhappy: reopen it and mediate again, or record a later follow-up that finds them satisfied`,
      details,
    );
  }
  return [{ type: 'DisputeClosed', data }];
}
