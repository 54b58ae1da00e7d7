// Helpers for read-model tests: a ledger over the memory store with the real event registry, a
// runner reading through it, and one-line recorders for the facts of disputes, visits, patrols.
import { createEventRegistry, createLedger, gridledgerEvents, type Ledger } from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { createMemoryReadModelStore } from '../memoryReadModelStore.js';
import { createProjectionRunner } from '../runner.js';
import type { GeneratedEvent } from '@gridledger/history-fixture';

const actor = { id: 'jiang-lin', role: 'community-police-officer' };

/**
 * A ledger whose clock is set by each recording: an event is recorded when it occurred, unless
 * `recordedAt` says it was entered later (a late entry about the past).
 */
export function domainSetup() {
  const store = createMemoryEventStore();
  const registry = createEventRegistry(gridledgerEvents);
  let now = Date.parse('2026-01-01T00:00:00Z');
  const ledger = createLedger({ store, registry, clock: () => new Date(now) });
  const readModels = createMemoryReadModelStore();
  const runner = createProjectionRunner({ ledger, readModels });
  const record: Record = async (streamId, type, data, occurredAt, recordedAt = occurredAt) => {
    now = Date.parse(recordedAt);
    await ledger.append(streamId, [{ type, data }], {
      expectedVersion: 'any',
      actor,
      occurredAt,
    });
  };
  return { store, registry, ledger, readModels, runner, record, dispute: disputes(record) };
}

type Record = (
  streamId: string,
  type: string,
  data: unknown,
  occurredAt: string,
  recordedAt?: string,
) => Promise<void>;

export function disputes(record: Record) {
  const on = (id: string, type: string, data: unknown, at: string, recordedAt?: string) =>
    record(`dispute-${id}`, type, data, at, recordedAt);
  return {
    report: (id: string, at: string, where: { community?: string; grid?: string } = {}) =>
      on(
        id,
        'DisputeReported',
        {
          disputeId: id,
          community: where.community ?? 'xuzhai',
          grid: where.grid ?? 'xuzhai-01',
          category: 'tenancy',
          source: 'walk-in',
          parties: [{ partyId: `${id}-xu`, name: 'Xu', role: 'landlord' }],
          description: 'Return the TV or refund the deposit',
          reportedBy: { name: 'Community staff', role: 'community-staff' },
        },
        at,
      ),
    decline: (id: string, at: string) => on(id, 'DisputeDeclined', { reason: 'Outside remit' }, at),
    withdraw: (id: string, at: string) =>
      on(id, 'DisputeWithdrawn', { reason: 'Settled privately' }, at),
    intervene: (id: string, at: string, level = 'grid') =>
      on(id, 'DisputeInterventionStarted', { level }, at),
    session: (id: string, at: string, mediators: string[]) =>
      on(
        id,
        'MediationSessionHeld',
        {
          sessionId: `${id}-${at.slice(0, 16).replace(/[^0-9]/g, '')}`,
          level: 'community',
          mediators,
          parties: [`${id}-xu`],
          others: [],
          outcome: 'agreed',
          summary: 'Both sides heard',
        },
        at,
      ),
    escalate: (id: string, at: string, fromLevel: string, toLevel: string) =>
      on(
        id,
        'DisputeEscalated',
        { fromLevel, toLevel, reason: 'Will not meet', mediators: ['zhao'] },
        at,
      ),
    classify: (id: string, at: string, severity: string) =>
      on(id, 'DisputeClassified', { category: 'tenancy', severity, escalationRisk: 'low' }, at),
    assign: (id: string, at: string, level: string) =>
      on(id, 'DisputeAssigned', { level, mediators: ['li'] }, at),
    onTheSpot: (id: string, at: string) =>
      on(id, 'DisputeHandledOnTheSpot', { handledBy: ['li'], note: 'Calmed them down' }, at),
    handDown: (id: string, at: string, fromLevel: string, toLevel: string) =>
      on(
        id,
        'DisputeHandedDown',
        { fromLevel, toLevel, reason: 'The committee can settle it', mediators: ['li'] },
        at,
      ),
    resolve: (id: string, at: string, level = 'grid', recordedAt?: string) =>
      on(
        id,
        'DisputeResolved',
        { how: 'no-agreement-needed', reason: 'Apology accepted', level },
        at,
        recordedAt,
      ),
    reopen: (id: string, at: string, reason = 'unhappy-follow-up') =>
      on(id, 'DisputeReopened', { reason, wasClosed: false }, at),
    laterCase: (id: string, at: string, caseId: string, kind = 'criminal', homicide = false) =>
      on(id, 'DisputeLaterCaseLinked', { caseId, kind, homicide }, at),
    referOut: (id: string, at: string, to: string, becameHomicide = false) =>
      on(
        id,
        'DisputeReferredOut',
        to === 'criminal-case'
          ? { to, becameHomicide, reason: 'Assault', fromLevel: 'police-station' }
          : { to, reason: 'Needs a ruling', fromLevel: 'community' },
        at,
      ),
    followUp: (id: string, at: string, satisfied: boolean, visitedBy = ['jiang-lin']) =>
      on(id, 'DisputeFollowUpVisitRecorded', { satisfied, visitedBy }, at),
    close: (id: string, at: string) => on(id, 'DisputeClosed', {}, at),
  };
}

/** Appends a generated history through the ledger (validated and hash-chained). */
export async function appendThrough(ledger: Ledger, events: readonly GeneratedEvent[]) {
  for (const event of events) {
    await ledger.append(event.streamId, [{ type: event.type, data: event.data }], {
      expectedVersion: 'any',
      actor,
      occurredAt: new Date(event.at).toISOString(),
    });
  }
}
