// Loading an aggregate: fold its stream's decoded events into state with the decider's evolve.
import { streamIdOf, type AggregateType } from './aggregate.js';
import type { DomainCommand } from './decider.js';
import type { DomainEvent } from './envelope.js';
import { CorruptedEventError, isStreamNotFound } from './errors.js';
import type { LedgerCodec } from './ledgerCodec.js';
import type { EventStore } from './store.js';

export interface LoadedAggregate<S> {
  readonly state: S;
  /** Version of the last event folded; `undefined` when the stream does not exist. */
  readonly streamVersion: number | undefined;
  /** Hash of the last event folded; `null` when the stream does not exist. */
  readonly lastHash: string | null;
}

export async function loadAggregate<C extends DomainCommand, E extends DomainEvent, S>(
  store: EventStore,
  codec: LedgerCodec,
  aggregate: AggregateType<C, E, S>,
  id: string,
): Promise<LoadedAggregate<S>> {
  const streamId = streamIdOf(aggregate, id);
  const ownTypes = new Set(aggregate.events.map((definition) => definition.type));
  let state = aggregate.initialState();
  let streamVersion: number | undefined;
  let lastHash: string | null = null;
  try {
    for await (const stored of store.readStream(streamId)) {
      const event = await codec.decode<E>(stored);
      if (!ownTypes.has(event.type)) {
        throw new CorruptedEventError(
          streamId,
          event.streamVersion,
          'unknown-event-type',
          `'${event.type}' is not an event of ${aggregate.name}`,
        );
      }
      // A recorded event is its domain event plus envelope fields evolve does not need.
      state = aggregate.evolve(state, event as unknown as E);
      streamVersion = event.streamVersion;
      lastHash = event.metadata.hash;
    }
  } catch (error) {
    if (streamVersion === undefined && isStreamNotFound(error)) {
      return { state: aggregate.initialState(), streamVersion: undefined, lastHash: null };
    }
    throw error;
  }
  return { state, streamVersion, lastHash };
}
