// The words a mediation committee uses about a dispute: categories, sources, levels, grades.
// Levels are ordered: a dispute is handled at the lowest level that can settle it
// ("small matters stay in the grid, big matters stay in the community"). It moves up by an
// escalation, and down only when a higher level hands it over to a lower one (the police station
// passing a neighbours' quarrel to the committee).
import { z } from 'zod';

export const DisputeCategory = z.enum([
  'tenancy',
  'neighbours',
  'family',
  'property',
  'labour',
  'consumer',
  'other',
]);
export type DisputeCategory = z.infer<typeof DisputeCategory>;

/** How the dispute reached the committee. `visit` and `patrol` carry a `sourceRef`. */
export const DisputeSource = z.enum(['visit', 'patrol', 'walk-in', 'hotline', 'referral']);
export type DisputeSource = z.infer<typeof DisputeSource>;

/**
 * Where a dispute is handled, lowest first. `police-room` is the community police room merged
 * with the community (警调对接): the community police officer and the committee mediate together,
 * inside the community. `police-station` is the station itself, beyond the community.
 */
export const MEDIATION_LEVELS = [
  'grid',
  'community',
  'police-room',
  'police-station',
  'outside-body',
] as const;
export const MediationLevel = z.enum(MEDIATION_LEVELS);
export type MediationLevel = z.infer<typeof MediationLevel>;

/** 0 for `grid` up to 4 for `outside-body`; higher means further from the neighbourhood. */
export const levelRank = (level: MediationLevel): number => MEDIATION_LEVELS.indexOf(level);

/** The levels inside the community: what "big matters stay in the community" promises. */
export const WITHIN_COMMUNITY: readonly MediationLevel[] = ['grid', 'community', 'police-room'];

export const Severity = z.enum(['minor', 'moderate', 'serious', 'major']);
export type Severity = z.infer<typeof Severity>;

/**
 * Layered, classified mediation (分层分类): the lowest level a grade may be handled at. A minor
 * matter may stay in the grid; a moderate one goes to the committee at least; a serious one to
 * the police room at least; a major one to the police station at least. A dispute may be handled
 * higher than its grade calls for, never lower: to hand it down, the office grades it again.
 */
export const LOWEST_LEVEL_FOR: Readonly<Record<Severity, MediationLevel>> = {
  minor: 'grid',
  moderate: 'community',
  serious: 'police-room',
  major: 'police-station',
};

/** The risk that the dispute flares up (激化升级) if left alone. */
export const EscalationRisk = z.enum(['low', 'medium', 'high']);
export type EscalationRisk = z.infer<typeof EscalationRisk>;

/** How a mediation session ended. */
export const SessionOutcome = z.enum(['agreed', 'partly-agreed', 'not-agreed', 'adjourned']);
export type SessionOutcome = z.infer<typeof SessionOutcome>;

/**
 * Where a dispute goes when the committee hands it over. `criminal-case` is the 民转刑 fact the
 * statistics count (the target is zero).
 */
export const ReferralTarget = z.enum([
  'court',
  'arbitration',
  'labour-arbitration',
  'criminal-case',
  'other-body',
]);
export type ReferralTarget = z.infer<typeof ReferralTarget>;

/**
 * Why a settled dispute is taken up again: the follow-up found the residents unhappy, the
 * quarrel flared up again, or a party broke the agreement.
 */
export const ReopenReason = z.enum(['unhappy-follow-up', 'relapse', 'agreement-broken']);
export type ReopenReason = z.infer<typeof ReopenReason>;

/**
 * A case the police station records later that grew out of a dispute already settled: a criminal
 * case (民转刑) or a public-order case. Both are what the escalation figures must catch.
 */
export const LaterCaseKind = z.enum(['criminal', 'public-order']);
export type LaterCaseKind = z.infer<typeof LaterCaseKind>;

/** How a follow-up (回访) reached the residents: at their door, or by telephone. */
export const FollowUpChannel = z.enum(['in-person', 'telephone']);
export type FollowUpChannel = z.infer<typeof FollowUpChannel>;

/** The roles under which the police station acts; only they record police cases. */
export const POLICE_ROLES: readonly string[] = [
  'community-police-officer',
  'police-officer',
  'station-director',
  'household-registration-officer',
];
