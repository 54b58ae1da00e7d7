// Following the log live: fold events as the subscription delivers them. Under load they are
// saved in batches; as soon as the subscription goes quiet, whatever is pending is saved.
import { ProgressMeter } from './progress.js';
import type { PassOptions } from './catchUpPass.js';
import type { EventSource } from './source.js';
import type { WorkingModel } from './fold.js';
import { DEFAULT_BATCH_SIZE } from './savePolicy.js';

const IDLE = Symbol('idle');
const idle = () => new Promise<typeof IDLE>((resolve) => setImmediate(resolve, IDLE));

/** Runs until the signal aborts (then saves what was folded) or the subscription fails. */
export async function livePass<S>(
  source: EventSource,
  model: WorkingModel<S>,
  options: PassOptions,
): Promise<void> {
  const { signal } = options;
  // Live events arrive as they are written: a fixed batch, flushed whenever the log goes quiet.
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (signal?.aborted) return;
  // Our own controller ends the subscription on every exit path, errors included.
  const stop = new AbortController();
  const forward = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const subscription = source.subscribe({
    types: model.projection.eventTypes,
    signal: stop.signal,
    ...(model.checkpoint === undefined ? {} : { after: model.checkpoint }),
  });
  const meter = new ProgressMeter(
    model.projection.name,
    'live',
    model.eventsApplied,
    undefined,
    options.onProgress,
    options.progressIntervalMs,
  );
  const events = subscription[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = events.next();
      let result = model.unsaved > 0 ? await Promise.race([next, idle()]) : await next;
      if (result === IDLE) {
        await model.save();
        meter.report(model.eventsApplied, model.checkpoint, false);
        result = await next;
      }
      if (result.done === true || signal?.aborted) break;
      model.apply(result.value);
      if (model.unsaved >= batchSize) await model.save();
      meter.tick(model.eventsApplied, model.checkpoint);
    }
    await model.saveIfChanged();
    meter.report(model.eventsApplied, model.checkpoint, true);
  } finally {
    signal?.removeEventListener('abort', forward);
    stop.abort();
    await subscription.close();
  }
}
