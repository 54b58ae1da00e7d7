// An optional capability of a store's reads: events the store already holds in memory can be
// pulled synchronously, so the ledger's readers add no promise per event to the caller's own.
import type { StoredEvent } from './envelope.js';

/** Returns the next event, or `undefined` at the end. Throws what the read would throw. */
export type PullEvent = () => StoredEvent | undefined;

/**
 * The key under which a read iterable offers a synchronous pull. A registered symbol, so two
 * copies of the kernel (a bundled and a source build) still recognise each other's reads.
 */
export const syncPull: unique symbol = Symbol.for('@gridledger/core.syncPull');

/**
 * A read that can also be pulled synchronously. Calling `[syncPull]()` opens the read — checking
 * its options and throwing, for example, `StreamNotFoundError` — exactly as the first `next()` of
 * its async iterator would; each pull then yields what that iterator would have yielded.
 */
export interface SyncPullable extends AsyncIterable<StoredEvent> {
  readonly [syncPull]: () => PullEvent;
}

/** The synchronous opener of `events` when its store offers one, else `undefined`. */
export function syncPullOf(events: AsyncIterable<StoredEvent>): (() => PullEvent) | undefined {
  const open = (events as Partial<SyncPullable>)[syncPull];
  return typeof open === 'function' ? open.bind(events) : undefined;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * An async iterable over a synchronous pull, for stores whose reads are synchronous underneath
 * (memory, SQLite) and for the ledger's decoding of them. Hand-rolled rather than an async
 * generator: reads are the hot path, and this hands each item over in one settled promise, the
 * least an async iterable can cost. `open` runs on the first `next()`, so errors (a missing
 * stream, bad options) surface while iterating, like any other read failure; an error from a pull
 * rejects that `next()` untouched (callers match on its typed code) and ends the iteration.
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

/** A store read that also offers its synchronous pull to the ledger (see `SyncPullable`). */
export function pullableRead(open: () => PullEvent): SyncPullable {
  return { [Symbol.asyncIterator]: pullIterable(open)[Symbol.asyncIterator], [syncPull]: open };
}
