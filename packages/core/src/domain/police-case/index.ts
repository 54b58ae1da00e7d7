// The PoliceCase aggregate: a public-order or criminal case the police station records.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { PoliceCaseCommand } from './commands.js';
import {
  decidePoliceCase,
  evolvePoliceCase,
  initialPoliceCaseState,
  type PoliceCaseState,
} from './decide.js';
import { policeCaseEvents, type PoliceCaseEvent } from './events.js';

export const PoliceCase: AggregateType<PoliceCaseCommand, PoliceCaseEvent, PoliceCaseState> = {
  name: 'PoliceCase',
  streamPrefix: 'police-case-',
  idField: 'caseId',
  commandSchema: PoliceCaseCommand,
  events: policeCaseEvents,
  initialState: initialPoliceCaseState,
  decide: decidePoliceCase,
  evolve: evolvePoliceCase,
};

export * from './events.js';
export { PoliceCaseCommand } from './commands.js';
export type { PoliceCaseState } from './decide.js';
