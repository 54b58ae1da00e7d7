// The kernel's own in-memory event store, for core's tests: core may not depend on a store
// package (`@gridledger/store-memory` depends on core, so a test dependency back would be a
// cycle). Built from the store kit like every store, so appends and read options are checked,
// and copied into frozen JSON, exactly as the stores do; kept plain (linear scans, no indexes)
// because it only ever holds a test's few events. The conformance suite judges the real stores;
// this one is judged by `memoryStore.test.ts` beside it.
import {
  StoreUnavailableError,
  StreamNotFoundError,
  ValidationError,
  assertExpectedVersion,
  checkAppend,
  checkGlobalReadOptions,
  checkStreamReadOptions,
  describeValue,
  syncRead,
  type AppendResult,
  type EventStore,
  type GlobalFilter,
  type Position,
  type PullEvent,
  type ReadAllOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '../storeKit/index.js';

/** A position is the event's 1-based place in the log, as a decimal string. */
const positionOf = (index: number): Position => String(index + 1) as Position;

function startAfter(after: unknown, head: number, subject: string): number {
  if (after === undefined) return 0;
  const sequence = typeof after === 'string' && /^[1-9][0-9]{0,15}$/.test(after) ? +after : NaN;
  if (!(sequence <= head)) {
    throw new ValidationError(subject, [
      { path: 'after', message: `${describeValue(after)} is not a position of this store` },
    ]);
  }
  return sequence;
}

const matches = (event: StoredEvent, filter: GlobalFilter): boolean =>
  (filter.types === undefined || filter.types.includes(event.type)) &&
  (filter.streamPrefix === undefined || event.streamId.startsWith(filter.streamPrefix));

export function createMemoryEventStore(options: { readonly name?: string } = {}): EventStore {
  const name = options.name ?? 'memory';
  const all: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const wakers = new Set<() => void>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError(name, 'the store has been closed');
  };

  /** Matching events from log index `from` up to the log's end when the pull is opened. */
  const walk = (from: number, filter: GlobalFilter, limit = Infinity): PullEvent => {
    const end = all.length;
    let index = from;
    let served = 0;
    return () => {
      while (served < limit && index < end) {
        const event = all[index++] as StoredEvent;
        if (matches(event, filter)) {
          served++;
          return event;
        }
      }
      return undefined;
    };
  };

  async function append(streamId: string, events: unknown, options: unknown) {
    ensureOpen();
    const accepted = checkAppend(streamId, events, options, { copy: true });
    const existing = streams.get(streamId);
    assertExpectedVersion(streamId, accepted.expectedVersion, existing && existing.length - 1);
    const stream = existing ?? [];
    streams.set(streamId, stream);
    for (const event of accepted.events) {
      const stored: StoredEvent = Object.freeze({
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId,
        streamVersion: stream.length,
        position: positionOf(all.length),
        data: event.data,
        metadata: event.metadata,
      });
      stream.push(stored);
      all.push(stored);
    }
    for (const wake of wakers) wake();
    const last = stream[stream.length - 1] as StoredEvent;
    const positions = stream.slice(-accepted.events.length).map((event) => event.position);
    return {
      streamVersion: last.streamVersion,
      position: last.position,
      positions,
    } as AppendResult;
  }

  function subscribe(options: SubscribeOptions = {}): Subscription {
    let open = true;
    let wake: (() => void) | undefined;
    const stop = (): void => {
      open = false;
      wake?.();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    async function* events(): AsyncGenerator<StoredEvent, void, undefined> {
      ensureOpen();
      checkGlobalReadOptions(options, 'subscription');
      let index = startAfter(options.after, all.length, 'subscription');
      const waker = (): void => wake?.();
      wakers.add(waker);
      try {
        while (open && !closed && !options.signal?.aborted) {
          const event = all[index];
          if (event === undefined) {
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          index++;
          if (matches(event, options)) yield event;
        }
      } finally {
        wakers.delete(waker);
        options.signal?.removeEventListener('abort', stop);
      }
    }
    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => stop(),
    };
  }

  return {
    name,
    append,
    readStream: (streamId, options = {}) =>
      syncRead(() => {
        ensureOpen();
        checkStreamReadOptions(options, streamId);
        const stream = streams.get(streamId);
        if (stream === undefined) throw new StreamNotFoundError(streamId);
        const backwards = options.direction === 'backwards';
        const last = stream.length - 1;
        let version = backwards
          ? Math.min(options.fromVersion ?? last, last)
          : (options.fromVersion ?? 0);
        let left = options.limit ?? Infinity;
        return () => {
          if (left-- <= 0 || version < 0 || version > last) return undefined;
          return stream[backwards ? version-- : version++];
        };
      }),
    readAll: (options: ReadAllOptions = {}) =>
      syncRead(() => {
        ensureOpen();
        checkGlobalReadOptions(options, 'read of the global log');
        return walk(
          startAfter(options.after, all.length, 'read of the global log'),
          options,
          options.limit,
        );
      }),
    subscribe,
    async countEvents(options: ReadAllOptions = {}): Promise<number> {
      ensureOpen();
      checkGlobalReadOptions(options, 'count of the global log');
      const pull = walk(
        startAfter(options.after, all.length, 'count of the global log'),
        options,
        options.limit,
      );
      let count = 0;
      while (pull() !== undefined) count++;
      return count;
    },
    async close(): Promise<void> {
      closed = true;
      for (const wake of wakers) wake();
    },
  };
}
