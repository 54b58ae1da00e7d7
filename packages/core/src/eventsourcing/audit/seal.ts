// An event's seal: the stream version its own hash was made for. An intact event is sealed at its
// place; a moved one at the place it was recorded; an altered or forged one nowhere.
import type { StoredEvent } from '../envelope.js';
import { hashEvent, hashInputOf } from '../hashChain.js';

/** The stored hash, when the event carries one. */
export function storedHash(event: StoredEvent): string | undefined {
  const hash: unknown = (event.metadata as { hash?: unknown } | undefined)?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** The stored previous hash: a string, `null` for a first event, `undefined` when malformed. */
export function storedPrevHash(event: StoredEvent): string | null | undefined {
  const prev: unknown = (event.metadata as { prevHash?: unknown } | undefined)?.prevHash;
  return typeof prev === 'string' || prev === null ? prev : undefined;
}

/**
 * The version within `reach` of the event's place for which its content hashes to its stored
 * hash, its own place first; `undefined` when none does. Only a mismatch costs more than one hash.
 */
export function sealedVersion(
  event: StoredEvent,
  streamId: string,
  reach: number,
): number | undefined {
  const stored = storedHash(event);
  if (stored === undefined) return undefined;
  const hashesAt = (streamVersion: number): boolean => {
    try {
      return hashEvent({ ...hashInputOf(event), streamId, streamVersion }) === stored;
    } catch {
      // Content that cannot be hashed (not JSON) was not written by the ledger.
      return false;
    }
  };
  const here = event.streamVersion;
  if (hashesAt(here)) return here;
  for (let distance = 1; distance <= reach; distance++) {
    if (here - distance >= 0 && hashesAt(here - distance)) return here - distance;
    if (hashesAt(here + distance)) return here + distance;
  }
  return undefined;
}
