// The nesting lock: one stream, `grid-nesting-all`, that every nesting of a grid in a larger one
// claims with the version it read, so that two offices nesting at once are put in an order and
// the second one sees the first (see ../grid-structure/nestGridInStructure.ts).
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { GridId, distinctList } from '../shared/schemas.js';

/**
 * An office is about to nest `grid` in `parentGrid`, its stream being at `gridVersion` when the
 * nesting was decided. Until that stream moves past `gridVersion`, the nesting may still be
 * landing, and every later nesting counts it; once the stream has moved on it either landed or
 * never will, and a later claim lists the grid under `settled` to drop it from the lock.
 */
export const GridNestingClaimed = defineEvent({
  type: 'GridNestingClaimed',
  schema: z.object({
    grid: GridId,
    parentGrid: GridId,
    gridVersion: z.number().int().nonnegative(),
    settled: distinctList(GridId, 'settled grids').optional(),
  }),
});

export const gridNestingEvents = [GridNestingClaimed] as const;

export type GridNestingEvent = EventsOfDefinitions<typeof gridNestingEvents>;
