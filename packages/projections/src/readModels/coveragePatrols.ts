// The patrol half of the coverage read model: patrols and patrol hours per grid, hazards found
// on patrol (and removed, often after the shift), and the patrol work of each member.
import type { ProjectionHandlers } from '../projection.js';
import { own, put } from './cells.js';
import type { CoverageState, CoverageTools, PatrolRead } from './coverage.js';

const forget = (state: CoverageState, event: { readonly streamId: string }) => {
  delete state.patrols[event.streamId];
  return state;
};

export function patrolHandlers({
  gridCell,
  work,
}: CoverageTools): ProjectionHandlers<CoverageState, PatrolRead> {
  return {
    PatrolScheduled: (state, event) => {
      const { community: c, grids, members } = event.data;
      const patrol = { c, grids: [...grids], members: [...members] };
      put(state.patrols, event.streamId, { ...patrol, hazards: {}, completed: false });
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
      if (patrol === undefined) return state;
      gridCell(state, event, patrol.c, event.data.grid).hazardsFound++;
      put(patrol.hazards, event.data.hazardId, event.data.grid);
      return state;
    },
    PatrolHazardRemoved: (state, event) => {
      const patrol = own(state.patrols, event.streamId);
      const grid = patrol && own(patrol.hazards, event.data.hazardId);
      if (patrol === undefined || grid === undefined) return state;
      gridCell(state, event, patrol.c, grid).hazardsRemoved++;
      delete patrol.hazards[event.data.hazardId];
      return patrol.completed && Object.keys(patrol.hazards).length === 0
        ? forget(state, event)
        : state;
    },
    PatrolCompleted: (state, event) => {
      const patrol = own(state.patrols, event.streamId);
      if (patrol === undefined || patrol.completed) return state;
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
      patrol.completed = true;
      // Hazards found on the way may be removed after the shift: keep the patrol until then.
      return Object.keys(patrol.hazards).length === 0 ? forget(state, event) : state;
    },
    PatrolCancelled: forget,
  };
}
