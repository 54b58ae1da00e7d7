// The Visit aggregate: one door-to-door, service or follow-up visit to a household.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { VisitCommand } from './commands.js';
import { decideVisit } from './decide.js';
import { visitEvents, type VisitEvent } from './events.js';
import { evolveVisit } from './evolve.js';
import { initialVisitState, type VisitState } from './state.js';

export const Visit: AggregateType<VisitCommand, VisitEvent, VisitState, typeof visitEvents> = {
  name: 'Visit',
  streamPrefix: 'visit-',
  idField: 'visitId',
  commandSchema: VisitCommand,
  events: visitEvents,
  initialState: initialVisitState,
  decide: decideVisit,
  evolve: evolveVisit,
};

export * from './events.js';
export { VisitCommand, type VisitCommandOf } from './commands.js';
export type { FollowUpItem, VisitState, VisitStatus } from './state.js';
