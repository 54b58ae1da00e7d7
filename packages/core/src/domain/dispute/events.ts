// The facts of a dispute's life, from report to follow-up visit. Stream: `dispute-<disputeId>`.
// When and by whom each happened lives in the envelope (`occurredAt`, `actor`), not in `data`.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { CommunityId, GridId, Household, Id, Label, MemberId } from '../shared/schemas.js';
import { FreeText, NameInRecord, PartyName } from '../shared/personal.js';
import {
  DisputeCategory,
  DisputeSource,
  EscalationRisk,
  FollowUpChannel,
  LaterCaseKind,
  MediationLevel,
  ReferralTarget,
  ReopenReason,
  SessionOutcome,
  Severity,
} from './vocabulary.js';

/** A resident in the dispute. Name and household are personal data. */
export const DisputeParty = z.strictObject({
  partyId: Id,
  name: PartyName,
  /** Their side in the dispute, e.g. `landlord`, `tenant`, `neighbour`. */
  role: Label,
  household: Household.optional(),
});
export type DisputeParty = z.infer<typeof DisputeParty>;

/** Who brought the dispute to the committee (a resident, a grid member, another office). */
export const Reporter = z.strictObject({
  name: PartyName,
  role: Label,
  memberId: MemberId.optional(),
  partyId: Id.optional(),
});
export type Reporter = z.infer<typeof Reporter>;

/** One obligation of an agreement: which party does what ("return the TV"). */
export const AgreementTerm = z.strictObject({
  termId: Id,
  obligatedPartyId: Id,
  action: FreeText,
});
export type AgreementTerm = z.infer<typeof AgreementTerm>;

const mediators = z.array(MemberId).min(1);

export const DisputeReported = defineEvent({
  type: 'DisputeReported',
  schema: z.object({
    disputeId: Id,
    community: CommunityId,
    grid: GridId,
    category: DisputeCategory,
    source: DisputeSource,
    /** The visit or patrol it came from, when `source` is `visit` or `patrol`. */
    sourceRef: Id.optional(),
    parties: z.array(DisputeParty),
    description: FreeText,
    reportedBy: Reporter,
  }),
});

export const DisputePartyIdentified = defineEvent({
  type: 'DisputePartyIdentified',
  schema: z.object({ party: DisputeParty }),
});

export const DisputeDeclined = defineEvent({
  type: 'DisputeDeclined',
  schema: z.object({ reason: FreeText }),
});

export const DisputeWithdrawn = defineEvent({
  type: 'DisputeWithdrawn',
  schema: z.object({ reason: FreeText }),
});

export const DisputeClassified = defineEvent({
  type: 'DisputeClassified',
  schema: z.object({
    category: DisputeCategory,
    severity: Severity,
    escalationRisk: EscalationRisk,
    note: FreeText.optional(),
  }),
});

export const DisputeAssigned = defineEvent({
  type: 'DisputeAssigned',
  schema: z.object({ level: MediationLevel, mediators }),
});

export const DisputeInterventionStarted = defineEvent({
  type: 'DisputeInterventionStarted',
  schema: z.object({ level: MediationLevel, note: FreeText.optional() }),
});

/**
 * Early handling at the outpost (先期处置): members on the spot stepped in before the office
 * classified the dispute, to keep it from flaring up. The first-moment intervention.
 */
export const DisputeHandledOnTheSpot = defineEvent({
  type: 'DisputeHandledOnTheSpot',
  schema: z.object({ handledBy: z.array(MemberId).min(1), note: FreeText }),
});

export const MediationSessionHeld = defineEvent({
  type: 'MediationSessionHeld',
  schema: z.object({
    sessionId: Id,
    level: MediationLevel,
    mediators,
    /** Parties of the dispute who took part. */
    parties: z.array(Id).min(1),
    /** Others present, by name or office (community staff, a relative). */
    others: z.array(NameInRecord),
    outcome: SessionOutcome,
    summary: FreeText,
  }),
});

export const DisputeAgreementReached = defineEvent({
  type: 'DisputeAgreementReached',
  schema: z.object({ agreementId: Id, terms: z.array(AgreementTerm).min(1) }),
});

