// The household register of one red micro-grid (网格): the households that live in it, as events,
// so that coverage and incidence have a denominator that can be checked (households visited of
// households registered; cases per 1,000 households). Stream: `household-register-<grid>`.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { FreeText } from '../shared/personal.js';
import { CommunityId, GridId, Id } from '../shared/schemas.js';

/** People living in a household, as the register counts them. */
export const Residents = z.number().int().min(1).max(99);

export const HouseholdRegistered = defineEvent({
  type: 'HouseholdRegistered',
  schema: z.object({
    community: CommunityId,
    grid: GridId,
    householdId: Id,
    residents: Residents,
  }),
});

/** The household moved out or the dwelling stands empty: it leaves the grid's register. */
export const HouseholdDeregistered = defineEvent({
  type: 'HouseholdDeregistered',
  schema: z.object({ householdId: Id, reason: FreeText }),
});

export const householdRegisterEvents = [HouseholdRegistered, HouseholdDeregistered] as const;

export type HouseholdRegisterEvent = EventsOfDefinitions<typeof householdRegisterEvents>;
