// The ledger's reading side: decodes stored events (encoder, then registry) and finds a stream's
// head and the positions of events just appended. A read the store returns as a `SyncRead` (see
// the port) is pulled at once, without a promise per event, whenever the encoder is the identity.
import { identityEncoder, type EventEncoder } from './encoder.js';
import type { DomainEvent, Position, RecordedEvent, StoredEvent } from './envelope.js';
import { CorruptedEventError, isGridledgerError, isStreamNotFound } from './errors.js';
import type { EventRegistry, ReadTrust } from './registry.js';
import type { StreamHead } from './stampEvents.js';
import {
  isSyncRead,
  type EventStore,
  type PullEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Subscription,
  type SyncRead,
} from './store.js';
import { pullIterable } from './storeKit/syncReads.js';

/** A read opened at once and decoded, or `undefined` when the read cannot be opened at once. */
export type DecodedPull<E extends DomainEvent> = (() => RecordedEvent<E> | undefined) | undefined;

export interface LedgerCodec {
  readonly store: EventStore;
  decode<E extends DomainEvent>(stored: StoredEvent): Promise<RecordedEvent<E>>;
  readStream<E extends DomainEvent>(
    streamId: string,
    options?: ReadStreamOptions,
  ): AsyncIterable<RecordedEvent<E>>;
  readAll<E extends DomainEvent>(options?: ReadAllOptions): AsyncIterable<RecordedEvent<E>>;
  /** `readAll` in arrays of up to `size` events, pulled at once when the read allows. */
  readAllBatches<E extends DomainEvent>(
    options: ReadAllOptions | undefined,
    size: number,
  ): AsyncIterable<RecordedEvent<E>[]>;
  decodeSubscription<E extends DomainEvent>(
    subscription: Subscription,
  ): AsyncIterable<RecordedEvent<E>> & { close(): Promise<void> };
  /**
   * Opens `read` at once and decodes what it pulls, when the read is a `SyncRead` and the encoder
   * the identity; `undefined` otherwise. Opening throws what the read's first `next()` would.
   */
  pull<E extends DomainEvent>(read: AsyncIterable<StoredEvent>): DecodedPull<E>;
  /** The read of a stream's last event, to hand to `headNow` or `head`. */
  headRead(streamId: string): AsyncIterable<StoredEvent>;
  /** The stream's last version and hash (`undefined`: no stream), from a read opened at once. */
  headNow(streamId: string, read: SyncRead): StreamHead | undefined;
  /** The same, from any read. */
  head(streamId: string, read: AsyncIterable<StoredEvent>): Promise<StreamHead | undefined>;
  /** Positions of `count` events from `firstVersion`, for stores whose appends report only the last. */
  readPositions(streamId: string, firstVersion: number, count: number): Promise<Position[]>;
}

