// The nesting lock: the one stream whose expected version puts every nesting of a grid in an
// order, so that no two offices can together close a loop of grids.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { GridNestingCommand } from './commands.js';
import { decideGridNesting, evolveGridNesting } from './decide.js';
import { gridNestingEvents, type GridNestingEvent } from './events.js';
import { initialGridNestingState, type GridNestingState } from './state.js';

/** The lock stream `grid-nesting-all`. Drive it through `nestGridInStructure`, not a handler. */
export const GridNesting: AggregateType<
  GridNestingCommand,
  GridNestingEvent,
  GridNestingState,
  typeof gridNestingEvents
> = {
  name: 'GridNesting',
  streamPrefix: 'grid-nesting-',
  commandSchema: GridNestingCommand,
  events: gridNestingEvents,
  initialState: initialGridNestingState,
  decide: (command, state) => decideGridNesting(command, state),
  evolve: evolveGridNesting,
};

export * from './events.js';
export { GridNestingCommand } from './commands.js';
export type { GridNestingClaim, GridNestingState } from './state.js';
