// The GridStructure aggregate: where one grid lies in the larger grids (grids nested in larger
// grids, 警格+网格). A grid is defined once, with its kind; it is nested in a larger grid, moved
// to another, or taken out, each as an event. Defining and taking out are commands of its own;
// nesting goes through `nestGridInStructure`, which checks that the larger grid exists and that
// no chain of grids loops, across the grids' streams, under the nesting lock.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { GridStructureCommand } from './commands.js';
import { decideGridStructure } from './decide.js';
import { gridStructureEvents, type GridStructureEvent } from './events.js';
import {
  evolveGridStructure,
  initialGridStructureState,
  type GridStructureState,
} from './state.js';

export const GridStructure: AggregateType<
  GridStructureCommand,
  GridStructureEvent,
  GridStructureState
> = {
  name: 'GridStructure',
  streamPrefix: 'grid-structure-',
  idField: 'grid',
  commandSchema: GridStructureCommand,
  events: gridStructureEvents,
  initialState: initialGridStructureState,
  decide: (command, state) => decideGridStructure(command, state),
  evolve: evolveGridStructure,
};

export * from './events.js';
export { GridStructureCommand, type NestGrid } from './commands.js';
export type { GridStructureState } from './state.js';
