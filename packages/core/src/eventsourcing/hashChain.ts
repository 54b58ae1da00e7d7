// The hash chain: every event's hash covers its identity, place, data and metadata (including
// the previous event's hash), so altering, removing, inserting or reordering stored events shows.
import { hash } from 'node:crypto';
import { canonicalJson, quoteJson as quote } from './canonical.js';
import type { Actor, EventMetadata, StoredEvent } from './envelope.js';

/**
 * Everything an event's hash covers. The global `position` is left out on purpose: it differs
 * between stores and changes on import, while the chain must survive both.
 */
export interface HashInput {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  /** The stored (encoded) data, exactly as kept by the store. */
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'hash'>;
}

/** SHA-256 (hex) of the canonical JSON of `input`. Throws ValidationError for non-JSON data. */
export function hashEvent(input: HashInput): string {
  const canonical = canonicalJson(
    {
      id: input.id,
      type: input.type,
      schemaVersion: input.schemaVersion,
      streamId: input.streamId,
      streamVersion: input.streamVersion,
      data: input.data,
      metadata: withoutHash(input.metadata),
    },
    `event ${input.type} (stream '${input.streamId}', version ${input.streamVersion})`,
  );
  // The one-shot hash: a Hash object per event cost more than the digest itself.
  return hash('sha256', canonical, 'hex');
}

/** What the ledger stamps on an event it appends: the metadata fields, one by one. */
export interface StampedHashInput {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly data: unknown;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | undefined;
  readonly prevHash: string | null;
}

/**
 * The same hash as `hashEvent` of the event the ledger stamps, written without sorting or
 * copying the envelope, whose keys are known: only `data` and `actor` go through the general
 * canonical encoder. A property test keeps the two equal.
 */
export function hashStamped(input: StampedHashInput): string {
  const { schemaVersion, streamVersion, causationId } = input;
  let canonical: string;
  try {
    if (!Number.isFinite(schemaVersion) || !Number.isFinite(streamVersion)) throw new Error();
    const { id, type, streamId, occurredAt, recordedAt, correlationId, prevHash } = input;
    const texts = [id, type, streamId, occurredAt, recordedAt, correlationId, causationId ?? ''];
    if (!texts.every((text) => typeof text === 'string')) throw new Error();
    if (prevHash !== null && typeof prevHash !== 'string') throw new Error();
    canonical =
      `{"data":${canonicalJson(input.data)},"id":${quote(input.id)},"metadata":{"actor":` +
      actorJson(input.actor) +
      (causationId === undefined ? '' : `,"causationId":${quote(causationId)}`) +
      `,"correlationId":${quote(input.correlationId)},"occurredAt":${quote(input.occurredAt)}` +
      `,"prevHash":${input.prevHash === null ? 'null' : quote(input.prevHash)}` +
      `,"recordedAt":${quote(input.recordedAt)}}` +
      `,"schemaVersion":${JSON.stringify(schemaVersion)},"streamId":${quote(input.streamId)}` +
      `,"streamVersion":${JSON.stringify(streamVersion)},"type":${quote(input.type)}}`;
  } catch {
    // Whatever the fast path refuses, the general one refuses too, naming the field and event.
    return hashEvent(hashInputOfStamped(input));
  }
  return hash('sha256', canonical, 'hex');
}

/** The ledger's checked actor (`{ id, role, name? }` of strings) with its keys in order. */
function actorJson(actor: Actor): string {
  const { id, role, name } = actor as { id: unknown; role: unknown; name?: unknown };
  if (typeof id !== 'string' || typeof role !== 'string') return canonicalJson(actor);
  if (name !== undefined && typeof name !== 'string') return canonicalJson(actor);
  if (Object.keys(actor).length !== (name === undefined ? 2 : 3)) return canonicalJson(actor);
  const named = name === undefined ? '' : `,"name":${quote(name)}`;
  return `{"id":${quote(id)}${named},"role":${quote(role)}}`;
}

/** The general hash input of what the ledger stamps. */
export function hashInputOfStamped(input: StampedHashInput): HashInput {
  const { id, type, schemaVersion, streamId, streamVersion, data, causationId } = input;
  const { actor, occurredAt, recordedAt, correlationId, prevHash } = input;
  return {
    id,
    type,
    schemaVersion,
    streamId,
    streamVersion,
    data,
    metadata: {
      actor,
      occurredAt,
      recordedAt,
      correlationId,
      ...(causationId === undefined ? {} : { causationId }),
      prevHash,
    },
  };
}

/** The hash input of a stored event, as the store returned it. */
export function hashInputOf(event: StoredEvent): HashInput {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    data: event.data,
    metadata: event.metadata,
  };
}

function withoutHash(metadata: Omit<EventMetadata, 'hash'>): Omit<EventMetadata, 'hash'> {
  if (!('hash' in metadata)) return metadata;
  const { hash: _hash, ...rest } = metadata as EventMetadata;
  return rest;
}
