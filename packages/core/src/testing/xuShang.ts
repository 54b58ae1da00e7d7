// The Xu/Shang tenancy dispute of the source article as commands, on any ledger, for tests (exported
// as `xuShang` from @gridledger/core/testing): grid worker Li Min hears of it on a
// door-to-door visit, the director and the community officer mediate, TV returned, deposit refunded.
import type { EventStore } from '../eventsourcing/store.js';
import { createCommandHandler } from '../eventsourcing/commandHandler.js';
import { createEventRegistry } from '../eventsourcing/registry.js';
import { createLedger, type Ledger, type LedgerOptions } from '../eventsourcing/ledger.js';
import { Dispute } from '../domain/dispute/index.js';
import { Visit } from '../domain/visit/index.js';
import { gridledgerEvents } from '../domain/events.js';

export const li = { id: 'm-li', role: 'grid-worker', name: 'Li Min' };
export const jiang = { id: 'm-jiang', role: 'community-police-officer', name: 'Jiang Lin' };
export const zhao = { id: 'm-zhao', role: 'station-director', name: 'Zhao Baoxing' };

/**
 * A ledger whose events are recorded two minutes after they happen, with counted ids (or, with
 * `fixedIds: false`, the ledger's own), writing through `encoder` when one is given.
 */
export function storyLedger(
  store: EventStore,
  options: { encoder?: LedgerOptions['encoder']; fixedIds?: boolean } = {},
): Ledger & { recordAfter(occurredAt: string): void } {
  let recordedAt = Date.parse('2025-06-30T00:00:00Z');
  let count = 0;
  const ledger = createLedger({
    store,
    registry: createEventRegistry(gridledgerEvents),
    clock: () => new Date(recordedAt),
    ...(options.fixedIds === false
      ? {}
      : { newId: () => `01JZXUSHANG${String(++count).padStart(15, '0')}` }),
    ...(options.encoder ? { encoder: options.encoder } : {}),
  });
  return Object.assign(ledger, {
    recordAfter(occurredAt: string) {
      recordedAt = Date.parse(occurredAt) + 120_000;
    },
  });
}

