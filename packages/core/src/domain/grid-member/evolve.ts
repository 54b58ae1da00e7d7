// Folds one GridMember event into the state. Flat state: plain spreads read better than immer.
import type { GridMemberEvent } from './events.js';
import type { GridMemberState } from './state.js';

export function evolveGridMember(state: GridMemberState, event: GridMemberEvent): GridMemberState {
  switch (event.type) {
    case 'GridMemberEnrolled': {
      const { memberId, community, name, roles } = event.data;
      return { ...state, status: 'active', memberId, community, name, roles: [...roles] };
    }
    case 'GridMemberAssigned':
    case 'GridMemberReassigned':
      return {
        ...state,
        assignment: { grid: event.data.grid, capacity: event.data.capacity },
      };
    case 'PatrolTeamJoined':
      return { ...state, inPatrolTeam: true };
    case 'PatrolTeamLeft':
      return { ...state, inPatrolTeam: false };
    case 'GridMemberRoleAdded':
      return { ...state, roles: [...state.roles, event.data.role] };
    case 'GridMemberRoleDropped':
      return { ...state, roles: state.roles.filter((role) => role !== event.data.role) };
    case 'GridMemberAppointed': {
      const { position, organisation } = event.data;
      return { ...state, positions: [...state.positions, { position, organisation }] };
    }
    case 'GridMemberPositionEnded': {
      const { position, organisation } = event.data;
      return {
        ...state,
        positions: state.positions.filter(
          (p) => !(p.position === position && p.organisation === organisation),
        ),
      };
    }
    case 'GridMemberRetired':
      return { ...state, status: 'retired', assignment: null, inPatrolTeam: false };
  }
}
