import { describe, expect, it } from 'vitest';
import { isRuleViolation, isValidationError } from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import {
  createMemoryReadModelStore,
  createProjectionRunner,
  defineProjection,
  type ProjectionProgress,
} from '@gridledger/projections';
import {
  appendCounts,
  rawEvent,
  tally,
  type TallyEvent,
  type TallyState,
} from './__fixtures__/tally.js';

const setup = () => {
  const store = createMemoryEventStore();
  const readModels = createMemoryReadModelStore();
  const runner = createProjectionRunner({
    store,
    readModels,
    now: () => '2026-08-31T16:00:00.000Z',
  });
  return { store, readModels, runner };
};

describe('catching up', () => {
  it('builds the model on the first run, then folds only what is new', async () => {
    const { store, runner } = setup();
    await appendCounts(store, 'counter-a', 5);
    await store.append('other-1', [rawEvent('Ignored', {})], { expectedVersion: 'any' });
    const first = await runner.catchUp(tally);
    expect(first).toMatchObject({ outcome: 'rebuilt', eventsApplied: 5, eventsInModel: 5 });
    expect((await runner.read(tally))?.state.total).toBe(1 + 2 + 3 + 4 + 5);

    await appendCounts(store, 'counter-b', 2, 10);
    const second = await runner.catchUp(tally);
    expect(second).toMatchObject({ outcome: 'caught-up', eventsApplied: 2, eventsInModel: 7 });
    const model = await runner.read(tally);
    expect(model?.state.total).toBe(15 + 10 + 11);
    expect(model?.checkpoint).toBe(second.checkpoint);
    expect(model?.updatedAt).toBe('2026-08-31T16:00:00.000Z');
    expect(new Set(model?.state.seen).size).toBe(7);

    expect(await runner.catchUp(tally)).toMatchObject({ outcome: 'caught-up', eventsApplied: 0 });
    expect((await runner.read(tally))?.state).toEqual(model?.state);
  });

  it('saves state and checkpoint once per batch', async () => {
    const { store, readModels, runner } = setup();
    await appendCounts(store, 'counter-a', 25);
    await runner.catchUp(tally, { batchSize: 10 });
    // 10 + 10 + 5 into the rebuild copy, then promoted (a move, not a save).
    expect(readModels.saves).toBe(3);
    expect(await readModels.keys()).toEqual(['tally']);
  });

  it('folds with both in-place and fresh-object handlers', async () => {
    const { store, runner } = setup();
    await appendCounts(store, 'counter-a', 3);
    await store.append('counter-a', [rawEvent('Reset', { note: 'new month' })], {
      expectedVersion: 'any',
    });
    await appendCounts(store, 'counter-a', 1, 7);
    await runner.catchUp(tally, { batchSize: 2 });
    const state = (await runner.read(tally))?.state as TallyState;
    expect(state.total).toBe(7);
    expect(state.seen).toHaveLength(5);
  });

  it('reports progress with a known total, a rate and an ETA', async () => {
    const { store, runner } = setup();
    await appendCounts(store, 'counter-a', 600);
    const reports: ProjectionProgress[] = [];
    await runner.catchUp(tally, { onProgress: (p) => reports.push(p), progressIntervalMs: 0 });
    expect(reports.length).toBeGreaterThanOrEqual(3); // start, every 256 events, end
    expect(reports[0]).toMatchObject({ projection: 'tally', mode: 'rebuild', eventsDone: 0 });
    const last = reports.at(-1)!;
    expect(last).toMatchObject({ eventsDone: 600, eventsTotal: 600, etaSeconds: 0, final: true });
    expect(reports.every((r) => r.eventsTotal === 600)).toBe(true);
    const done = reports.map((r) => r.eventsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(reports.slice(1).every((r) => r.eventsPerSecond > 0)).toBe(true);
  });

  it('refuses a bad batch size and a second run of the same projection at once', async () => {
    const { store, runner } = setup();
    await appendCounts(store, 'counter-a', 3);
    await expect(runner.catchUp(tally, { batchSize: 0 })).rejects.toSatisfy(isValidationError);
    const running = runner.catchUp(tally);
    const second = runner.rebuild(tally).catch((e: unknown) => e);
    await running;
    const error = await second;
    expect(isRuleViolation(error)).toBe(true);
    expect(error).toMatchObject({ rule: 'projection-already-running' });
  });

  it('refuses a projection whose definition is malformed', () => {
    const attempt = (name: string, version: number) => () =>
      defineProjection<object, never>({ name, version, initialState: () => ({}), handlers: {} });
    expect(attempt('rate@v2', 1)).toThrow(/name/);
    expect(attempt('rate', 0)).toThrow(/version: must be a whole number ≥ 1/);
    expect(attempt('rate', 1)).toThrow(/handlers: a projection must handle at least one event/);
  });

  it('refuses to save state JSON cannot carry, naming the path', async () => {
    const { store, runner } = setup();
    await appendCounts(store, 'counter-a', 2);
    const withMap = defineProjection<{ byGrid: Map<string, number> }, TallyEvent>({
      name: 'with-map',
      version: 1,
      initialState: () => ({ byGrid: new Map() }),
      handlers: { Counted: (s) => s, Reset: (s) => s },
    });
    const error = await runner.catchUp(withMap).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues[0]?.path).toBe('state.byGrid');
    expect(await runner.read(withMap)).toBeUndefined();
  });

  it('never calls an inherited method for an event type named like one', async () => {
    const { store, runner } = setup();
    await store.append('x-1', [rawEvent('constructor', {})], { expectedVersion: 'any' });
    await appendCounts(store, 'counter-a', 1);
    // A store that ignored the type filter would hand `constructor` over; the runner passes it by.
    const unfiltered = { ...store, readAll: () => store.readAll() };
    const runner2 = createProjectionRunner({
      store: unfiltered,
      readModels: createMemoryReadModelStore(),
    });
    await runner2.catchUp(tally);
    expect((await runner2.read(tally))?.state.total).toBe(1);
    expect((await runner.catchUp(tally)).eventsApplied).toBe(1);
  });
});

describe('batching by default', () => {
  it('grows the batch while saving costs much more than folding', async () => {
    const store = createMemoryEventStore();
    await appendCounts(store, 'counter-a', 10_000);
    const inner = createMemoryReadModelStore();
    let saves = 0;
    // Each save spins for 20 ms, as a large state would; folding 1000 events takes far less.
    const slow = {
      ...inner,
      load: inner.load.bind(inner),
      save: async (...args: Parameters<typeof inner.save>) => {
        saves++;
        const until = performance.now() + 20;
        while (performance.now() < until);
        await inner.save(...args);
      },
      promote: inner.promote.bind(inner),
      delete: inner.delete.bind(inner),
      keys: inner.keys.bind(inner),
    };
    const runner = createProjectionRunner({ store, readModels: slow });
    await runner.catchUp(tally);
    // A fixed batch of 1000 would save 10 times; doubling saves after 1000, 3000, 7000 and at the end.
    expect(saves).toBeLessThanOrEqual(5);
    expect((await runner.read(tally))?.eventsApplied).toBe(10_000);
  });
});