/** The commands of the story, in order: [stream kind, id, command, when, who]. */
export const story = [
  [
    'visit',
    'v-0630-07',
    {
      type: 'scheduleVisit',
      data: {
        visitId: 'v-0630-07',
        community: 'xuzhai',
        grid: 'xuzhai-07',
        household: {
          householdId: 'h-xuzhai-0712',
          address: 'Xuzhai community, building 7, unit 12',
        },
        purpose: 'routine',
        visitors: ['m-li'],
        scheduledFor: '2025-06-30T09:00:00+08:00',
      },
    },
    '2025-06-29T17:00:00+08:00',
    li,
  ],
  [
    'visit',
    'v-0630-07',
    { type: 'conductVisit', data: { summary: 'Landlord Xu upset: tenant Shang left with the TV' } },
    '2025-06-30T09:10:00+08:00',
    li,
  ],
  [
    'visit',
    'v-0630-07',
    {
      type: 'noteDisputeSpotted',
      data: {
        description: 'Shang took the TV, fearing Xu keeps the deposit',
        parties: [
          { name: 'Xu', role: 'landlord' },
          { name: 'Shang', role: 'tenant' },
        ],
        category: 'tenancy',
      },
    },
    '2025-06-30T09:15:00+08:00',
    li,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'reportDispute',
      data: {
        disputeId: 'd-tv-deposit',
        community: 'xuzhai',
        grid: 'xuzhai-07',
        category: 'tenancy',
        source: 'visit',
        sourceRef: 'v-0630-07',
        parties: [
          { partyId: 'p-xu', name: 'Xu', role: 'landlord' },
          { partyId: 'p-shang', name: 'Shang', role: 'tenant' },
        ],
        description:
          'Tenant took the flat’s TV at the end of the lease, fearing the deposit is kept',
        reportedBy: { name: 'Li Min', role: 'grid-worker', memberId: 'm-li' },
      },
    },
    '2025-06-30T09:40:00+08:00',
    li,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'classifyDispute',
      data: { category: 'tenancy', severity: 'moderate', escalationRisk: 'medium' },
    },
    '2025-06-30T10:05:00+08:00',
    jiang,
  ],
  [
    'dispute',
    'd-tv-deposit',
    { type: 'assignDispute', data: { level: 'police-station', mediators: ['m-zhao', 'm-jiang'] } },
    '2025-06-30T10:10:00+08:00',
    zhao,
  ],
  [
    'dispute',
    'd-tv-deposit',
    { type: 'startIntervention', data: {} },
    '2025-06-30T10:30:00+08:00',
    jiang,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'holdMediationSession',
      data: {
        mediators: ['m-zhao', 'm-jiang'],
        parties: ['p-xu', 'p-shang'],
        outcome: 'agreed',
        summary: 'Shang returns the TV; Xu inspects the flat and refunds the deposit',
      },
    },
    '2025-07-01T15:00:00+08:00',
    zhao,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'reachAgreement',
      data: {
        terms: [
          { obligatedPartyId: 'p-shang', action: 'Return the TV' },
          { obligatedPartyId: 'p-xu', action: 'Refund the full deposit' },
        ],
      },
    },
    '2025-07-01T15:40:00+08:00',
    zhao,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'recordTermFulfilled',
      data: { termId: 'TERM-1', note: 'A friend of Shang brought the TV back' },
    },
    '2025-07-02T10:00:00+08:00',
    jiang,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'recordTermFulfilled',
      data: { termId: 'TERM-2', note: 'Xu inspected the flat and refunded the full deposit' },
    },
    '2025-07-02T11:30:00+08:00',
    jiang,
  ],
  [
    'dispute',
    'd-tv-deposit',
    { type: 'resolveDispute', data: { how: 'agreement' } },
    '2025-07-02T11:45:00+08:00',
    zhao,
  ],
  [
    'dispute',
    'd-tv-deposit',
    {
      type: 'recordFollowUpVisit',
      data: {
        satisfied: true,
        visitedBy: ['m-jiang'],
        note: 'Xu brought the station a thank-you banner',
      },
    },
    '2025-07-09T16:00:00+08:00',
    jiang,
  ],
  [
    'dispute',
    'd-tv-deposit',
    { type: 'closeDispute', data: {} },
    '2025-07-10T09:00:00+08:00',
    zhao,
  ],
] as const;

export const DISPUTE_STREAM = 'dispute-d-tv-deposit';
export const VISIT_STREAM = 'visit-v-0630-07';

/**
 * Records the story. The dispute report is caused by the DisputeSpotted event of the visit; term
 * ids are the agreement's terms, resolved from the state when the story reaches them.
 */
export async function recordXuShang(ledger: Ledger & { recordAfter(at: string): void }) {
  const visits = createCommandHandler(ledger, Visit);
  const disputes = createCommandHandler(ledger, Dispute);
  let spotted: string | undefined;
  let termIds: string[] = [];
  for (const [kind, id, command, now, actor] of story) {
    ledger.recordAfter(now);
    const context = {
      actor,
      now,
      ...(kind === 'dispute' && command.type === 'reportDispute' && spotted !== undefined
        ? { causationId: spotted }
        : {}),
    };
    const resolved =
      command.type === 'recordTermFulfilled'
        ? {
            ...command,
            data: { ...command.data, termId: termIds[Number(command.data.termId.slice(5)) - 1] },
          }
        : command;
    const handled =
      kind === 'visit'
        ? await visits(id, resolved, context)
        : await disputes(id, resolved, context);
    if (command.type === 'noteDisputeSpotted') spotted = handled.events[0]?.id;
    const state = handled.state as { agreement?: { terms: { termId: string }[] } | null };
    if (state.agreement) termIds = state.agreement.terms.map((t) => t.termId);
  }
  return { spottedEventId: spotted as string };
}
