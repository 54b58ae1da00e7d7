// Async iterables over a synchronous pull, for the ledger's reads of stores that can be pulled:
// one settled promise per event (the least an async iterable can cost) and no generator machinery.
import type { DomainEvent, RecordedEvent, StoredEvent } from './envelope.js';
import type { PullEvent } from './syncReads.js';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Yields `decode(event)` for each event `open()`'s pull returns. `open` runs on the first `next()`,
 * so errors (a missing stream, bad options) surface while iterating, as the store's own read does;
 * a decode failure rejects that `next()` and ends the iteration.
 */
export function decodedPull<E extends DomainEvent>(
  open: () => PullEvent,
  decode: (stored: StoredEvent) => RecordedEvent<E>,
): AsyncIterable<RecordedEvent<E>> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<RecordedEvent<E>, undefined> {
      let pull: PullEvent | undefined;
      let finished = false;
      return {
        next(): Promise<IteratorResult<RecordedEvent<E>, undefined>> {
          if (finished) return Promise.resolve(DONE);
          try {
            pull ??= open();
            const stored = pull();
            if (stored !== undefined)
              return Promise.resolve({ done: false, value: decode(stored) });
            finished = true;
            return Promise.resolve(DONE);
          } catch (error) {
            finished = true;
            // Passed on untouched: callers match on the typed errors.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            return Promise.reject(error);
          }
        },
        return(): Promise<IteratorResult<RecordedEvent<E>, undefined>> {
          finished = true;
          return Promise.resolve(DONE);
        },
      };
    },
  };
}
