// What the patrol team's leader can ask of a patrol. Ids of observations, hazards and incidents
// come from the decide context.
import { z } from 'zod';
import { DisputeCategory } from '../dispute/vocabulary.js';
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
import { SpottedParty } from '../visit/events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

// At least two members is a rule of the patrol (a RuleViolation), not of the data's shape.
const members = distinctList(MemberId, 'members');

export const PatrolCommand = z.discriminatedUnion('type', [
  command(
    'schedulePatrol',
    z.strictObject({
      patrolId: Id,
      community: CommunityId,
      route: Text,
      grids: distinctList(GridId, 'grids').min(1),
      members,
      scheduledFor: Timestamp,
    }),
  ),
  /** `members`: who turned out; defaults to those scheduled. */
  command('startPatrol', z.strictObject({ members: members.optional() })),
  command('logObservation', z.strictObject({ grid: GridId, note: Text })),
  command('reportPatrolHazard', z.strictObject({ grid: GridId, description: Text })),
  command('recordPatrolHazardRemoved', z.strictObject({ hazardId: Id, note: Text.optional() })),
  /** A later look at a hazard the patrol found: who looked, what they found, whether it is still there. */
  command(
    'followUpPatrolHazard',
    z.strictObject({
      hazardId: Id,
      followedUpBy: distinctList(MemberId, 'followedUpBy').min(1),
      note: Text,
      stillThere: z.boolean(),
    }),
  ),
  /** Passed to the body responsible (property office, gas company): no longer the patrol's to remove. */
  command(
    'handOverPatrolHazard',
    z.strictObject({ hazardId: Id, to: Label, note: Text.optional() }),
  ),
  command(
    'reportPatrolIncident',
    z
      .strictObject({
        grid: GridId,
        kind: Slug,
        description: Text,
        isDispute: z.boolean(),
        parties: z.array(SpottedParty).optional(),
        category: DisputeCategory.optional(),
      })
      .refine((d) => d.isDispute || (d.parties === undefined && d.category === undefined), {
        path: ['isDispute'],
        message: 'parties and category describe a dispute: set isDispute to true or leave them out',
      }),
  ),
  command(
    'completePatrol',
    z.strictObject({
      durationMinutes: z
        .number()
        .int()
        .positive()
        .max(24 * 60),
      note: Text.optional(),
    }),
  ),
  command('cancelPatrol', z.strictObject({ reason: Text })),
]);
export type PatrolCommand = z.infer<typeof PatrolCommand>;
export type PatrolCommandOf<T extends PatrolCommand['type']> = Extract<PatrolCommand, { type: T }>;
