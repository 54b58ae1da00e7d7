import { describe, expect, it } from 'vitest';
import type { ReadModelRecord, ReadModelStore } from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { createMemoryReadModelStore, createProjectionRunner } from '@gridledger/projections';
import { appendCounts, tally } from './__fixtures__/tally.js';

/** A read-model store that lets a test wait for a save matching a condition. */
function watched(inner: ReadModelStore) {
  const waiters: { until: (r: ReadModelRecord) => boolean; resolve: () => void }[] = [];
  let saves = 0;
  const store: ReadModelStore = {
    name: inner.name,
    load: (key) => inner.load(key),
    async save(key, record) {
      await inner.save(key, record);
      saves++;
      for (const w of [...waiters]) {
        if (w.until(record)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
    promote: (from, to) => inner.promote(from, to),
    delete: (key) => inner.delete(key),
    keys: (prefix) => inner.keys(prefix),
  };
  const saved = (events: number) =>
    new Promise<void>((resolve) =>
      waiters.push({ until: (r) => r.eventsApplied >= events, resolve }),
    );
  return { store, saved, saves: () => saves };
}

describe('following live', () => {
  it('catches up, folds live appends as they land, and stops on abort', async () => {
    const events = createMemoryEventStore();
    const readModels = watched(createMemoryReadModelStore());
    const runner = createProjectionRunner({ store: events, readModels: readModels.store });
    await appendCounts(events, 'counter-a', 5);

    const controller = new AbortController();
    const following = runner.follow(tally, { signal: controller.signal });
    await readModels.saved(5);
    await appendCounts(events, 'counter-b', 1, 100);
    await readModels.saved(6);
    expect((await runner.read(tally))?.state.total).toBe(15 + 100);

    await appendCounts(events, 'counter-c', 2, 1000);
    await readModels.saved(8);
    controller.abort();
    const result = await following;
    expect(result).toMatchObject({ outcome: 'stopped', eventsApplied: 8, eventsInModel: 8 });
    expect((await runner.read(tally))?.state.total).toBe(15 + 100 + 1000 + 1001);

    // Stopped means stopped: later appends wait for the next run.
    await appendCounts(events, 'counter-d', 1);
    expect((await runner.read(tally))?.eventsApplied).toBe(8);
    expect(await runner.catchUp(tally)).toMatchObject({ outcome: 'caught-up', eventsApplied: 1 });
  });

  it('saves a burst of live events in batches, not one by one', async () => {
    const events = createMemoryEventStore();
    const readModels = watched(createMemoryReadModelStore());
    const runner = createProjectionRunner({ store: events, readModels: readModels.store });
    const controller = new AbortController();
    const following = runner.follow(tally, { signal: controller.signal, batchSize: 100 });
    await readModels.saved(0);
    const before = readModels.saves();
    await appendCounts(events, 'counter-a', 1000);
    await readModels.saved(1000);
    controller.abort();
    await following;
    expect(readModels.saves() - before).toBeLessThanOrEqual(12);
    expect(new Set((await runner.read(tally))?.state.seen).size).toBe(1000);
  });

  it('refuses to follow a projection twice at once, and returns at once when already aborted', async () => {
    const events = createMemoryEventStore();
    const runner = createProjectionRunner({
      store: events,
      readModels: createMemoryReadModelStore(),
    });
    expect(await runner.follow(tally, { signal: AbortSignal.abort() })).toMatchObject({
      outcome: 'cancelled',
    });
    const controller = new AbortController();
    const following = runner.follow(tally, { signal: controller.signal });
    await expect(runner.follow(tally)).rejects.toThrow(
      /already being caught up, followed or rebuilt/,
    );
    controller.abort();
    await following;
  });
});
