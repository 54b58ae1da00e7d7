// What the runner reads from: an EventStore, or a ledger that hands back decoded events through
// the same calls. Only the reading half of the store port is needed.
import type { EventStore, ReadAllOptions, StoredEvent } from '@gridledger/core';

export type EventSource = Pick<EventStore, 'name' | 'readAll' | 'subscribe' | 'countEvents'> & {
  /** `readAll` in arrays of up to `batchSize` events, when the source can hand them over so. */
  readonly readAllBatches?: (
    options: ReadAllOptions & { readonly batchSize: number },
  ) => AsyncIterable<readonly StoredEvent[]>;
};
