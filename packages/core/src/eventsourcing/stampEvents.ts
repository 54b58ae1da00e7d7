// Turns validated domain events into the envelopes a store keeps: ids, times, correlation, and
// the hash chain continued from the stream's current head.
import type { Actor, DomainEvent, EventMetadata, EventToAppend } from './envelope.js';
import { identityEncoder, type EventEncoder } from './encoder.js';
import { hashStamped } from './hashChain.js';

/** Where a stream stands before an append; `undefined` for a stream that does not exist yet. */
export interface StreamHead {
  readonly streamVersion: number;
  readonly hash: string;
}

export interface StampInput {
  readonly streamId: string;
  readonly head: StreamHead | undefined;
  /** Validated events with their current schema versions. */
  readonly events: readonly (DomainEvent & { readonly schemaVersion: number })[];
  readonly ids: readonly string[];
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | undefined;
  readonly encoder: EventEncoder;
}

/**
 * Each event's data in its stored form. The identity encoder's answer is known at once: waiting
 * for it would cost an append a promise per event for nothing.
 */
export function encodeData(input: StampInput): unknown[] | Promise<unknown[]> {
  const { encoder, streamId, events, ids } = input;
  if (encoder === identityEncoder) return events.map((event) => event.data);
  return (async () => {
    const encoded: unknown[] = [];
    for (const [i, { type, schemaVersion, data }] of events.entries()) {
      const id = ids[i] as string;
      encoded.push(await encoder.encode({ id, type, schemaVersion, streamId, data }));
    }
    return encoded;
  })();
}

/** Envelopes for the store, chained to `head` and to each other, in order, for events whose data is already in its stored form (`encoded[i]`). */
export function stampEncoded(input: StampInput, encoded: readonly unknown[]): EventToAppend[] {
  const { streamId, head, actor, occurredAt, recordedAt, correlationId, causationId } = input;
  let prevHash = head?.hash ?? null;
  let streamVersion = head === undefined ? 0 : head.streamVersion + 1;
  const stamped: EventToAppend[] = [];
  for (const [i, event] of input.events.entries()) {
    const id = input.ids[i] as string;
    const { type, schemaVersion } = event;
    const data = encoded[i];
    const hash = hashStamped({
      id,
      type,
      schemaVersion,
      streamId,
      streamVersion,
      data,
      actor,
      occurredAt,
      recordedAt,
      correlationId,
      causationId,
      prevHash,
    });
    const metadata: EventMetadata =
      causationId === undefined
        ? { actor, occurredAt, recordedAt, correlationId, prevHash, hash }
        : { actor, occurredAt, recordedAt, correlationId, causationId, prevHash, hash };
    stamped.push({ id, type, schemaVersion, data, metadata });
    prevHash = hash;
    streamVersion++;
  }
  return stamped;
}
