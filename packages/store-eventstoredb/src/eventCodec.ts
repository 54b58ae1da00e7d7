// How a Gridledger event is laid out in EventStoreDB: the payload as the JSON event data, and the
// envelope fields EventStoreDB has no place for (ULID, schema version, actor, times, hash chain)
// in the event's JSON metadata, beside the `$correlationId`/`$causationId` its projections use.
import {
  CorruptedEventError,
  type EventMetadata,
  type EventToAppend,
  type StoredEvent,
} from '@gridledger/core';
import type { EsdbEventData, EsdbRecordedEventLike } from './clientLike.js';
import { isUlid, ulidToUuid } from './ids.js';
import { encodePosition } from './position.js';

/** Bumped if the layout below ever changes, so old events stay readable. */
const FORMAT = 1;

/** The JSON metadata of every event Gridledger writes. */
interface StoredMetadata {
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly gridledger: {
    readonly format: number;
    /** The original ULID, exactly as the caller wrote it. */
    readonly id: string;
    readonly schemaVersion: number;
    readonly metadata: EventMetadata;
  };
}

/** The event as handed to the client. `event.id` must already be known to be a ULID. */
export function toEventData(event: EventToAppend): EsdbEventData {
  const metadata: StoredMetadata = {
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId === undefined
      ? {}
      : { $causationId: event.metadata.causationId }),
    gridledger: {
      format: FORMAT,
      id: event.id,
      schemaVersion: event.schemaVersion,
      metadata: event.metadata,
    },
  };
  return {
    id: ulidToUuid(event.id),
    contentType: 'application/json',
    type: event.type,
    // Any JSON value (also a number, a boolean or null) goes through JSON.stringify unchanged.
    data: event.data as EsdbEventData['data'],
    metadata: metadata as unknown as EsdbEventData['metadata'],
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

/** Why a record is not a readable Gridledger event, or undefined when it is. */
function unreadableBecause(record: EsdbRecordedEventLike): string | undefined {
  if (!record.isJson) return 'its content type is not application/json';
  const envelope = isRecord(record.metadata) ? record.metadata['gridledger'] : undefined;
  if (!isRecord(envelope)) return 'its metadata carries no Gridledger envelope';
  if (envelope['format'] !== FORMAT) {
    return `its envelope format ${String(envelope['format'])} is unknown`;
  }
  const id = envelope['id'];
  if (typeof id !== 'string' || !isUlid(id) || ulidToUuid(id) !== record.id.toLowerCase()) {
    return `its recorded id does not match the event id ${record.id}`;
  }
  if (typeof envelope['schemaVersion'] !== 'number') return 'its schema version is missing';
  if (!isRecord(envelope['metadata'])) return 'its Gridledger metadata is missing';
  if (record.position === undefined) {
    return 'the server did not report its $all position (EventStoreDB 22.10 or later is needed)';
  }
  return undefined;
}

/**
 * The stored event a record holds, in stream `streamId` (the record's stream without the store's
 * namespace). Throws CorruptedEventError when it is not one of ours.
 */
export function fromRecorded(record: EsdbRecordedEventLike, streamId: string): StoredEvent {
  const streamVersion = Number(record.revision);
  const problem = unreadableBecause(record);
  if (problem !== undefined) {
    throw new CorruptedEventError(streamId, streamVersion, 'unreadable', problem);
  }
  const envelope = (record.metadata as StoredMetadata).gridledger;
  return {
    id: envelope.id,
    type: record.type,
    schemaVersion: envelope.schemaVersion,
    streamId,
    streamVersion,
    position: encodePosition(record.position as NonNullable<typeof record.position>),
    data: record.data,
    metadata: envelope.metadata,
  };
}

/** System streams (`$…`, including `$$…` metadata streams) and system events (`$…` types). */
export const isSystemRecord = (record: EsdbRecordedEventLike): boolean =>
  record.streamId.startsWith('$') || record.type.startsWith('$');

/**
 * Whether a record was written by someone else: a system event, or one whose metadata carries no
 * Gridledger envelope (another service's JSON, a binary event, a link). A record that carries an
 * envelope is ours, and unreadable if the envelope is broken.
 */
export const isForeignRecord = (record: EsdbRecordedEventLike): boolean =>
  isSystemRecord(record) || !isRecord(record.metadata) || !('gridledger' in record.metadata);
