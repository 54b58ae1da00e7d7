// Rebuilding every read model over a generated history held in the memory store, through the
// projection runner in one pass (side copies, atomic batch saves, progress reporting on), beside
// the same handlers folding the same events held in a plain array in one loop. The ratio is what
// the runner costs.
import type { EventStore, RecordedEvent, StoredEvent } from '@gridledger/core';
import {
  allReadModels,
  createMemoryReadModelStore,
  createProjectionRunner,
  type AnyProjection,
  type ProjectionProgress,
} from '@gridledger/projections';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { generateHistory } from '@gridledger/history-fixture';
import { collectGarbage, type BenchModule } from './harness.js';

const actor = { id: 'generator', role: 'system' };

async function fill(store: EventStore, size: number): Promise<void> {
  // About 0.7 disputes, 1.4 visits and 0.4 patrols per 14 events: the mix of a busy community.
  const scale = size / 14;
  const history = generateHistory({
    seed: 20260831,
    disputes: Math.ceil(scale * 0.7),
    visits: Math.ceil(scale * 1.4),
    patrols: Math.ceil(scale * 0.42),
    communities: 3,
    gridsPerCommunity: 27,
    days: 365,
  }).slice(0, size);
  if (history.length < size) throw new Error(`generated ${history.length} events, wanted ${size}`);
  for (let i = 0; i < history.length; i++) {
    const event = history[i]!;
    const at = new Date(event.at).toISOString();
    await store.append(
      event.streamId,
      [
        {
          id: `e${i}`,
          type: event.type,
          schemaVersion: 1,
          data: event.data,
          metadata: {
            actor,
            occurredAt: at,
            recordedAt: at,
            correlationId: `e${i}`,
            prevHash: null,
            hash: 'h',
          },
        },
      ],
      { expectedVersion: 'any' },
    );
  }
}

/** The baseline: every projection's handlers over the array in one loop, as hand-written code would. */
function foldArray(
  projections: readonly AnyProjection[],
  events: readonly StoredEvent[],
): unknown[] {
  const handlers = projections.map(
    (projection) =>
      projection.handlers as Record<string, (s: unknown, e: RecordedEvent) => unknown>,
  );
  const states = projections.map((projection) => projection.initialState());
  for (const event of events) {
    for (let i = 0; i < handlers.length; i++) {
      const own = handlers[i]!;
      const handler = Object.hasOwn(own, event.type) ? own[event.type] : undefined;
      if (handler !== undefined) states[i] = handler(states[i], event);
    }
  }
  return states;
}

const seconds = async (fn: () => unknown) => {
  collectGarbage();
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const bench: BenchModule = async ({ quick }) => {
  const size = Number(process.env['BENCH_EVENTS'] ?? (quick ? 60_000 : 600_000));
  const store = createMemoryEventStore();
  await fill(store, size);
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);

  let reports = 0;
  let lastReport: ProjectionProgress | undefined;
  const onProgress = (p: ProjectionProgress) => {
    reports++;
    lastReport = p;
  };
  const rebuildAll = async () => {
    const runner = createProjectionRunner({ store, readModels: createMemoryReadModelStore() });
    await runner.rebuildAll(allReadModels, { onProgress });
  };
  const foldAll = () => foldArray(allReadModels, events);
  // The same rebuild one read model at a time (one pass over the log each), for comparison.
  const oneByOne = async () => {
    const runner = createProjectionRunner({ store, readModels: createMemoryReadModelStore() });
    for (const projection of allReadModels) await runner.rebuild(projection);
  };

  // Best of three alternating runs of each: the first of each also warms the JIT up.
  const baseline: number[] = [];
  const gridledger: number[] = [];
  const separately: number[] = [];
  for (let round = 0; round < 3; round++) {
    baseline.push(await seconds(foldAll));
    reports = 0;
    gridledger.push(await seconds(rebuildAll));
    separately.push(await seconds(oneByOne));
  }
  const best = (xs: number[]) => Math.min(...xs);
  const perEvent = (s: number) => size / s;
  return {
    name: 'projections',
    description: `rebuild all ${allReadModels.length} read models over ${size.toLocaleString('en-US')} events`,
    measurements: [
      {
        metric: 'rebuild all read models',
        unit: 'events/s',
        gridledger: perEvent(best(gridledger)),
        baseline: perEvent(best(baseline)),
        better: 'higher',
        target: 0.3,
        note:
          'gridledger: runner.rebuildAll of every read model in one pass over the memory store ' +
          '(side copies, atomic saves, promote, progress on); baseline: the same handlers in one ' +
          'loop over a plain array',
      },
    ],
    figures: {
      'events in the log': size,
      'progress reports per rebuild-all': reports,
      'last progress report': lastReport
        ? `${lastReport.projection} ${lastReport.eventsDone}/${lastReport.eventsTotal ?? '?'}`
        : 'none',
      'rebuild-all seconds (best of 3)': best(gridledger),
      'baseline seconds (best of 3)': best(baseline),
      'one read model at a time (runner.rebuild each), seconds (best of 3)': best(separately),
    },
  };
};

export default bench;
