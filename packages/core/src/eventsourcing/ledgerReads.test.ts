import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import {
  createEventRegistry,
  createLedger,
  isCorruptedEvent,
  type Actor,
  type EventEncoder,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
} from '@gridledger/core';
import { hashEvent, verifyStream } from '@gridledger/core/audit';
import { Case, CaseOpened, caseRegistry, type CaseEvent } from './__fixtures__/caseAggregate.js';
import { collect } from './__fixtures__/stores.js';

const officer: Actor = { id: 'officer-jiang', role: 'community-police-officer' };
const opened: CaseEvent = { type: 'CaseOpened', data: { title: 'TV vs deposit', grid: 'g-07' } };
const graded: CaseEvent = { type: 'CaseGraded', data: { grade: 2 } };
const closed: CaseEvent = { type: 'CaseClosed', data: {} };

/** An event written straight through the store port, chained correctly, as another tool might. */
function raw(
  streamId: string,
  streamVersion: number,
  prevHash: string | null,
  event: { type: string; schemaVersion: number; data: unknown },
): EventToAppend {
  const id = `01J0000000000000000000000${streamVersion}`;
  const metadata: Omit<EventMetadata, 'hash'> = {
    actor: officer,
    occurredAt: '2025-06-30T08:00:00.000Z',
    recordedAt: '2025-06-30T08:00:00.000Z',
    correlationId: id,
    prevHash,
  };
  const hash = hashEvent({ id, ...event, streamId, streamVersion, metadata });
  return { id, ...event, metadata: { ...metadata, hash } };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function storeWith(streamId: string, ...events: Parameters<typeof raw>[3][]) {
  const store = createMemoryEventStore();
  let prevHash: string | null = null;
  for (const [version, event] of events.entries()) {
    const toAppend = raw(streamId, version, prevHash, event);
    await store.append(streamId, [toAppend], { expectedVersion: 'any' });
    prevHash = toAppend.metadata.hash;
  }
  return store;
}

describe('ledger reads', () => {
  it('upcasts an old stored event into the current shape, and its chain still verifies', async () => {
    const store = await storeWith('case-1', {
      type: 'CaseOpened',
      schemaVersion: 1,
      data: { title: 'TV vs deposit', gridId: 'g-07' },
    });
    const ledger = createLedger({ store, registry: caseRegistry });
    const [event] = await collect(ledger.readStream<CaseEvent>('case-1'));
    expect(event).toMatchObject({ schemaVersion: 2, data: opened.data, streamVersion: 0 });
    expect(await verifyStream(store, 'case-1')).toMatchObject({ ok: true });
    // The ledger continues the chain from the stored event.
    await ledger.append('case-1', [graded], { expectedVersion: 0, actor: officer });
    expect(await verifyStream(store, 'case-1')).toMatchObject({ ok: true, eventsChecked: 2 });
  });

  it('names stream and version of an unknown type or a stored event failing its schema', async () => {
    const store = await storeWith(
      'case-1',
      { type: 'CaseOpened', schemaVersion: 2, data: opened.data },
      { type: 'CaseReopened', schemaVersion: 1, data: {} },
    );
    await store.append(
      'case-2',
      [raw('case-2', 0, null, { type: 'CaseOpened', schemaVersion: 1, data: { title: 'x' } })],
      { expectedVersion: 'no-stream' },
    );
    const ledger = createLedger({ store, registry: caseRegistry });
    const unknown = await caught(collect(ledger.readStream('case-1')));
    expect(isCorruptedEvent(unknown)).toBe(true);
    expect(unknown).toMatchObject({
      streamId: 'case-1',
      streamVersion: 1,
      reason: 'unknown-event-type',
    });
    const mismatch = await caught(collect(ledger.readAll({ streamPrefix: 'case-2' })));
    expect(mismatch).toMatchObject({
      streamId: 'case-2',
      streamVersion: 0,
      reason: 'schema-mismatch',
    });
    expect((mismatch as Error).message).toMatch(/grid/);
    expect(await caught(ledger.load(Case, '1'))).toMatchObject({ streamVersion: 1 });
  });

  it('trusts current-version data by default and re-validates it with readTrust never', async () => {
    const bad = { type: 'CaseGraded', schemaVersion: 1, data: { grade: 11 } };
    const store = await storeWith('case-1', bad);
    const trusting = createLedger({ store, registry: caseRegistry });
    expect((await collect(trusting.readStream('case-1')))[0]?.data).toEqual({ grade: 11 });
    const careful = createLedger({ store, registry: caseRegistry, readTrust: 'never' });
    expect(await caught(collect(careful.readStream('case-1')))).toMatchObject({
      code: 'CORRUPTED_EVENT',
      streamId: 'case-1',
      streamVersion: 0,
      reason: 'schema-mismatch',
    });
  });

  it('reads the global log and subscriptions decoded', async () => {
    const store = createMemoryEventStore();
    const ledger = createLedger({ store, registry: caseRegistry });
    await store.append(
      'case-1',
      [
        raw('case-1', 0, null, {
          type: 'CaseOpened',
          schemaVersion: 1,
          data: { title: 't', gridId: 'g-1' },
        }),
      ],
      { expectedVersion: 'no-stream' },
    );
    await ledger.append('case-1', [graded], { expectedVersion: 0, actor: officer });
    const all = await collect(ledger.readAll<CaseEvent>({ types: ['CaseOpened'] }));
    expect(all.map((e) => e.data)).toEqual([{ title: 't', grid: 'g-1' }]);

    const subscription = ledger.subscribe<CaseEvent>();
    const seen: string[] = [];
    const done = (async () => {
      for await (const event of subscription) {
        seen.push(event.type === 'CaseOpened' ? event.data.grid : event.type);
        if (seen.length === 3) await subscription.close();
      }
    })();
    await ledger.append('case-1', [closed], { expectedVersion: 1, actor: officer });
    await done;
    expect(seen).toEqual(['g-1', 'CaseGraded', 'CaseClosed']);
  });

  it('loads an aggregate: its folded state, last version and last hash', async () => {
    const store = createMemoryEventStore();
    const ledger = createLedger({ store, registry: caseRegistry });
    expect(await ledger.load(Case, '7')).toEqual({
      state: Case.initialState(),
      streamVersion: undefined,
      lastHash: null,
    });
    const { events } = await ledger.append('case-7', [opened, graded], {
      expectedVersion: 'no-stream',
      actor: officer,
    });
    expect(await ledger.load(Case, '7')).toEqual({
      state: { status: 'graded', grade: 2, sessions: 0 },
      streamVersion: 1,
      lastHash: events[1]?.metadata.hash,
    });
  });

  it('refuses to fold an event of another aggregate found in the stream', async () => {
    const Visited = { ...CaseOpened, type: 'VisitConducted' as const };
    const registry = createEventRegistry([...Case.events, Visited]);
    const store = await storeWith(
      'case-3',
      { type: 'CaseOpened', schemaVersion: 2, data: opened.data },
      { type: 'VisitConducted', schemaVersion: 2, data: opened.data },
    );
    const ledger = createLedger({ store, registry });
    expect(await caught(ledger.load(Case, '3'))).toMatchObject({
      code: 'CORRUPTED_EVENT',
      streamId: 'case-3',
      streamVersion: 1,
      reason: 'unknown-event-type',
    });
  });

  it('will not continue a chain from a head that carries no hash', async () => {
    const inner = await storeWith('case-1', {
      type: 'CaseOpened',
      schemaVersion: 2,
      data: opened.data,
    });
    const store: EventStore = {
      ...inner,
      async *readStream(streamId, options) {
        for await (const event of inner.readStream(streamId, options)) {
          const { hash: _hash, ...metadata } = event.metadata;
          yield { ...event, metadata: metadata as EventMetadata };
        }
      },
    };
    const ledger = createLedger({ store, registry: caseRegistry });
    expect(
      await caught(ledger.append('case-1', [graded], { expectedVersion: 0, actor: officer })),
    ).toMatchObject({ code: 'CORRUPTED_EVENT', streamVersion: 0, reason: 'unreadable' });
  });
});

describe('ledger encoder', () => {
  // Stands in for per-resident encryption: stored data is opaque, hashed as stored.
  const sealing: EventEncoder = {
    name: 'sealing',
    encode: async ({ data }) => ({ sealed: Buffer.from(JSON.stringify(data)).toString('base64') }),
    decode: async ({ data }) =>
      JSON.parse(Buffer.from((data as { sealed: string }).sealed, 'base64').toString()),
  };

  it('stores and hashes the encoded form and reads back the domain form', async () => {
    const store = createMemoryEventStore();
    const ledger = createLedger({ store, registry: caseRegistry, encoder: sealing });
    const { events } = await ledger.append('case-1', [opened], {
      expectedVersion: 'no-stream',
      actor: officer,
    });
    expect(events[0]?.data).toEqual(opened.data);
    const [stored] = await collect(store.readStream('case-1'));
    expect(stored?.data).toHaveProperty('sealed');
    expect(JSON.stringify(stored?.data)).not.toContain('g-07');
    expect(await verifyStream(store, 'case-1')).toMatchObject({ ok: true });
    expect((await collect(ledger.readStream<CaseEvent>('case-1')))[0]?.data).toEqual(opened.data);
  });

  it('reports data the encoder cannot decode as an unreadable event', async () => {
    const store = await storeWith('case-1', {
      type: 'CaseOpened',
      schemaVersion: 2,
      data: opened.data,
    });
    const ledger = createLedger({ store, registry: caseRegistry, encoder: sealing });
    expect(await caught(collect(ledger.readStream('case-1')))).toMatchObject({
      code: 'CORRUPTED_EVENT',
      reason: 'unreadable',
      streamVersion: 0,
    });
  });
});
