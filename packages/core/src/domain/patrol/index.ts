// The Patrol aggregate: one shift of the patrol team (巡逻队).
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { PatrolCommand } from './commands.js';
import { decidePatrol } from './decide.js';
import { patrolEvents, type PatrolEvent } from './events.js';
import { evolvePatrol } from './evolve.js';
import { initialPatrolState, type PatrolState } from './state.js';

export const Patrol: AggregateType<PatrolCommand, PatrolEvent, PatrolState, typeof patrolEvents> = {
  name: 'Patrol',
  streamPrefix: 'patrol-',
  idField: 'patrolId',
  commandSchema: PatrolCommand,
  events: patrolEvents,
  initialState: initialPatrolState,
  decide: decidePatrol,
  evolve: evolvePatrol,
};

export * from './events.js';
export { PatrolCommand, type PatrolCommandOf } from './commands.js';
export {
  MIN_PATROL_MEMBERS,
  type PatrolHazard,
  type PatrolState,
  type PatrolStatus,
} from './state.js';
