// Grid ownership: the per-grid lock stream, and the processes that keep "one owning party
// member per red micro-grid" true even when two offices assign at once.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { GridOwnershipCommand } from './commands.js';
import { decideGridOwnership } from './decide.js';
import { gridOwnershipEvents, type GridOwnershipEvent } from './events.js';
import { evolveGridOwnership } from './evolve.js';
import { initialGridOwnershipState, type GridOwnershipState } from './state.js';

/** The lock stream `grid-ownership-<grid>`. Drive it through the processes, not a handler. */
export const GridOwnership: AggregateType<
  GridOwnershipCommand,
  GridOwnershipEvent,
  GridOwnershipState,
  typeof gridOwnershipEvents
> = {
  name: 'GridOwnership',
  streamPrefix: 'grid-ownership-',
  idField: 'grid',
  commandSchema: GridOwnershipCommand,
  events: gridOwnershipEvents,
  initialState: initialGridOwnershipState,
  decide: (command, state) => decideGridOwnership(command, state),
  evolve: evolveGridOwnership,
};

export * from './events.js';
export { GridOwnershipCommand } from './commands.js';
export type { GridOwnershipClaim, GridOwnershipState } from './state.js';
