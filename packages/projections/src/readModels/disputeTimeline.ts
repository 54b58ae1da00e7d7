// A dispute as the figures see it: the facts of its stream that the dispute read models keep, and
// the view a query folds from those inside its cut (report, how it ended, when, where, what came
// after). The five dispute read models share it, so they agree on what a dispute is.
import type {
  DisputeEvent,
  FollowUpChannel,
  LaterCaseKind,
  MediationLevel,
  RecordedEvent,
  ReferralTarget,
  ReopenReason,
  Severity,
} from '@gridledger/core';
import type { Month } from '../months.js';
import type { EventsOfType, ProjectionHandlers } from '../projection.js';
import { factsInCut, recordFact, type Timelines } from './timelines.js';
import { stampOf, type Cut, type Stamp } from './asOf.js';

export type DisputeFact = Stamp &
  (
    | { readonly k: 'reported'; readonly id: string; readonly c: string; readonly g: string }
    | { readonly k: 'classified'; readonly severity: Severity }
    | { readonly k: 'assigned'; readonly level: MediationLevel }
    | { readonly k: 'intervened' }
    | { readonly k: 'onTheSpot' }
    | { readonly k: 'escalated'; readonly to: MediationLevel }
    | { readonly k: 'handedDown'; readonly from: MediationLevel; readonly to: MediationLevel }
    | { readonly k: 'resolved'; readonly level: MediationLevel }
    | {
        readonly k: 'referred';
        readonly to: ReferralTarget;
        readonly homicide: boolean;
        readonly from: MediationLevel;
      }
    | { readonly k: 'declined' | 'withdrawn' | 'closed' }
    | { readonly k: 'followUp'; readonly satisfied: boolean; readonly channel: Channel }
    | { readonly k: 'reopened'; readonly reason: ReopenReason }
    | {
        readonly k: 'laterCase';
        readonly caseId: string;
        readonly kind: LaterCaseKind;
        readonly homicide: boolean;
      }
  );

/** How a follow-up reached the residents; `not-recorded` for old entries that did not say. */
export type Channel = FollowUpChannel | 'not-recorded';

export type DisputeRead = EventsOfType<
  DisputeEvent,
  | 'DisputeReported'
  | 'DisputeClassified'
  | 'DisputeAssigned'
  | 'DisputeInterventionStarted'
  | 'DisputeHandledOnTheSpot'
  | 'DisputeEscalated'
  | 'DisputeHandedDown'
  | 'DisputeResolved'
  | 'DisputeReferredOut'
  | 'DisputeDeclined'
  | 'DisputeWithdrawn'
  | 'DisputeClosed'
  | 'DisputeFollowUpVisitRecorded'
  | 'DisputeReopened'
  | 'DisputeLaterCaseLinked'
>;

export interface DisputeTimelineState {
  readonly timeZone: string;
  readonly disputes: Timelines<DisputeFact>;
}

type Payload<K extends DisputeFact['k']> = Omit<Extract<DisputeFact, { k: K }>, keyof Stamp | 'k'>;

/** The handlers that keep every dispute's facts, with months in `monthOf`'s zone. */
export function disputeHandlers<S extends DisputeTimelineState>(
  monthOf: (iso: string) => Month,
): ProjectionHandlers<S, DisputeRead> {
  const keep = <K extends DisputeFact['k']>(
    state: S,
    event: RecordedEvent,
    k: K,
    payload: Payload<K>,
  ): S => {
    recordFact(state.disputes, event.streamId, {
      ...stampOf(event, monthOf),
      ...payload,
      k,
    } as DisputeFact);
    return state;
  };
  return {
    DisputeReported: (state, e) =>
      keep(state, e, 'reported', {
        id: e.data.disputeId,
        c: e.data.community,
        g: e.data.grid,
      }),
    DisputeClassified: (state, e) => keep(state, e, 'classified', { severity: e.data.severity }),
    DisputeAssigned: (state, e) => keep(state, e, 'assigned', { level: e.data.level }),
    DisputeInterventionStarted: (state, e) => keep(state, e, 'intervened', {}),
    DisputeHandledOnTheSpot: (state, e) => keep(state, e, 'onTheSpot', {}),
    DisputeEscalated: (state, e) => keep(state, e, 'escalated', { to: e.data.toLevel }),
    DisputeHandedDown: (state, e) =>
      keep(state, e, 'handedDown', { from: e.data.fromLevel, to: e.data.toLevel }),
    DisputeResolved: (state, e) => keep(state, e, 'resolved', { level: e.data.level }),
    DisputeReferredOut: (state, e) =>
      keep(state, e, 'referred', {
        to: e.data.to,
        homicide: e.data.to === 'criminal-case' && e.data.becameHomicide,
        from: e.data.fromLevel,
      }),
    DisputeDeclined: (state, e) => keep(state, e, 'declined', {}),
    DisputeWithdrawn: (state, e) => keep(state, e, 'withdrawn', {}),
    DisputeClosed: (state, e) => keep(state, e, 'closed', {}),
    DisputeFollowUpVisitRecorded: (state, e) =>
      keep(state, e, 'followUp', {
        satisfied: e.data.satisfied,
        channel: e.data.channel ?? (e.data.visitId === undefined ? 'not-recorded' : 'in-person'),
      }),
    DisputeReopened: (state, e) => keep(state, e, 'reopened', { reason: e.data.reason }),
    DisputeLaterCaseLinked: (state, e) =>
      keep(state, e, 'laterCase', {
        caseId: e.data.caseId,
        kind: e.data.kind,
        homicide: e.data.homicide,
      }),
  };
}

/** How the handling of a dispute ended; `null` while it is still being handled. */
export type Outcome = 'resolved' | 'referred-out' | 'declined' | 'withdrawn';

