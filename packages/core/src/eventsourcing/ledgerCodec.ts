// The ledger's reading side: decodes stored events (encoder, then registry) and finds a stream's
// head and the positions of events just appended. Stores whose reads can be pulled synchronously
// (see syncReads.ts) are read without a promise per event.
import { identityEncoder, type EventEncoder } from './encoder.js';
import type {
  AppendResult,
  DomainEvent,
  Position,
  RecordedEvent,
  StoredEvent,
} from './envelope.js';
import { CorruptedEventError, isGridledgerError, isStreamNotFound } from './errors.js';
import { decodedPull } from './pulledReads.js';
import type { EventRegistry, ReadTrust } from './registry.js';
import type { StreamHead } from './stampEvents.js';
import type { EventStore, Subscription } from './store.js';
import { syncPullOf } from './syncReads.js';

export interface LedgerCodec {
  decode<E extends DomainEvent>(stored: StoredEvent): Promise<RecordedEvent<E>>;
  /** Decodes without waiting, when the encoder is the identity; else `undefined`. */
  readonly decodeNow:
    (<E extends DomainEvent>(stored: StoredEvent) => RecordedEvent<E>) | undefined;
  decodeAll<E extends DomainEvent>(
    events: AsyncIterable<StoredEvent>,
  ): AsyncIterable<RecordedEvent<E>>;
  decodeSubscription<E extends DomainEvent>(
    subscription: Subscription,
  ): AsyncIterable<RecordedEvent<E>> & { close(): Promise<void> };
  /**
   * The stream's last version and hash, or `undefined` when it does not exist. Answered at once
   * when the store's reads can be pulled synchronously.
   */
  readHead(streamId: string): StreamHead | undefined | Promise<StreamHead | undefined>;
  /** Positions of the `count` events appended from `firstVersion` by the append that gave `result`. */
  positionsOf(
    streamId: string,
    firstVersion: number,
    count: number,
    result: AppendResult,
  ): Position[] | Promise<Position[]>;
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

  const decodeAll = <E extends DomainEvent>(
    events: AsyncIterable<StoredEvent>,
  ): AsyncIterable<RecordedEvent<E>> => {
    const open = decodeNow ? syncPullOf(events) : undefined;
    // On a long global read the layers of promises per event were most of the kernel's cost.
    if (open && decodeNow) return decodedPull(open, decodeNow<E>);
    return decodeEach<E>(events);
  };

  const decodeSubscription = <E extends DomainEvent>(subscription: Subscription) => ({
    close: () => subscription.close(),
    [Symbol.asyncIterator]: () => decodeEach<E>(subscription)[Symbol.asyncIterator](),
  });

  const headOf = (streamId: string, last: StoredEvent): StreamHead => {
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
  };

  const readHeadAsync = async (
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

  const readHead = (streamId: string): StreamHead | undefined | Promise<StreamHead | undefined> => {
    const read = store.readStream(streamId, { direction: 'backwards', limit: 1 });
    const open = syncPullOf(read);
    if (open === undefined) return readHeadAsync(streamId, read);
    let last: StoredEvent | undefined;
    try {
      last = open()();
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
    // This store reports only the last position: a batch's earlier ones are read back.
    const positions: Position[] = [];
    for await (const event of store.readStream(streamId, {
      fromVersion: firstVersion,
      limit: count,
    })) {
      positions.push(event.position);
    }
    return positions;
  };

  const positionsOf = (
    streamId: string,
    firstVersion: number,
    count: number,
    result: AppendResult,
  ): Position[] | Promise<Position[]> => {
    if (count === 1) return [result.position];
    if (result.positions?.length === count) return [...result.positions];
    return readPositions(streamId, firstVersion, count);
  };

  return { decode, decodeNow, decodeAll, decodeSubscription, readHead, positionsOf };
}
