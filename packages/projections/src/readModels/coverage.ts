// Coverage: the work of the grids made visible. Households visited per grid (door-to-door apart
// from dispute follow-ups, and as a share of the households on the grid's register), micro-wishes and
// micro-appeals recorded and fulfilled, service visits, patrol hours, hazards found, followed up,
// removed or handed over (those found on patrols also on their own), and the work of each member. Everything counts in the month it happened. The read model keeps
// the facts of each visit and patrol (and the mediators and follow-up visitors of disputes); a
// query folds those inside its cut (coverageFold.ts).
import type { DisputeEvent, PatrolEvent, RecordedEvent, VisitEvent } from '@gridledger/core';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import { stampOf, type Stamp } from './asOf.js';
import { configure, type ReadModelOptions } from './options.js';
import { registerFactOf, type RegisterEvent, type RegisterFact } from './register.js';
import { recordFact, type Timelines } from './timelines.js';

/** The figures of a grid that are plain counts of one kind of fact. */
export type Counter =
  | 'servicesRendered'
  | 'microWishesRecorded'
  | 'microWishesClaimed'
  | 'microWishesFulfilled'
  | 'microAppealsRecorded'
  | 'microAppealsFulfilled'
  | 'hazardsFound'
  | 'hazardsRemoved'
  | 'hazardFollowUps'
  | 'hazardsHandedOver';

export type CoverageFact =
  | (Stamp &
      (
        | {
            readonly k: 'visitScheduled';
            readonly c: string;
            readonly g: string;
            readonly h: string;
            readonly service: boolean;
            /** A dispute follow-up at the door, not door-to-door coverage. */
            readonly followUp: boolean;
          }
        | { readonly k: 'visitConducted'; readonly visitors: readonly string[] }
        | { readonly k: 'count'; readonly counter: Counter; readonly members?: readonly string[] }
        | { readonly k: 'visitCancelled' }
        | {
            readonly k: 'patrolScheduled';
            readonly c: string;
            readonly grids: readonly string[];
            readonly members: readonly string[];
          }
        | { readonly k: 'patrolStarted'; readonly members: readonly string[] }
        | { readonly k: 'patrolHazardFound'; readonly hazardId: string; readonly grid: string }
        | {
            readonly k: 'patrolHazardRemoved' | 'patrolHazardFollowedUp' | 'patrolHazardHandedOver';
            readonly hazardId: string;
          }
        | { readonly k: 'patrolCompleted'; readonly minutes: number }
        | { readonly k: 'patrolCancelled' }
        | { readonly k: 'mediated' | 'followedUp'; readonly members: readonly string[] }
      ))
  | RegisterFact;

export interface CoverageState {
  readonly timeZone: string;
  /** Facts per visit, patrol and dispute stream. */
  readonly streams: Timelines<CoverageFact>;
}

type VisitRead = EventsOfType<
  VisitEvent,
  Exclude<VisitEvent['type'], 'VisitRescheduled' | 'DisputeSpotted' | 'VisitClosed'>
>;
type PatrolRead = EventsOfType<
  PatrolEvent,
  Exclude<PatrolEvent['type'], 'PatrolObservationLogged' | 'PatrolIncidentReported'>
>;
type Read =
  | VisitRead
  | PatrolRead
  | EventsOfType<DisputeEvent, 'MediationSessionHeld' | 'DisputeFollowUpVisitRecorded'>
  | RegisterEvent;

export function coverageProjection(options?: ReadModelOptions): Projection<CoverageState, Read> {
  const { timeZone, name, monthOf } = configure('coverage', options);
  const keep = (state: CoverageState, event: RecordedEvent, fact: object) => {
    recordFact(state.streams, event.streamId, {
      ...stampOf(event, monthOf),
      ...fact,
    } as CoverageFact);
    return state;
  };
  const count = (counter: Counter) => (state: CoverageState, event: RecordedEvent) =>
    keep(state, event, { k: 'count', counter });
  return defineProjection<CoverageState, Read>({
    name,
    version: 5,
    description:
      'Households visited, wishes, services, patrol hours and hazards per grid; work per member',
    initialState: () => ({ timeZone, streams: {} }),
    handlers: {
      VisitScheduled: (state, e) =>
        keep(state, e, {
          k: 'visitScheduled',
          c: e.data.community,
          g: e.data.grid,
          h: e.data.household.householdId,
          service: e.data.purpose === 'service',
          followUp: e.data.purpose === 'dispute-follow-up',
        }),
      VisitConducted: (state, e) =>
        keep(state, e, { k: 'visitConducted', visitors: e.data.visitors }),
      ServiceRendered: (state, e) =>
        keep(state, e, {
          k: 'count',
          counter: 'servicesRendered',
          members: e.data.renderedBy,
        }),
      MicroWishRecorded: count('microWishesRecorded'),
      MicroWishClaimed: count('microWishesClaimed'),
      MicroWishFulfilled: count('microWishesFulfilled'),
      MicroAppealRecorded: count('microAppealsRecorded'),
      MicroAppealFulfilled: count('microAppealsFulfilled'),
      SafetyHazardReported: count('hazardsFound'),
      SafetyHazardRemoved: count('hazardsRemoved'),
      SafetyHazardFollowedUp: count('hazardFollowUps'),
      SafetyHazardHandedOver: count('hazardsHandedOver'),
      VisitCancelled: (state, e) => keep(state, e, { k: 'visitCancelled' }),
      PatrolScheduled: (state, e) =>
        keep(state, e, {
          k: 'patrolScheduled',
          c: e.data.community,
          grids: e.data.grids,
          members: e.data.members,
        }),
      PatrolStarted: (state, e) => keep(state, e, { k: 'patrolStarted', members: e.data.members }),
      PatrolHazardFound: (state, e) =>
        keep(state, e, {
          k: 'patrolHazardFound',
          hazardId: e.data.hazardId,
          grid: e.data.grid,
        }),
      PatrolHazardRemoved: (state, e) =>
        keep(state, e, { k: 'patrolHazardRemoved', hazardId: e.data.hazardId }),
      PatrolHazardFollowedUp: (state, e) =>
        keep(state, e, { k: 'patrolHazardFollowedUp', hazardId: e.data.hazardId }),
      PatrolHazardHandedOver: (state, e) =>
        keep(state, e, { k: 'patrolHazardHandedOver', hazardId: e.data.hazardId }),
      PatrolCompleted: (state, e) =>
        keep(state, e, { k: 'patrolCompleted', minutes: e.data.durationMinutes }),
      PatrolCancelled: (state, e) => keep(state, e, { k: 'patrolCancelled' }),
      MediationSessionHeld: (state, e) =>
        keep(state, e, { k: 'mediated', members: e.data.mediators }),
      DisputeFollowUpVisitRecorded: (state, e) =>
        keep(state, e, { k: 'followedUp', members: e.data.visitedBy }),
      HouseholdRegistered: (state, e) => keep(state, e, registerFactOf(e)),
      HouseholdDeregistered: (state, e) => keep(state, e, registerFactOf(e)),
    },
  });
}
