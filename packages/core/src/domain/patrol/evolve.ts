// Folds one Patrol event into the state. Flat state: plain spreads read better than immer.
import type { PatrolEvent } from './events.js';
import type { PatrolState } from './state.js';

export function evolvePatrol(state: PatrolState, event: PatrolEvent): PatrolState {
  switch (event.type) {
    case 'PatrolScheduled': {
      const { patrolId, community, grids, members } = event.data;
      return {
        ...state,
        status: 'scheduled',
        patrolId,
        community,
        grids: [...grids],
        members: [...members],
      };
    }
    case 'PatrolStarted':
      return { ...state, status: 'under-way', members: [...event.data.members] };
    case 'PatrolObservationLogged':
      return { ...state, observations: state.observations + 1 };
    case 'PatrolHazardFound':
      return {
        ...state,
        hazards: [...state.hazards, { hazardId: event.data.hazardId, removed: false }],
      };
    case 'PatrolHazardRemoved':
      return {
        ...state,
        hazards: state.hazards.map((h) =>
          h.hazardId === event.data.hazardId ? { ...h, removed: true } : h,
        ),
      };
    case 'PatrolIncidentReported':
      return { ...state, incidents: state.incidents + 1 };
    case 'PatrolCompleted':
      return { ...state, status: 'completed', durationMinutes: event.data.durationMinutes };
    case 'PatrolCancelled':
      return { ...state, status: 'cancelled' };
  }
}
