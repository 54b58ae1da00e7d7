// Who owns a red micro-grid. One small stream per grid (`grid-ownership-<grid>`) whose expected
// version serialises every claim, so two offices assigning at once cannot both win.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { GridId, MemberId, Text } from '../shared/schemas.js';

export const GridOwnershipClaimed = defineEvent({
  type: 'GridOwnershipClaimed',
  schema: z.object({ grid: GridId, memberId: MemberId }),
});

/**
 * Why a grid lost its owner: `reassigned` (moved to another grid), `retired`, `released` (by
 * the office) or `assignment-aborted` (the member's own record refused the assignment after the
 * claim, so the claim is undone).
 */
export const OwnershipReleaseReason = z.enum([
  'reassigned',
  'retired',
  'released',
  'assignment-aborted',
]);
export type OwnershipReleaseReason = z.infer<typeof OwnershipReleaseReason>;

export const GridOwnershipReleased = defineEvent({
  type: 'GridOwnershipReleased',
  schema: z.object({
    grid: GridId,
    memberId: MemberId,
    reason: OwnershipReleaseReason,
    note: Text.optional(),
  }),
});

export const gridOwnershipEvents = [GridOwnershipClaimed, GridOwnershipReleased] as const;

export type GridOwnershipEvent = EventsOfDefinitions<typeof gridOwnershipEvents>;
