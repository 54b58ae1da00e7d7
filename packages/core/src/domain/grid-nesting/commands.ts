// The one step of the nesting lock. Only `nestGridInStructure` issues it, because deciding it
// needs the grids' own streams.
import { z } from 'zod';
import { GridId, distinctList } from '../shared/schemas.js';

export const GridNestingCommand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('claimGridNesting'),
    data: z.strictObject({
      grid: GridId,
      parentGrid: GridId,
      gridVersion: z.number().int().nonnegative(),
      /** Grids whose earlier claims the process found settled (their stream moved on). */
      settled: distinctList(GridId, 'settled grids').optional(),
    }),
  }),
]);
export type GridNestingCommand = z.infer<typeof GridNestingCommand>;
