// One entry of the whole log as a checkpoint records it: where it is (its index and the store's
// position), which event it is, and the hash of its content. The entry's JSON text is the leaf
// of the log's Merkle tree, so a checkpoint's file can be checked against its signed root alone.
import { contentHashOf, type ContentHash } from '../chainVerifier.js';
import type { StoredEvent } from '../envelope.js';
import { ValidationError } from '../errors.js';

export interface LogEntry {
  /** 0-based place in the log, in position order. */
  readonly index: number;
  /** The store's position: renumbering positions changes the entry. */
  readonly position: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly id: string;
  /**
   * The hash of its content (everything the event's own hash covers, including `prevHash`):
   * as recorded, in a checkpoint; as recomputed now, for an event read from a store. Empty when
   * the content cannot be hashed at all.
   */
  readonly hash: string;
}

/** An event read from the log: its entry, and whether its stored hash is its content's. */
export interface FoundEntry extends LogEntry {
  readonly event: StoredEvent;
  readonly sealed: boolean;
}

/** The event at `index` of the log as an entry, its content hashed now (unless given). */
export function entryOf(
  event: StoredEvent,
  index: number,
  content: ContentHash = contentHashOf(event),
): FoundEntry {
  const hash = 'hash' in content ? content.hash : '';
  return {
    index,
    position: event.position,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    id: event.id,
    hash,
    event,
    sealed: hash !== '' && event.metadata.hash === hash,
  };
}

/** The leaf: the entry's fields, index aside (the tree's order is the index), as JSON. */
export const leafOf = (entry: LogEntry): string =>
  JSON.stringify([
    entry.position,
    entry.streamId,
    entry.streamVersion,
    entry.type,
    entry.id,
    entry.hash,
  ]);

/** The same entry: same place, same event, same content. */
export const sameEntry = (a: LogEntry, b: LogEntry): boolean =>
  a.hash === b.hash &&
  a.position === b.position &&
  a.streamId === b.streamId &&
  a.streamVersion === b.streamVersion &&
  a.id === b.id &&
  a.type === b.type;

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Parses one leaf line of a checkpoint. Only the exact text `leafOf` writes is accepted, so the
 * line's bytes are the leaf that was signed.
 */
export function parseLeaf(line: string, index: number, where: string): LogEntry {
  const refuse = (message: string) =>
    new ValidationError(`checkpoint ${where}`, [{ path: `entry ${index}`, message }]);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw refuse(`is not JSON: ${String(error)}`);
  }
  if (!Array.isArray(value) || value.length !== 6) {
    throw refuse('must be [position, streamId, streamVersion, type, id, hash]');
  }
  const [position, streamId, streamVersion, type, id, hash] = value as unknown[];
  const texts = [position, streamId, type, id];
  if (!texts.every((t) => typeof t === 'string' && t !== '')) {
    throw refuse('position, streamId, type and id must be non-empty strings');
  }
  if (!Number.isSafeInteger(streamVersion) || (streamVersion as number) < 0) {
    throw refuse(`streamVersion must be a whole number ≥ 0, got ${JSON.stringify(streamVersion)}`);
  }
  if (typeof hash !== 'string' || !HEX64.test(hash)) {
    throw refuse('hash must be 64 lower-case hex digits');
  }
  const entry: LogEntry = {
    index,
    position: position as string,
    streamId: streamId as string,
    streamVersion: streamVersion as number,
    type: type as string,
    id: id as string,
    hash,
  };
  if (leafOf(entry) !== line) throw refuse('is not written the way a checkpoint writes it');
  return entry;
}

/** `dispute-d-1 v4 DisputeClassified (01J…)`: how an entry is named in messages. */
export const entryName = (entry: Pick<LogEntry, 'streamId' | 'streamVersion' | 'type' | 'id'>) =>
  `${entry.streamId} v${entry.streamVersion} ${entry.type} (${entry.id})`;

/** `event 7 of the log (position 0000000000000008)`. */
export const placeName = (entry: Pick<LogEntry, 'index' | 'position'>) =>
  `event ${entry.index} of the log (position ${entry.position})`;
