// The facts of one door-to-door, service or follow-up visit (入户走访) to a household.
// Stream: `visit-<visitId>`. When and by whom lives in the envelope, not in `data`.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { DisputeCategory } from '../dispute/vocabulary.js';
import {
  CommunityId,
  GridId,
  Household,
  Id,
  Label,
  MemberId,
  Slug,
  Timestamp,
  distinctList,
} from '../shared/schemas.js';
import { FreeText, NameInRecord } from '../shared/personal.js';

export const VisitPurpose = z.enum(['routine', 'service', 'dispute-follow-up', 'hazard-check']);
export type VisitPurpose = z.infer<typeof VisitPurpose>;

const visitors = distinctList(MemberId, 'visitors').min(1);

export const VisitScheduled = defineEvent({
  type: 'VisitScheduled',
  schema: z.object({
    visitId: Id,
    community: CommunityId,
    grid: GridId,
    household: Household,
    purpose: VisitPurpose,
    visitors,
    scheduledFor: Timestamp,
    /** The dispute being followed up, when `purpose` is `dispute-follow-up`. */
    disputeId: Id.optional(),
  }),
});

export const VisitRescheduled = defineEvent({
  type: 'VisitRescheduled',
  schema: z.object({ scheduledFor: Timestamp, reason: FreeText.optional() }),
});

export const VisitConducted = defineEvent({
  type: 'VisitConducted',
  schema: z.object({ visitors, summary: FreeText.optional() }),
});

/** 微心愿: something the household would like done for it. */
export const MicroWishRecorded = defineEvent({
  type: 'MicroWishRecorded',
  schema: z.object({ wishId: Id, description: FreeText }),
});

/**
 * A party member claims a micro-wish (认领): they undertake to make it come true. A wish is
 * claimed once; the claim is recorded until the wish is fulfilled.
 */
export const MicroWishClaimed = defineEvent({
  type: 'MicroWishClaimed',
  schema: z.object({ wishId: Id, claimedBy: MemberId }),
});

export const MicroWishFulfilled = defineEvent({
  type: 'MicroWishFulfilled',
  schema: z.object({ wishId: Id, note: FreeText.optional() }),
});

/** 微诉求: a complaint or request the household puts to the community. */
export const MicroAppealRecorded = defineEvent({
  type: 'MicroAppealRecorded',
  schema: z.object({ appealId: Id, description: FreeText }),
});

export const MicroAppealFulfilled = defineEvent({
  type: 'MicroAppealFulfilled',
  schema: z.object({ appealId: Id, note: FreeText.optional() }),
});

/** 便民服务: a service done at the door, e.g. an ID-card application taken at home. */
export const ServiceRendered = defineEvent({
  type: 'ServiceRendered',
  schema: z.object({
    serviceId: Id,
    /** e.g. `id-card-application`, `household-registration`, `residence-permit`. */
    kind: Slug,
    details: FreeText,
    renderedBy: distinctList(MemberId, 'renderedBy').min(1),
  }),
});

export const SafetyHazardReported = defineEvent({
  type: 'SafetyHazardReported',
  schema: z.object({ hazardId: Id, description: FreeText }),
});

export const SafetyHazardRemoved = defineEvent({
  type: 'SafetyHazardRemoved',
  schema: z.object({ hazardId: Id, note: FreeText.optional() }),
});

/** A hazard found on a visit, looked at again and still there: followed up until dealt with. */
export const SafetyHazardFollowedUp = defineEvent({
  type: 'SafetyHazardFollowedUp',
  schema: z.object({
    hazardId: Id,
    followedUpBy: distinctList(MemberId, 'followedUpBy').min(1),
    note: FreeText,
  }),
});

/** A hazard the community cannot remove itself, handed over to the body that can (e.g. gas company). */
export const SafetyHazardHandedOver = defineEvent({
  type: 'SafetyHazardHandedOver',
  schema: z.object({ hazardId: Id, to: Label, note: FreeText.optional() }),
});

/** A party to a dispute as a visitor heard of them: no id yet. */
export const SpottedParty = z.strictObject({ name: NameInRecord, role: Label });
export type SpottedParty = z.infer<typeof SpottedParty>;

/** A conflict noticed on the visit; a reaction reports it as a Dispute. */
export const DisputeSpotted = defineEvent({
  type: 'DisputeSpotted',
  schema: z.object({
    description: FreeText,
    parties: z.array(SpottedParty),
    category: DisputeCategory.optional(),
  }),
});

export const VisitCancelled = defineEvent({
  type: 'VisitCancelled',
  schema: z.object({ reason: FreeText }),
});

export const VisitClosed = defineEvent({
  type: 'VisitClosed',
  schema: z.object({ note: FreeText.optional() }),
});

/** Every Visit event definition, for the registry. */
export const visitEvents = [
  VisitScheduled,
  VisitRescheduled,
  VisitConducted,
  MicroWishRecorded,
  MicroWishFulfilled,
  MicroWishClaimed,
  MicroAppealRecorded,
  MicroAppealFulfilled,
  ServiceRendered,
  SafetyHazardReported,
  SafetyHazardRemoved,
  SafetyHazardFollowedUp,
  SafetyHazardHandedOver,
  DisputeSpotted,
  VisitCancelled,
  VisitClosed,
] as const;

export type VisitEvent = EventsOfDefinitions<typeof visitEvents>;
export type VisitEventOf<T extends VisitEvent['type']> = Extract<VisitEvent, { type: T }>;
