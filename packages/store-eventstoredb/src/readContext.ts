// What reads, feeds and subscriptions share: the client, the store's name and namespace.
import type { EsdbClientLike } from './clientLike.js';
import type { ForeignEventPolicy } from './filters.js';

export interface ReadContext {
  readonly client: EsdbClientLike;
  readonly store: string;
  /** Prefixed to every stream id on the server; see the store's `namespace` option. */
  readonly namespace: string;
  /** What reads of $all do with events that are not Gridledger's. */
  readonly foreignEvents: ForeignEventPolicy;
  /** Throws StoreUnavailableError once the store is closed. */
  readonly ensureOpen: () => void;
}
