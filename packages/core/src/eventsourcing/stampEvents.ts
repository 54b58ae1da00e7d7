// Turns validated domain events into the envelopes a store keeps: ids, times, correlation, and
// the hash chain continued from the stream's current head.
import type { Actor, DomainEvent, EventMetadata, EventToAppend } from './envelope.js';
import { hashAppended } from './hashChain.js';

/** Where a stream stands before an append; `undefined` for a stream that does not exist yet. */
export interface StreamHead {
  readonly streamVersion: number;
  readonly hash: string;
}

/** What every event of one append shares. */
export interface StampInput {
  readonly streamId: string;
  /** Validated events with their current schema versions. */
  readonly events: readonly (DomainEvent & { readonly schemaVersion: number })[];
  readonly ids: readonly string[];
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | undefined;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Envelopes for the store, chained to `head` and to each other, in order, for events whose data
 * is already in its stored form (`encoded[i]`). Hashing also checks the data by the stores' rules.
 */
export function stampEvents(
  input: StampInput,
  head: StreamHead | undefined,
  encoded: readonly unknown[],
): EventToAppend[] {
  const { streamId, actor, occurredAt, recordedAt, correlationId, causationId } = input;
  let prevHash = head?.hash ?? null;
  let streamVersion = head === undefined ? 0 : head.streamVersion + 1;
  const stamped: EventToAppend[] = [];
  for (let i = 0; i < input.events.length; i++) {
    const { type, schemaVersion } = input.events[i] as DomainEvent & { schemaVersion: number };
    const id = input.ids[i] as string;
    const data = encoded[i];
    // Built once in its stored key order; the hash leaves its own field out, so it is set after.
    const metadata: Writable<EventMetadata> =
      causationId === undefined
        ? { actor, occurredAt, recordedAt, correlationId, prevHash, hash: '' }
        : { actor, occurredAt, recordedAt, correlationId, causationId, prevHash, hash: '' };
    metadata.hash = hashAppended({
      id,
      type,
      schemaVersion,
      streamId,
      streamVersion,
      data,
      metadata,
    });
    stamped.push({ id, type, schemaVersion, data, metadata });
    prevHash = metadata.hash;
    streamVersion++;
  }
  return stamped;
}
