// Crypto-shredding through the ledger: personal fields are sealed before hashing, read back
// plain, and once their subject is forgotten read back as ERASED with every chain still verifying.
import { describe, expect, it } from 'vitest';
import {
  ERASED,
  ERASURE_STREAM,
  createEventRegistry,
  createLedger,
  createMemoryKeyStore,
  createPersonalDataEncoder,
  defineEvent,
  forgetSubjects,
  gridledgerEvents,
  isCorruptedEvent,
  isErased,
  isValidationError,
  personal,
  type Actor,
  type EventStore,
  type KeyStore,
  type RecordedEvent,
} from '@gridledger/core';
import { steppingClock } from '@gridledger/core/testing';
import { z } from 'zod';
import { verifyStream } from '@gridledger/core/audit';
import { createMemoryEventStore } from '../__fixtures__/memoryStore.js';

const officer: Actor = { id: 'm-jiang', role: 'community-police-officer' };
const registry = createEventRegistry(gridledgerEvents);

function setUp(
  store: EventStore = createMemoryEventStore(),
  keys: KeyStore = createMemoryKeyStore(),
) {
  const encoder = createPersonalDataEncoder({ keys, events: gridledgerEvents });
  const ledger = createLedger({
    store,
    registry,
    encoder,
    clock: steppingClock('2026-07-01T08:00:00.000Z', 1000),
  });
  return { store, keys, encoder, ledger };
}

const kangVisit = {
  visitId: 'v-kang',
  community: 'xuzhai',
  grid: 'xuzhai-03',
  household: { householdId: 'h-kang', address: 'Building 3, unit 2' },
  purpose: 'service',
  visitors: ['m-zhao'],
  scheduledFor: '2026-07-15T09:30:00+08:00',
};

async function recordKang(ledger: ReturnType<typeof setUp>['ledger']) {
  await ledger.append(
    'visit-v-kang',
    [
      { type: 'VisitScheduled', data: kangVisit },
      { type: 'VisitConducted', data: { visitors: ['m-zhao'] } },
      { type: 'VisitClosed', data: { note: 'Kang thanked the officers' } },
    ],
    { expectedVersion: 'no-stream', actor: officer },
  );
}

