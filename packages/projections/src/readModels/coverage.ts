// Coverage: the work of the grids made visible. Households visited per grid, micro-wishes and
// micro-appeals recorded and fulfilled, service visits, patrol hours, hazards found and removed,
// and the work of each member. Everything counts in the month it happened.
import type { DisputeEvent, PatrolEvent, RecordedEvent, VisitEvent } from '@gridledger/core';
import type { Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import { cellAt, entry, own, put, type Cells } from './cells.js';
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

interface TrackedVisit {
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
  readonly patrols: Record<string, { c: string; grids: string[]; members: string[] }>;
  readonly grids: Cells<GridCoverageCell>;
  readonly members: Record<Month, Record<string, MemberWorkCell>>;
}

type Read =
  | EventsOfType<VisitEvent, Exclude<VisitEvent['type'], 'VisitRescheduled' | 'DisputeSpotted'>>
  | EventsOfType<
      PatrolEvent,
      Exclude<PatrolEvent['type'], 'PatrolObservationLogged' | 'PatrolIncidentReported'>
    >
  | EventsOfType<DisputeEvent, 'MediationSessionHeld' | 'DisputeFollowUpVisitRecorded'>;

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

type Counter = Exclude<keyof GridCoverageCell, 'households'>;

export function coverageProjection(options?: ReadModelOptions): Projection<CoverageState, Read> {
  const { timeZone, name, monthOf } = configure('coverage', options);
  const month = (event: RecordedEvent) => monthOf(event.metadata.occurredAt);
  const gridCell = (state: CoverageState, event: RecordedEvent, c: string, g: string) =>
    cellAt(state.grids, month(event), c, g, emptyGridCoverage);
  const work = (state: CoverageState, event: RecordedEvent, members: readonly string[]) => {
    const byMember = entry(state.members, month(event), () => ({}));
    // A member named twice on one session or visit still did the work once.
    return [...new Set(members)].map((member) => entry(byMember, member, emptyMemberWork));
  };

  /** Counts a visit event in its grid; `opens` moves the visit's count of open items. */
  const onVisit =
    (counter: Counter, opens: -1 | 0 | 1) => (state: CoverageState, event: RecordedEvent) => {
      const visit = own(state.visits, event.streamId);
      if (visit === undefined) return state;
      gridCell(state, event, visit.c, visit.g)[counter]++;
      visit.open += opens;
      if (visit.closed && visit.open <= 0) delete state.visits[event.streamId];
      return state;
    };
  const forgetPatrol = (state: CoverageState, event: RecordedEvent) => {
    delete state.patrols[event.streamId];
    return state;
  };

  return defineProjection<CoverageState, Read>({
    name,
    version: 1,
    description:
      'Households visited, wishes, services, patrol hours and hazards per grid; work per member',
    initialState: () => ({ timeZone, visits: {}, patrols: {}, grids: {}, members: {} }),
    handlers: {
      VisitScheduled: (state, event) => {
        const { community: c, grid: g, household, purpose } = event.data;
        const visit = { c, g, h: household.householdId, service: purpose === 'service' };
        put(state.visits, event.streamId, { ...visit, open: 0, closed: false });
        return state;
      },
      VisitConducted: (state, event) => {
        const visit = own(state.visits, event.streamId);
        if (visit === undefined) return state;
        const cell = gridCell(state, event, visit.c, visit.g);
        cell.visits++;
        put(cell.households, visit.h, (own(cell.households, visit.h) ?? 0) + 1);
        if (visit.service) cell.serviceVisits++;
        for (const member of work(state, event, event.data.visitors)) member.visits++;
        return state;
      },
      ServiceRendered: (state, event) => {
        onVisit('servicesRendered', 0)(state, event);
        for (const member of work(state, event, event.data.renderedBy)) member.servicesRendered++;
        return state;
      },
      MicroWishRecorded: onVisit('microWishesRecorded', 1),
      MicroWishFulfilled: onVisit('microWishesFulfilled', -1),
      MicroAppealRecorded: onVisit('microAppealsRecorded', 1),
      MicroAppealFulfilled: onVisit('microAppealsFulfilled', -1),
      SafetyHazardReported: onVisit('hazardsFound', 1),
      SafetyHazardRemoved: onVisit('hazardsRemoved', -1),
      VisitCancelled: (state, event) => {
        delete state.visits[event.streamId];
        return state;
      },
      VisitClosed: (state, event) => {
        const visit = own(state.visits, event.streamId);
        if (visit === undefined) return state;
        visit.closed = true;
        if (visit.open <= 0) delete state.visits[event.streamId];
        return state;
      },

      PatrolScheduled: (state, event) => {
        const { community: c, grids, members } = event.data;
        put(state.patrols, event.streamId, { c, grids: [...grids], members: [...members] });
        return state;
      },
      // Who turned out is who did the work, whoever was on the rota.
      PatrolStarted: (state, event) => {
        const patrol = own(state.patrols, event.streamId);
        if (patrol !== undefined) patrol.members = [...event.data.members];
        return state;
      },
      PatrolHazardFound: (state, event) => {
        const patrol = own(state.patrols, event.streamId);
        if (patrol !== undefined) gridCell(state, event, patrol.c, event.data.grid).hazardsFound++;
        return state;
      },
      PatrolCompleted: (state, event) => {
        const patrol = own(state.patrols, event.streamId);
        if (patrol === undefined) return state;
        const minutes = event.data.durationMinutes;
        for (const grid of patrol.grids) {
          const cell = gridCell(state, event, patrol.c, grid);
          cell.patrols++;
          cell.patrolMinutes += minutes / patrol.grids.length;
        }
        for (const member of work(state, event, patrol.members)) {
          member.patrols++;
          member.patrolMinutes += minutes;
        }
        return forgetPatrol(state, event);
      },
      PatrolCancelled: forgetPatrol,

      MediationSessionHeld: (state, event) => {
        for (const member of work(state, event, event.data.mediators)) member.mediationSessions++;
        return state;
      },
      DisputeFollowUpVisitRecorded: (state, event) => {
        for (const member of work(state, event, event.data.visitedBy)) member.followUpVisits++;
        return state;
      },
    },
  });
}
