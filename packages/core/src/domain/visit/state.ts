// What matters about a visit for the next step, folded from its events.
import type { VisitPurpose } from './events.js';

/** `cancelled` is final. A `closed` visit still takes fulfilments of what it recorded. */
export type VisitStatus = 'unscheduled' | 'scheduled' | 'conducted' | 'cancelled' | 'closed';

/** A micro-wish, micro-appeal or hazard raised on the visit, and whether it was dealt with. */
export interface FollowUpItem {
  readonly id: string;
  readonly description: string;
  readonly done: boolean;
}

export interface VisitState {
  readonly status: VisitStatus;
  readonly visitId: string | null;
  readonly community: string | null;
  readonly grid: string | null;
  readonly householdId: string | null;
  readonly purpose: VisitPurpose | null;
  readonly disputeId: string | null;
  readonly scheduledFor: string | null;
  readonly visitors: readonly string[];
  readonly wishes: readonly FollowUpItem[];
  /** Who claimed each micro-wish (认领), by wish id. */
  readonly claims: Readonly<Record<string, string>>;
  readonly appeals: readonly FollowUpItem[];
  readonly hazards: readonly FollowUpItem[];
  /** Hazards handed over to another body, by hazard id: dealt with (done), but not removed here. */
  readonly hazardsHandedOver: Readonly<Record<string, string>>;
  readonly servicesRendered: number;
  readonly disputesSpotted: number;
}

export const initialVisitState = (): VisitState => ({
  status: 'unscheduled',
  visitId: null,
  community: null,
  grid: null,
  householdId: null,
  purpose: null,
  disputeId: null,
  scheduledFor: null,
  visitors: [],
  wishes: [],
  claims: {},
  appeals: [],
  hazards: [],
  hazardsHandedOver: {},
  servicesRendered: 0,
  disputesSpotted: 0,
});
