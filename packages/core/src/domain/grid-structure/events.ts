// How the grids fit together (警格+网格): a red micro-grid inside a larger community grid, a
// community grid inside the police station's beat (警格). Each grid's place in the structure is a
// stream of its own, `grid-structure-<grid>`, so the nesting has a history: which larger grid it
// lay in, and when that changed.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { FreeText } from '../shared/personal.js';
import { CommunityId, GridId, Label } from '../shared/schemas.js';

/**
 * `micro-grid`: a red micro-grid (红色微网格) owned by a party member; `grid`: a community grid
 * (网格) of several micro-grids; `police-grid`: a beat of the police station (警格).
 */
export const GridKind = z.enum(['micro-grid', 'grid', 'police-grid']);
export type GridKind = z.infer<typeof GridKind>;

export const GridDefined = defineEvent({
  type: 'GridDefined',
  schema: z.object({ grid: GridId, community: CommunityId, kind: GridKind, name: Label }),
});

/** The grid now lies inside `parentGrid`; `fromParent` names the one it left, if any. */
export const GridNested = defineEvent({
  type: 'GridNested',
  schema: z.object({
    parentGrid: GridId,
    fromParent: GridId.optional(),
    reason: FreeText.optional(),
  }),
});

/** The grid no longer lies inside a larger one (a boundary redrawn). */
export const GridUnnested = defineEvent({
  type: 'GridUnnested',
  schema: z.object({ fromParent: GridId, reason: FreeText.optional() }),
});

export const gridStructureEvents = [GridDefined, GridNested, GridUnnested] as const;

export type GridStructureEvent = EventsOfDefinitions<typeof gridStructureEvents>;
