// Rebuilding every read model in one pass: the log is read once whatever the number of models,
// the models come out as rebuilding each on its own makes them, an interrupted pass resumes all of
// them together, and a pass over a store whose reads never wait still hears its signal.
import { describe, expect, it } from 'vitest';
import {
  isValidationError,
  type EventStore,
  type ReadAllOptions,
  type StoredEvent,
} from '@gridledger/core';
import { generateHistory } from '@gridledger/history-fixture';
import { createMemoryEventStore } from '@gridledger/store-memory';
import {
  allReadModels,
  createMemoryReadModelStore,
  createProjectionRunner,
  type AnyProjection,
  type ProjectionRunner,
} from '@gridledger/projections';
import { appendThrough, domainSetup } from './__fixtures__/domain.js';
import { appendCounts, tally } from './__fixtures__/tally.js';

/** The same store, counting its global reads and the events they hand out. */
function counting(store: EventStore) {
  const counts = { reads: 0, events: 0 };
  const wrapped: EventStore = {
    ...store,
    readAll(options?: ReadAllOptions) {
      counts.reads++;
      const read = store.readAll(options);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const event of read as AsyncIterable<StoredEvent>) {
            counts.events++;
            yield event;
          }
        },
      };
    },
  };
  return { store: wrapped, counts };
}

async function filledStore() {
  const { ledger, store } = domainSetup();
  const history = generateHistory({
    seed: 14,
    disputes: 30,
    visits: 30,
    patrols: 12,
    days: 90,
    hazardFollowUps: true,
  });
  await appendThrough(ledger, history);
  return { store, registry: ledger.registry };
}

async function states(runner: ProjectionRunner, projections: readonly AnyProjection[]) {
  const out: Record<string, unknown> = {};
  for (const projection of projections)
    out[projection.name] = (await runner.read(projection))?.state;
  return out;
}

describe('rebuilding all read models', () => {
  it('reads the log once for all of them, and builds each as its own rebuild does', async () => {
    const { store, registry } = await filledStore();
    const { store: counted, counts } = counting(store);
    const together = createProjectionRunner({
      store: counted,
      registry,
      readModels: createMemoryReadModelStore(),
    });
    const results = await together.rebuildAll(allReadModels, { batchSize: 50 });
    expect(counts.reads).toBe(1);
    const total = (await store.countEvents!()) ?? 0;
    expect(counts.events).toBeLessThanOrEqual(total);
    expect(results.map((r) => [r.projection, r.outcome])).toEqual(
      allReadModels.map((p) => [p.name, 'rebuilt']),
    );

    const { store: countedAlone, counts: alone } = counting(store);
    const oneByOne = createProjectionRunner({
      store: countedAlone,
      registry,
      readModels: createMemoryReadModelStore(),
    });
    const each = [];
    for (const projection of allReadModels) each.push(await oneByOne.rebuild(projection));
    expect(alone.reads).toBe(allReadModels.length);
    expect(await states(together, allReadModels)).toEqual(await states(oneByOne, allReadModels));
    expect(results.map((r) => r.eventsInModel)).toEqual(each.map((r) => r.eventsInModel));
    expect(results.every((r) => r.checkpoint === results[0]!.checkpoint)).toBe(true);
  });

  it('stops on its signal with every copy saved, and a second call resumes them together', async () => {
    const { store, registry } = await filledStore();
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, registry, readModels });
    const controller = new AbortController();
    const stopped = await runner.rebuildAll(allReadModels, {
      signal: controller.signal,
      batchSize: 20,
      progressIntervalMs: 0,
      onProgress: (p) => p.eventsDone >= 256 && controller.abort(),
    });
    expect(stopped.every((r) => r.outcome === 'cancelled')).toBe(true);
    expect(await runner.read(allReadModels[0]!)).toBeUndefined();

    const { store: counted, counts } = counting(store);
    const resumedRunner = createProjectionRunner({ store: counted, registry, readModels });
    const resumed = await resumedRunner.rebuildAll(allReadModels);
    expect(resumed.every((r) => r.outcome === 'rebuilt')).toBe(true);
    // Only what the interrupted pass had not read is read again.
    expect(counts.reads).toBe(1);
    const types = [...new Set(allReadModels.flatMap((p) => p.eventTypes))];
    expect(counts.events).toBe((await store.countEvents!({ types })) - 256);

    const fresh = createProjectionRunner({
      store,
      registry,
      readModels: createMemoryReadModelStore(),
    });
    await fresh.rebuildAll(allReadModels);
    expect(await states(resumedRunner, allReadModels)).toEqual(await states(fresh, allReadModels));
  });

  it('hears its signal on a store whose reads never wait, with no help from the caller', async () => {
    const store = createMemoryEventStore();
    await appendCounts(store, 'counter-a', 5000);
    const runner = createProjectionRunner({ store, readModels: createMemoryReadModelStore() });
    const controller = new AbortController();
    // Runs only when the pass lets the event loop turn, as a Ctrl-C handler does: here at its
    // second turn, once it has folded some events.
    setImmediate(() => setImmediate(() => controller.abort()));
    const [result] = await runner.rebuildAll([tally], { signal: controller.signal });
    expect(result!.outcome).toBe('cancelled');
    expect(result!.eventsApplied).toBeGreaterThan(0);
    expect(result!.eventsApplied).toBeLessThan(5000);
  });

  it('refuses a read model listed twice, and does nothing for none', async () => {
    const runner = createProjectionRunner({
      store: createMemoryEventStore(),
      readModels: createMemoryReadModelStore(),
    });
    const error = await runner.rebuildAll([tally, tally]).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(String(error)).toMatch(/'tally' is listed twice/);
    expect(await runner.rebuildAll([])).toEqual([]);
  });
});
