// What a mediator needs to know about a dispute to decide the next step, folded from its events.
import type { AgreementTerm, DisputeParty } from './events.js';
import type {
  DisputeCategory,
  EscalationRisk,
  MediationLevel,
  ReferralTarget,
  Severity,
} from './vocabulary.js';

/**
 * `open` from report until it is resolved, referred out, declined or withdrawn. Only a resolved
 * or referred-out dispute is later `closed`; declined and withdrawn are final on their own. A
 * resolved (or resolved and closed) dispute can be reopened: it is `open` again.
 */
export type DisputeStatus =
  'unreported' | 'open' | 'resolved' | 'referred-out' | 'declined' | 'withdrawn' | 'closed';

export interface AgreementTermState extends AgreementTerm {
  readonly fulfilled: boolean;
}

export interface DisputeState {
  readonly status: DisputeStatus;
  readonly disputeId: string | null;
  readonly community: string | null;
  readonly grid: string | null;
  readonly category: DisputeCategory | null;
  readonly parties: readonly DisputeParty[];
  readonly classification: {
    readonly severity: Severity;
    readonly escalationRisk: EscalationRisk;
  } | null;
  /** Where it is handled now; `null` until assigned. */
  readonly level: MediationLevel | null;
  readonly mediators: readonly string[];
  readonly interventionStarted: boolean;
  /** Members on the spot stepped in before it was assigned (先期处置). */
  readonly handledOnTheSpot: boolean;
  readonly sessionsHeld: number;
  /** The agreement in force; cleared when the dispute escalates past it. */
  readonly agreement: {
    readonly agreementId: string;
    readonly terms: readonly AgreementTermState[];
  } | null;
  readonly resolution: {
    readonly how: 'agreement' | 'no-agreement-needed';
    readonly level: MediationLevel;
  } | null;
  readonly referral: { readonly to: ReferralTarget; readonly becameHomicide: boolean } | null;
  readonly followUpVisits: readonly { readonly satisfied: boolean }[];
  /** The follow-up since the current resolution; `null` until there is one. */
  readonly lastFollowUp: { readonly satisfied: boolean } | null;
  /** How many times it was reopened after being settled. */
  readonly reopenings: number;
  /** Later police cases linked to it, by case id. */
  readonly laterCases: readonly string[];
}

export const initialDisputeState = (): DisputeState => ({
  status: 'unreported',
  disputeId: null,
  community: null,
  grid: null,
  category: null,
  parties: [],
  classification: null,
  level: null,
  mediators: [],
  interventionStarted: false,
  handledOnTheSpot: false,
  sessionsHeld: 0,
  agreement: null,
  resolution: null,
  referral: null,
  followUpVisits: [],
  lastFollowUp: null,
  reopenings: 0,
  laterCases: [],
});
