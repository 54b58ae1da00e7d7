// The words a mediation committee uses about a dispute: categories, sources, levels, grades.
// Levels are ordered: a dispute is handled at the lowest level that can settle it
// ("small matters stay in the grid, big matters stay in the community") and only moves up.
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

/** Where a dispute is handled, lowest first. */
export const MEDIATION_LEVELS = ['grid', 'community', 'police-station', 'outside-body'] as const;
export const MediationLevel = z.enum(MEDIATION_LEVELS);
export type MediationLevel = z.infer<typeof MediationLevel>;

/** 0 for `grid` up to 3 for `outside-body`; higher means further from the neighbourhood. */
export const levelRank = (level: MediationLevel): number => MEDIATION_LEVELS.indexOf(level);

export const Severity = z.enum(['minor', 'moderate', 'serious', 'major']);
export type Severity = z.infer<typeof Severity>;

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
