// Async iterables over a synchronous pull, for the ledger's reads of stores that can be pulled:
// one settled promise per event (the least an async iterable can cost) and no generator machinery.
import type { DomainEvent, RecordedEvent, StoredEvent } from './envelope.js';
import { pullIterable, type PullEvent } from './syncReads.js';

/**
 * Yields `decode(event)` for each event `open()`'s pull returns. `open` runs on the first `next()`,
 * so errors (a missing stream, bad options) surface while iterating, as the store's own read does;
 * a decode failure rejects that `next()` and ends the iteration.
 */
export function decodedPull<E extends DomainEvent>(
  open: () => PullEvent,
  decode: (stored: StoredEvent) => RecordedEvent<E>,
): AsyncIterable<RecordedEvent<E>> {
  return pullIterable(() => {
    const pull = open();
    return () => {
      const stored = pull();
      return stored === undefined ? undefined : decode(stored);
    };
  });
}
