// The EventStore port on an EventStoreDB or KurrentDB cluster, through either official client.
import {
  ConcurrencyConflictError,
  StoreUnavailableError,
  ValidationError,
  describeValue,
  isStreamDeleted,
  isStreamNotFound,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedVersion,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type Subscription,
} from '@gridledger/core';
import { checkBatch, checkExpectedVersion, checkNamespace, checkStreamId } from './appendInput.js';
import type { EsdbAppendResultLike, EsdbClientLike } from './clientLike.js';
import { translateClientError } from './clientErrors.js';
import { toEventData } from './eventCodec.js';
import { appendOptionsFor } from './expectedVersion.js';
import { encodePosition } from './position.js';
import type { ForeignEventPolicy } from './filters.js';
import type { ReadContext } from './readContext.js';
import { readAll, readStream } from './reads.js';
import { EventStoreDbSubscription, type EventStoreDbSubscribeOptions } from './subscription.js';

export interface EventStoreDbEventStoreOptions {
  /** Shown in error messages; default `eventstoredb`. */
  readonly name?: string;
  /**
   * Keeps this store's history apart from others on the same cluster: every stream id is stored
   * with this prefix, and reads and subscriptions of the global log see only its streams.
   * Default: none (the whole cluster).
   */
  readonly namespace?: string;
  /** Dispose the client when the store is closed. Default false: the caller owns the client. */
  readonly disposeClientOnClose?: boolean;
  /**
   * What reads and subscriptions of the global log do with an event Gridledger did not write
   * (another service's, a binary event, a link): `skip` it (default, for a shared cluster), or
   * `fail` with CorruptedEventError. Reads of one stream always report such an event.
   */
  readonly foreignEvents?: ForeignEventPolicy;
}

/** The port, plus checkpoints for subscriptions whose filters rarely match. */
export interface EventStoreDbEventStore extends EventStore {
  subscribe(options?: EventStoreDbSubscribeOptions): Subscription;
}

function checkForeignEvents(policy: unknown): ForeignEventPolicy {
  if (policy === undefined) return 'skip';
  if (policy === 'skip' || policy === 'fail') return policy;
  throw new ValidationError('EventStoreDB store options', [
    { path: 'foreignEvents', message: `must be 'skip' or 'fail'; got ${describeValue(policy)}` },
  ]);
}

export function createEventStoreDbEventStore(
  client: EsdbClientLike,
  options: EventStoreDbEventStoreOptions = {},
): EventStoreDbEventStore {
  const name = options.name ?? 'eventstoredb';
  const namespace = checkNamespace(options.namespace);
  const foreignEvents = checkForeignEvents(options.foreignEvents);
  const subscriptions = new Set<EventStoreDbSubscription>();
  let closed = false;
  const context: ReadContext = {
    client,
    store: name,
    namespace,
    foreignEvents,
    ensureOpen: () => {
      if (closed) throw new StoreUnavailableError(name, 'the store has been closed');
    },
  };

  /** The first stored event of `streamId` at or after `version`, for facts the append lacks. */
  async function eventAt(streamId: string, version: number): Promise<StoredEvent | undefined> {
    for await (const event of readStream(context, streamId, { fromVersion: version, limit: 1 })) {
      return event;
    }
    return undefined;
  }

  async function lastVersionOf(streamId: string): Promise<number | 'no-stream'> {
    try {
      for await (const event of readStream(context, streamId, {
        direction: 'backwards',
        limit: 1,
      })) {
        return event.streamVersion;
      }
    } catch (error) {
      if (isStreamNotFound(error) || (isStreamDeleted(error) && !error.tombstoned)) {
        return 'no-stream';
      }
      throw error;
    }
    return 'no-stream';
  }

  async function settle(
    streamId: string,
    expected: ExpectedVersion,
    result: EsdbAppendResultLike,
  ): Promise<AppendResult> {
    if (!result.success) {
      // Only a client built with throwOnAppendFailure: false answers a conflict this way.
      throw new ConcurrencyConflictError(streamId, expected, await lastVersionOf(streamId));
    }
    const streamVersion = Number(result.nextExpectedRevision);
    if (result.position !== undefined) {
      return { streamVersion, position: encodePosition(result.position) };
    }
    // A repeat of an earlier append is acknowledged with the original position, unless the server
    // can no longer read that event (the stream was soft-deleted since): then it is looked up.
    const last = await eventAt(streamId, streamVersion);
    if (last === undefined) {
      throw new StoreUnavailableError(name, `append to '${streamId}' reported no position`);
    }
    return { streamVersion, position: last.position };
  }

  async function append(
    streamId: string,
    events: readonly EventToAppend[],
    appendOptions: AppendOptions,
  ): Promise<AppendResult> {
    context.ensureOpen();
    checkStreamId(streamId, 'append');
    const operation = `append to '${streamId}'`;
    const batch = checkBatch(streamId, events);
    const expected = checkExpectedVersion(appendOptions?.expectedVersion, operation);
    const sent = batch.map(toEventData);
    let result: EsdbAppendResultLike;
    try {
      result = await client.appendToStream(namespace + streamId, sent, appendOptionsFor(expected));
    } catch (error) {
      throw translateClientError(error, {
        store: name,
        operation,
        streamId,
        expected,
        events: sent,
      });
    }
    return settle(streamId, expected, result);
  }

  return {
    name,
    append,
    readStream: (streamId: string, readOptions?: ReadStreamOptions) =>
      readStream(context, streamId, readOptions),
    readAll: (readOptions?: ReadAllOptions) => readAll(context, readOptions),
    subscribe(subscribeOptions: EventStoreDbSubscribeOptions = {}): Subscription {
      const subscription = new EventStoreDbSubscription(context, subscribeOptions, (ended) =>
        subscriptions.delete(ended),
      );
      subscriptions.add(subscription);
      return subscription;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      if (options.disposeClientOnClose === true) await client.dispose();
    },
  };
}
