// Loading an aggregate: fold its stream's decoded events into state with the decider's evolve.
// Stores that declare synchronous reads are folded in one go, with no await per event.
import { streamIdOf, type AggregateType } from './aggregate.js';
import type { DomainCommand } from './decider.js';
import type { DomainEvent, RecordedEvent } from './envelope.js';
import { CorruptedEventError, isStreamNotFound } from './errors.js';
import type { LedgerCodec } from './ledgerCodec.js';
import type { StreamHead } from './stampEvents.js';

export interface LoadedAggregate<S> {
  readonly state: S;
  /** Version of the last event folded; `undefined` when the stream does not exist. */
  readonly streamVersion: number | undefined;
  /** Hash of the last event folded; `null` when the stream does not exist. */
  readonly lastHash: string | null;
}

/** Where a loaded stream stands: the head a decision on it appends after. */
export const headOfLoaded = (loaded: LoadedAggregate<unknown>): StreamHead | undefined =>
  loaded.streamVersion === undefined || loaded.lastHash === null
    ? undefined
    : { streamVersion: loaded.streamVersion, hash: loaded.lastHash };

/** Each aggregate's own event types, built once rather than on every load. */
const ownTypesOf = new WeakMap<object, ReadonlySet<string>>();

function ownTypes(aggregate: AggregateType<DomainCommand, DomainEvent, unknown>) {
  let types = ownTypesOf.get(aggregate);
  if (types === undefined) {
    types = new Set(aggregate.events.map((definition) => definition.type));
    ownTypesOf.set(aggregate, types);
  }
  return types;
}

/** Folds decoded events one at a time, refusing any that is not the aggregate's own. */
class Fold<E extends DomainEvent, S> {
  state: S;
  streamVersion: number | undefined;
  lastHash: string | null = null;
  private readonly types: ReadonlySet<string>;

  constructor(
    private readonly aggregate: AggregateType<DomainCommand, E, S>,
    private readonly streamId: string,
  ) {
    this.state = aggregate.initialState();
    this.types = ownTypes(aggregate);
  }

  add(event: RecordedEvent<E>): void {
    if (!this.types.has(event.type)) {
      throw new CorruptedEventError(
        this.streamId,
        event.streamVersion,
        'unknown-event-type',
        `'${event.type}' is not an event of ${this.aggregate.name}`,
      );
    }
    // A recorded event is its domain event plus envelope fields evolve does not need.
    this.state = this.aggregate.evolve(this.state, event as unknown as E);
    this.streamVersion = event.streamVersion;
    this.lastHash = event.metadata.hash;
  }

  result(): LoadedAggregate<S> {
    return { state: this.state, streamVersion: this.streamVersion, lastHash: this.lastHash };
  }
}

export async function loadAggregate<C extends DomainCommand, E extends DomainEvent, S>(
  codec: LedgerCodec,
  aggregate: AggregateType<C, E, S>,
  id: string,
): Promise<LoadedAggregate<S>> {
  const streamId = streamIdOf(aggregate, id);
  const fold = new Fold<E, S>(aggregate, streamId);
  try {
    const read = codec.store.readStream(streamId);
    const pull = codec.pull<E>(read);
    if (pull !== undefined) {
      for (let event = pull(); event !== undefined; event = pull()) fold.add(event);
    } else {
      for await (const stored of read) fold.add(await codec.decode<E>(stored));
    }
  } catch (error) {
    if (fold.streamVersion === undefined && isStreamNotFound(error)) {
      return { state: aggregate.initialState(), streamVersion: undefined, lastHash: null };
    }
    throw error;
  }
  return fold.result();
}