async function all<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('the personal-data encoder', () => {
  it('stores and hashes ciphertext, and reads the plain values back', async () => {
    const { store, ledger } = setUp();
    await recordKang(ledger);
    const stored = JSON.stringify(await all(store.readStream('visit-v-kang')));
    expect(stored).not.toContain('Building 3');
    expect(stored).not.toContain('Kang thanked');
    expect(stored).toContain('"$sealed":"household:h-kang"');
    expect(stored).toContain('"$sealed":"record:visit-v-kang"');
    const read = await all(ledger.readStream('visit-v-kang'));
    expect(read[0]?.data).toEqual(kangVisit);
    expect(read[2]?.data).toEqual({ note: 'Kang thanked the officers' });
    expect((await verifyStream(store, 'visit-v-kang')).ok).toBe(true);
  });

  it('reads a forgotten subject’s fields as ERASED, the rest intact, every chain verifying', async () => {
    const { store, keys, ledger } = setUp();
    await recordKang(ledger);
    const result = await forgetSubjects(ledger, keys, {
      subjects: ['household:h-kang'],
      request: 'PIPL-2026-0042',
      actor: officer,
    });
    expect(result).toEqual({
      erased: ['household:h-kang', 'record:visit-v-kang'],
      streams: ['visit-v-kang'],
      keysDeleted: 2,
    });
    const read = await all(ledger.readStream('visit-v-kang'));
    expect(read[0]?.data).toEqual({
      ...kangVisit,
      household: { householdId: 'h-kang', address: ERASED },
    });
    expect(isErased((read[2]?.data as { note: string }).note)).toBe(true);
    expect(read.map((e) => e.type)).toEqual(['VisitScheduled', 'VisitConducted', 'VisitClosed']);
    expect((await verifyStream(store, 'visit-v-kang')).ok).toBe(true);
    expect((await verifyStream(store, ERASURE_STREAM)).ok).toBe(true);

    const [erasure] = await all<RecordedEvent>(ledger.readStream(ERASURE_STREAM));
    expect(erasure?.type).toBe('SubjectsForgotten');
    expect(erasure?.data).toEqual({
      request: 'PIPL-2026-0042',
      subjects: ['household:h-kang'],
      erased: ['household:h-kang', 'record:visit-v-kang'],
    });
    expect(erasure?.metadata.actor).toEqual(officer);
  });

  it('refuses a subject named nowhere, and a malformed one, recording nothing', async () => {
    const { keys, ledger } = setUp();
    await recordKang(ledger);
    for (const subjects of [['household:h-nobody'], ['Kang'], []]) {
      const error = await forgetSubjects(ledger, keys, {
        subjects,
        request: 'R-1',
        actor: officer,
      }).catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(await all(ledger.readStream('visit-v-kang'))).toHaveLength(3);
    await expect(all(ledger.readStream(ERASURE_STREAM))).rejects.toThrow(/not found/);
  });

  it('seals what is recorded after the erasure under a new key, readable', async () => {
    const { keys, ledger } = setUp();
    await recordKang(ledger);
    await forgetSubjects(ledger, keys, {
      subjects: ['household:h-kang'],
      request: 'R-1',
      actor: officer,
    });
    await ledger.append(
      'visit-v-kang-2',
      [{ type: 'VisitScheduled', data: { ...kangVisit, visitId: 'v-kang-2' } }],
      { expectedVersion: 'no-stream', actor: officer },
    );
    const [again] = await all(ledger.readStream('visit-v-kang-2'));
    expect(again?.data).toMatchObject({ household: { address: 'Building 3, unit 2' } });
    const [first] = await all(ledger.readStream('visit-v-kang'));
    expect(first?.data).toMatchObject({ household: { address: ERASED } });
  });

  it('refuses a sealed value moved to another event as corrupted', async () => {
    const { store, encoder, ledger } = setUp();
    await recordKang(ledger);
    const [scheduled] = await all(store.readStream('visit-v-kang'));
    const moved = { ...scheduled!, id: '01J00000000000000000000000' };
    await expect(encoder.decode(moved)).rejects.toThrow(/fails authentication/);
    // Through the ledger, an event whose sealed value does not open is a CorruptedEventError.
    const tampered = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'readStream') return Reflect.get(target, property, receiver) as unknown;
        return async function* (streamId: string) {
          for await (const event of target.readStream(streamId)) {
            yield event.streamVersion === 0 ? moved : event;
          }
        };
      },
    });
    const reader = createLedger({ store: tampered, registry, encoder });
    const error = await all(reader.readStream('visit-v-kang')).catch((e: unknown) => e);
    expect(isCorruptedEvent(error), String(error)).toBe(true);
  });

  it('upcasts an erased event of an older schema version', async () => {
    const NoteV1 = defineEvent({
      type: 'Noted',
      schema: z.object({
        by: personal(z.string(), { kind: 'person', idKey: 'personId' }),
        personId: z.string(),
      }),
    });
    const NoteV2 = defineEvent({
      type: 'Noted',
      schemaVersion: 2,
      schema: z.object({ by: z.string(), personId: z.string(), lang: z.string() }),
      upcasters: { 1: (d) => ({ ...(d as object), lang: 'zh' }) },
    });
    const store = createMemoryEventStore();
    const keys = createMemoryKeyStore();
    const v1 = createLedger({
      store,
      registry: createEventRegistry([
        NoteV1,
        ...gridledgerEvents.filter((d) => d.type === 'SubjectsForgotten'),
      ]),
      encoder: createPersonalDataEncoder({ keys, events: [NoteV1] }),
    });
    await v1.append('note-1', [{ type: 'Noted', data: { by: 'Wang Fang', personId: 'x-1' } }], {
      expectedVersion: 'no-stream',
      actor: officer,
    });
    await forgetSubjects(v1, keys, { subjects: ['person:x-1'], request: 'R-9', actor: officer });
    const v2 = createLedger({
      store,
      registry: createEventRegistry([NoteV2]),
      encoder: createPersonalDataEncoder({ keys, events: [NoteV2] }),
    });
    const [note] = await all(v2.readStream('note-1'));
    expect(note?.data).toEqual({ by: ERASED, personId: 'x-1', lang: 'zh' });
    expect((await verifyStream(store, 'note-1')).ok).toBe(true);
  });
});
