// Direct counts over a generated history, computed the plain way (group the events by stream,
// look at what happened), to check the read models' figures against.
import { monthOf } from '../months.js';
import type { GeneratedEvent } from '@gridledger/history-fixture';

const iso = (at: number) => new Date(at).toISOString();
type Data = Record<string, unknown>;

export interface DirectCounts {
  /** Per report month: [reported, declined, resolved, withdrawn, referredOut]. */
  readonly cohorts: Map<string, [number, number, number, number, number]>;
  readonly resolvedByLevel: Record<string, number>;
  readonly reachedIntervention: number;
  readonly reachedResolution: number;
  readonly reachedFollowUp: number;
  readonly escalations: number;
  readonly referredOut: number;
  readonly criminalCases: number;
  readonly disputesReported: number;
  readonly patrolIncidents: number;
  readonly followUps: number;
  readonly satisfied: number;
  readonly visitsConducted: number;
  readonly householdsVisited: number;
  readonly wishesRecorded: number;
  readonly hazardsFound: number;
  readonly hazardsRemoved: number;
  readonly hazardFollowUps: number;
  readonly hazardsHandedOver: number;
  readonly patrolHazardsFound: number;
  readonly patrolHazardsRemoved: number;
  readonly patrolHazardFollowUps: number;
  readonly patrolHazardsHandedOver: number;
  /** Per `community/grid`, the grid's hazard figures: found where found, dealt with there too. */
  readonly hazardsByGrid: Map<string, HazardCounts>;
  readonly patrolMinutes: number;
  readonly mediatorSessions: number;
}

/** A grid's hazards: visits' and patrols' together, visits' follow-ups and hand-overs, patrols'. */
export interface HazardCounts {
  hazardsFound: number;
  hazardsRemoved: number;
  hazardFollowUps: number;
  hazardsHandedOver: number;
  patrolHazardsFound: number;
  patrolHazardsRemoved: number;
  patrolHazardFollowUps: number;
  patrolHazardsHandedOver: number;
}

const noHazards = (): HazardCounts => ({
  hazardsFound: 0,
  hazardsRemoved: 0,
  hazardFollowUps: 0,
  hazardsHandedOver: 0,
  patrolHazardsFound: 0,
  patrolHazardsRemoved: 0,
  patrolHazardFollowUps: 0,
  patrolHazardsHandedOver: 0,
});

/** What a visit's hazard event adds to its grid's figures. */
const visitHazardFigures: Record<string, (keyof HazardCounts)[]> = {
  SafetyHazardReported: ['hazardsFound'],
  SafetyHazardRemoved: ['hazardsRemoved'],
  SafetyHazardFollowedUp: ['hazardFollowUps'],
  SafetyHazardHandedOver: ['hazardsHandedOver'],
};

/** What a patrol's hazard event adds to the figures of the grid where the hazard was found. */
const patrolHazardFigures: Record<string, (keyof HazardCounts)[]> = {
  PatrolHazardFound: ['hazardsFound', 'patrolHazardsFound'],
  PatrolHazardRemoved: ['hazardsRemoved', 'patrolHazardsRemoved'],
  PatrolHazardFollowedUp: ['patrolHazardFollowUps'],
  PatrolHazardHandedOver: ['patrolHazardsHandedOver'],
};

