// The nesting lock's decider. It records claims; the rules about the structure itself (the
// parent exists, no loop) are the process's, which reads the grids' streams before claiming.
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { GridNestingCommand } from './commands.js';
import type { GridNestingEvent } from './events.js';
import type { GridNestingClaim, GridNestingState } from './state.js';

export function decideGridNesting(
  command: GridNestingCommand,
  state: GridNestingState,
): GridNestingEvent[] {
  const { grid, parentGrid, settled } = command.data;
  if (grid === parentGrid) {
    throw new RuleViolationError(
      'grid-structure.nested-in-itself',
      `Grid '${grid}' cannot lie inside itself`,
      { grid, parentGrid },
    );
  }
  const unknown = (settled ?? []).filter((g) => !state.claims.some((c) => c.grid === g));
  if (unknown.length > 0) {
    throw new RuleViolationError(
      'grid-nesting.unknown-claim',
      `No nesting of ${unknown.map((g) => `'${g}'`).join(', ')} is held by the lock, so none can be settled`,
      { settled: unknown },
    );
  }
  return [{ type: 'GridNestingClaimed', data: command.data }];
}

/** Drops the settled grids' claims, then adds the new one over any older one for its grid. */
export function evolveGridNesting(
  state: GridNestingState,
  event: GridNestingEvent,
): GridNestingState {
  const { grid, parentGrid, gridVersion, settled = [] } = event.data;
  const kept = state.claims.filter(
    (c: GridNestingClaim) =>
      !settled.includes(c.grid) && !(c.grid === grid && c.gridVersion < gridVersion),
  );
  return { claims: [...kept, { grid, parentGrid, gridVersion }] };
}
