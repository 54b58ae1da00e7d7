// What the police station can ask of a case.
import { z } from 'zod';
import { CommunityId, GridId, Id, Slug, Text } from '../shared/schemas.js';
import { PoliceCaseKind, PoliceCaseOutcome } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

export const PoliceCaseCommand = z.discriminatedUnion('type', [
  command(
    'recordPoliceCase',
    z.strictObject({
      caseId: Id,
      kind: PoliceCaseKind,
      community: CommunityId,
      grid: GridId,
      policeGrid: Id,
      category: Slug,
      summary: Text,
      disputeId: Id.optional(),
    }),
  ),
  command('closePoliceCase', z.strictObject({ outcome: PoliceCaseOutcome, note: Text.optional() })),
]);
export type PoliceCaseCommand = z.infer<typeof PoliceCaseCommand>;
