// Catch-up-then-live subscriptions. Catching up and following live are the same walk over the
// one global log, so no event can be missed or repeated at the switch, and a slow consumer only
// falls behind: nothing is buffered per subscriber, so nothing can overflow or be dropped.
import type { StoredEvent, Subscription, SubscribeOptions } from '@gridledger/core/store';
import { FilteredCursor, type EventLog } from './eventLog.js';

/** What a subscription needs from its store. */
export interface SubscriptionHost {
  readonly log: EventLog;
  readonly subscriptions: Set<MemorySubscription>;
  /** Validates options and returns the first log index to read; throws on a closed store. */
  startIndex(options: SubscribeOptions): number;
}

export class MemorySubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly events: AsyncGenerator<StoredEvent, void, undefined>;
  private readonly onAbort = (): void => void this.close();

  constructor(
    private readonly host: SubscriptionHost,
    private readonly options: SubscribeOptions,
  ) {
    this.events = this.run();
    const signal = options.signal;
    if (signal?.aborted) this.closed = true;
    else signal?.addEventListener('abort', this.onAbort, { once: true });
    if (!this.closed) host.subscriptions.add(this);
  }

  [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    return this.events;
  }

  /** Called by the store after every append: a waiting subscriber reads on. */
  notify(): void {
    this.wake?.();
  }

  /** Ends the subscription; an iteration in progress finishes without error. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    this.wake?.();
  }

  private detach(): void {
    this.host.subscriptions.delete(this);
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }

  private async *run(): AsyncGenerator<StoredEvent, void, undefined> {
    try {
      if (this.closed) return;
      const log = this.host.log;
      const cursor = new FilteredCursor(log, this.options, this.host.startIndex(this.options));
      while (!this.closed) {
        const event = cursor.next(log.all.length);
        if (event !== undefined) {
          yield event;
          continue;
        }
        // Nothing new: sleep until the next append or close. The executor runs synchronously,
        // so no append can slip in between the empty read above and arming the wake-up.
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      this.closed = true;
      this.detach();
    }
  }
}
