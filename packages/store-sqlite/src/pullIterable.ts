// An async iterable over a synchronous pull function. Reads are the hot path: a hand-rolled
// iterator hands each event over in one resolved promise, without an async generator's queue.
import type { StoredEvent } from '@gridledger/core';

/** Returns the next event, or undefined at the end. */
export type Pull = () => StoredEvent | undefined;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Each iteration calls `open` on its first `next()`, so bad options and a missing stream fail
 * while iterating (like any other read failure), never when the read is requested.
 */
export function pullIterable(open: () => Pull): AsyncIterable<StoredEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<StoredEvent, undefined> {
      let pull: Pull | undefined;
      let finished = false;
      return {
        next(): Promise<IteratorResult<StoredEvent, undefined>> {
          if (finished) return Promise.resolve(DONE);
          try {
            pull ??= open();
            const value = pull();
            if (value !== undefined) return Promise.resolve({ done: false, value });
            finished = true;
            return Promise.resolve(DONE);
          } catch (error) {
            finished = true;
            // Already a typed Gridledger error: passed on as it is.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            return Promise.reject(error);
          }
        },
        return(): Promise<IteratorResult<StoredEvent, undefined>> {
          finished = true;
          return Promise.resolve(DONE);
        },
      };
    },
  };
}
