// A patrol incident that is a dispute leads to a reported Dispute whose causation is the incident.
import { Dispute } from '../dispute/index.js';
import type { DisputeCommandOf } from '../dispute/commands.js';
import type { PatrolEventOf } from '../patrol/events.js';
import { Patrol } from '../patrol/index.js';
import type { PatrolState } from '../patrol/state.js';
import { partiesOf, reporterOf } from './disputeFromVisit.js';
import { reactionTargetId, type Reaction } from './reaction.js';

type Incident = PatrolEventOf<'PatrolIncidentReported'>;

export const reportDisputeFromPatrolIncident: Reaction<Incident, PatrolState> = {
  name: 'report-dispute-from-patrol-incident',
  eventTypes: ['PatrolIncidentReported'],
  source: Patrol,
  react(event, patrol) {
    const incident = event.data;
    if (!incident.isDispute) return { kind: 'skip', reason: 'the incident is not a dispute' };
    const { patrolId, community } = patrol;
    if (patrolId === null || community === null) {
      return { kind: 'skip', reason: `${event.streamId} has no scheduled patrol to report from` };
    }
    const disputeId = reactionTargetId('d', event);
    const data: DisputeCommandOf<'reportDispute'>['data'] = {
      disputeId,
      community,
      grid: incident.grid,
      category: incident.category ?? 'other',
      source: 'patrol',
      sourceRef: patrolId,
      parties: partiesOf(incident.parties),
      description: incident.description,
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
