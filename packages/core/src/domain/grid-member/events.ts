// The facts of a person who serves a grid: enrolled, assigned, on the patrol team, retired.
// Stream: `grid-member-<memberId>`.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { CommunityId, GridId, Label, MemberId, Slug, distinctList } from '../shared/schemas.js';
import { FreeText, MemberName } from '../shared/personal.js';

/** The capacities the report names, plus the police and staff who work the same grids. */
export const GridMemberRole = z.enum([
  'party-member',
  'grid-worker',
  'floating-population-coordinator',
  'security-guard',
  'veteran-party-member',
  'retired-cadre',
  'volunteer',
  'community-police-officer',
  'police-officer',
  'community-staff',
]);
export type GridMemberRole = z.infer<typeof GridMemberRole>;

/**
 * `owner`: the one party member who owns a red micro-grid (红色微网格).
 * `serving`: any other member working that grid.
 */
export const GridCapacity = z.enum(['owner', 'serving']);
export type GridCapacity = z.infer<typeof GridCapacity>;

export const GridMemberEnrolled = defineEvent({
  type: 'GridMemberEnrolled',
  schema: z.object({
    memberId: MemberId,
    community: CommunityId,
    name: MemberName,
    roles: distinctList(GridMemberRole, 'roles').min(1),
  }),
});

export const GridMemberAssigned = defineEvent({
  type: 'GridMemberAssigned',
  schema: z.object({ grid: GridId, capacity: GridCapacity }),
});

export const GridMemberReassigned = defineEvent({
  type: 'GridMemberReassigned',
  schema: z.object({
    fromGrid: GridId,
    fromCapacity: GridCapacity,
    grid: GridId,
    capacity: GridCapacity,
    reason: FreeText.optional(),
  }),
});

export const PatrolTeamJoined = defineEvent({
  type: 'PatrolTeamJoined',
  schema: z.object({}),
});

export const PatrolTeamLeft = defineEvent({
  type: 'PatrolTeamLeft',
  schema: z.object({ reason: FreeText.optional() }),
});

export const GridMemberRoleAdded = defineEvent({
  type: 'GridMemberRoleAdded',
  schema: z.object({ role: GridMemberRole }),
});

export const GridMemberRoleDropped = defineEvent({
  type: 'GridMemberRoleDropped',
  schema: z.object({ role: GridMemberRole }),
});

/**
 * A position held in an organisation, e.g. `deputy-party-secretary` of the Xuzhai community party
 * committee (the community police officer), `director` of the Taihao Road police station. A
 * position is held once at a time; its start and end are events, so who held it when is history.
 */
export const MemberPosition = z.object({ position: Slug, organisation: Label });
export type MemberPosition = z.infer<typeof MemberPosition>;

export const GridMemberAppointed = defineEvent({
  type: 'GridMemberAppointed',
  schema: MemberPosition.extend({ note: FreeText.optional() }),
});

/** The end of a position: stepped down, moved on, or on retirement (recorded before it). */
export const GridMemberPositionEnded = defineEvent({
  type: 'GridMemberPositionEnded',
  schema: MemberPosition.extend({ reason: FreeText.optional() }),
});

/** Retiring releases the member's grid and patrol-team place; both are named for analysts. */
export const GridMemberRetired = defineEvent({
  type: 'GridMemberRetired',
  schema: z.object({
    reason: FreeText.optional(),
    /** The grid they served or owned until now, if any. */
    released: z.object({ grid: GridId, capacity: GridCapacity }).optional(),
    leftPatrolTeam: z.boolean(),
  }),
});

/** Every GridMember event definition, for the registry. */
export const gridMemberEvents = [
  GridMemberEnrolled,
  GridMemberAssigned,
  GridMemberReassigned,
  PatrolTeamJoined,
  PatrolTeamLeft,
  GridMemberRoleAdded,
  GridMemberRoleDropped,
  GridMemberAppointed,
  GridMemberPositionEnded,
  GridMemberRetired,
] as const;

export type GridMemberEvent = EventsOfDefinitions<typeof gridMemberEvents>;
export type GridMemberEventOf<T extends GridMemberEvent['type']> = Extract<
  GridMemberEvent,
  { type: T }
>;
