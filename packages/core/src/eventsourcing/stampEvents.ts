// Turns validated domain events into the envelopes a store keeps: ids, times, correlation, and
// the hash chain continued from the stream's current head.
//
// One walk per event: `sealedCopy` checks the data by the stores' rules, copies it deeply frozen
// and writes its canonical JSON; the envelope's canonical JSON is that text inside the parts every
// event of the append shares, written once. The envelope is then sealed (storeKit/sealed.ts), so
// the store takes it as it is instead of checking and copying it again. Data the walk leaves to
// the careful writer (it is refused there, naming the field, or is valid but unusual) goes the
// general way: hashed by `hashAppended`, checked and copied by the store.
import { hash } from 'node:crypto';
import { encodeSimple, sealedCopy, sealedJson } from './canonical.js';
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
  const shared = sharedJson(input, actor);
  let prevHash = head?.hash ?? null;
  let streamVersion = head === undefined ? 0 : head.streamVersion + 1;
  const stamped: EventToAppend[] = [];
  for (let i = 0; i < input.events.length; i++) {
    const { type, schemaVersion } = input.events[i] as DomainEvent & { schemaVersion: number };
    const id = input.ids[i] as string;
    const raw = encoded[i];
    const data = shared === undefined ? undefined : sealedCopy(raw);
    // Built once in its stored key order; the hash leaves its own field out, so it is set after.
    const metadata: Writable<EventMetadata> =
      causationId === undefined
        ? { actor, occurredAt, recordedAt, correlationId, prevHash, hash: '' }
        : { actor, occurredAt, recordedAt, correlationId, causationId, prevHash, hash: '' };
    const typeJson = shared === undefined ? undefined : encodeSimple(type, true);
    const idJson = shared === undefined ? undefined : encodeSimple(id, true);
    const prevJson =
      shared === undefined ? undefined : prevHash === null ? 'null' : encodeSimple(prevHash, true);
    if (
      data !== undefined &&
      typeJson !== undefined &&
      idJson !== undefined &&
      prevJson !== undefined &&
      shared !== undefined
    ) {
      // The canonical JSON `hashAppended` writes, field by field in sorted order.
      metadata.hash = hash(
        'sha256',
        `{"data":${sealedJson()},"id":${idJson},"metadata":${shared.metadataHead}` +
          `${prevJson}${shared.metadataTail},` +
          `"schemaVersion":${schemaVersion},"streamId":${shared.streamId},` +
          `"streamVersion":${streamVersion},"type":${typeJson}}`,
        'hex',
      );
      stamped.push(seal(id, type, schemaVersion, data, Object.freeze(metadata)));
    } else {
      metadata.hash = hashAppended({
        id,
        type,
        schemaVersion,
        streamId,
        streamVersion,
        data: raw,
        metadata,
      });
      stamped.push({ id, type, schemaVersion, data: raw, metadata });
    }
    prevHash = metadata.hash;
    streamVersion++;
  }
  return stamped;
}

/** The canonical JSON every envelope of one append shares, around what differs per event. */
interface SharedJson {
  /** The metadata up to `"prevHash":`. */
  readonly metadataHead: string;
  /** The metadata after the previous hash. */
  readonly metadataTail: string;
  readonly streamId: string;
}

/** `undefined` when a shared string needs the careful writer (which may refuse it). */
function sharedJson(input: StampInput, actor: Actor): SharedJson | undefined {
  const { causationId } = input;
  const actorJson = encodeSimple(actor, true);
  const causation = causationId === undefined ? '' : encodeSimple(causationId, true);
  const correlation = encodeSimple(input.correlationId, true);
  const occurred = encodeSimple(input.occurredAt, true);
  const recorded = encodeSimple(input.recordedAt, true);
  const streamId = encodeSimple(input.streamId, true);
  if (
    actorJson === undefined ||
    causation === undefined ||
    correlation === undefined ||
    occurred === undefined ||
    recorded === undefined ||
    streamId === undefined
  ) {
    return undefined;
  }
  return {
    metadataHead:
      `{"actor":${actorJson},` +
      (causationId === undefined ? '' : `"causationId":${causation},`) +
      `"correlationId":${correlation},"occurredAt":${occurred},"prevHash":`,
    metadataTail: `,"recordedAt":${recorded}}`,
    streamId,
  };
}
