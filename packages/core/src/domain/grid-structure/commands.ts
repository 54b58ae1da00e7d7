// What an office can ask of one grid's place in the structure. Nesting a grid in a larger one is
// not among them: whether the larger grid exists, and whether the nesting closes a loop, is read
// from other grids' streams, so it goes through `nestGridInStructure`, which holds the nesting
// lock (see ../grid-nesting).
import { z } from 'zod';
import { CommunityId, GridId, Label, Text } from '../shared/schemas.js';
import { GridKind } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

export const GridStructureCommand = z.discriminatedUnion('type', [
  command(
    'defineGrid',
    z.strictObject({ grid: GridId, community: CommunityId, kind: GridKind, name: Label }),
  ),
  command('unnestGrid', z.strictObject({ reason: Text.optional() })),
]);
export type GridStructureCommand = z.infer<typeof GridStructureCommand>;

/**
 * Nests the grid in a larger one. Only `nestGridInStructure` issues it, after checking the
 * larger grid and its chain and claiming the nesting lock; it is deliberately absent from
 * `commandSchema`.
 */
export interface NestGrid {
  readonly type: 'nestGrid';
  readonly data: { readonly parentGrid: string; readonly reason?: string };
}
