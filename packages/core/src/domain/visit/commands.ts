// What an office can ask of a visit. Ids of wishes, appeals, services and hazards come from the
// decide context.
import { z } from 'zod';
import { DisputeCategory } from '../dispute/vocabulary.js';
import {
  CommunityId,
  GridId,
  Household,
  Id,
  Label,
  MemberId,
  Slug,
  Text,
  Timestamp,
  distinctList,
} from '../shared/schemas.js';
import { SpottedParty, VisitPurpose } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

const members = (what: string) => distinctList(MemberId, what).min(1);
const note = z.strictObject({ note: Text.optional() });

const scheduleData = z
  .strictObject({
    visitId: Id,
    community: CommunityId,
    grid: GridId,
    household: Household,
    purpose: VisitPurpose,
    visitors: members('visitors'),
    scheduledFor: Timestamp,
    disputeId: Id.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.purpose === 'dispute-follow-up' && d.disputeId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['disputeId'],
        message: 'is required for a dispute follow-up visit',
      });
    }
    if (d.purpose !== 'dispute-follow-up' && d.disputeId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['disputeId'],
        message: 'applies only to a dispute follow-up visit',
      });
    }
  });

export const VisitCommand = z.discriminatedUnion('type', [
  command('scheduleVisit', scheduleData),
  command('rescheduleVisit', z.strictObject({ scheduledFor: Timestamp, reason: Text.optional() })),
  command(
    'conductVisit',
    /** Who actually went; defaults to the visitors scheduled. */
    z.strictObject({ visitors: members('visitors').optional(), summary: Text.optional() }),
  ),
  command('recordMicroWish', z.strictObject({ description: Text })),
  command('fulfilMicroWish', note.extend({ wishId: Id })),
  command('claimMicroWish', z.strictObject({ wishId: Id, claimedBy: MemberId })),
  command('recordMicroAppeal', z.strictObject({ description: Text })),
  command('fulfilMicroAppeal', note.extend({ appealId: Id })),
  command(
    'renderService',
    z.strictObject({
      kind: Slug,
      details: Text,
      /** Who did the work; defaults to the visitors who went. */
      renderedBy: members('renderedBy').optional(),
    }),
  ),
  command('reportSafetyHazard', z.strictObject({ description: Text })),
  command('recordHazardRemoved', note.extend({ hazardId: Id })),
  command(
    'followUpHazard',
    z.strictObject({ hazardId: Id, followedUpBy: members('followedUpBy'), note: Text }),
  ),
  command('handOverHazard', note.extend({ hazardId: Id, to: Label })),
  command(
    'noteDisputeSpotted',
    z.strictObject({
      description: Text,
      parties: z.array(SpottedParty).optional(),
      category: DisputeCategory.optional(),
    }),
  ),
  command('cancelVisit', z.strictObject({ reason: Text })),
  command('closeVisit', note),
]);
export type VisitCommand = z.infer<typeof VisitCommand>;
export type VisitCommandOf<T extends VisitCommand['type']> = Extract<VisitCommand, { type: T }>;
