// What an office can ask of a grid member. Owning a red micro-grid is not among them: that goes
// through `assignGridOwner`, which holds the grid's lock (see ../grid-ownership).
import { z } from 'zod';
import {
  CommunityId,
  GridId,
  Label,
  MemberId,
  Slug,
  Text,
  distinctList,
} from '../shared/schemas.js';
import { GridMemberRole } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

const reason = z.strictObject({ reason: Text.optional() });

export const GridMemberCommand = z.discriminatedUnion('type', [
  command(
    'enrolGridMember',
    z.strictObject({
      memberId: MemberId,
      community: CommunityId,
      name: Label,
      roles: distinctList(GridMemberRole, 'roles').min(1),
    }),
  ),
  command('assignToGrid', z.strictObject({ grid: GridId })),
  command('reassignToGrid', reason.extend({ grid: GridId })),
  command('joinPatrolTeam', z.strictObject({})),
  command('leavePatrolTeam', reason),
  command('addRole', z.strictObject({ role: GridMemberRole })),
  command('dropRole', z.strictObject({ role: GridMemberRole })),
  command(
    'appointToPosition',
    z.strictObject({ position: Slug, organisation: Label, note: Text.optional() }),
  ),
  command('endPosition', reason.extend({ position: Slug, organisation: Label })),
  command('retireGridMember', reason),
]);
export type GridMemberCommand = z.infer<typeof GridMemberCommand>;
export type GridMemberCommandOf<T extends GridMemberCommand['type']> = Extract<
  GridMemberCommand,
  { type: T }
>;

/**
 * Makes the member the owning party member of a grid. Only the grid-ownership process issues
 * it, after claiming the grid's lock stream; it is deliberately absent from `commandSchema`.
 */
export interface TakeGridOwnership {
  readonly type: 'takeGridOwnership';
  readonly data: { readonly grid: string };
}
