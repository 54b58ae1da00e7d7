// Who owns a red micro-grid. One small stream per grid (`grid-ownership-<grid>`) whose expected
// version serialises every claim, so two offices assigning at once cannot both win.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { GridId, MemberId } from '../shared/schemas.js';
import { FreeText } from '../shared/personal.js';

/**
 * `memberVersion` is the version of the member's own stream when the claim was decided. If that
 * stream has moved on and the member does not own the grid, the claim is stale; if it has not,
 * the assignment may still be landing, so the claim stands.
 */
export const GridOwnershipClaimed = defineEvent({
  type: 'GridOwnershipClaimed',
  schema: z.object({
    grid: GridId,
    memberId: MemberId,
    memberVersion: z.number().int().nonnegative(),
  }),
});

/**
 * Why a grid's claim ended: `reassigned` (its owner took another grid), `retired`, `stale-claim`
 * (the owner's record shows they no longer own it) or `assignment-aborted` (the member's record
 * changed before the assignment landed, so the claim is undone).
 */
export const OwnershipReleaseReason = z.enum([
  'reassigned',
  'retired',
  'stale-claim',
  'assignment-aborted',
]);
export type OwnershipReleaseReason = z.infer<typeof OwnershipReleaseReason>;

export const GridOwnershipReleased = defineEvent({
  type: 'GridOwnershipReleased',
  schema: z.object({
    grid: GridId,
    memberId: MemberId,
    reason: OwnershipReleaseReason,
    note: FreeText.optional(),
  }),
});

export const gridOwnershipEvents = [GridOwnershipClaimed, GridOwnershipReleased] as const;

export type GridOwnershipEvent = EventsOfDefinitions<typeof gridOwnershipEvents>;
