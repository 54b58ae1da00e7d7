// A minimal async iterable over a synchronous pull function. Hand-rolled rather than an async
// generator because reads are the hot path and this skips the generator machinery per event. It
// also offers the pull itself (the kernel's `syncPull`), so the ledger reads without a promise.
import { syncPull, type StoredEvent, type SyncPullable } from '@gridledger/core';

/** Returns the next event, or undefined at the end. */
export type Pull = () => StoredEvent | undefined;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Each iteration calls `open` on its first `next()` (so errors such as a missing stream surface
 * while iterating, never when the read is requested) and then pulls until the end.
 */
export function pullIterable(open: () => Pull): SyncPullable {
  return {
    [syncPull]: open,
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
            // Passed on untouched: callers match on the typed errors `open` throws.
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
