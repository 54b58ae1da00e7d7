// The facts of one patrol shift of the patrol team (巡逻队). Stream: `patrol-<patrolId>`.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { DisputeCategory } from '../dispute/vocabulary.js';
import { SpottedParty } from '../visit/events.js';
import {
  CommunityId,
  GridId,
  Id,
  Label,
  MemberId,
  Slug,
  Text,
  Timestamp,
  distinctList,
} from '../shared/schemas.js';
import { FreeText } from '../shared/personal.js';

const members = distinctList(MemberId, 'members');

export const PatrolScheduled = defineEvent({
  type: 'PatrolScheduled',
  schema: z.object({
    patrolId: Id,
    community: CommunityId,
    /** The route as the team describes it, e.g. `Taihao Rd → market → east gate`. */
    route: Text,
    grids: distinctList(GridId, 'grids').min(1),
    members,
    scheduledFor: Timestamp,
  }),
});

/** Who actually turned out for the shift. */
export const PatrolStarted = defineEvent({
  type: 'PatrolStarted',
  schema: z.object({ members }),
});

export const PatrolObservationLogged = defineEvent({
  type: 'PatrolObservationLogged',
  schema: z.object({ observationId: Id, grid: GridId, note: FreeText }),
});

export const PatrolHazardFound = defineEvent({
  type: 'PatrolHazardFound',
  schema: z.object({ hazardId: Id, grid: GridId, description: FreeText }),
});

/** A hazard the patrol found has been dealt with; often recorded after the shift. */
export const PatrolHazardRemoved = defineEvent({
  type: 'PatrolHazardRemoved',
  schema: z.object({ hazardId: Id, note: FreeText.optional() }),
});

/**
 * A hazard the patrol found, looked at again (often on a later shift of the route) before it was
 * removed or handed over: who looked, what they found, and whether it is still there. When it is
 * gone, its removal is recorded as well (PatrolHazardRemoved). When: the envelope.
 */
export const PatrolHazardFollowedUp = defineEvent({
  type: 'PatrolHazardFollowedUp',
  schema: z.object({
    hazardId: Id,
    followedUpBy: distinctList(MemberId, 'followedUpBy').min(1),
    note: FreeText,
    stillThere: z.boolean(),
  }),
});

/** A hazard the patrol found, passed to the body responsible for it (e.g. the property office). */
export const PatrolHazardHandedOver = defineEvent({
  type: 'PatrolHazardHandedOver',
  schema: z.object({ hazardId: Id, to: Label, note: FreeText.optional() }),
});

export const PatrolIncidentReported = defineEvent({
  type: 'PatrolIncidentReported',
  schema: z.discriminatedUnion('isDispute', [
    z.object({
      incidentId: Id,
      grid: GridId,
      /** e.g. `quarrel`, `theft`, `suspicious-person`, `traffic`. */
      kind: Slug,
      description: FreeText,
      isDispute: z.literal(true),
      /** Who is in the dispute, as far as the patrol learnt. */
      parties: z.array(SpottedParty),
      category: DisputeCategory.optional(),
    }),
    z.object({
      incidentId: Id,
      grid: GridId,
      kind: Slug,
      description: FreeText,
      isDispute: z.literal(false),
    }),
  ]),
});

export const PatrolCompleted = defineEvent({
  type: 'PatrolCompleted',
  schema: z.object({
    durationMinutes: z
      .number()
      .int()
      .positive()
      .max(24 * 60),
    note: FreeText.optional(),
  }),
});

export const PatrolCancelled = defineEvent({
  type: 'PatrolCancelled',
  schema: z.object({ reason: FreeText }),
});

/** Every Patrol event definition, for the registry. */
export const patrolEvents = [
  PatrolScheduled,
  PatrolStarted,
  PatrolObservationLogged,
  PatrolHazardFound,
  PatrolHazardRemoved,
  PatrolHazardFollowedUp,
  PatrolHazardHandedOver,
  PatrolIncidentReported,
  PatrolCompleted,
  PatrolCancelled,
] as const;

export type PatrolEvent = EventsOfDefinitions<typeof patrolEvents>;
export type PatrolEventOf<T extends PatrolEvent['type']> = Extract<PatrolEvent, { type: T }>;
