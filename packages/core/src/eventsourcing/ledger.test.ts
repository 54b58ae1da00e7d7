import { describe, expect, it } from 'vitest';
import { decodeTime } from 'ulid';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import {
  createLedger,
  isConcurrencyConflict,
  isValidationError,
  type Actor,
  type EventStore,
  type ExpectedVersion,
  type LedgerAppendOptions,
} from '@gridledger/core';
import { hashEvent, hashInputOf, verifyStream } from '@gridledger/core/audit';
import { steppingClock } from '@gridledger/core/testing';
import { caseRegistry, type CaseEvent } from './__fixtures__/caseAggregate.js';
import { collect, withRivalWriter } from './__fixtures__/stores.js';

const officer: Actor = { id: 'officer-jiang', role: 'community-police-officer', name: 'Jiang Lin' };
const opened: CaseEvent = { type: 'CaseOpened', data: { title: 'TV vs deposit', grid: 'g-07' } };
const graded: CaseEvent = { type: 'CaseGraded', data: { grade: 2 } };
const session: CaseEvent = { type: 'SessionHeld', data: { sessionId: 's-1', note: 'met' } };

function setup(store: EventStore = createMemoryEventStore()) {
  const clock = steppingClock('2026-07-01T09:00:00.000Z', 1000);
  return { store, clock, ledger: createLedger({ store, registry: caseRegistry, clock }) };
}

