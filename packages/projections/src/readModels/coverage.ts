// Coverage: the work of the grids made visible. Households visited per grid, micro-wishes and
// micro-appeals recorded and fulfilled, service visits, patrol hours, hazards found and removed,
// and the work of each member. Everything counts in the month it happened.
import type { DisputeEvent, PatrolEvent, RecordedEvent, VisitEvent } from '@gridledger/core';
import type { Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import { cellAt, entry, type Cells } from './cells.js';
import { patrolHandlers } from './coveragePatrols.js';
import { visitHandlers } from './coverageVisits.js';
import { configure, type ReadModelOptions } from './options.js';

export interface GridCoverageCell {
  visits: number;
  /** Visits per household id, so households are counted once per period. */
  households: Record<string, number>;
  serviceVisits: number;
  servicesRendered: number;
  microWishesRecorded: number;
  microWishesFulfilled: number;
  microAppealsRecorded: number;
  microAppealsFulfilled: number;
  hazardsFound: number;
  hazardsRemoved: number;
  /** Completed patrols that walked the grid. */
  patrols: number;
  /** A patrol's minutes shared equally among the grids it walked, so grids add up to the total. */
  patrolMinutes: number;
}

export interface MemberWorkCell {
  visits: number;
  servicesRendered: number;
  patrols: number;
  patrolMinutes: number;
  mediationSessions: number;
  followUpVisits: number;
}

export interface TrackedPatrol {
  c: string;
  grids: string[];
  /** The rota, then who turned out. */
  members: string[];
  /** Hazards found and not yet removed: their grid, by hazard id. */
  hazards: Record<string, string>;
  completed: boolean;
}

export interface TrackedVisit {
  c: string;
  g: string;
  h: string;
  service: boolean;
  /** Wishes, appeals and hazards still open; a closed visit is forgotten once they are done. */
  open: number;
  closed: boolean;
}

export interface CoverageState {
  readonly timeZone: string;
  readonly visits: Record<string, TrackedVisit>;
  readonly patrols: Record<string, TrackedPatrol>;
  readonly grids: Cells<GridCoverageCell>;
  readonly members: Record<Month, Record<string, MemberWorkCell>>;
}

export type VisitRead = EventsOfType<
  VisitEvent,
  Exclude<VisitEvent['type'], 'VisitRescheduled' | 'DisputeSpotted'>
>;
export type PatrolRead = EventsOfType<
  PatrolEvent,
  Exclude<PatrolEvent['type'], 'PatrolObservationLogged' | 'PatrolIncidentReported'>
>;
type Read =
  | VisitRead
  | PatrolRead
  | EventsOfType<DisputeEvent, 'MediationSessionHeld' | 'DisputeFollowUpVisitRecorded'>;

/**
 * What the visit and patrol handlers share: the cell of an event's month and grid, and the work
 * records of the members named on it.
 */
export interface CoverageTools {
  readonly gridCell: (
    state: CoverageState,
    event: RecordedEvent,
    c: string,
    g: string,
  ) => GridCoverageCell;
  readonly work: (
    state: CoverageState,
    event: RecordedEvent,
    members: readonly string[],
  ) => MemberWorkCell[];
}

export const emptyGridCoverage = (): GridCoverageCell => ({
  visits: 0,
  households: {},
  serviceVisits: 0,
  servicesRendered: 0,
  microWishesRecorded: 0,
  microWishesFulfilled: 0,
  microAppealsRecorded: 0,
  microAppealsFulfilled: 0,
  hazardsFound: 0,
  hazardsRemoved: 0,
  patrols: 0,
  patrolMinutes: 0,
});

export const emptyMemberWork = (): MemberWorkCell => ({
  visits: 0,
  servicesRendered: 0,
  patrols: 0,
  patrolMinutes: 0,
  mediationSessions: 0,
  followUpVisits: 0,
});

export function coverageProjection(options?: ReadModelOptions): Projection<CoverageState, Read> {
  const { timeZone, name, monthOf } = configure('coverage', options);
  const month = (event: RecordedEvent) => monthOf(event.metadata.occurredAt);
  const tools: CoverageTools = {
    gridCell: (state, event, c, g) => cellAt(state.grids, month(event), c, g, emptyGridCoverage),
    work: (state, event, members) => {
      const byMember = entry(state.members, month(event), () => ({}));
      // A member named twice on one session or visit still did the work once.
      return [...new Set(members)].map((member) => entry(byMember, member, emptyMemberWork));
    },
  };
  return defineProjection<CoverageState, Read>({
    name,
    version: 1,
    description:
      'Households visited, wishes, services, patrol hours and hazards per grid; work per member',
    initialState: () => ({ timeZone, visits: {}, patrols: {}, grids: {}, members: {} }),
    handlers: {
      ...visitHandlers(tools),
      ...patrolHandlers(tools),
      MediationSessionHeld: (state, event) => {
        for (const member of tools.work(state, event, event.data.mediators)) {
          member.mediationSessions++;
        }
        return state;
      },
      DisputeFollowUpVisitRecorded: (state, event) => {
        for (const member of tools.work(state, event, event.data.visitedBy)) {
          member.followUpVisits++;
        }
        return state;
      },
    },
  });
}
