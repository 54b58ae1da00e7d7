// One catch-up pass: read the global log after the model's checkpoint, fold every event, save
// every `batchSize` events, and stop cleanly (saving what was folded) when the signal aborts.
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

/** Returns `true` when the log was read to its end, `false` when cancelled. */
export async function catchUpPass<S>(
  source: EventSource,
  model: WorkingModel<S>,
  mode: RunMode,
  options: PassOptions,
): Promise<boolean> {
  const { signal } = options;
  const policy = new SavePolicy(options.batchSize);
  if (signal?.aborted) return false;
  const filter = { types: model.projection.eventTypes };
  const after = model.checkpoint === undefined ? {} : { after: model.checkpoint };
  const remaining =
    options.onProgress && source.countEvents
      ? await source.countEvents({ ...filter, ...after })
      : undefined;
  const meter = new ProgressMeter(
    model.projection.name,
    mode,
    model.eventsApplied,
    remaining === undefined ? undefined : model.eventsApplied + remaining,
    options.onProgress,
    options.progressIntervalMs,
  );
  meter.report(model.eventsApplied, model.checkpoint, false);

  let complete = true;
  for await (const event of source.readAll({ ...filter, ...after })) {
    if (signal?.aborted) {
      complete = false;
      break;
    }
    model.apply(event);
    if (policy.due(model.unsaved)) await policy.save(() => model.save());
    meter.tick(model.eventsApplied, model.checkpoint);
  }
  // Reached on completion and on cancellation alike: everything folded so far is whole.
  await model.saveIfChanged();
  meter.report(model.eventsApplied, model.checkpoint, true);
  return complete;
}