const as = (expectedVersion: ExpectedVersion): LedgerAppendOptions => ({
  expectedVersion,
  actor: officer,
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ledger append', () => {
  it('stamps ids, times, correlation and a hash chain that verifies', async () => {
    const { ledger, store } = setup();
    const first = await ledger.append('case-1', [opened, graded], {
      ...as('no-stream'),
      occurredAt: '2026-06-30T20:15:00+08:00',
      causationId: 'call-from-community-staff',
    });
    const [a, b] = first.events;
    expect(a?.metadata).toMatchObject({
      actor: officer,
      occurredAt: '2026-06-30T20:15:00+08:00',
      recordedAt: '2026-07-01T09:00:00.000Z',
      correlationId: a?.id,
      causationId: 'call-from-community-staff',
      prevHash: null,
    });
    expect(decodeTime(a!.id)).toBe(Date.parse('2026-07-01T09:00:00.000Z'));
    expect(b!.id > a!.id).toBe(true);
    expect(b?.metadata.prevHash).toBe(a?.metadata.hash);
    expect(b?.metadata.correlationId).toBe(a?.id);
    expect(first.streamVersion).toBe(1);

    const second = await ledger.append('case-1', [session], as(1));
    const c = second.events[0]!;
    expect(c.metadata.occurredAt).toBe(c.metadata.recordedAt);
    expect(c.metadata.recordedAt).toBe('2026-07-01T09:00:01.000Z');
    expect(c.metadata).not.toHaveProperty('causationId');
    expect(c.metadata.prevHash).toBe(b?.metadata.hash);

    const stored = await collect(store.readAll());
    expect(stored.map((e) => e.position)).toEqual([...first.events, c].map((e) => e.position));
    expect(stored.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
    expect(second.position).toBe(stored[2]?.position);
    for (const event of stored) expect(event.metadata.hash).toBe(hashEvent(hashInputOf(event)));
    expect(await verifyStream(store, 'case-1')).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('refuses bad input with a ValidationError naming it, and writes nothing', async () => {
    const { ledger, store } = setup();
    const badEvent = { type: 'CaseGraded', data: { grade: 7 } } as CaseEvent;
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => ledger.append('case-1', [], as('any')), 'append', 'events'],
      [() => ledger.append('case-1', [badEvent], as('any')), 'event CaseGraded', 'grade'],
      [
        () => ledger.append('case-1', [opened, badEvent], as('any')),
        'CaseGraded (events[1])',
        'grade',
      ],
      [
        () => ledger.append('case-1', [{ type: 'CaseLost', data: {} }], as('any')),
        'event CaseLost',
        'type',
      ],
      [
        () => ledger.append('case-1', [null as unknown as CaseEvent], as('any')),
        'append',
        'events[0]',
      ],
      [
        () =>
          ledger.append('case-1', [opened], { ...as('any'), actor: { id: '', role: 'mediator' } }),
        'append',
        'actor.id',
      ],
      [
        () => ledger.append('case-1', [opened], { expectedVersion: 'any' } as LedgerAppendOptions),
        'append',
        'actor',
      ],
      [
        () =>
          ledger.append('case-1', [opened], {
            ...as('any'),
            actor: { ...officer, idNumber: '3203' } as Actor,
          }),
        'append',
        'actor',
      ],
      [
        () => ledger.append('case-1', [opened], { ...as('any'), occurredAt: 'end of June' }),
        'append',
        'occurredAt',
      ],
      [() => ledger.append('case-1', [opened], as(-1)), 'append', 'expectedVersion'],
      [
        () => ledger.append('case-1', [opened], as('latest' as ExpectedVersion)),
        'append',
        'expectedVersion',
      ],
      [() => ledger.append('', [opened], as('any')), 'append', 'streamId'],
      [
        () => ledger.append('case-1', [opened], undefined as unknown as LedgerAppendOptions),
        'append',
        'options',
      ],
      [
        () => ledger.append('case-1', [opened], { ...as('any'), correlationId: '' }),
        'append',
        'correlationId',
      ],
    ];
    for (const [attempt, subject, path] of cases) {
      const error = await caught(attempt());
      expect(isValidationError(error), String(error)).toBe(true);
      expect((error as { subject: string }).subject).toContain(subject);
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    }
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('honours every expected-version form, naming expected and actual on a conflict', async () => {
    const { ledger } = setup();
    const conflict = async (stream: string, expected: ExpectedVersion, actual: number | string) => {
      const error = await caught(ledger.append(stream, [graded], as(expected)));
      expect(isConcurrencyConflict(error)).toBe(true);
      expect(error).toMatchObject({ streamId: stream, expected, actual });
    };
    await conflict('case-1', 'stream-exists', 'no-stream');
    await conflict('case-1', 0, 'no-stream');
    await ledger.append('case-1', [opened], as('no-stream'));
    await conflict('case-1', 'no-stream', 0);
    await conflict('case-1', 1, 0);
    await ledger.append('case-1', [graded], as(0));
    await ledger.append('case-1', [session], as('stream-exists'));
    await ledger.append('case-1', [session], as('any'));
    await ledger.append('case-2', [opened], as('any'));
    const versions = (await collect(ledger.readStream('case-1'))).map((e) => e.streamVersion);
    expect(versions).toEqual([0, 1, 2, 3]);
  });

  it('surfaces a conflict from the store itself when a rival writes in between', async () => {
    const inner = createMemoryEventStore();
    const rivalLedger = createLedger({ store: inner, registry: caseRegistry });
    const store = withRivalWriter(inner, async (streamId) => {
      await rivalLedger.append(streamId, [graded], as('any'));
    });
    const { ledger } = setup(store);
    await rivalLedger.append('case-1', [opened], as('no-stream'));
    const error = await caught(ledger.append('case-1', [session], as(0)));
    expect(error).toMatchObject({ code: 'CONCURRENCY_CONFLICT', expected: 0, actual: 1 });
    expect(store.appendsSeen()).toBe(1);
    expect(await verifyStream(inner, 'case-1')).toMatchObject({ ok: true, eventsChecked: 2 });
  });

  it('re-reads and retries for a caller expecting any, a bounded number of times', async () => {
    const inner = createMemoryEventStore();
    const rivalLedger = createLedger({ store: inner, registry: caseRegistry });
    const rival = async (streamId: string) => {
      await rivalLedger.append(streamId, [graded], as('any'));
    };
    const once = withRivalWriter(inner, rival, 1);
    const { events } = await setup(once).ledger.append('case-1', [session], as('any'));
    expect(events[0]?.streamVersion).toBe(1);
    const always = withRivalWriter(inner, rival);
    const error = await caught(setup(always).ledger.append('case-1', [session], as('any')));
    expect(isConcurrencyConflict(error)).toBe(true);
    expect(always.appendsSeen()).toBe(4);
    expect(await verifyStream(inner, 'case-1')).toMatchObject({ ok: true, eventsChecked: 6 });
  });

  it('keeps one linear chain when writers race on one stream', async () => {
    const store = createMemoryEventStore();
    const writers = Array.from({ length: 4 }, () =>
      createLedger({ store, registry: caseRegistry }),
    );
    let conflicts = 0;
    // Each writer reads the version it saw and insists on it, retrying on a conflict.
    const write = async (writer: (typeof writers)[number], note: string) => {
      for (;;) {
        const [last] = await collect(
          writer.readStream('case-9', { direction: 'backwards', limit: 1 }),
        ).catch(() => []);
        try {
          const event: CaseEvent = { type: 'SessionHeld', data: { sessionId: note, note } };
          return await writer.append('case-9', [event], as(last?.streamVersion ?? 'no-stream'));
        } catch (error) {
          if (!isConcurrencyConflict(error)) throw error;
          conflicts++;
        }
      }
    };
    const eager = Array.from({ length: 6 }, (_, i) =>
      writers[i % writers.length]!.append(
        'case-9',
        [{ type: 'SessionHeld', data: { sessionId: `any-${i}`, note: 'any' } }],
        as('any'),
      ).then(
        () => 'written',
        (error: unknown) => {
          if (isConcurrencyConflict(error)) return 'conflict';
          throw error;
        },
      ),
    );
    const [outcomes] = await Promise.all([
      Promise.all(eager),
      ...Array.from({ length: 8 }, (_, i) => write(writers[i % writers.length]!, `n-${i}`)),
    ]);
    expect(conflicts).toBeGreaterThan(0);
    const written = 8 + outcomes.filter((outcome) => outcome === 'written').length;
    const events = await collect(store.readStream('case-9'));
    expect(events).toHaveLength(written);
    expect(new Set(events.map((e) => e.metadata.prevHash)).size).toBe(written);
    expect(await verifyStream(store, 'case-9')).toMatchObject({ ok: true, eventsChecked: written });
  });
});