/** The events of `events` in arrays of up to `size`, in order. */
async function* gather<T>(events: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const event of events) {
    if (batch.push(event) === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function headOf(streamId: string, last: StoredEvent): StreamHead {
  const hash: unknown = last.metadata?.hash;
  if (typeof hash !== 'string') {
    throw new CorruptedEventError(
      streamId,
      last.streamVersion,
      'unreadable',
      'it carries no hash, so the chain cannot be continued (was it written outside the ledger?)',
    );
  }
  return { streamVersion: last.streamVersion, hash };
}

export function createCodec(
  store: EventStore,
  registry: EventRegistry,
  encoder: EventEncoder,
  trust: ReadTrust,
): LedgerCodec {
  const decodeNow =
    encoder === identityEncoder
      ? <E extends DomainEvent>(stored: StoredEvent) => registry.decode<E>(stored, trust)
      : undefined;

  const pull = <E extends DomainEvent>(read: AsyncIterable<StoredEvent>): DecodedPull<E> => {
    if (decodeNow === undefined || !isSyncRead(read)) return undefined;
    const next: PullEvent = read.openSync();
    return () => {
      const stored = next();
      return stored === undefined ? undefined : decodeNow<E>(stored);
    };
  };

  const decode = async <E extends DomainEvent>(stored: StoredEvent): Promise<RecordedEvent<E>> => {
    if (decodeNow) return decodeNow<E>(stored);
    let data: unknown;
    try {
      data = await encoder.decode(stored);
    } catch (error) {
      if (isGridledgerError(error)) throw error;
      throw new CorruptedEventError(
        stored.streamId,
        stored.streamVersion,
        'unreadable',
        `the ${encoder.name} encoder could not decode it: ${String(error)}`,
        { cause: error },
      );
    }
    return registry.decode<E>({ ...stored, data }, trust);
  };

  async function* decodeEach<E extends DomainEvent>(
    events: AsyncIterable<StoredEvent>,
  ): AsyncGenerator<RecordedEvent<E>> {
    if (decodeNow) {
      for await (const stored of events) yield decodeNow<E>(stored);
      return;
    }
    for await (const stored of events) yield await decode<E>(stored);
  }

  const head = async (
    streamId: string,
    read: AsyncIterable<StoredEvent>,
  ): Promise<StreamHead | undefined> => {
    try {
      for await (const last of read) return headOf(streamId, last);
      return undefined;
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
  };

  const headNow = (streamId: string, read: SyncRead): StreamHead | undefined => {
    let last: StoredEvent | undefined;
    try {
      last = read.openSync()();
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
    return last === undefined ? undefined : headOf(streamId, last);
  };

  const readPositions = async (
    streamId: string,
    firstVersion: number,
    count: number,
  ): Promise<Position[]> => {
    const positions: Position[] = [];
    for await (const event of store.readStream(streamId, {
      fromVersion: firstVersion,
      limit: count,
    })) {
      positions.push(event.position);
    }
    return positions;
  };

  /** Decoded events of `read`: pulled at once when it allows, else one await each. */
  const decodeAll = <E extends DomainEvent>(
    read: AsyncIterable<StoredEvent>,
  ): AsyncIterable<RecordedEvent<E>> => {
    if (decodeNow === undefined || !isSyncRead(read)) return decodeEach<E>(read);
    // On a long global read the layers of promises per event were most of the kernel's cost.
    return pullIterable(() => pull<E>(read) as () => RecordedEvent<E> | undefined);
  };

  /** Decoded events of `read` in arrays: pulled at once when it allows, else gathered. */
  const decodeBatches = <E extends DomainEvent>(
    read: AsyncIterable<StoredEvent>,
    size: number,
  ): AsyncIterable<RecordedEvent<E>[]> => {
    if (decodeNow === undefined || !isSyncRead(read)) return gather(decodeEach<E>(read), size);
    // One promise per batch instead of one per event: a consumer that folds a long log (a
    // projection) pays the async iteration's cost once per `size` events.
    return pullIterable(() => {
      const next = pull<E>(read) as () => RecordedEvent<E> | undefined;
      return () => {
        const batch: RecordedEvent<E>[] = [];
        for (let event = next(); event !== undefined; event = next()) {
          if (batch.push(event) === size) break;
        }
        return batch.length === 0 ? undefined : batch;
      };
    });
  };

  return {
    store,
    decode,
    pull,
    readAllBatches: (options, size) => decodeBatches(store.readAll(options), size),
    readStream: (streamId, options) => decodeAll(store.readStream(streamId, options)),
    readAll: (options) => decodeAll(store.readAll(options)),
    decodeSubscription: <E extends DomainEvent>(subscription: Subscription) => ({
      close: () => subscription.close(),
      [Symbol.asyncIterator]: () => decodeEach<E>(subscription)[Symbol.asyncIterator](),
    }),
    headRead: (streamId) => store.readStream(streamId, { direction: 'backwards', limit: 1 }),
    headNow,
    head,
    readPositions,
  };
}
