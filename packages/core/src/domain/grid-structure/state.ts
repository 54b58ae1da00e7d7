// One grid's place in the structure, folded from its stream.
import type { GridKind, GridStructureEvent } from './events.js';

export interface GridStructureState {
  readonly grid: string | null;
  readonly community: string | null;
  readonly kind: GridKind | null;
  /** The larger grid it lies in now; `null` when it lies in none. */
  readonly parentGrid: string | null;
}

export const initialGridStructureState = (): GridStructureState => ({
  grid: null,
  community: null,
  kind: null,
  parentGrid: null,
});

export function evolveGridStructure(
  state: GridStructureState,
  event: GridStructureEvent,
): GridStructureState {
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
