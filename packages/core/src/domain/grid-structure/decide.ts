// The GridStructure decider: what one grid's own stream can tell is wrong. Rule ids are
// `grid-structure.<rule>`. Whether the larger grid exists, or a chain of grids loops, is
// `nestGridInStructure`'s to check, across the grids' streams.
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { GridStructureCommand, NestGrid } from './commands.js';
import type { GridStructureEvent } from './events.js';
import type { GridStructureState } from './state.js';

export const structureViolation = (
  rule: string,
  message: string,
  details: Record<string, unknown> = {},
) => new RuleViolationError(`grid-structure.${rule}`, message, details);

function requireDefined(state: GridStructureState): void {
  if (state.grid === null) {
    throw structureViolation('not-defined', 'No grid has been defined under this id yet');
  }
}

export function decideGridStructure(
  command: GridStructureCommand | NestGrid,
  state: GridStructureState,
): GridStructureEvent[] {
  switch (command.type) {
    case 'defineGrid':
      if (state.grid !== null) {
        throw structureViolation('already-defined', `Grid '${state.grid}' is already defined`, {
          grid: state.grid,
        });
      }
      return [{ type: 'GridDefined', data: command.data }];
    case 'nestGrid': {
      requireDefined(state);
      const { parentGrid, reason } = command.data;
      const details = { grid: state.grid, parentGrid };
      if (parentGrid === state.grid) {
        throw structureViolation(
          'nested-in-itself',
          `Grid '${parentGrid}' cannot lie inside itself`,
          details,
        );
      }
      if (parentGrid === state.parentGrid) {
        throw structureViolation(
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
        throw structureViolation(
          'not-nested',
          `Grid '${state.grid ?? '?'}' lies inside no larger grid`,
          { grid: state.grid },
        );
      }
      return [{ type: 'GridUnnested', data: { fromParent: state.parentGrid, ...command.data } }];
    }
  }
}
