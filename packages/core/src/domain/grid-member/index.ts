// The GridMember aggregate: a person who serves a grid, from enrolment to retirement.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { GridMemberCommand } from './commands.js';
import { decideGridMember } from './decide.js';
import { gridMemberEvents, type GridMemberEvent } from './events.js';
import { evolveGridMember } from './evolve.js';
import { initialGridMemberState, type GridMemberState } from './state.js';

export const GridMember: AggregateType<
  GridMemberCommand,
  GridMemberEvent,
  GridMemberState,
  typeof gridMemberEvents
> = {
  name: 'GridMember',
  streamPrefix: 'grid-member-',
  idField: 'memberId',
  commandSchema: GridMemberCommand,
  events: gridMemberEvents,
  initialState: initialGridMemberState,
  decide: (command, state) => decideGridMember(command, state),
  evolve: evolveGridMember,
};

export * from './events.js';
export { GridMemberCommand, type GridMemberCommandOf, type TakeGridOwnership } from './commands.js';
export { ownsGrid, type GridMemberState, type GridMemberStatus } from './state.js';
