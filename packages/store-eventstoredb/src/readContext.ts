// What reads, feeds and subscriptions share: the client, the store's name and namespace.
import type { EsdbClientLike } from './clientLike.js';

export interface ReadContext {
  readonly client: EsdbClientLike;
  readonly store: string;
  /** Prefixed to every stream id on the server; see the store's `namespace` option. */
  readonly namespace: string;
  /** Throws StoreUnavailableError once the store is closed. */
  readonly ensureOpen: () => void;
}
