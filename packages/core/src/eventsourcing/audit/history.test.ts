import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../__fixtures__/memoryStore.js';
import {
  Dispute,
  GridMember,
  GridOwnership,
  gridledgerAggregates,
  isStreamNotFound,
  isValidationError,
  type DisputeState,
} from '@gridledger/core';
import { aggregateForStream, history, stateAsOf, type HistoryEntry } from '@gridledger/core/audit';
import { rowsStore, tamper } from './__fixtures__/tampering.js';
import {
  DISPUTE_STREAM,
  VISIT_STREAM,
  jiang,
  li,
  recordXuShang,
  storyLedger,
} from '../../testing/xuShang.js';

const aggregates = gridledgerAggregates;

async function recorded() {
  const store = createMemoryEventStore();
  const ledger = storyLedger(store);
  const { spottedEventId } = await recordXuShang(ledger);
  return { store, ledger, spottedEventId };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('history', () => {
  it('gives every event in order: who, when, why, the state after it and what changed', async () => {
    const { ledger, spottedEventId } = await recorded();
    const entries = await collect(history<DisputeState>(ledger, DISPUTE_STREAM, { aggregates }));
    expect(entries.map((e) => e.streamVersion)).toEqual([...Array(11).keys()]);
    expect(entries.every((e) => e.verified && e.findings.length === 0)).toBe(true);

    const [reported, classified] = entries as [
      HistoryEntry<DisputeState>,
      HistoryEntry<DisputeState>,
    ];
    expect(reported).toMatchObject({
      type: 'DisputeReported',
      schemaVersion: 1,
      actor: li,
      occurredAt: '2025-06-30T09:40:00+08:00',
      recordedAt: '2025-06-30T01:42:00.000Z',
      causationId: spottedEventId,
      prevHash: null,
      state: { status: 'open', disputeId: 'd-tv-deposit', grid: 'xuzhai-07' },
    });
    expect(reported.correlationId).toBe(reported.eventId);
    expect(classified).toMatchObject({ actor: jiang, prevHash: reported.hash });
    expect(classified.changes).toEqual([
      {
        path: 'classification',
        kind: 'changed',
        before: null,
        after: { severity: 'moderate', escalationRisk: 'medium' },
      },
    ]);
    expect(entries[6]!.changes).toEqual([
      { path: 'agreement.terms[0].fulfilled', kind: 'changed', before: false, after: true },
    ]);
    expect(entries[7]!.changes).toEqual([
      { path: 'agreement.terms[1].fulfilled', kind: 'changed', before: false, after: true },
    ]);
    const loaded = await ledger.load(Dispute, 'd-tv-deposit');
    expect(entries[10]!.state).toEqual(loaded.state);
    expect(entries[10]!.hash).toBe(loaded.lastHash);
  });

  it('picks the aggregate by the longest stream prefix', () => {
    expect(aggregateForStream(aggregates, 'grid-ownership-xuzhai-07')).toBe(GridOwnership);
    expect(aggregateForStream(aggregates, 'grid-member-m-li')).toBe(GridMember);
    expect(aggregateForStream(aggregates, 'case-1')).toBeUndefined();
  });

  it('without an aggregate gives the events alone, no state', async () => {
    const { ledger } = await recorded();
    const entries = await collect(history(ledger, VISIT_STREAM));
    expect(entries.map((e) => e.type)).toEqual([
      'VisitScheduled',
      'VisitConducted',
      'DisputeSpotted',
    ]);
    expect(entries.every((e) => e.state === undefined && e.changes.length === 0)).toBe(true);
  });

  it('marks a tampered event, and one that no longer fits its schema, without stopping', async () => {
    const { store, ledger } = await recorded();
    const rows = await collect(store.readStream(DISPUTE_STREAM));
    const altered = tamper.data(rows, 3);
    altered[5] = { ...altered[5]!, data: { terms: 'none' } };
    const source = { store: rowsStore(altered), registry: ledger.registry };
    const entries = await collect(history<DisputeState>(source, DISPUTE_STREAM, { aggregates }));
    expect(entries.map((e) => e.verified)).toEqual(entries.map((_, i) => i !== 3 && i !== 5));
    expect(entries[3]!.findings.map((f) => f.kind)).toEqual(['changed']);
    expect(entries[5]!.problem).toMatch(/DisputeAgreementReached.*does not match its schema/);
    expect(entries[5]!.changes).toEqual([]);
    expect(entries[5]!.state).toBe(entries[4]!.state);
  });

  it('throws StreamNotFoundError for an unknown stream', async () => {
    const { ledger } = await recorded();
    await expect(collect(history(ledger, 'dispute-nobody'))).rejects.toSatisfy(isStreamNotFound);
  });
});

describe('state as of a version or a time', () => {
  // The intervention (v3) happened at 10:30 in Xuzhai and was recorded two minutes later.
  const interventionRecorded = '2025-06-30T02:32:00.000Z';

  it('as of a version folds up to and including it', async () => {
    const { ledger } = await recorded();
    const asOf = await stateAsOf<DisputeState>(
      ledger,
      DISPUTE_STREAM,
      { version: 2 },
      { aggregates },
    );
    expect(asOf).toMatchObject({ streamVersion: 2, eventsFolded: 3, verified: true, problems: [] });
    expect(asOf.state).toMatchObject({ level: 'police-station', interventionStarted: false });
    const beyond = await stateAsOf(ledger, DISPUTE_STREAM, { version: 99 }, { aggregate: Dispute });
    expect(beyond.streamVersion).toBe(10);
  });

  it('as of a time: at, just before and just after an event was recorded', async () => {
    const { ledger } = await recorded();
    const at = (time: string) =>
      stateAsOf<DisputeState>(ledger, DISPUTE_STREAM, { time }, { aggregates });
    const exactly = await at(interventionRecorded);
    expect(exactly).toMatchObject({ streamVersion: 3, recordedAt: interventionRecorded });
    expect(exactly.state.interventionStarted).toBe(true);
    const before = await at('2025-06-30T02:31:59.999Z');
    expect(before).toMatchObject({ streamVersion: 2, state: { interventionStarted: false } });
    const after = await at('2025-06-30T10:32:00.001+08:00');
    expect(after.streamVersion).toBe(3);
    const sameInstantOtherZone = await at('2025-06-30T10:32:00+08:00');
    expect(sameInstantOtherZone.streamVersion).toBe(3);
  });

  it('before the first event gives the initial state', async () => {
    const { ledger } = await recorded();
    const asOf = await stateAsOf(
      ledger,
      DISPUTE_STREAM,
      { time: '2025-01-01T00:00:00Z' },
      { aggregates },
    );
    expect(asOf).toMatchObject({ streamVersion: undefined, eventsFolded: 0, verified: true });
    expect(asOf.state).toEqual(Dispute.initialState());
  });

  it('refuses a malformed point or a stream no aggregate folds', async () => {
    const { ledger } = await recorded();
    for (const asOf of [{ time: '30 June' }, { version: -1 }, { version: 1.5 }, {}]) {
      await expect(
        stateAsOf(ledger, DISPUTE_STREAM, asOf as never, { aggregates }),
      ).rejects.toSatisfy(isValidationError);
    }
    await expect(
      stateAsOf(ledger, DISPUTE_STREAM, { time: 'yesterday' }, { aggregates }),
    ).rejects.toThrow(/time: must be an ISO 8601 date-time with a time zone/);
    await expect(stateAsOf(ledger, 'case-1', { version: 0 }, { aggregates })).rejects.toThrow(
      /no aggregate folds this stream \(known stream prefixes: 'dispute-'/,
    );
  });
});
