// Stores whose events are at hand (in memory, or behind a synchronous driver like better-sqlite3)
// return `SyncRead`s (see the port in store.ts), built here from one opener, so both ways of
// reading always give the same events and the same errors.
import type { StoredEvent } from '../envelope.js';
import type { PullEvent, SyncRead } from '../store.js';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * An async iterable over a synchronous pull. Hand-rolled rather than an async generator: reads are
 * the hot path, and this hands each item over in one settled promise, the least an async iterable
 * can cost. `open` runs on the first `next()`, so errors (a missing stream, bad options) surface
 * while iterating, like any other read failure; an error from a pull rejects that `next()`
 * untouched (callers match on its typed code) and ends the iteration.
 */
export function pullIterable<T>(open: () => () => T | undefined): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
      let pull: (() => T | undefined) | undefined;
      let finished = false;
      return {
        next(): Promise<IteratorResult<T, undefined>> {
          if (finished) return Promise.resolve(DONE);
          try {
            pull ??= open();
            const value = pull();
            if (value !== undefined) return Promise.resolve({ done: false, value });
            finished = true;
            return Promise.resolve(DONE);
          } catch (error) {
            finished = true;
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            return Promise.reject(error);
          }
        },
        return(): Promise<IteratorResult<T, undefined>> {
          finished = true;
          return Promise.resolve(DONE);
        },
      };
    },
  };
}

/**
 * A read that iterates like any other and can also be opened at once: `open` runs on
 * `openSync()` or on the first `next()`, and returns the pull both use.
 */
export function syncRead(open: () => PullEvent): SyncRead {
  return new PullRead(open);
}

/** A class, so a read opened at once (a head read before an append) builds no iterator. */
class PullRead implements SyncRead {
  constructor(readonly openSync: () => PullEvent) {}
  [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    return pullIterable(this.openSync)[Symbol.asyncIterator]();
  }
}

/** Pulls up to `max` events into an array (fewer at the end of the read). */
export function pullBatch(pull: PullEvent, max: number): StoredEvent[] {
  const batch: StoredEvent[] = [];
  while (batch.length < max) {
    const event = pull();
    if (event === undefined) break;
    batch.push(event);
  }
  return batch;
}
