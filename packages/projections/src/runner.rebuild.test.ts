import { describe, expect, it } from 'vitest';
import type { ReadModelStore } from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import {
  createMemoryReadModelStore,
  createProjectionRunner,
  defineProjection,
} from '@gridledger/projections';
import { appendCounts, tally, type TallyEvent, type TallyState } from './__fixtures__/tally.js';

/** Records which keys were written, to prove readers never see a half-built model. */
function spying(inner: ReadModelStore) {
  const saved: string[] = [];
  const promoted: [string, string][] = [];
  const store: ReadModelStore = {
    ...inner,
    load: (key) => inner.load(key),
    save: async (key, record) => {
      saved.push(key);
      await inner.save(key, record);
    },
    promote: async (from, to) => {
      promoted.push([from, to]);
      await inner.promote(from, to);
    },
    delete: (key) => inner.delete(key),
    keys: (prefix) => inner.keys(prefix),
  };
  return { store, saved, promoted };
}

const tallyV2 = defineProjection<TallyState, TallyEvent>({
  ...tally,
  version: 2,
  // v2 counts every event as 100: a different model from the same history.
  handlers: {
    Counted: (state, event) => ({ total: state.total + 100, seen: [...state.seen, event.id] }),
    Reset: (state, event) => ({ total: 0, seen: [...state.seen, event.id] }),
  },
});

describe('rebuilding', () => {
  it('builds into a side copy and switches it in only when complete', async () => {
    const store = createMemoryEventStore();
    const spy = spying(createMemoryReadModelStore());
    const runner = createProjectionRunner({ store, readModels: spy.store });
    await appendCounts(store, 'counter-a', 30);
    await runner.catchUp(tally);
    spy.saved.length = 0;

    const result = await runner.rebuild(tally, { batchSize: 7 });
    expect(result).toMatchObject({ outcome: 'rebuilt', eventsApplied: 30, eventsInModel: 30 });
    expect(new Set(spy.saved)).toEqual(new Set(['tally@v1#rebuild']));
    expect(spy.promoted.at(-1)).toEqual(['tally@v1#rebuild', 'tally']);
    expect((await runner.read(tally))?.state.total).toBe((30 * 31) / 2);
  });

  it('keeps serving the complete old model while a cancelled rebuild waits', async () => {
    const store = createMemoryEventStore();
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, readModels });
    await appendCounts(store, 'counter-a', 1000);
    await runner.catchUp(tally);
    const before = await runner.read(tally);

    const controller = new AbortController();
    const cancelled = await runner.rebuild(tally, {
      signal: controller.signal,
      batchSize: 100,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.eventsDone >= 512) controller.abort();
      },
    });
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.eventsApplied).toBe(512);
    expect(await runner.read(tally)).toEqual(before);
    const status = await runner.status(tally);
    expect(status).toMatchObject({ current: true, rebuild: { eventsApplied: 512 } });

    // Resuming picks up where the cancelled rebuild stopped.
    const resumed = await runner.rebuild(tally);
    expect(resumed).toMatchObject({ outcome: 'rebuilt', eventsApplied: 488, eventsInModel: 1000 });
    expect((await runner.read(tally))?.state).toEqual(before?.state);
    expect(await readModels.keys()).toEqual(['tally']);
  });

  it('starts over when asked not to resume', async () => {
    const store = createMemoryEventStore();
    const runner = createProjectionRunner({ store, readModels: createMemoryReadModelStore() });
    await appendCounts(store, 'counter-a', 600);
    const controller = new AbortController();
    await runner.rebuild(tally, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => p.eventsDone >= 256 && controller.abort(),
    });
    const fresh = await runner.rebuild(tally, { resume: false });
    expect(fresh).toMatchObject({ outcome: 'rebuilt', eventsApplied: 600 });
    expect(new Set((await runner.read(tally))?.state.seen).size).toBe(600);
  });

  it('does nothing when the signal is already aborted', async () => {
    const store = createMemoryEventStore();
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, readModels });
    await appendCounts(store, 'counter-a', 3);
    const result = await runner.rebuild(tally, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ outcome: 'cancelled', eventsApplied: 0 });
    expect(await readModels.keys()).toEqual([]);
  });

  it('rebuilds an empty history into an empty model', async () => {
    const runner = createProjectionRunner({
      store: createMemoryEventStore(),
      readModels: createMemoryReadModelStore(),
    });
    expect(await runner.catchUp(tally)).toMatchObject({ outcome: 'rebuilt', eventsApplied: 0 });
    expect((await runner.read(tally))?.state).toEqual({ total: 0, seen: [] });
  });

  it('rebuilds a projection whose version changed instead of continuing it', async () => {
    const store = createMemoryEventStore();
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, readModels });
    await appendCounts(store, 'counter-a', 4);
    await runner.catchUp(tally);
    expect(await runner.read(tallyV2)).toBeUndefined();
    expect((await runner.status(tallyV2)).current).toBe(false);

    const result = await runner.catchUp(tallyV2);
    expect(result).toMatchObject({ outcome: 'rebuilt', eventsApplied: 4 });
    expect((await runner.read(tallyV2))?.state.total).toBe(400);
    expect(await runner.read(tally)).toBeUndefined();
    expect(await readModels.keys()).toEqual(['tally']);
  });

  it('drops an interrupted rebuild of an older version, never of a newer one', async () => {
    const store = createMemoryEventStore();
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, readModels });
    await appendCounts(store, 'counter-a', 300);
    const controller = new AbortController();
    await runner.rebuild(tallyV2, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => p.eventsDone >= 256 && controller.abort(),
    });
    expect(await readModels.keys()).toEqual(['tally@v2#rebuild']);
    await runner.rebuild(tally);
    expect(await readModels.keys()).toEqual(['tally', 'tally@v2#rebuild']);
    const again = new AbortController();
    await runner.rebuild(tally, {
      signal: again.signal,
      progressIntervalMs: 0,
      onProgress: (p) => p.eventsDone >= 256 && again.abort(),
    });
    expect(await readModels.keys()).toEqual(['tally', 'tally@v1#rebuild', 'tally@v2#rebuild']);
    await runner.catchUp(tallyV2);
    expect(await readModels.keys()).toEqual(['tally']);
    expect((await runner.read(tallyV2))?.eventsApplied).toBe(300);
  });
});
