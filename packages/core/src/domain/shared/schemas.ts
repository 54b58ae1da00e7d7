// Building blocks shared by the four aggregates' schemas: ids, grids, people and free text.
// One definition each, so an id or a grid means the same thing in every event.
import { z } from 'zod';
import { personal } from '../../eventsourcing/personal/personal.js';

/**
 * An id as the library stores it: ULIDs from `context.newId`, or an office's own codes
 * (`g-07`, `xuzhai-m-12`). Kept to a safe alphabet because it becomes part of a stream id.
 */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may use letters, digits and . _ : - only');

/** A red micro-grid (网格), e.g. `xuzhai-07`. */
export const GridId = Id;

/** A community (社区) whose office keeps the record, e.g. `xuzhai`. */
export const CommunityId = Id;

/** A person who serves: usually a GridMember id (officers and staff are enrolled too). */
export const MemberId = Id;

/** Free text a person wrote: trimmed, never blank. */
export const Text = z.string().trim().min(1, 'must not be blank').max(4000);

/** A short label such as a name or a role. */
export const Label = z.string().trim().min(1, 'must not be blank').max(200);

/** A lower-case, hyphenated slug for open vocabularies (`id-card-application`). */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** An ISO 8601 timestamp with a zone (`2024-07-15T09:30:00+08:00` or `...Z`). */
export const Timestamp = z.iso.datetime({ offset: true });

/** A resident's household. The address is personal data. */
export const Household = z.strictObject({
  householdId: Id,
  address: personal(Text, { kind: 'household', idKey: 'householdId' }),
});
export type Household = z.infer<typeof Household>;

/** A list whose entries must be distinct (members of a patrol, roles of a member, …). */
export const distinctList = <T extends z.ZodType<string>>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, {
    message: `${what} must not repeat`,
  });
