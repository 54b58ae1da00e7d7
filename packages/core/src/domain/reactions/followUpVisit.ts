// A resolved dispute leads to a scheduled follow-up visit (第一时间回访) to the household of its
// first party whose household is known, by the mediators who settled it.
import type { DisputeEventOf } from '../dispute/events.js';
import { Dispute } from '../dispute/index.js';
import type { DisputeState } from '../dispute/state.js';
import type { VisitCommandOf } from '../visit/commands.js';
import { Visit } from '../visit/index.js';
import { reactionTargetId, type Reaction } from './reaction.js';

type Resolved = DisputeEventOf<'DisputeResolved'>;

export interface FollowUpVisitOptions {
  /** How long after the resolution the visit is scheduled. Default 24 hours. */
  readonly afterHours?: number;
}

export function scheduleFollowUpVisit(
  options: FollowUpVisitOptions = {},
): Reaction<Resolved, DisputeState> {
  const afterHours = options.afterHours ?? 24;
  if (!Number.isFinite(afterHours) || afterHours < 0) {
    throw new RangeError(`scheduleFollowUpVisit: afterHours must be ≥ 0, got ${afterHours}`);
  }
  return {
    name: 'schedule-follow-up-visit',
    eventTypes: ['DisputeResolved'],
    source: Dispute,
    react(event, dispute) {
      const { disputeId, community, grid } = dispute;
      if (disputeId === null || community === null || grid === null) {
        return { kind: 'skip', reason: `${event.streamId} has no reported dispute` };
      }
      const household = dispute.parties.find((p) => p.household !== undefined)?.household;
      if (household === undefined) {
        return { kind: 'skip', reason: `no party of dispute ${disputeId} has a known household` };
      }
      const resolvedAt = Date.parse(event.metadata.occurredAt);
      const scheduledFor = new Date(resolvedAt + afterHours * 3_600_000).toISOString();
      const visitId = reactionTargetId('v', event);
      const data: VisitCommandOf<'scheduleVisit'>['data'] = {
        visitId,
        community,
        grid,
        household,
        purpose: 'dispute-follow-up',
        visitors: [...dispute.mediators],
        scheduledFor,
        disputeId,
      };
      return {
        kind: 'issue',
        target: Visit,
        id: visitId,
        command: { type: 'scheduleVisit', data },
      };
    },
  };
}
