// The ledger: the only way events should enter a store. It validates, stamps and hash-chains on
// the way in, and upcasts, validates and types on the way out.
import type { AggregateType } from './aggregate.js';
import type { DomainCommand } from './decider.js';
import { identityEncoder, type EventEncoder } from './encoder.js';
import type { DomainEvent, RecordedEvent } from './envelope.js';
import { checkId } from './appendInput.js';
import { ValidationError } from './errors.js';
import {
  appendAfter,
  appendEvents,
  isoTimes,
  type AppendContext,
  type LedgerAppendOptions,
  type LedgerAppendResult,
} from './ledgerAppend.js';
import { registerWrites } from './ledgerWrites.js';
import { createCodec } from './ledgerCodec.js';
import { loadAggregate, type LoadedAggregate } from './ledgerLoad.js';
import { createUlidFactory, systemClock, type Clock } from './ids.js';
import type { EventRegistry, ReadTrust } from './registry.js';
import type { EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from './store.js';
import { ActorPool } from './storeKit/actorPool.js';
import { StreamHeads } from './streamHeads.js';

export interface LedgerOptions {
  readonly store: EventStore;
  readonly registry: EventRegistry;
  /** Stamps `recordedAt`. Default: the system clock. */
  readonly clock?: Clock;
  /** Event ids. Default: monotonic ULIDs from `clock`. */
  readonly newId?: () => string;
  /** When reads may skip re-validating stored data (see docs/decisions/001-read-trust.md). */
  readonly readTrust?: ReadTrust;
  /** The encoding step before hashing and storing. Default: the identity. */
  readonly encoder?: EventEncoder;
}

/** Catch-up then live, decoded; `close()` ends it. */
export interface LedgerSubscription<E extends DomainEvent = DomainEvent> extends AsyncIterable<
  RecordedEvent<E>
> {
  close(): Promise<void>;
}

export interface Ledger {
  readonly store: EventStore;
  readonly registry: EventRegistry;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly readTrust: ReadTrust;
  readonly encoder: EventEncoder;
  append<E extends DomainEvent>(
    streamId: string,
    events: readonly E[],
    options: LedgerAppendOptions,
  ): Promise<LedgerAppendResult<E>>;
  readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options?: ReadStreamOptions,
  ): AsyncIterable<RecordedEvent<E>>;
  readAll<E extends DomainEvent = DomainEvent>(
    options?: ReadAllOptions,
  ): AsyncIterable<RecordedEvent<E>>;
  /**
   * The global log as `readAll` reads it, handed over in arrays of up to `batchSize` events
   * (default 512, never empty): one await per array instead of one per event, for consumers that
   * fold a long log, like projections. From a store whose reads are synchronous (memory, SQLite)
   * each array is pulled at once.
   */
  readAllBatches<E extends DomainEvent = DomainEvent>(
    options?: ReadAllOptions & { readonly batchSize?: number },
  ): AsyncIterable<readonly RecordedEvent<E>[]>;
  subscribe<E extends DomainEvent = DomainEvent>(options?: SubscribeOptions): LedgerSubscription<E>;
  /** Folds one aggregate's stream; a stream that does not exist gives the initial state. */
  load<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateType<C, E, S>,
    id: string,
  ): Promise<LoadedAggregate<S>>;
}

export type { LedgerAppendOptions, LedgerAppendResult };

/** Distinct actors a ledger shares one object for before it starts afresh. */
const MAX_POOLED_ACTORS = 4096;

/** Streams whose last appended head a ledger remembers (see StreamHeads). */
const REMEMBERED_HEADS = 10_000;

/** Events per array of `readAllBatches` unless told otherwise. */
const DEFAULT_BATCH = 512;

function checkBatchSize(size: unknown): void {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
    throw new ValidationError('batched read of the global log', [
      { path: 'batchSize', message: `must be a whole number ≥ 1; got ${String(size)}` },
    ]);
  }
}

export function createLedger(options: LedgerOptions): Ledger {
  const { store, registry } = options;
  const clock = options.clock ?? systemClock;
  const ulids = createUlidFactory(clock);
  const newId = options.newId ?? (() => ulids());
  // Default event ids carry the instant they were recorded at, from the same monotonic source.
  const eventId =
    options.newId === undefined
      ? ulids
      : () => checkId(newId(), 'id', "event id from the ledger's newId");
  const readTrust = options.readTrust ?? 'current-version';
  const encoder = options.encoder ?? identityEncoder;
  const codec = createCodec(store, registry, encoder, readTrust);

  const appendContext: AppendContext = {
    store,
    registry,
    codec,
    clock,
    eventId,
    recordedAtOf: isoTimes(),
    encoder,
    actors: new ActorPool(MAX_POOLED_ACTORS),
    heads: new StreamHeads(REMEMBERED_HEADS),
  };

  const ledger: Ledger = {
    store,
    registry,
    clock,
    newId,
    readTrust,
    encoder,
    append: (streamId, events, appendOptions) =>
      appendEvents(appendContext, streamId, events, appendOptions),
    readStream: (streamId, readOptions) => codec.readStream(streamId, readOptions),
    readAll: (readOptions) => codec.readAll(readOptions),
    readAllBatches: (batchOptions) => {
      const { batchSize = DEFAULT_BATCH, ...readOptions } = batchOptions ?? {};
      checkBatchSize(batchSize);
      return codec.readAllBatches(readOptions, batchSize);
    },
    subscribe: (subscribeOptions) => codec.decodeSubscription(store.subscribe(subscribeOptions)),
    load: async (aggregate, id) => {
      checkId(id, 'id', `load of ${aggregate.name}`);
      return loadAggregate(codec, aggregate, id);
    },
  };
  registerWrites(ledger, {
    load: (aggregate, id) => loadAggregate(codec, aggregate, id),
    appendAfter: (checked, head) => appendAfter(appendContext, checked, head),
  });
  return ledger;
}
