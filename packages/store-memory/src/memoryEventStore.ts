// The in-memory event store: the reference implementation of the EventStore port and the
// fastest one. Everything lives in arrays; nothing survives the process.
//
// Immutability: append copies data and metadata into deeply frozen JSON (one pass that also
// rejects non-JSON values) and freezes each envelope. Reads then hand out the stored objects
// themselves, without copying, so reading costs what iterating an array costs; a caller that
// tries to mutate an event gets a TypeError instead of silently rewriting history.
import {
  ConcurrencyConflictError,
  StoreUnavailableError,
  StreamNotFoundError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedVersion,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  pullableRead,
  type PullEvent,
} from '@gridledger/core';
import { ActorPool } from './actorPool.js';
import { acceptBatch, checkExpectedVersion, checkStreamId } from './appendInput.js';
import { FilteredCursor, countMatching, createEventLog, record } from './eventLog.js';
import { positionOf, startIndexAfter } from './positions.js';
import { checkGlobalReadOptions, checkStreamReadOptions } from '@gridledger/core';
import { MemorySubscription, type SubscriptionHost } from './subscription.js';

export interface MemoryEventStoreOptions {
  /** Shown in error messages; default `memory`. */
  readonly name?: string;
}

/** Whether a stream whose last version is `actual` satisfies `expected`. */
function satisfies(expected: ExpectedVersion, actual: number | 'no-stream'): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 'no-stream';
    case 'stream-exists':
      return actual !== 'no-stream';
    default:
      return expected === actual;
  }
}

export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): EventStore {
  const name = options.name ?? 'memory';
  const log = createEventLog();
  const subscriptions = new Set<MemorySubscription>();
  const actors = new ActorPool();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError(name, 'the store has been closed');
  };

  const host: SubscriptionHost = {
    log,
    subscriptions,
    startIndex(subscribeOptions: SubscribeOptions): number {
      ensureOpen();
      checkGlobalReadOptions(subscribeOptions, 'subscription');
      return startIndexAfter(subscribeOptions.after, log.all.length, 'subscription');
    },
  };

  async function append(
    streamId: string,
    events: readonly EventToAppend[],
    appendOptions: AppendOptions,
  ): Promise<AppendResult> {
    ensureOpen();
    checkStreamId(streamId, 'append');
    // Validate and copy everything before touching the log, so a bad event writes nothing.
    const accepted = acceptBatch(streamId, events, actors);
    const expected = checkExpectedVersion(streamId, appendOptions?.expectedVersion);
    const existing = log.streams.get(streamId);
    const actual = existing === undefined ? 'no-stream' : existing.length - 1;
    if (!satisfies(expected, actual)) {
      throw new ConcurrencyConflictError(streamId, expected, actual);
    }
    const stream = existing ?? [];
    if (existing === undefined) log.streams.set(streamId, stream);
    const positions: Position[] = [];
    let last: StoredEvent | undefined;
    for (const event of accepted) {
      const position = positionOf(log.all.length);
      positions.push(position);
      last = Object.freeze({
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId,
        streamVersion: stream.length,
        position,
        data: event.data,
        metadata: event.metadata,
      });
      stream.push(last);
      record(log, last);
    }
    for (const subscription of subscriptions) subscription.notify();
    // Every position is known here, so the ledger need not read them back.
    return {
      streamVersion: (last as StoredEvent).streamVersion,
      position: (last as StoredEvent).position,
      positions,
    };
  }

  function readStream(streamId: string, readOptions: ReadStreamOptions = {}) {
    return pullableRead((): PullEvent => {
      ensureOpen();
      checkStreamId(streamId, 'read of a stream');
      checkStreamReadOptions(readOptions, streamId);
      const stream = log.streams.get(streamId);
      if (stream === undefined) throw new StreamNotFoundError(streamId);
      const last = stream.length - 1;
      const limit = readOptions.limit ?? Infinity;
      let served = 0;
      if (readOptions.direction === 'backwards') {
        let version = Math.min(readOptions.fromVersion ?? last, last);
        return () => (served++ < limit && version >= 0 ? stream[version--] : undefined);
      }
      // The end is fixed when the read starts: it returns the stream as it was then.
      let version = readOptions.fromVersion ?? 0;
      return () => (served++ < limit && version <= last ? stream[version++] : undefined);
    });
  }

  function readAll(readOptions: ReadAllOptions = {}) {
    return pullableRead((): PullEvent => {
      ensureOpen();
      checkGlobalReadOptions(readOptions, 'read of the global log');
      const end = log.all.length;
      const start = startIndexAfter(readOptions.after, end, 'read of the global log');
      const cursor = new FilteredCursor(log, readOptions, start);
      const limit = readOptions.limit ?? Infinity;
      let served = 0;
      return () => (served++ < limit ? cursor.next(end) : undefined);
    });
  }

  return {
    name,
    append,
    readStream,
    readAll,
    subscribe: (subscribeOptions: SubscribeOptions = {}): Subscription =>
      new MemorySubscription(host, subscribeOptions),
    async countEvents(countOptions: ReadAllOptions = {}): Promise<number> {
      ensureOpen();
      checkGlobalReadOptions(countOptions, 'count of the global log');
      const start = startIndexAfter(countOptions.after, log.all.length, 'count of the global log');
      const count = countMatching(log, countOptions, start);
      return Math.min(count, countOptions.limit ?? Infinity);
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
    },
  };
}
