// Folds one grid-ownership event into the state.
import type { GridOwnershipEvent } from './events.js';
import type { GridOwnershipState } from './state.js';

export function evolveGridOwnership(
  state: GridOwnershipState,
  event: GridOwnershipEvent,
): GridOwnershipState {
  switch (event.type) {
    case 'GridOwnershipClaimed': {
      const { grid, memberId, memberVersion } = event.data;
      return { grid, owner: { memberId, memberVersion } };
    }
    case 'GridOwnershipReleased':
      return { grid: event.data.grid, owner: null };
  }
}
