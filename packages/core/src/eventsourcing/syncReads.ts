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