export const AgreementTermFulfilled = defineEvent({
  type: 'AgreementTermFulfilled',
  schema: z.object({ termId: Id, obligatedPartyId: Id, note: FreeText.optional() }),
});

export const DisputeResolved = defineEvent({
  type: 'DisputeResolved',
  schema: z.discriminatedUnion('how', [
    z.object({ how: z.literal('agreement'), agreementId: Id, level: MediationLevel }),
    z.object({ how: z.literal('no-agreement-needed'), reason: FreeText, level: MediationLevel }),
  ]),
});

export const DisputeEscalated = defineEvent({
  type: 'DisputeEscalated',
  schema: z.object({
    fromLevel: MediationLevel,
    toLevel: MediationLevel,
    reason: FreeText,
    mediators,
  }),
});

/**
 * A higher level passes the dispute down to a lower one that can settle it closer to the
 * residents: the police station hands a neighbours' quarrel to the committee (the hand-down the
 * source praises). The new level mediates afresh.
 */
export const DisputeHandedDown = defineEvent({
  type: 'DisputeHandedDown',
  schema: z.object({
    fromLevel: MediationLevel,
    toLevel: MediationLevel,
    reason: FreeText,
    mediators,
  }),
});

const referral = {
  /** The body that takes it over, by name (e.g. `Huaiyang District People's Court`). */
  body: Label.optional(),
  reason: FreeText,
  fromLevel: MediationLevel,
};

export const DisputeReferredOut = defineEvent({
  type: 'DisputeReferredOut',
  schema: z.discriminatedUnion('to', [
    z.object({
      to: z.literal('criminal-case'),
      /** 刑转命: the criminal case involves a death. The target is zero. */
      becameHomicide: z.boolean(),
      ...referral,
    }),
    z.object({ to: ReferralTarget.exclude(['criminal-case']), ...referral }),
  ]),
});

/**
 * A follow-up (第一时间回访) after the resolution. Despite the stored name, it may have been a
 * telephone call: `channel` says which (absent on older records, where a `visitId` means a visit).
 */
export const DisputeFollowUpVisitRecorded = defineEvent({
  type: 'DisputeFollowUpVisitRecorded',
  schema: z.object({
    satisfied: z.boolean(),
    visitedBy: z.array(MemberId).min(1),
    visitId: Id.optional(),
    channel: FollowUpChannel.optional(),
    note: FreeText.optional(),
  }),
});

/** A settled dispute taken up again; it is open until it is settled anew. */
export const DisputeReopened = defineEvent({
  type: 'DisputeReopened',
  schema: z.object({
    reason: ReopenReason,
    /** It had already been closed (not only resolved) when it was reopened. */
    wasClosed: z.boolean(),
    note: FreeText.optional(),
  }),
});

/**
 * The police station linked a later case to this settled dispute: it grew out of it. A criminal
 * one is 民转刑; `homicide` marks 刑转命. The figures count it against where the dispute was settled.
 */
export const DisputeLaterCaseLinked = defineEvent({
  type: 'DisputeLaterCaseLinked',
  schema: z.object({
    caseId: Id,
    kind: LaterCaseKind,
    homicide: z.boolean(),
    note: FreeText.optional(),
  }),
});

export const DisputeClosed = defineEvent({
  type: 'DisputeClosed',
  schema: z.object({ note: FreeText.optional() }),
});

/** Every Dispute event definition, for the registry. */
export const disputeEvents = [
  DisputeReported,
  DisputePartyIdentified,
  DisputeDeclined,
  DisputeWithdrawn,
  DisputeClassified,
  DisputeAssigned,
  DisputeInterventionStarted,
  MediationSessionHeld,
  DisputeAgreementReached,
  AgreementTermFulfilled,
  DisputeResolved,
  DisputeEscalated,
  DisputeReferredOut,
  DisputeFollowUpVisitRecorded,
  DisputeClosed,
  DisputeReopened,
  DisputeLaterCaseLinked,
  DisputeHandedDown,
  DisputeHandledOnTheSpot,
] as const;

export type DisputeEvent = EventsOfDefinitions<typeof disputeEvents>;
/** One Dispute event by its type name, e.g. `DisputeEventOf<'DisputeResolved'>`. */
export type DisputeEventOf<T extends DisputeEvent['type']> = Extract<DisputeEvent, { type: T }>;
