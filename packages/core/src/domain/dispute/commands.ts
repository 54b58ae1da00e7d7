// What a community office can ask of a dispute. Validated at the boundary; ids of sessions,
// agreements and terms come from the decide context, not from the caller.
import { z } from 'zod';
import { CommunityId, GridId, Id, Label, MemberId, Text, distinctList } from '../shared/schemas.js';
import { DisputeParty, Reporter } from './events.js';
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

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

const mediators = distinctList(MemberId, 'mediators').min(1);

const reportData = z
  .strictObject({
    disputeId: Id,
    community: CommunityId,
    grid: GridId,
    category: DisputeCategory,
    source: DisputeSource,
    sourceRef: Id.optional(),
    parties: z.array(DisputeParty),
    description: Text,
    reportedBy: Reporter,
  })
  .superRefine((d, ctx) => {
    if ((d.source === 'visit' || d.source === 'patrol') && d.sourceRef === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceRef'],
        message: `is required when the source is a ${d.source} (its ${d.source} id)`,
      });
    }
    const ids = d.parties.map((p) => p.partyId);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['parties'], message: 'party ids must not repeat' });
    }
  });

export const DisputeCommand = z.discriminatedUnion('type', [
  command('reportDispute', reportData),
  command('identifyParty', z.strictObject({ party: DisputeParty })),
  command('declineDispute', z.strictObject({ reason: Text })),
  command('withdrawDispute', z.strictObject({ reason: Text })),
  command(
    'classifyDispute',
    z.strictObject({
      category: DisputeCategory,
      severity: Severity,
      escalationRisk: EscalationRisk,
      note: Text.optional(),
    }),
  ),
  command('assignDispute', z.strictObject({ level: MediationLevel, mediators })),
  command('startIntervention', z.strictObject({ note: Text.optional() })),
  command(
    'handleOnTheSpot',
    z.strictObject({ handledBy: distinctList(MemberId, 'handledBy').min(1), note: Text }),
  ),
  command(
    'holdMediationSession',
    z.strictObject({
      mediators,
      parties: distinctList(Id, 'parties').min(1),
      others: z.array(Label).optional(),
      outcome: SessionOutcome,
      summary: Text,
    }),
  ),
  command(
    'reachAgreement',
    z.strictObject({
      terms: z.array(z.strictObject({ obligatedPartyId: Id, action: Text })).min(1),
    }),
  ),
  command('recordTermFulfilled', z.strictObject({ termId: Id, note: Text.optional() })),
  command(
    'resolveDispute',
    z.discriminatedUnion('how', [
      z.strictObject({ how: z.literal('agreement') }),
      z.strictObject({ how: z.literal('no-agreement-needed'), reason: Text }),
    ]),
  ),
  command('escalateDispute', z.strictObject({ toLevel: MediationLevel, reason: Text, mediators })),
  command('handDownDispute', z.strictObject({ toLevel: MediationLevel, reason: Text, mediators })),
  command(
    'referDisputeOut',
    z
      .strictObject({
        to: ReferralTarget,
        body: Label.optional(),
        reason: Text,
        becameHomicide: z.boolean().optional(),
      })
      .refine((d) => d.to === 'criminal-case' || d.becameHomicide === undefined, {
        path: ['becameHomicide'],
        message: 'applies only to a referral as a criminal case',
      }),
  ),
  command(
    'recordFollowUpVisit',
    z
      .strictObject({
        satisfied: z.boolean(),
        visitedBy: distinctList(MemberId, 'visitedBy').min(1),
        visitId: Id.optional(),
        /** Default: `in-person` when a visit is named, otherwise left unrecorded. */
        channel: FollowUpChannel.optional(),
        note: Text.optional(),
      })
      .refine((d) => !(d.channel === 'telephone' && d.visitId !== undefined), {
        path: ['visitId'],
        message: 'a telephone follow-up has no visit',
      }),
  ),
  command('closeDispute', z.strictObject({ note: Text.optional() })),
  command('reopenDispute', z.strictObject({ reason: ReopenReason, note: Text.optional() })),
  command(
    'recordLaterCase',
    z
      .strictObject({
        caseId: Id,
        kind: LaterCaseKind,
        homicide: z.boolean().optional(),
        note: Text.optional(),
      })
      .refine((d) => d.kind === 'criminal' || d.homicide !== true, {
        path: ['homicide'],
        message: 'only a criminal case can involve a death (刑转命)',
      }),
  ),
]);
export type DisputeCommand = z.infer<typeof DisputeCommand>;
/** One Dispute command by its type, e.g. `DisputeCommandOf<'escalateDispute'>`. */
export type DisputeCommandOf<T extends DisputeCommand['type']> = Extract<
  DisputeCommand,
  { type: T }
>;
