// The ledger: the only way events should enter a store. It validates, stamps and hash-chains on
// the way in, and upcasts, validates and types on the way out.
import type { AggregateType } from './aggregate.js';
import {
  checkActor,
  checkExpectedVersion,
  checkId,
  checkTimestamp,
  validateEvents,
} from './appendInput.js';
import type { DomainCommand } from './decider.js';
import { identityEncoder, type EventEncoder } from './encoder.js';
import type { Actor, DomainEvent, ExpectedVersion, Position, RecordedEvent } from './envelope.js';
import { isConcurrencyConflict, ValidationError } from './errors.js';
import { assertExpectedVersion } from './expectedVersion.js';
import { createCodec } from './ledgerCodec.js';
import { loadAggregate, type LoadedAggregate } from './ledgerLoad.js';
import { createUlidFactory, systemClock, type Clock } from './ids.js';
import type { EventRegistry, ReadTrust } from './registry.js';
import { stampEvents } from './stampEvents.js';
import type { EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from './store.js';

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

export interface LedgerAppendOptions {
  readonly expectedVersion: ExpectedVersion;
  readonly actor: Actor;
  /** When it happened (ISO 8601). Default: the time it is recorded. */
  readonly occurredAt?: string;
  /** Default: the id of the first event appended. */
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface LedgerAppendResult<E extends DomainEvent = DomainEvent> {
  readonly events: RecordedEvent<E>[];
  /** Version of the last event appended. */
  readonly streamVersion: number;
  /** Global position of the last event appended. */
  readonly position: Position;
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
  subscribe<E extends DomainEvent = DomainEvent>(options?: SubscribeOptions): LedgerSubscription<E>;
  /** Folds one aggregate's stream; a stream that does not exist gives the initial state. */
  load<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateType<C, E, S>,
    id: string,
  ): Promise<LoadedAggregate<S>>;
}

export function createLedger(options: LedgerOptions): Ledger {
  const { store, registry } = options;
  const clock = options.clock ?? systemClock;
  const ulids = createUlidFactory(clock);
  const newId = options.newId ?? (() => ulids());
  // Default event ids carry the instant they were recorded at, from the same monotonic source.
  const eventId = options.newId === undefined ? ulids : () => newId();
  const readTrust = options.readTrust ?? 'current-version';
  const encoder = options.encoder ?? identityEncoder;
  const codec = createCodec(store, registry, encoder, readTrust);

  const append = async <E extends DomainEvent>(
    streamId: string,
    events: readonly E[],
    appendOptions: LedgerAppendOptions,
  ): Promise<LedgerAppendResult<E>> => {
    const subject = `append to stream '${String(streamId)}'`;
    checkId(streamId, 'streamId', subject);
    if (typeof appendOptions !== 'object' || appendOptions === null) {
      throw new ValidationError(subject, [
        { path: 'options', message: 'must give at least expectedVersion and actor' },
      ]);
    }
    const expectedVersion = checkExpectedVersion(appendOptions.expectedVersion, subject);
    const actor = checkActor(appendOptions.actor, subject);
    const given = appendOptions.occurredAt;
    const occurredAt =
      given === undefined ? undefined : checkTimestamp(given, 'occurredAt', subject);
    const { correlationId, causationId } = appendOptions;
    if (correlationId !== undefined) checkId(correlationId, 'correlationId', subject);
    if (causationId !== undefined) checkId(causationId, 'causationId', subject);
    const validated = validateEvents(registry, events, subject);

    const now = clock();
    const recordedAt = now.toISOString();
    const ids = validated.map(() => eventId(now));
    const writeAtHead = async () => {
      // A caller expecting a new stream needs no read: if the stream exists, the store refuses.
      const head = expectedVersion === 'no-stream' ? undefined : await codec.readHead(streamId);
      assertExpectedVersion(streamId, expectedVersion, head?.streamVersion);
      const stamped = await stampEvents({
        streamId,
        head,
        events: validated,
        ids,
        actor,
        occurredAt: occurredAt ?? recordedAt,
        recordedAt,
        correlationId: correlationId ?? (ids[0] as string),
        causationId,
        encoder,
      });
      // Always the exact version just read, whatever the caller allowed: a chain never forks.
      const result = await store.append(streamId, stamped, {
        expectedVersion: head === undefined ? 'no-stream' : head.streamVersion,
      });
      return { head, stamped, result };
    };
    const { head, stamped, result } = await retryingAny(expectedVersion, writeAtHead);
    const firstVersion = head === undefined ? 0 : head.streamVersion + 1;
    const positions = await codec.positionsOf(streamId, firstVersion, stamped.length, result);
    const recorded = stamped.map((event, i) => ({
      ...event,
      data: validated[i]?.data,
      streamId,
      streamVersion: firstVersion + i,
      position: positions[i] as Position,
    }));
    return {
      events: recorded as unknown as RecordedEvent<E>[],
      streamVersion: result.streamVersion,
      position: result.position,
    };
  };

  return {
    store,
    registry,
    clock,
    newId,
    readTrust,
    encoder,
    append,
    readStream: (streamId, readOptions) => codec.decodeAll(store.readStream(streamId, readOptions)),
    readAll: (readOptions) => codec.decodeAll(store.readAll(readOptions)),
    subscribe: (subscribeOptions) => codec.decodeSubscription(store.subscribe(subscribeOptions)),
    load: async (aggregate, id) => {
      checkId(id, 'id', `load of ${aggregate.name}`);
      return loadAggregate(store, codec, aggregate, id);
    },
  };
}

/** Store conflicts a caller expecting `any` never asked to see; others see the first one. */
const ANY_RETRIES = 3;

async function retryingAny<T>(expected: ExpectedVersion, write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (expected !== 'any' || !isConcurrencyConflict(error) || attempt >= ANY_RETRIES) {
        throw error;
      }
    }
  }
}
