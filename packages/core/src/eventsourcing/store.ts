// The store port: the small contract every event store implements and the conformance suite
// checks. Reads are async iterables so memory stays flat on any history size.
import type {
  AppendResult,
  EventToAppend,
  ExpectedVersion,
  Position,
  StoredEvent,
} from './envelope.js';

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /**
   * First version to read (inclusive). Forwards default: 0. Backwards default: the last event.
   */
  readonly fromVersion?: number;
  /** Most events to return. Default: all. */
  readonly limit?: number;
}

/** Which events of the global log to return. Both filters apply together when both are given. */
export interface GlobalFilter {
  /** Only events of these types. */
  readonly types?: readonly string[];
  /** Only events whose stream id starts with this prefix (e.g. `dispute-`). */
  readonly streamPrefix?: string;
}

export interface ReadAllOptions extends GlobalFilter {
  /** Return events strictly after this position; omitted means from the very start. */
  readonly after?: Position;
  readonly limit?: number;
}

export interface SubscribeOptions extends GlobalFilter {
  /** Deliver events strictly after this position; omitted means from the very start. */
  readonly after?: Position;
  /** Stops the subscription; the iterator then ends without error. */
  readonly signal?: AbortSignal;
}

/** Catch-up then live: yields every matching event once, in global order, until closed. */
export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/** The next event of a synchronous read, or `undefined` at its end. Throws what the read would. */
export type PullEvent = () => StoredEvent | undefined;

/**
 * A read whose events are at hand (held in memory, or behind a synchronous driver like
 * better-sqlite3), which a store may return from `readStream` and `readAll`: besides iterating it
 * asynchronously, a reader may open it at once with `openSync` — which checks the options and
 * throws, for example, `StreamNotFoundError`, exactly as the first `next()` would — and pull what
 * iterating would yield, without a promise per event. The ledger loads, reads and folds through
 * it when a read offers it. `syncRead` in `@gridledger/core/store` builds one from the opener, so
 * the two ways of reading can never differ. A decorator that wraps a read drops the capability
 * with it, so readers always see the wrapped events.
 */
export interface SyncRead extends AsyncIterable<StoredEvent> {
  readonly openSync: () => PullEvent;
}

/** Whether `read` can be opened synchronously (see `SyncRead`). */
export const isSyncRead = (read: AsyncIterable<StoredEvent>): read is SyncRead =>
  typeof (read as Partial<SyncRead>).openSync === 'function';

export interface EventStore {
  /** A short name for messages, e.g. `memory`, `sqlite:/path/to.db`. */
  readonly name: string;

  /**
   * Appends events to one stream, atomically: all land or none do. Throws
   * `ConcurrencyConflictError` when the stream is not at `expectedVersion`, and
   * `ValidationError` for bad input (an empty batch, a malformed envelope, data that is not
   * storable JSON, a string that is not well-formed Unicode), writing nothing.
   */
  append(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<AppendResult>;

  /**
   * Reads one stream. A stream that does not exist throws `StreamNotFoundError` when iterated.
   * A store whose events are at hand may return a `SyncRead`.
   */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> | SyncRead;

  /** Reads the global log in commit order (a `SyncRead` where the store can). */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> | SyncRead;

  /** Catch up from a position, then follow live appends. */
  subscribe(options?: SubscribeOptions): Subscription;

  /**
   * How many events match, when the store can tell cheaply (for progress bars).
   * Stores that cannot answer leave it undefined.
   */
  countEvents?(options?: ReadAllOptions): Promise<number>;

  close(): Promise<void>;
}
