// The visit half of the coverage read model: households visited, services, micro-wishes and
// micro-appeals, and hazards found on visits, counted in the grid of the visit.
import type { RecordedEvent } from '@gridledger/core';
import type { ProjectionHandlers } from '../projection.js';
import { own, put } from './cells.js';
import type { CoverageState, CoverageTools, GridCoverageCell, VisitRead } from './coverage.js';

type Counter = Exclude<keyof GridCoverageCell, 'households'>;

export function visitHandlers({
  gridCell,
  work,
}: CoverageTools): ProjectionHandlers<CoverageState, VisitRead> {
  /** Counts a visit event in its grid; `opens` moves the visit's count of open items. */
  const onVisit =
    (counter: Counter, opens: -1 | 0 | 1) => (state: CoverageState, event: RecordedEvent) => {
      const visit = own(state.visits, event.streamId);
      if (visit === undefined) return state;
      gridCell(state, event, visit.c, visit.g)[counter]++;
      visit.open += opens;
      // Wishes, appeals and hazards may be settled after the visit closed: forget it only then.
      if (visit.closed && visit.open <= 0) delete state.visits[event.streamId];
      return state;
    };

  return {
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
  };
}
