// Folds one Patrol event into the state. Flat state: plain spreads read better than immer.
import type { PatrolEvent } from './events.js';
import type { PatrolHazard, PatrolState } from './state.js';

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
        hazards: [
          ...state.hazards,
          { hazardId: event.data.hazardId, removed: false, handedOverTo: null, followUps: 0 },
        ],
      };
    case 'PatrolHazardRemoved':
      return withHazard(state, event.data.hazardId, (h) => ({ ...h, removed: true }));
    case 'PatrolHazardFollowedUp':
      return withHazard(state, event.data.hazardId, (h) => ({ ...h, followUps: h.followUps + 1 }));
    case 'PatrolHazardHandedOver':
      return withHazard(state, event.data.hazardId, (h) => ({ ...h, handedOverTo: event.data.to }));
    case 'PatrolIncidentReported':
      return { ...state, incidents: state.incidents + 1 };
    case 'PatrolCompleted':
      return { ...state, status: 'completed', durationMinutes: event.data.durationMinutes };
    case 'PatrolCancelled':
      return { ...state, status: 'cancelled' };
  }
}

const withHazard = (
  state: PatrolState,
  hazardId: string,
  change: (h: PatrolHazard) => PatrolHazard,
): PatrolState => ({
  ...state,
  hazards: state.hazards.map((h) => (h.hazardId === hazardId ? change(h) : h)),
});
