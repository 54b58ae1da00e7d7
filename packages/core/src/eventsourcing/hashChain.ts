// The hash chain: every event's hash covers its identity, place, data and metadata (including
// the previous event's hash), so altering, removing, inserting or reordering stored events shows.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { EventMetadata, StoredEvent } from './envelope.js';

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
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
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
