// One catch-up pass: read the global log after the models' checkpoint, fold every event into each
// model, save every `batchSize` events, and stop cleanly (saving what was folded) when the signal
// aborts. Several read models share one pass: the log is read once, whatever their number.
//
// The log is read in arrays of events, and the pass lets the event loop turn after each one: a
// store whose reads are synchronous (memory, better-sqlite3) never waits on anything, so without
// that a long pass would run to its end before a Ctrl-C handler, or any timer, could run.
import { isSyncRead, pullBatch, pullIterable, type StoredEvent } from '@gridledger/core/store';
import { ProgressMeter, type ProgressListener, type RunMode } from './progress.js';
import type { EventSource } from './source.js';
import type { WorkingModel } from './fold.js';
import { SavePolicy } from './savePolicy.js';

export interface PassOptions {
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ProgressListener | undefined;
  readonly progressIntervalMs: number;
  /** Events per save; `undefined` lets the save policy adapt it. */
  readonly batchSize: number | undefined;
}

/** Events read between two turns of the event loop: a turn costs microseconds, this many events about a millisecond. */
export const EVENTS_PER_TURN = 512;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The events `source.readAll(options)` reads, in arrays of up to EVENTS_PER_TURN. */
function readInArrays(
  source: EventSource,
  options: Parameters<EventSource['readAll']>[0],
): AsyncIterable<readonly StoredEvent[]> {
  if (source.readAllBatches !== undefined) {
    return source.readAllBatches({ ...options, batchSize: EVENTS_PER_TURN });
  }
  const read = source.readAll(options);
  if (isSyncRead(read)) {
    return pullIterable(() => {
      const pull = read.openSync();
      return () => {
        const events = pullBatch(pull, EVENTS_PER_TURN);
        return events.length === 0 ? undefined : events;
      };
    });
  }
  return gather(read);
}

async function* gather(events: AsyncIterable<StoredEvent>): AsyncGenerator<StoredEvent[]> {
  let batch: StoredEvent[] = [];
  for await (const event of events) {
    if (batch.push(event) === EVENTS_PER_TURN) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Returns `true` when the log was read to its end, `false` when cancelled. Every model must stand
 * at the same checkpoint: each is handed every event read (the union of their types), folds those
 * it has handlers for and moves its checkpoint past the others, so they stay together.
 */
export async function catchUpPass(
  source: EventSource,
  models: readonly WorkingModel<unknown>[],
  mode: RunMode,
  options: PassOptions,
): Promise<boolean> {
  const { signal } = options;
  const first = models[0];
  if (first === undefined || signal?.aborted) return first === undefined;
  const policy = new SavePolicy(options.batchSize, models.length);
  const types = [...new Set(models.flatMap((model) => model.projection.eventTypes))];
  const filter = { types };
  const after = first.checkpoint === undefined ? {} : { after: first.checkpoint };
  const remaining =
    options.onProgress && source.countEvents
      ? await source.countEvents({ ...filter, ...after })
      : undefined;
  // One model reports the events folded into it (earlier runs included); several, the events
  // this pass has read.
  const single = models.length === 1;
  const startDone = single ? first.eventsApplied : 0;
  const meter = new ProgressMeter(
    models.map((model) => model.projection.name).join(', '),
    mode,
    startDone,
    remaining === undefined ? undefined : startDone + remaining,
    options.onProgress,
    options.progressIntervalMs,
  );
  let read = 0;
  const done = () => (single ? first.eventsApplied : read);
  meter.report(done(), first.checkpoint, false);
  // Each event goes only to the models that fold its type; every model's checkpoint moves past
  // all events read (those of other types included) whenever they are saved, together.
  const foldersOf = new Map<string, WorkingModel<unknown>[]>();
  for (const type of types)
    foldersOf.set(
      type,
      models.filter((model) => model.handles(type)),
    );
  let last = first.checkpoint;
  let unmoved = 0;
  const moveAll = () => {
    if (last !== undefined && unmoved > 0) for (const model of models) model.moveTo(last, unmoved);
    unmoved = 0;
  };

  let complete = true;
  pass: for await (const events of readInArrays(source, { ...filter, ...after })) {
    // Before each array, the first too: a Ctrl-C pressed while starting is heard before folding.
    await turn();
    for (const event of events) {
      if (signal?.aborted) {
        complete = false;
        break pass;
      }
      const folders = foldersOf.get(event.type);
      if (folders !== undefined) for (const model of folders) model.fold(event);
      last = event.position;
      unmoved++;
      read++;
      if (policy.due(first.unsaved + unmoved)) {
        moveAll();
        await policy.save(async () => {
          for (const model of models) await model.save();
        });
      }
      meter.tick(done(), last);
    }
  }
  // Reached on completion and on cancellation alike: everything folded so far is whole.
  moveAll();
  for (const model of models) await model.saveIfChanged();
  meter.report(done(), first.checkpoint, true);
  return complete;
}
