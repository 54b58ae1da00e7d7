import { describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  defineEvent,
  isCorruptedEvent,
  isStoreUnavailable,
  PatrolCompleted,
  type EventStore,
  type PatrolEventOf,
} from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import {
  createMemoryReadModelStore,
  createProjectionRunner,
  defineProjection,
  isProjectionHandlerError,
} from '@gridledger/projections';
import { Crash, faultyEventStore, faultyReadModels } from './__fixtures__/faults.js';
import { appendCounts, rawEvent, tally, type TallyState } from './__fixtures__/tally.js';

async function history(): Promise<EventStore> {
  const store = createMemoryEventStore();
  await appendCounts(store, 'counter-a', 40);
  await store.append('counter-b', [rawEvent('Reset', { note: 'audit' })], {
    expectedVersion: 'any',
  });
  await appendCounts(store, 'counter-c', 23, 5);
  return store;
}

async function untroubled(store: EventStore): Promise<TallyState> {
  const runner = createProjectionRunner({ store, readModels: createMemoryReadModelStore() });
  await runner.catchUp(tally);
  return (await runner.read(tally))!.state;
}

describe('crashes and restarts', () => {
  it('gives the same model as no crash, whichever save fails and however', async () => {
    const store = await history();
    const expected = await untroubled(store);
    for (const afterCommit of [false, true]) {
      for (let failOnSave = 1; failOnSave <= 7; failOnSave++) {
        const readModels = createMemoryReadModelStore();
        const crashing = createProjectionRunner({
          store,
          readModels: faultyReadModels(readModels, { failOnSave, afterCommit }),
        });
        await expect(crashing.catchUp(tally, { batchSize: 10 })).rejects.toBeInstanceOf(Crash);
        // A restart is a new runner over the same read-model store.
        const restarted = createProjectionRunner({ store, readModels });
        await restarted.catchUp(tally, { batchSize: 10 });
        const state = (await restarted.read(tally))!.state;
        expect(state, `save ${failOnSave}, afterCommit ${afterCommit}`).toEqual(expected);
      }
    }
  });

  it('gives the same model when the store dies in the middle of a read', async () => {
    const store = await history();
    const expected = await untroubled(store);
    for (const afterEvents of [0, 9, 10, 11, 37, 63]) {
      const readModels = createMemoryReadModelStore();
      const crashing = createProjectionRunner({
        store: faultyEventStore(store, afterEvents),
        readModels,
      });
      await expect(crashing.catchUp(tally, { batchSize: 10 })).rejects.toSatisfy(
        isStoreUnavailable,
      );
      const restarted = createProjectionRunner({ store, readModels });
      await restarted.catchUp(tally, { batchSize: 10 });
      expect((await restarted.read(tally))!.state, `after ${afterEvents}`).toEqual(expected);
    }
  });

  it('discards a batch a handler failed in, even when it had already mutated the state', async () => {
    const store = await history();
    const readModels = createMemoryReadModelStore();
    let failures = 1;
    const brittle = defineProjection<TallyState, { type: 'Counted'; data: { by: number } }>({
      ...tally,
      handlers: {
        Counted: (state, event) => {
          state.total += event.data.by;
          if (event.data.by === 13 && failures-- > 0) throw new Error('handler bug');
          state.seen.push(event.id);
          return state;
        },
      },
    });
    const runner = createProjectionRunner({ store, readModels });
    const error = await runner.catchUp(brittle, { batchSize: 5 }).catch((e: unknown) => e);
    expect(isProjectionHandlerError(error)).toBe(true);
    expect(error).toMatchObject({
      projection: 'tally',
      eventType: 'Counted',
      streamId: 'counter-a',
      streamVersion: 12,
      message: expect.stringMatching(
        /failed on Counted \(event 12 of stream 'counter-a'.*handler bug$/,
      ),
    });
    expect((error as Error).cause).toEqual(new Error('handler bug'));
    await runner.catchUp(brittle, { batchSize: 5 });
    const state = (await runner.read(brittle))!.state;
    expect(state.seen).toHaveLength(63);
    expect(state.total).toBe((40 * 41) / 2 + (23 * (5 + 27)) / 2);
  });
});

describe('decoding through a registry', () => {
  // A schema migration as it happens in real life: v1 of PatrolCompleted stored hours, v2
  // (the current schema) stores minutes.
  const PatrolCompletedV2 = defineEvent({
    type: 'PatrolCompleted',
    schemaVersion: 2,
    schema: PatrolCompleted.schema,
    upcasters: { 1: (d) => ({ durationMinutes: Number((d as { hours: unknown }).hours) * 60 }) },
  });
  const registry = createEventRegistry([PatrolCompletedV2]);
  const minutes = defineProjection<{ minutes: number }, PatrolEventOf<'PatrolCompleted'>>({
    name: 'patrol-minutes',
    version: 1,
    initialState: () => ({ minutes: 0 }),
    handlers: {
      PatrolCompleted: (state, event) => ({ minutes: state.minutes + event.data.durationMinutes }),
    },
  });
  const completed = (data: unknown, schemaVersion: number) => ({
    ...rawEvent('PatrolCompleted', data),
    schemaVersion,
  });

  it('upcasts old events before the handlers see them', async () => {
    const store = createMemoryEventStore();
    await store.append('patrol-1', [completed({ hours: 2 }, 1)], { expectedVersion: 'any' });
    await store.append('patrol-2', [completed({ durationMinutes: 45 }, 2)], {
      expectedVersion: 'any',
    });
    const runner = createProjectionRunner({
      store,
      registry,
      readModels: createMemoryReadModelStore(),
    });
    await runner.catchUp(minutes);
    expect((await runner.read(minutes))?.state.minutes).toBe(165);
  });

  it('stops at a corrupted event, keeping everything before it and nothing after', async () => {
    const store = createMemoryEventStore();
    for (let i = 0; i < 3; i++) {
      await store.append(`patrol-${i}`, [completed({ durationMinutes: 30 }, 2)], {
        expectedVersion: 'any',
      });
    }
    await store.append('patrol-9', [completed({ hours: 'two' }, 1)], { expectedVersion: 'any' });
    await store.append('patrol-10', [completed({ durationMinutes: 30 }, 2)], {
      expectedVersion: 'any',
    });
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, registry, readModels });
    const error = await runner.catchUp(minutes, { batchSize: 2 }).catch((e: unknown) => e);
    expect(isCorruptedEvent(error)).toBe(true);
    expect(error).toMatchObject({
      streamId: 'patrol-9',
      streamVersion: 0,
      reason: 'schema-mismatch',
    });
    // The first build never completed, so no half model is readable; the saved batch waits.
    expect(await runner.read(minutes)).toBeUndefined();
    expect((await readModels.load('patrol-minutes@v1#rebuild'))?.eventsApplied).toBe(2);
  });
});
