import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import {
  createCommandHandler,
  createLedger,
  isConcurrencyConflict,
  isRuleViolation,
  isValidationError,
  type Actor,
  type AggregateType,
  type EventStore,
} from '@gridledger/core';
import { verifyStream } from '@gridledger/core/audit';
import { steppingClock } from '@gridledger/core/testing';
import {
  Case,
  caseRegistry,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from './__fixtures__/caseAggregate.js';
import { collect, withRivalWriter } from './__fixtures__/stores.js';

const officer: Actor = { id: 'officer-jiang', role: 'community-police-officer' };
const open = { type: 'OpenCase', data: { title: 'TV vs deposit', grid: 'g-07' } };
const grade = { type: 'GradeCase', data: { grade: 2 } };
const hold = { type: 'HoldSession', data: { note: 'both parties met' } };

/** A Case whose decide calls are counted. */
function counted() {
  let decisions = 0;
  const aggregate: AggregateType<CaseCommand, CaseEvent, CaseState> = {
    ...Case,
    decide: (command, state, context) => {
      decisions++;
      return Case.decide(command, state, context);
    },
  };
  return { aggregate, decisions: () => decisions };
}

/** A store where, before each of the first `times` appends, a rival grades the case again. */
function contested(times: number) {
  const inner = createMemoryEventStore();
  const rival = createLedger({ store: inner, registry: caseRegistry });
  const store = withRivalWriter(
    inner,
    async (streamId) => {
      await rival.append(streamId, [{ type: 'CaseGraded', data: { grade: 3 } }], {
        expectedVersion: 'stream-exists',
        actor: { id: 'director-zhao', role: 'station-director' },
      });
    },
    times,
  );
  return { inner, store };
}

async function openedCase(store: EventStore) {
  const ledger = createLedger({ store, registry: caseRegistry });
  await ledger.append(
    'case-1',
    [
      { type: 'CaseOpened', data: open.data },
      { type: 'CaseGraded', data: { grade: 1 } },
    ],
    {
      expectedVersion: 'no-stream',
      actor: officer,
    },
  );
}

describe('command handler', () => {
  it('validates, decides, appends and returns the new state', async () => {
    const store = createMemoryEventStore();
    const ledger = createLedger({
      store,
      registry: caseRegistry,
      clock: steppingClock('2026-07-01T09:00:00.000Z'),
    });
    const handle = createCommandHandler(ledger, Case);
    const first = await handle('1', open, { actor: officer, now: '2026-06-30T20:00:00+08:00' });
    expect(first).toMatchObject({
      streamId: 'case-1',
      state: { status: 'open', sessions: 0 },
      streamVersion: 0,
    });
    expect(first.events[0]?.metadata.occurredAt).toBe('2026-06-30T20:00:00+08:00');
    expect(first.position).toBe(first.events[0]?.position);
    await handle.handle('1', grade, { actor: officer });
    const third = await handle('1', hold, { actor: officer });
    expect(third.state).toEqual({ status: 'graded', grade: 2, sessions: 1 });
    // Ids inside events come from the ledger's id source, not from decide.
    expect(third.events[0]?.data).toMatchObject({
      sessionId: expect.stringMatching(/^[0-9A-Z]{26}$/),
    });
    expect(third.streamVersion).toBe(2);
  });

  it('reads the stream once per command: the head it loaded is the head it appends after', async () => {
    const inner = createMemoryEventStore();
    await openedCase(inner);
    const reads: string[] = [];
    const store: EventStore = {
      ...inner,
      readStream: (streamId, options) => {
        reads.push(`${streamId} ${options?.direction ?? 'forwards'}`);
        return inner.readStream(streamId, options);
      },
    };
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), Case);
    await handle('1', grade, { actor: officer });
    await handle('2', open, { actor: officer });
    expect(reads).toEqual(['case-1 forwards', 'case-2 forwards']);
    expect((await verifyStream(inner, 'case-1')).ok).toBe(true);
    expect((await verifyStream(inner, 'case-2')).ok).toBe(true);
  });

  it('reloads and decides again after a conflict, then succeeds', async () => {
    const { inner, store } = contested(2);
    await openedCase(inner);
    const { aggregate, decisions } = counted();
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), aggregate);
    const result = await handle('1', hold, { actor: officer });
    expect(decisions()).toBe(3);
    expect(result.streamVersion).toBe(4);
    expect(result.state).toEqual({ status: 'graded', grade: 3, sessions: 1 });
    expect(await verifyStream(inner, 'case-1')).toMatchObject({ ok: true, eventsChecked: 5 });
  });

  it('surfaces the conflict after maxRetries', async () => {
    const { inner, store } = contested(Infinity);
    await openedCase(inner);
    const { aggregate, decisions } = counted();
    const ledger = createLedger({ store, registry: caseRegistry });
    const error = await createCommandHandler(ledger, aggregate, { maxRetries: 2 })('1', hold, {
      actor: officer,
    }).catch((e: unknown) => e);
    expect(isConcurrencyConflict(error)).toBe(true);
    expect(decisions()).toBe(3);
    expect(store.appendsSeen()).toBe(3);
    const sessions = (await collect(inner.readStream('case-1'))).filter(
      (e) => e.type === 'SessionHeld',
    );
    expect(sessions).toEqual([]);
  });

  it('enforces a caller-given expected version and never retries past it', async () => {
    const store = createMemoryEventStore();
    await openedCase(store);
    const { aggregate, decisions } = counted();
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), aggregate);
    const stale = await handle('1', hold, { actor: officer, expectedVersion: 0 }).catch(
      (e: unknown) => e,
    );
    expect(stale).toMatchObject({ code: 'CONCURRENCY_CONFLICT', expected: 0, actual: 1 });
    expect(decisions()).toBe(0);

    const race = contested(1);
    await openedCase(race.inner);
    const raced = createCommandHandler(
      createLedger({ store: race.store, registry: caseRegistry }),
      aggregate,
    );
    const lost = await raced('1', hold, { actor: officer, expectedVersion: 1 }).catch(
      (e: unknown) => e,
    );
    expect(lost).toMatchObject({ code: 'CONCURRENCY_CONFLICT', expected: 1, actual: 2 });
    expect(decisions()).toBe(1);
    expect(await handle('1', hold, { actor: officer, expectedVersion: 1 })).toMatchObject({
      streamVersion: 2,
    });
  });

  it('propagates correlation and causation ids to every event', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), Case);
    const opened = await handle('1', open, { actor: officer });
    expect(opened.events[0]?.metadata.correlationId).toBe(opened.events[0]?.id);
    const graded = await handle('1', grade, {
      actor: officer,
      correlationId: 'report-2026-07-01-xu',
      causationId: opened.events[0]!.id,
    });
    expect(graded.events[0]?.metadata).toMatchObject({
      correlationId: 'report-2026-07-01-xu',
      causationId: opened.events[0]?.id,
    });
  });

  it('refuses an invalid command or context with a ValidationError and writes nothing', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), Case);
    const attempts: [() => Promise<unknown>, string, string][] = [
      [
        () => handle('1', { type: 'GradeCase', data: { grade: 'high' } }, { actor: officer }),
        'command GradeCase',
        'data.grade',
      ],
      [() => handle('1', { type: 'Shout', data: {} }, { actor: officer }), 'command Shout', 'type'],
      [() => handle('1', open, { actor: { id: 'x' } as Actor }), 'command OpenCase', 'actor.role'],
      [() => handle('1', open, { actor: officer, now: 'yesterday' }), 'command OpenCase', 'now'],
      [() => handle('', open, { actor: officer }), 'command OpenCase', 'id'],
      [
        () => handle('1', open, undefined as unknown as { actor: Actor }),
        'command OpenCase',
        'context',
      ],
      [
        () => handle('1', open, { actor: officer, expectedVersion: 1.5 }),
        'command OpenCase',
        'expectedVersion',
      ],
    ];
    for (const [attempt, subject, path] of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ subject: expect.stringContaining(subject) });
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    }
    expect(await collect(store.readAll())).toEqual([]);
    expect(() =>
      createCommandHandler(createLedger({ store, registry: caseRegistry }), Case, {
        maxRetries: -1,
      }),
    ).toThrowError(/maxRetries/);
  });

  it('lets rule violations through unchanged and writes nothing', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), Case);
    await handle('1', open, { actor: officer });
    const error = await handle('1', hold, { actor: officer }).catch((e: unknown) => e);
    expect(isRuleViolation(error)).toBe(true);
    expect(error).toMatchObject({ rule: 'case.not-graded', details: { status: 'open' } });
    expect(await collect(store.readStream('case-1'))).toHaveLength(1);
  });

  it('writes nothing when decide returns no events', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler(createLedger({ store, registry: caseRegistry }), Case);
    const nothingYet = await handle('1', { type: 'Remark', data: {} }, { actor: officer });
    expect(nothingYet).toEqual({
      streamId: 'case-1',
      events: [],
      state: Case.initialState(),
      streamVersion: undefined,
      position: undefined,
    });
    await handle('1', open, { actor: officer });
    const after = await handle('1', { type: 'Remark', data: {} }, { actor: officer });
    expect(after).toMatchObject({ events: [], streamVersion: 0, position: undefined });
    expect(await collect(store.readAll())).toHaveLength(1);
  });
});
