// The GridMember decider: enrolment, grid assignment, the patrol team, roles and retirement.
// Rule ids are `grid-member.<rule>`.
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { GridMemberCommand, TakeGridOwnership } from './commands.js';
import type { GridMemberEvent } from './events.js';
import { holdsPosition, ownsGrid, type GridMemberState } from './state.js';

const violation = (rule: string, message: string, state: GridMemberState, more = {}) =>
  new RuleViolationError(`grid-member.${rule}`, message, { memberId: state.memberId, ...more });

const who = (state: GridMemberState) => `${state.name ?? '?'} (${state.memberId ?? '?'})`;

/** Enrolled and not retired. `toDo` finishes "A retired grid member cannot …". */
function requireActive(state: GridMemberState, toDo: string): void {
  if (state.status === 'unenrolled') {
    throw violation('not-enrolled', 'No grid member has been enrolled under this id yet', state);
  }
  if (state.status === 'retired') {
    throw violation(
      'retired',
      `A retired grid member cannot ${toDo}: ${who(state)} has retired`,
      state,
    );
  }
}

export function decideGridMember(
  command: GridMemberCommand | TakeGridOwnership,
  state: GridMemberState,
): GridMemberEvent[] {
  switch (command.type) {
    case 'enrolGridMember':
      if (state.status !== 'unenrolled') {
        throw violation('already-enrolled', `${who(state)} is already enrolled`, state);
      }
      return [{ type: 'GridMemberEnrolled', data: command.data }];
    case 'assignToGrid': {
      requireActive(state, 'be assigned to a grid');
      const { grid } = command.data;
      if (state.assignment !== null) {
        const current = state.assignment.grid;
        throw violation(
          'already-assigned',
          current === grid
            ? `${who(state)} already serves grid ${grid}`
            : `${who(state)} already serves grid ${current}; reassign them to move them to ${grid}`,
          state,
          { grid: current },
        );
      }
      return [{ type: 'GridMemberAssigned', data: { grid, capacity: 'serving' } }];
    }
    case 'reassignToGrid': {
      requireActive(state, 'be reassigned to a grid');
      const from = state.assignment;
      if (from === null) {
        throw violation(
          'not-assigned',
          `${who(state)} serves no grid yet; assign them first`,
          state,
        );
      }
      if (from.grid === command.data.grid && from.capacity === 'serving') {
        throw violation(
          'already-assigned',
          `${who(state)} already serves grid ${from.grid}`,
          state,
          { grid: from.grid },
        );
      }
      const data = { fromGrid: from.grid, fromCapacity: from.capacity, ...command.data };
      return [{ type: 'GridMemberReassigned', data: { ...data, capacity: 'serving' } }];
    }
    case 'takeGridOwnership':
      return takeOwnership(command.data.grid, state);
    case 'joinPatrolTeam':
      requireActive(state, 'join the patrol team');
      if (state.inPatrolTeam) {
        throw violation(
          'already-in-patrol-team',
          `${who(state)} is already on the patrol team`,
          state,
        );
      }
      return [{ type: 'PatrolTeamJoined', data: {} }];
    case 'leavePatrolTeam':
      requireActive(state, 'leave the patrol team');
      if (!state.inPatrolTeam) {
        throw violation('not-in-patrol-team', `${who(state)} is not on the patrol team`, state);
      }
      return [{ type: 'PatrolTeamLeft', data: command.data }];
    case 'addRole':
      requireActive(state, 'take on a role');
      if (state.roles.includes(command.data.role)) {
        throw violation(
          'role-held',
          `${who(state)} already serves as ${command.data.role}`,
          state,
          {
            role: command.data.role,
          },
        );
      }
      return [{ type: 'GridMemberRoleAdded', data: command.data }];
    case 'dropRole':
      requireActive(state, 'drop a role');
      return dropRole(command.data.role, state);
    case 'appointToPosition': {
      requireActive(state, 'be appointed to a position');
      const { position, organisation } = command.data;
      if (holdsPosition(state, command.data)) {
        throw violation(
          'position-held',
          `${who(state)} already holds the position ${position} in ${organisation}`,
          state,
          { position, organisation },
        );
      }
      return [{ type: 'GridMemberAppointed', data: command.data }];
    }
    case 'endPosition': {
      requireActive(state, 'leave a position');
      const { position, organisation } = command.data;
      if (!holdsPosition(state, command.data)) {
        throw violation(
          'position-not-held',
          `${who(state)} does not hold the position ${position} in ${organisation}`,
          state,
          { position, organisation },
        );
      }
      return [{ type: 'GridMemberPositionEnded', data: command.data }];
    }
    case 'retireGridMember': {
      requireActive(state, 'retire again');
      const { assignment } = state;
      const released = assignment === null ? {} : { released: { ...assignment } };
      const data = { ...command.data, ...released, leftPatrolTeam: state.inPatrolTeam };
      // Retiring ends every position they still hold, each as its own fact, before the retirement.
      const ended: GridMemberEvent[] = state.positions.map(({ position, organisation }) => ({
        type: 'GridMemberPositionEnded',
        data: { position, organisation, reason: 'Retired' },
      }));
      return [...ended, { type: 'GridMemberRetired', data }];
    }
  }
}

function takeOwnership(grid: string, state: GridMemberState): GridMemberEvent[] {
  requireActive(state, 'be assigned to a grid');
  if (!state.roles.includes('party-member')) {
    throw violation(
      'owner-not-party-member',
      `Only a party member can own a red micro-grid: ${who(state)} is not a party member`,
      state,
      { grid },
    );
  }
  if (ownsGrid(state, grid)) {
    throw violation('already-owner', `${who(state)} already owns grid ${grid}`, state, { grid });
  }
  const from = state.assignment;
  if (from === null) return [{ type: 'GridMemberAssigned', data: { grid, capacity: 'owner' } }];
  const data = {
    fromGrid: from.grid,
    fromCapacity: from.capacity,
    grid,
    capacity: 'owner' as const,
  };
  return [{ type: 'GridMemberReassigned', data }];
}

function dropRole(role: GridMemberState['roles'][number], state: GridMemberState) {
  if (!state.roles.includes(role)) {
    throw violation('role-not-held', `${who(state)} does not serve as ${role}`, state, { role });
  }
  if (state.roles.length === 1) {
    throw violation(
      'last-role',
      `${who(state)} must keep at least one role; retire them instead of dropping the last one`,
      state,
      { role },
    );
  }
  if (role === 'party-member' && state.assignment?.capacity === 'owner') {
    throw violation(
      'owner-must-be-party-member',
      `${who(state)} owns grid ${state.assignment.grid}, which needs a party member: hand the grid over first`,
      state,
      { role, grid: state.assignment.grid },
    );
  }
  const event: GridMemberEvent = { type: 'GridMemberRoleDropped', data: { role } };
  return [event];
}
