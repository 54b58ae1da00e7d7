// Turns validated domain events into the envelopes a store keeps: ids, times, correlation, and
// the hash chain continued from the stream's current head.
import type { Actor, DomainEvent, EventMetadata, EventToAppend } from './envelope.js';
import type { EventEncoder } from './encoder.js';
import { hashEvent } from './hashChain.js';

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

/** Envelopes for the store, chained to `head` and to each other, in order. */
export async function stampEvents(input: StampInput): Promise<EventToAppend[]> {
  const { streamId, head, actor, occurredAt, recordedAt, correlationId, causationId } = input;
  let prevHash = head?.hash ?? null;
  let streamVersion = head === undefined ? 0 : head.streamVersion + 1;
  const stamped: EventToAppend[] = [];
  for (const [i, event] of input.events.entries()) {
    const id = input.ids[i] as string;
    const { type, schemaVersion } = event;
    const data = await input.encoder.encode({
      id,
      type,
      schemaVersion,
      streamId,
      data: event.data,
    });
    const metadata: Omit<EventMetadata, 'hash'> = {
      actor,
      occurredAt,
      recordedAt,
      correlationId,
      ...(causationId === undefined ? {} : { causationId }),
      prevHash,
    };
    const hash = hashEvent({ id, type, schemaVersion, streamId, streamVersion, data, metadata });
    stamped.push({ id, type, schemaVersion, data, metadata: { ...metadata, hash } });
    prevHash = hash;
    streamVersion++;
  }
  return stamped;
}
