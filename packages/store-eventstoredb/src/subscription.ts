// Catch-up-then-live subscriptions on $all, with the server's checkpoints passed on in order, so
// a consumer whose filter rarely matches can still move its checkpoint past what it skipped.
import type { Position, StoredEvent, SubscribeOptions, Subscription } from '@gridledger/core';
import { fromRecorded } from './eventCodec.js';
import { openFeed, type Feed } from './feed.js';
import { checkFilter, recordMatcher } from './filters.js';
import { comparePositions, decodePosition, encodePosition, type LogPosition } from './position.js';
import type { ReadContext } from './readContext.js';

export interface EventStoreDbSubscribeOptions extends SubscribeOptions {
  /**
   * Called with a position the server has looked at up to, once every event before it has been
   * consumed. Saving it as the checkpoint and resuming `after` it neither skips nor repeats an
   * event, even when the filter matched nothing for a long stretch.
   */
  readonly onCheckpoint?: (position: Position) => void | Promise<void>;
  /** How many events the server looks at between checkpoints; default 32 (the server's). */
  readonly checkpointInterval?: number;
}

export class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private feed: Feed | undefined;
  private readonly events: AsyncGenerator<StoredEvent, void, undefined>;
  private readonly onAbort = (): void => void this.close();

  constructor(
    private readonly context: ReadContext,
    private readonly options: EventStoreDbSubscribeOptions,
    private readonly onEnd: (subscription: EventStoreDbSubscription) => void,
  ) {
    this.events = this.run();
    if (options.signal?.aborted) void this.close();
    else options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    return this.events;
  }

  /** Ends the subscription; an iteration in progress finishes without error. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.onEnd(this);
    await this.feed?.close();
  }

  private async *run(): AsyncGenerator<StoredEvent, void, undefined> {
    const operation = 'subscription';
    try {
      if (this.closed) return;
      this.context.ensureOpen();
      checkFilter(this.options, operation);
      const { after, checkpointInterval, onCheckpoint } = this.options;
      const start = after === undefined ? undefined : decodePosition(after, operation);
      const beyond = (position: LogPosition, mark: LogPosition | undefined): boolean =>
        mark === undefined || comparePositions(position, mark) > 0;
      // The last event looked at: nothing at or before it is handed out (again).
      let looked = start;
      // The furthest point the consumer knows of (an event it got or a checkpoint it was told).
      let told = start;
      const { namespace } = this.context;
      const matches = recordMatcher(this.options, namespace, this.context.foreignEvents);
      const feed = (this.feed = openFeed(this.context, {
        filter: this.options,
        after: start,
        operation,
        ...(checkpointInterval === undefined ? {} : { checkpointInterval }),
      }));
      // Catching up, the server must keep answering within the deadline; live, it may be quiet.
      let caughtUp = false;
      while (!this.closed) {
        const item = await feed.next(!caughtUp);
        if (item === undefined) return;
        if (item.kind === 'caught-up') {
          caughtUp = true;
          continue;
        }
        if (item.kind === 'checkpoint') {
          // Also past events this side filtered out: only the consumer's knowledge counts.
          if (!beyond(item.position, told)) continue;
          told = item.position;
          await onCheckpoint?.(encodePosition(item.position));
          continue;
        }
        const { record } = item;
        if (record.position === undefined || !beyond(record.position, looked)) continue;
        looked = record.position;
        if (!matches(record)) continue;
        told = record.position;
        yield fromRecorded(record, record.streamId.slice(namespace.length));
      }
    } finally {
      await this.close();
    }
  }
}
