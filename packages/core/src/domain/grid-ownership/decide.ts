// The grid lock's decider: one claim at a time. A claim over someone else's needs that claim to
// be released first, or in the same append when the process has found it stale.
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { GridOwnershipCommand } from './commands.js';
import type { GridOwnershipEvent } from './events.js';
import type { GridOwnershipState } from './state.js';

export function decideGridOwnership(
  command: GridOwnershipCommand,
  state: GridOwnershipState,
): GridOwnershipEvent[] {
  const { grid, memberId } = command.data;
  const owner = state.owner;
  switch (command.type) {
    case 'claimGridOwnership': {
      const { replacing, memberVersion } = command.data;
      const claimed: GridOwnershipEvent = {
        type: 'GridOwnershipClaimed',
        data: { grid, memberId, memberVersion },
      };
      // Re-claiming one's own grid refreshes the member version the claim is judged by.
      if (owner === null || owner.memberId === memberId) return [claimed];
      if (replacing?.memberId !== owner.memberId) {
        throw new RuleViolationError(
          'grid.already-owned',
          `Grid ${grid} already has an owning party member (${owner.memberId}); a red micro-grid has one owner at a time`,
          { grid, owner: owner.memberId, memberId },
        );
      }
      return [{ type: 'GridOwnershipReleased', data: { grid, ...replacing } }, claimed];
    }
    case 'releaseGridOwnership':
      if (owner?.memberId !== memberId) {
        throw new RuleViolationError(
          'grid.not-owned-by',
          `Grid ${grid} is not owned by ${memberId}${owner ? ` but by ${owner.memberId}` : ''}`,
          { grid, owner: owner?.memberId ?? null, memberId },
        );
      }
      return [{ type: 'GridOwnershipReleased', data: command.data }];
  }
}