export interface LaterCase {
  readonly caseId: string;
  readonly kind: LaterCaseKind;
  readonly homicide: boolean;
  readonly at: Stamp;
  /** The month the dispute was settled in (its report month if it never was): where it counts. */
  readonly settledMonth: Month;
}

export interface DisputeView {
  readonly id: string;
  readonly c: string;
  readonly g: string;
  readonly reported: Stamp;
  outcome: Outcome | null;
  closed: boolean;
  severity: Severity | null;
  /** Where it is handled now. */
  level: MediationLevel | null;
  /** The resolution in force (cleared when reopened). */
  resolution: { readonly level: MediationLevel; readonly at: Stamp } | null;
  /** The last time its handling ended (resolved, referred, declined, withdrawn). */
  settled: Stamp | null;
  referral: {
    readonly to: ReferralTarget;
    readonly homicide: boolean;
    readonly from: MediationLevel;
    readonly at: Stamp;
  } | null;
  /** The first time anyone stepped in: on the spot, or the office's intervention. */
  firstIntervention: number | null;
  /** Members on the spot stepped in before the office assigned it (先期处置). */
  handledOnTheSpot: boolean;
  firstResolution: number | null;
  firstFollowUp: number | null;
  readonly escalations: { readonly at: Stamp; readonly to: MediationLevel }[];
  /** Passed down a level (the police station to the committee), in order. */
  readonly handDowns: {
    readonly at: Stamp;
    readonly from: MediationLevel;
    readonly to: MediationLevel;
  }[];
  readonly followUps: {
    readonly at: Stamp;
    readonly satisfied: boolean;
    readonly channel: Channel;
    /** The dispute was reopened after this follow-up (before any other). */
    thenReopened: boolean;
  }[];
  readonly reopenings: { readonly at: Stamp; readonly reason: ReopenReason }[];
  readonly laterCases: LaterCase[];
}

/**
 * The dispute the facts inside `cut` describe, or `undefined` if its report is outside. Facts
 * that do not fit the state they meet (a second ending, a follow-up after closing) are passed
 * over, as the dispute's own rules would have refused them.
 */
export function viewDispute(facts: readonly DisputeFact[], cut: Cut): DisputeView | undefined {
  let view: DisputeView | undefined;
  for (const fact of factsInCut(facts, cut)) {
    if (view === undefined) {
      if (fact.k === 'reported') view = reportedView(fact);
      continue;
    }
    apply(view, fact);
  }
  return view;
}

function reportedView(fact: Extract<DisputeFact, { k: 'reported' }>): DisputeView {
  return {
    id: fact.id,
    c: fact.c,
    g: fact.g,
    reported: { o: fact.o, r: fact.r, m: fact.m },
    outcome: null,
    closed: false,
    severity: null,
    level: null,
    resolution: null,
    settled: null,
    referral: null,
    firstIntervention: null,
    handledOnTheSpot: false,
    firstResolution: null,
    firstFollowUp: null,
    escalations: [],
    handDowns: [],
    followUps: [],
    reopenings: [],
    laterCases: [],
  };
}

const stamp = ({ o, r, m }: Stamp): Stamp => ({ o, r, m });

function apply(view: DisputeView, fact: DisputeFact): void {
  const open = view.outcome === null;
  switch (fact.k) {
    case 'reported':
      return;
    case 'classified':
      view.severity = fact.severity;
      return;
    case 'assigned':
      view.level = fact.level;
      return;
    case 'intervened':
      view.firstIntervention ??= fact.o;
      return;
    case 'onTheSpot':
      if (!open || view.level !== null) return;
      view.firstIntervention ??= fact.o;
      view.handledOnTheSpot = true;
      return;
    case 'escalated':
      if (!open) return;
      view.escalations.push({ at: stamp(fact), to: fact.to });
      view.level = fact.to;
      return;
    case 'handedDown':
      if (!open) return;
      view.handDowns.push({ at: stamp(fact), from: fact.from, to: fact.to });
      view.level = fact.to;
      return;
    case 'resolved':
      if (!open) return;
      view.outcome = 'resolved';
      view.resolution = { level: fact.level, at: stamp(fact) };
      view.level = fact.level;
      view.settled = stamp(fact);
      view.firstResolution ??= fact.o;
      return;
    case 'referred':
      if (!open) return;
      view.outcome = 'referred-out';
      view.referral = { to: fact.to, homicide: fact.homicide, from: fact.from, at: stamp(fact) };
      view.settled = stamp(fact);
      return;
    case 'declined':
    case 'withdrawn':
      if (!open) return;
      view.outcome = fact.k;
      view.settled = stamp(fact);
      return;
    case 'closed':
      if (view.outcome === 'resolved' || view.outcome === 'referred-out') view.closed = true;
      return;
    case 'followUp':
      if (view.outcome !== 'resolved' || view.closed) return;
      view.followUps.push({
        at: stamp(fact),
        satisfied: fact.satisfied,
        channel: fact.channel,
        thenReopened: false,
      });
      view.firstFollowUp ??= fact.o;
      return;
    case 'reopened':
      if (view.outcome !== 'resolved') return;
      view.outcome = null;
      view.closed = false;
      view.resolution = null;
      view.reopenings.push({ at: stamp(fact), reason: fact.reason });
      if (view.followUps.length > 0)
        (view.followUps.at(-1) as { thenReopened: boolean }).thenReopened = true;
      return;
    case 'laterCase':
      if (view.laterCases.some((c) => c.caseId === fact.caseId)) return;
      view.laterCases.push({
        caseId: fact.caseId,
        kind: fact.kind,
        homicide: fact.homicide,
        at: stamp(fact),
        settledMonth: (view.settled ?? view.reported).m,
      });
      return;
  }
}
