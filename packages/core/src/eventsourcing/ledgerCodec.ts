// The ledger's reading side: decodes stored events (encoder, then registry) and finds a stream's
// head and the positions of events just appended.
import { identityEncoder, type EventEncoder } from './encoder.js';
import type {
  AppendResult,
  DomainEvent,
  Position,
  RecordedEvent,
  StoredEvent,
} from './envelope.js';
import { CorruptedEventError, isGridledgerError, isStreamNotFound } from './errors.js';
import type { EventRegistry, ReadTrust } from './registry.js';
import type { StreamHead } from './stampEvents.js';
import type { EventStore, Subscription } from './store.js';

export interface LedgerCodec {
  decode<E extends DomainEvent>(stored: StoredEvent): Promise<RecordedEvent<E>>;
  decodeAll<E extends DomainEvent>(
    events: AsyncIterable<StoredEvent>,
  ): AsyncIterable<RecordedEvent<E>>;
  decodeSubscription<E extends DomainEvent>(
    subscription: Subscription,
  ): AsyncIterable<RecordedEvent<E>> & { close(): Promise<void> };
  /** The stream's last version and hash, or `undefined` when it does not exist. */
  readHead(streamId: string): Promise<StreamHead | undefined>;
  /** Positions of the `count` events appended from `firstVersion` by the append that gave `result`. */
  positionsOf(
    streamId: string,
    firstVersion: number,
    count: number,
    result: AppendResult,
  ): Promise<Position[]>;
}

export function createCodec(
  store: EventStore,
  registry: EventRegistry,
  encoder: EventEncoder,
  trust: ReadTrust,
): LedgerCodec {
  const decode = async <E extends DomainEvent>(stored: StoredEvent): Promise<RecordedEvent<E>> => {
    if (encoder === identityEncoder) return registry.decode<E>(stored, trust);
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

  async function* decodeAll<E extends DomainEvent>(
    events: AsyncIterable<StoredEvent>,
  ): AsyncGenerator<RecordedEvent<E>> {
    // The identity encoder needs no await per event: on a long global read that is most of the
    // kernel's cost.
    if (encoder === identityEncoder) {
      for await (const stored of events) yield registry.decode<E>(stored, trust);
      return;
    }
    for await (const stored of events) yield await decode<E>(stored);
  }

  const decodeSubscription = <E extends DomainEvent>(subscription: Subscription) => ({
    close: () => subscription.close(),
    [Symbol.asyncIterator]: () => decodeAll<E>(subscription)[Symbol.asyncIterator](),
  });

  const readHead = async (streamId: string): Promise<StreamHead | undefined> => {
    try {
      for await (const last of store.readStream(streamId, { direction: 'backwards', limit: 1 })) {
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
      return undefined;
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
  };

  const positionsOf = async (
    streamId: string,
    firstVersion: number,
    count: number,
    result: AppendResult,
  ): Promise<Position[]> => {
    if (count === 1) return [result.position];
    if (result.positions?.length === count) return [...result.positions];
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

  return { decode, decodeAll, decodeSubscription, readHead, positionsOf };
}
