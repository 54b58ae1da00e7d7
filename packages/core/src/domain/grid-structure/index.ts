// The GridStructure aggregate: where one grid lies in the larger grids (grids nested in larger
// grids, 警格+网格). A grid is defined once, with its kind; it is nested in a larger grid, moved
// to another, or taken out, each as an event. Whether a parent exists, or a chain of parents
// loops, spans several streams and is a read model's question; the decider refuses what one grid
// can know is wrong: nesting a grid in itself, nesting it where it already lies.
import { z } from 'zod';
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import { CommunityId, GridId, Label, Text } from '../shared/schemas.js';
import { GridKind, gridStructureEvents, type GridStructureEvent } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

export const GridStructureCommand = z.discriminatedUnion('type', [
  command(
    'defineGrid',
    z.strictObject({ grid: GridId, community: CommunityId, kind: GridKind, name: Label }),
  ),
  command('nestGrid', z.strictObject({ parentGrid: GridId, reason: Text.optional() })),
  command('unnestGrid', z.strictObject({ reason: Text.optional() })),
]);
export type GridStructureCommand = z.infer<typeof GridStructureCommand>;

export interface GridStructureState {
  readonly grid: string | null;
  readonly community: string | null;
  readonly kind: GridKind | null;
  /** The larger grid it lies in now; `null` when it lies in none. */
  readonly parentGrid: string | null;
}

const initialState = (): GridStructureState => ({
  grid: null,
  community: null,
  kind: null,
  parentGrid: null,
});

const violation = (rule: string, message: string, details: Record<string, unknown> = {}) =>
  new RuleViolationError(`grid-structure.${rule}`, message, details);

function requireDefined(state: GridStructureState): void {
  if (state.grid === null) {
    throw violation('not-defined', 'No grid has been defined under this id yet');
  }
}

function decide(command: GridStructureCommand, state: GridStructureState): GridStructureEvent[] {
  switch (command.type) {
    case 'defineGrid':
      if (state.grid !== null) {
        throw violation('already-defined', `Grid '${state.grid}' is already defined`, {
          grid: state.grid,
        });
      }
      return [{ type: 'GridDefined', data: command.data }];
    case 'nestGrid': {
      requireDefined(state);
      const { parentGrid, reason } = command.data;
      const details = { grid: state.grid, parentGrid };
      if (parentGrid === state.grid) {
        throw violation(
          'nested-in-itself',
          `Grid '${parentGrid}' cannot lie inside itself`,
          details,
        );
      }
      if (parentGrid === state.parentGrid) {
        throw violation(
          'already-nested',
          `Grid '${state.grid ?? '?'}' already lies inside grid '${parentGrid}'`,
          details,
        );
      }
      const from = state.parentGrid === null ? {} : { fromParent: state.parentGrid };
      return [
        {
          type: 'GridNested',
          data: { parentGrid, ...from, ...(reason === undefined ? {} : { reason }) },
        },
      ];
    }
    case 'unnestGrid': {
      requireDefined(state);
      if (state.parentGrid === null) {
        throw violation('not-nested', `Grid '${state.grid ?? '?'}' lies inside no larger grid`, {
          grid: state.grid,
        });
      }
      return [{ type: 'GridUnnested', data: { fromParent: state.parentGrid, ...command.data } }];
    }
  }
}

function evolve(state: GridStructureState, event: GridStructureEvent): GridStructureState {
  switch (event.type) {
    case 'GridDefined': {
      const { grid, community, kind } = event.data;
      return { ...state, grid, community, kind };
    }
    case 'GridNested':
      return { ...state, parentGrid: event.data.parentGrid };
    case 'GridUnnested':
      return { ...state, parentGrid: null };
  }
}

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
  initialState,
  decide,
  evolve,
};

export * from './events.js';
