// The Patrol decider: a shift is scheduled, started with at least two members, logs what it
// finds in its own grids, and is completed or cancelled. A hazard it found is followed up until
// removed or handed over, also after the shift. Rule ids are `patrol.<rule>`.
import type { DecideContext } from '../../eventsourcing/decider.js';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { PatrolCommand } from './commands.js';
import type { PatrolEvent } from './events.js';
import { MIN_PATROL_MEMBERS, type PatrolState } from './state.js';

const violation = (rule: string, message: string, state: PatrolState, more = {}) =>
  new RuleViolationError(`patrol.${rule}`, message, { patrolId: state.patrolId, ...more });

const name = (state: PatrolState) => `Patrol '${state.patrolId ?? '?'}'`;

/** The patrol is at one of `allowed` stages. `toDo` finishes "A completed patrol cannot …". */
function requireStage(
  state: PatrolState,
  allowed: readonly PatrolState['status'][],
  toDo: string,
): void {
  if (allowed.includes(state.status)) return;
  const more = { status: state.status };
  switch (state.status) {
    case 'unscheduled':
      throw violation('not-scheduled', 'No patrol has been scheduled under this id yet', state);
    case 'scheduled':
      throw violation(
        'not-started',
        `${name(state)} has not started: it cannot ${toDo} yet`,
        state,
        more,
      );
    case 'under-way':
      throw violation(
        'already-started',
        `${name(state)} is under way: it cannot ${toDo}`,
        state,
        more,
      );
    case 'completed':
      throw violation('completed', `A completed patrol cannot ${toDo}`, state, more);
    case 'cancelled':
      throw violation('cancelled', `A cancelled patrol cannot ${toDo}`, state, more);
  }
}

function requireEnoughMembers(state: PatrolState, members: readonly string[]): void {
  if (members.length < MIN_PATROL_MEMBERS) {
    throw violation(
      'too-few-members',
      `A patrol needs at least ${MIN_PATROL_MEMBERS} members; ${members.length === 1 ? 'only one was' : `${members.length} were`} named`,
      state,
      { members },
    );
  }
}

function requireOwnGrid(state: PatrolState, grid: string): void {
  if (!state.grids.includes(grid)) {
    throw violation(
      'grid-not-on-route',
      `${name(state)} covers grids ${state.grids.join(', ')}; grid ${grid} is not on its route`,
      state,
      { grid },
    );
  }
}

/** A hazard this patrol found, neither removed nor handed over to the body responsible. */
function requireOpenHazard(state: PatrolState, hazardId: string): void {
  const hazard = state.hazards.find((h) => h.hazardId === hazardId);
  if (hazard === undefined) {
    throw violation('unknown-hazard', `${name(state)} found no hazard '${hazardId}'`, state, {
      hazardId,
    });
  }
  if (hazard.handedOverTo !== null) {
    throw violation(
      'hazard-handed-over',
      `Hazard '${hazardId}' was handed over to ${hazard.handedOverTo}; it is theirs to remove`,
      state,
      { hazardId, to: hazard.handedOverTo },
    );
  }
  if (hazard.removed) {
    throw violation(
      'hazard-already-removed',
      `Hazard '${hazardId}' is already recorded as removed`,
      state,
      { hazardId },
    );
  }
}

/** What a patrol found is dealt with on the shift or after it. */
const afterFinding = ['under-way', 'completed'] as const;

export function decidePatrol(
  command: PatrolCommand,
  state: PatrolState,
  context: DecideContext,
): PatrolEvent[] {
  switch (command.type) {
    case 'schedulePatrol':
      if (state.status !== 'unscheduled') {
        throw violation('already-scheduled', `${name(state)} is already scheduled`, state);
      }
      requireEnoughMembers(state, command.data.members);
      return [{ type: 'PatrolScheduled', data: command.data }];
    case 'startPatrol': {
      requireStage(state, ['scheduled'], 'start');
      const members = [...(command.data.members ?? state.members)];
      requireEnoughMembers(state, members);
      return [{ type: 'PatrolStarted', data: { members } }];
    }
    case 'logObservation': {
      requireStage(state, ['under-way'], 'log observations');
      requireOwnGrid(state, command.data.grid);
      const data = { observationId: context.newId(), ...command.data };
      return [{ type: 'PatrolObservationLogged', data }];
    }
    case 'reportPatrolHazard':
      requireStage(state, ['under-way'], 'report hazards');
      requireOwnGrid(state, command.data.grid);
      return [{ type: 'PatrolHazardFound', data: { hazardId: context.newId(), ...command.data } }];
    // Hazards are often dealt with after the shift, so a completed patrol still takes these.
    case 'recordPatrolHazardRemoved':
      requireStage(state, afterFinding, 'record a hazard removed');
      requireOpenHazard(state, command.data.hazardId);
      return [{ type: 'PatrolHazardRemoved', data: command.data }];
    case 'followUpPatrolHazard': {
      requireStage(state, afterFinding, 'follow up a hazard');
      requireOpenHazard(state, command.data.hazardId);
      const data = { ...command.data, followedUpBy: [...command.data.followedUpBy] };
      return [{ type: 'PatrolHazardFollowedUp', data }];
    }
    case 'handOverPatrolHazard':
      requireStage(state, afterFinding, 'hand over a hazard');
      requireOpenHazard(state, command.data.hazardId);
      return [{ type: 'PatrolHazardHandedOver', data: command.data }];
    case 'reportPatrolIncident': {
      requireStage(state, ['under-way'], 'report incidents');
      requireOwnGrid(state, command.data.grid);
      const { isDispute, parties = [], category, ...rest } = command.data;
      const base = { incidentId: context.newId(), ...rest };
      if (!isDispute) return [{ type: 'PatrolIncidentReported', data: { ...base, isDispute } }];
      const disputeData = { ...base, isDispute, parties, ...(category ? { category } : {}) };
      return [{ type: 'PatrolIncidentReported', data: disputeData }];
    }
    case 'completePatrol':
      requireStage(state, ['under-way'], 'be completed');
      return [{ type: 'PatrolCompleted', data: command.data }];
    case 'cancelPatrol':
      requireStage(state, ['scheduled'], 'be cancelled');
      return [{ type: 'PatrolCancelled', data: command.data }];
  }
}
