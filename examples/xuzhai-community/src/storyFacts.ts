// The article's two cases read back from the log, with their hash chains verified: what the
// printed report shows and what an auditor would check first.
import { verifyStream } from '@gridledger/core/audit';
import {
  type DisputeEvent,
  type EventStore,
  type Ledger,
  type RecordedEvent,
  type VisitEvent,
} from '@gridledger/core';
import type { Cast } from './cast.js';
import { KANG_VISIT_STREAM, XU_SHANG_STREAM } from './story.js';

export interface StoryFacts {
  readonly kang: {
    readonly serviceAt: string;
    readonly kind: string;
    readonly renderedBy: readonly string[];
    readonly events: number;
    readonly verified: boolean;
  };
  readonly xuShang: {
    readonly reportedAt: string;
    readonly level: string;
    readonly mediators: readonly string[];
    readonly terms: readonly {
      readonly party: string;
      readonly action: string;
      readonly fulfilled: boolean;
    }[];
    readonly resolvedAt: string;
    readonly followUp:
      { readonly at: string; readonly satisfied: boolean; readonly note: string } | undefined;
    readonly events: number;
    readonly verified: boolean;
  };
}

async function all<E extends DisputeEvent | VisitEvent>(ledger: Ledger, streamId: string) {
  const events: RecordedEvent<E>[] = [];
  for await (const event of ledger.readStream<E>(streamId)) events.push(event);
  return events;
}

export async function storyFacts(
  ledger: Ledger,
  store: EventStore,
  cast: Cast,
): Promise<StoryFacts> {
  const name = (id: string) => cast.memberById(id).name;
  const kang = await all<VisitEvent>(ledger, KANG_VISIT_STREAM);
  const service = kang.find((e) => e.type === 'ServiceRendered');
  if (service?.type !== 'ServiceRendered')
    throw new Error('Kang’s service visit rendered no service');

  const dispute = await all<DisputeEvent>(ledger, XU_SHANG_STREAM);
  const reported = dispute.find((e) => e.type === 'DisputeReported');
  const agreement = dispute.find((e) => e.type === 'DisputeAgreementReached');
  const resolved = dispute.find((e) => e.type === 'DisputeResolved');
  const assigned = dispute.find((e) => e.type === 'DisputeAssigned');
  const followUp = dispute.find((e) => e.type === 'DisputeFollowUpVisitRecorded');
  if (
    reported?.type !== 'DisputeReported' ||
    agreement?.type !== 'DisputeAgreementReached' ||
    resolved?.type !== 'DisputeResolved' ||
    assigned?.type !== 'DisputeAssigned'
  ) {
    throw new Error('the Xu/Shang dispute is missing its report, agreement or resolution');
  }
  const fulfilled = new Set(
    dispute.flatMap((e) => (e.type === 'AgreementTermFulfilled' ? [e.data.termId] : [])),
  );
  const partyName = (id: string) => reported.data.parties.find((p) => p.partyId === id)?.name ?? id;

  return {
    kang: {
      serviceAt: service.metadata.occurredAt,
      kind: service.data.kind,
      renderedBy: service.data.renderedBy.map(name),
      events: kang.length,
      verified: (await verifyStream(store, KANG_VISIT_STREAM)).ok,
    },
    xuShang: {
      reportedAt: reported.metadata.occurredAt,
      level: resolved.data.level,
      mediators: assigned.data.mediators.map(name),
      terms: agreement.data.terms.map((t) => ({
        party: partyName(t.obligatedPartyId),
        action: t.action,
        fulfilled: fulfilled.has(t.termId),
      })),
      resolvedAt: resolved.metadata.occurredAt,
      followUp:
        followUp?.type === 'DisputeFollowUpVisitRecorded'
          ? {
              at: followUp.metadata.occurredAt,
              satisfied: followUp.data.satisfied,
              note: followUp.data.note ?? '',
            }
          : undefined,
      events: dispute.length,
      verified: (await verifyStream(store, XU_SHANG_STREAM)).ok,
    },
  };
}
