// The small structural view of an EventStoreDB client that the adapter needs. Both
// `@eventstore/db-client` 6.x and `@kurrent/kurrentdb-client` 1.x satisfy it, and neither is
// imported: the caller hands in the client it already has.
import type { LogPosition } from './position.js';

/** An event as both clients return it (only the fields the adapter reads). */
export interface EsdbRecordedEventLike {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata?: unknown;
  /** Where the event sits in $all. Servers before 22.10 leave it out on stream reads. */
  readonly position?: LogPosition | undefined;
}

export interface EsdbResolvedEventLike {
  readonly event?: EsdbRecordedEventLike | undefined;
  readonly link?: EsdbRecordedEventLike | undefined;
  readonly commitPosition?: bigint | undefined;
}

/**
 * An event to append, in the shape both clients' `jsonEvent()` helpers produce. The clients type
 * JSON data as an object, an array or a string; at run time they send any JSON value as it is.
 */
export interface EsdbEventData {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: Record<string, unknown> | unknown[] | string;
  readonly metadata: Record<string, unknown>;
}

/** The expected state of a stream, in the clients' own words. */
export type EsdbStreamState = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EsdbAppendOptions {
  /** The option's name in `@eventstore/db-client` 6.x. */
  readonly expectedRevision: EsdbStreamState;
  /** Its name in `@kurrent/kurrentdb-client` 1.x, which silently reads the old name as "any". */
  readonly streamState: EsdbStreamState;
  /** Milliseconds the client (and, over BatchAppend, the server) gives the call. */
  readonly deadline?: number;
}

export interface EsdbAppendResultLike {
  readonly success: boolean;
  readonly nextExpectedRevision: bigint;
  readonly position?: LogPosition | undefined;
}

export interface EsdbReadStreamOptions {
  readonly fromRevision: 'start' | 'end' | bigint;
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount?: number | bigint;
}

interface EsdbFilterBase {
  readonly filterOn: 'streamName' | 'eventType';
  /** Checkpoints come every `checkpointInterval × maxSearchWindow` events the server looked at. */
  readonly checkpointInterval: number;
  readonly maxSearchWindow?: number;
  readonly checkpointReached?: (
    subscription: unknown,
    position: LogPosition,
  ) => Promise<void> | void;
}

/** A server-side filter on $all: by stream-name or event-type prefixes or a regular expression. */
export type EsdbFilterLike =
  | (EsdbFilterBase & { readonly prefixes: string[] })
  | (EsdbFilterBase & { readonly regex: string });

export interface EsdbReadAllOptions {
  readonly fromPosition: 'start' | 'end' | LogPosition;
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount?: number | bigint;
  /** Honoured by the server only through `@kurrent/kurrentdb-client`; the adapter filters again. */
  readonly filter?: EsdbFilterLike;
}

export interface EsdbSubscribeToAllOptions {
  readonly fromPosition: 'start' | 'end' | LogPosition;
  readonly filter?: EsdbFilterLike;
}

/** Reads come back as a Node stream or an async generator; both are async iterables. */
export type EsdbReadLike = AsyncIterable<EsdbResolvedEventLike>;

/** A catch-up subscription: a Node object stream of resolved events in both clients. */
export interface EsdbSubscriptionLike extends AsyncIterable<EsdbResolvedEventLike> {
  unsubscribe(): Promise<void>;
}

export interface EsdbStreamMetadataResultLike {
  readonly metadata?: { readonly truncateBefore?: unknown } | undefined;
}

/** What the adapter calls on a client. */
export interface EsdbClientLike {
  appendToStream(
    streamName: string,
    events: EsdbEventData[],
    options: EsdbAppendOptions,
  ): Promise<EsdbAppendResultLike>;
  readStream(streamName: string, options: EsdbReadStreamOptions): EsdbReadLike;
  readAll(options: EsdbReadAllOptions): EsdbReadLike;
  subscribeToAll(options: EsdbSubscribeToAllOptions): EsdbSubscriptionLike;
  getStreamMetadata(streamName: string): Promise<EsdbStreamMetadataResultLike>;
  dispose(): Promise<void>;
}
