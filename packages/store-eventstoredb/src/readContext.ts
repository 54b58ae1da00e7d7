// What appends, reads, feeds and subscriptions share: the client, the store's name, namespace
// and deadline, and its lifetime.
import type { StoreUnavailableError } from '@gridledger/core';
import type { EsdbClientLike } from './clientLike.js';
import type { ForeignEventPolicy } from './filters.js';
import type { Lifetime } from './lifetime.js';

export interface ReadContext {
  readonly client: EsdbClientLike;
  readonly store: string;
  /** Prefixed to every stream id on the server; see the store's `namespace` option. */
  readonly namespace: string;
  /** What reads of $all do with events that are not Gridledger's. */
  readonly foreignEvents: ForeignEventPolicy;
  /** Milliseconds a call may wait for the server; see the store's `deadline` option. */
  readonly deadline: number;
  /** Ends when the store closes: calls still waiting give up. */
  readonly lifetime: Lifetime;
  /** Throws StoreUnavailableError once the store is closed. */
  readonly ensureOpen: () => void;
  /** The error of a call cut short because the store closed. */
  readonly closedError: () => StoreUnavailableError;
}
