// A visit that spots a dispute leads to a reported Dispute whose causation is the spotting.
import type { RecordedEvent } from '../../eventsourcing/envelope.js';
import { Dispute } from '../dispute/index.js';
import type { DisputeCommandOf } from '../dispute/commands.js';
import type { SpottedParty, VisitEventOf } from '../visit/events.js';
import { Visit } from '../visit/index.js';
import type { VisitState } from '../visit/state.js';
import { Id } from '../shared/schemas.js';
import { reactionTargetId, type Reaction } from './reaction.js';

type Spotted = VisitEventOf<'DisputeSpotted'>;
type Report = DisputeCommandOf<'reportDispute'>['data'];

/** Names spotted parties `p-1`, `p-2`, … within the new dispute. */
export const partiesOf = (spotted: readonly SpottedParty[]): Report['parties'] =>
  spotted.map((party, i) => ({ partyId: `p-${i + 1}`, ...party }));

/** Who reported it: whoever recorded the spotting. */
export function reporterOf(event: RecordedEvent): Report['reportedBy'] {
  const { actor } = event.metadata;
  const memberId = Id.safeParse(actor.id).success ? { memberId: actor.id } : {};
  return { name: actor.name ?? actor.id, role: actor.role, ...memberId };
}

export const reportDisputeSpottedOnVisit: Reaction<Spotted, VisitState> = {
  name: 'report-dispute-spotted-on-visit',
  eventTypes: ['DisputeSpotted'],
  source: Visit,
  react(event, visit) {
    const { visitId, community, grid } = visit;
    if (visitId === null || community === null || grid === null) {
      return { kind: 'skip', reason: `${event.streamId} has no scheduled visit to report from` };
    }
    const disputeId = reactionTargetId('d', event);
    const data: Report = {
      disputeId,
      community,
      grid,
      category: event.data.category ?? 'other',
      source: 'visit',
      sourceRef: visitId,
      parties: partiesOf(event.data.parties),
      description: event.data.description,
      reportedBy: reporterOf(event),
    };
    return {
      kind: 'issue',
      target: Dispute,
      id: disputeId,
      command: { type: 'reportDispute', data },
    };
  },
};