export function directCounts(history: readonly GeneratedEvent[]): DirectCounts {
  const streams = new Map<string, GeneratedEvent[]>();
  for (const e of history) {
    const list = streams.get(e.streamId) ?? [];
    list.push(e);
    streams.set(e.streamId, list);
  }
  const count = (type: string) => history.filter((e) => e.type === type).length;
  const cohorts = new Map<string, [number, number, number, number, number]>();
  const resolvedByLevel: Record<string, number> = {};
  let reachedIntervention = 0;
  let reachedResolution = 0;
  let reachedFollowUp = 0;
  const households = new Set<string>();
  let patrolMinutes = 0;
  const hazardsByGrid = new Map<string, HazardCounts>();
  const addHazard = (where: string, figures: readonly (keyof HazardCounts)[]) => {
    const counts = hazardsByGrid.get(where) ?? noHazards();
    for (const figure of figures) counts[figure]++;
    hazardsByGrid.set(where, counts);
  };
  for (const [streamId, events] of streams) {
    const types = new Set(events.map((e) => e.type));
    if (streamId.startsWith('dispute-')) {
      const report = events[0] as GeneratedEvent;
      const month = monthOf(iso(report.at));
      const c = cohorts.get(month) ?? [0, 0, 0, 0, 0];
      c[0]++;
      if (types.has('DisputeDeclined')) c[1]++;
      // Resolved now: resolved, and not reopened since.
      const last = events
        .filter((e) => e.type === 'DisputeResolved' || e.type === 'DisputeReopened')
        .at(-1);
      const resolvedNow = last?.type === 'DisputeResolved';
      if (resolvedNow) c[2]++;
      if (types.has('DisputeWithdrawn')) c[3]++;
      if (types.has('DisputeReferredOut')) c[4]++;
      cohorts.set(month, c);
      if (types.has('DisputeInterventionStarted')) reachedIntervention++;
      if (types.has('DisputeResolved')) reachedResolution++;
      if (types.has('DisputeFollowUpVisitRecorded')) reachedFollowUp++;
      if (resolvedNow) {
        const level = (last.data as Data)['level'] as string;
        resolvedByLevel[level] = (resolvedByLevel[level] ?? 0) + 1;
      }
    }
    if (streamId.startsWith('visit-') && types.has('VisitConducted')) {
      const scheduled = (events[0] as GeneratedEvent).data as Data;
      const household = (scheduled['household'] as Data)['householdId'] as string;
      households.add(`${String(scheduled['community'])}/${household}`);
    }
    if (streamId.startsWith('visit-')) {
      const scheduled = (events[0] as GeneratedEvent).data as Data;
      const where = `${String(scheduled['community'])}/${String(scheduled['grid'])}`;
      for (const e of events) {
        const figures = visitHazardFigures[e.type];
        if (figures !== undefined) addHazard(where, figures);
      }
    }
    if (streamId.startsWith('patrol-')) {
      const community = String(((events[0] as GeneratedEvent).data as Data)['community']);
      const foundIn = new Map<string, string>();
      for (const e of events) {
        const figures = patrolHazardFigures[e.type];
        if (figures === undefined) continue;
        const data = e.data as Data;
        const hazardId = String(data['hazardId']);
        if (e.type === 'PatrolHazardFound') foundIn.set(hazardId, String(data['grid']));
        const grid = foundIn.get(hazardId);
        if (grid !== undefined) addHazard(`${community}/${grid}`, figures);
      }
    }
    const completed = events.find((e) => e.type === 'PatrolCompleted');
    if (completed) patrolMinutes += (completed.data as Data)['durationMinutes'] as number;
  }
  const followUps = history.filter((e) => e.type === 'DisputeFollowUpVisitRecorded');
  const referrals = history.filter((e) => e.type === 'DisputeReferredOut');
  const laterCriminal = history.filter(
    (e) => e.type === 'DisputeLaterCaseLinked' && (e.data as Data)['kind'] === 'criminal',
  );
  return {
    cohorts,
    resolvedByLevel,
    reachedIntervention,
    reachedResolution,
    reachedFollowUp,
    escalations: count('DisputeEscalated'),
    referredOut: referrals.length,
    criminalCases:
      referrals.filter((e) => (e.data as Data)['to'] === 'criminal-case').length +
      laterCriminal.length,
    disputesReported: count('DisputeReported'),
    patrolIncidents: count('PatrolIncidentReported'),
    followUps: followUps.length,
    satisfied: followUps.filter((e) => (e.data as Data)['satisfied'] === true).length,
    visitsConducted: count('VisitConducted'),
    householdsVisited: households.size,
    wishesRecorded: count('MicroWishRecorded'),
    hazardsFound: count('SafetyHazardReported') + count('PatrolHazardFound'),
    hazardsRemoved: count('SafetyHazardRemoved') + count('PatrolHazardRemoved'),
    hazardFollowUps: count('SafetyHazardFollowedUp'),
    hazardsHandedOver: count('SafetyHazardHandedOver'),
    patrolHazardsFound: count('PatrolHazardFound'),
    patrolHazardsRemoved: count('PatrolHazardRemoved'),
    patrolHazardFollowUps: count('PatrolHazardFollowedUp'),
    patrolHazardsHandedOver: count('PatrolHazardHandedOver'),
    hazardsByGrid,
    patrolMinutes,
    mediatorSessions: history
      .filter((e) => e.type === 'MediationSessionHeld')
      .reduce((n, e) => n + new Set((e.data as Data)['mediators'] as string[]).size, 0),
  };
}
