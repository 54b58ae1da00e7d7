// Turns validated domain events into the envelopes a store keeps: ids, times, correlation, and
// the hash chain continued from the stream's current head.
//
// One walk per event: `sealedCopy` checks the data by the stores' rules, copies it deeply frozen
// and writes its canonical JSON, which the hash takes as it is, with the metadata's JSON written
// once per append around the previous hash. The envelope is then sealed (storeKit/sealed.ts), so
// the store takes it as it is instead of checking and copying it again. Data the walk leaves to
// the careful writer (it is refused there, naming the field, or is valid but unusual) goes the
// general way: hashed by `hashAppended`, checked and copied by the store.
import { encodeSimple, sealedCopy } from './canonical.js';
import type { Actor, DomainEvent, EventMetadata, EventToAppend } from './envelope.js';
import { hashAppended } from './hashChain.js';
import type { ActorPool } from './storeKit/actorPool.js';
import { seal } from './storeKit/sealed.js';

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
 * `actors` gives the one frozen object kept for the append's actor.
 */
export function stampEvents(
  input: StampInput,
  head: StreamHead | undefined,
  encoded: readonly unknown[],
  actors: ActorPool,
): EventToAppend[] {
  const { streamId, occurredAt, recordedAt, correlationId, causationId } = input;
  const actor = actors.share(input.actor);
  const shared = sharedMetadataJson(input, actor);
  let prevHash = head?.hash ?? null;
  let streamVersion = head === undefined ? 0 : head.streamVersion + 1;
  const stamped: EventToAppend[] = [];
  for (let i = 0; i < input.events.length; i++) {
    const { type, schemaVersion } = input.events[i] as DomainEvent & { schemaVersion: number };
    const id = input.ids[i] as string;
    // Built once in its stored key order; the hash leaves its own field out, so it is set after.
    const metadata: Writable<EventMetadata> =
      causationId === undefined
        ? { actor, occurredAt, recordedAt, correlationId, prevHash, hash: '' }
        : { actor, occurredAt, recordedAt, correlationId, causationId, prevHash, hash: '' };
    const prevJson = prevHash === null ? 'null' : encodeSimple(prevHash, true);
    const sealed = shared === undefined ? undefined : sealedCopy(encoded[i]);
    const data = sealed === undefined ? encoded[i] : sealed.copy;
    const hashInput = { id, type, schemaVersion, streamId, streamVersion, data, metadata };
    if (sealed !== undefined && shared !== undefined && prevJson !== undefined) {
      metadata.hash = hashAppended(hashInput, {
        data: sealed.json,
        metadata: shared.head + prevJson + shared.tail,
      });
      stamped.push(seal(id, type, schemaVersion, data, Object.freeze(metadata)));
    } else {
      metadata.hash = hashAppended(hashInput);
      stamped.push({ id, type, schemaVersion, data, metadata });
    }
    prevHash = metadata.hash;
    streamVersion++;
  }
  return stamped;
}

/**
 * The canonical JSON of the metadata every envelope of one append shares, before and after the
 * previous hash (the one field that differs per event); `undefined` when a string needs the
 * careful writer (which may refuse it).
 */
function sharedMetadataJson(
  input: StampInput,
  actor: Actor,
): { readonly head: string; readonly tail: string } | undefined {
  const { causationId } = input;
  const actorJson = encodeSimple(actor, true);
  const causation = causationId === undefined ? '' : encodeSimple(causationId, true);
  const correlation = encodeSimple(input.correlationId, true);
  const occurred = encodeSimple(input.occurredAt, true);
  const recorded = encodeSimple(input.recordedAt, true);
  if (
    actorJson === undefined ||
    causation === undefined ||
    correlation === undefined ||
    occurred === undefined ||
    recorded === undefined
  ) {
    return undefined;
  }
  // Keys in sorted order, as the canonical writer puts them: the metadata's `hash` left out.
  return {
    head:
      `{"actor":${actorJson},` +
      (causationId === undefined ? '' : `"causationId":${causation},`) +
      `"correlationId":${correlation},"occurredAt":${occurred},"prevHash":`,
    tail: `,"recordedAt":${recorded}}`,
  };
}
