// The in-memory event store: the reference implementation of the EventStore port and the
// fastest one. Everything lives in arrays; nothing survives the process.
//
// Immutability: append copies data and metadata into deeply frozen JSON (one pass that also
// rejects non-JSON values) and freezes each envelope. Reads then hand out the stored objects
// themselves, without copying, so reading costs what iterating an array costs; a caller that
// tries to mutate an event gets a TypeError instead of silently rewriting history.
import {
  ActorPool,
  StoreUnavailableError,
  StreamNotFoundError,
  assertExpectedVersion,
  checkAppend,
  checkGlobalReadOptions,
  checkStreamReadOptions,
  syncRead,
  type AppendResult,
  type EventStore,
  type Position,
  type PullEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  type Actor,
} from '@gridledger/core/store';
import { FilteredCursor, countMatching, createEventLog, record } from './eventLog.js';
import { positionOf, startIndexAfter } from './positions.js';
import { MemorySubscription, type SubscriptionHost } from './subscription.js';

export interface MemoryEventStoreOptions {
  /** Shown in error messages; default `memory`. */
  readonly name?: string;
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

  const appendRules = { copy: true, shareActor: (actor: Actor) => actors.share(actor) };

  async function append(
    streamId: string,
    events: unknown,
    options: unknown,
  ): Promise<AppendResult> {
    ensureOpen();
    // Checked and copied before touching the log, so a bad event writes nothing.
    const accepted = checkAppend(streamId, events, options, appendRules);
    const existing = log.streams.get(streamId);
    assertExpectedVersion(streamId, accepted.expectedVersion, existing && existing.length - 1);
    const stream = existing ?? [];
    if (existing === undefined) log.streams.set(streamId, stream);
    const positions: Position[] = [];
    let last: StoredEvent | undefined;
    for (const event of accepted.events) {
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

  // Events are at hand: every read can also be opened and pulled at once (see SyncRead).
  const openStream = (streamId: string, readOptions: ReadStreamOptions = {}): PullEvent => {
    ensureOpen();
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
  };
  const openAll = (readOptions: ReadAllOptions = {}): PullEvent => {
    ensureOpen();
    checkGlobalReadOptions(readOptions, 'read of the global log');
    const end = log.all.length;
    const start = startIndexAfter(readOptions.after, end, 'read of the global log');
    const cursor = new FilteredCursor(log, readOptions, start);
    const limit = readOptions.limit ?? Infinity;
    let served = 0;
    return () => (served++ < limit ? cursor.next(end) : undefined);
  };

  return {
    name,
    append,
    readStream: (streamId, readOptions) => syncRead(() => openStream(streamId, readOptions)),
    readAll: (readOptions) => syncRead(() => openAll(readOptions)),
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
