// The steps of the grid lock. Only the ownership processes (assignGridOwner,
// releaseStaleGridOwnership) issue them, because each needs a fact read from a member's stream.
import { z } from 'zod';
import { GridId, MemberId, Text } from '../shared/schemas.js';
import { OwnershipReleaseReason } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

const release = z.strictObject({
  memberId: MemberId,
  reason: OwnershipReleaseReason,
  note: Text.optional(),
});

export const GridOwnershipCommand = z.discriminatedUnion('type', [
  command(
    'claimGridOwnership',
    z.strictObject({
      grid: GridId,
      memberId: MemberId,
      memberVersion: z.number().int().nonnegative(),
      /** A current claim the process found stale; released in the same append. */
      replacing: release.optional(),
    }),
  ),
  command('releaseGridOwnership', release.extend({ grid: GridId })),
]);
export type GridOwnershipCommand = z.infer<typeof GridOwnershipCommand>;
