// Checks one stream's hash chain one event at a time, so any reader (one stream now; the whole
// log, imports and history later) can feed events as they stream past in flat memory.
import type { StoredEvent } from './envelope.js';
import { hashEvent, hashInputOf } from './hashChain.js';

/**
 * - `hash-mismatch`: the event's content does not produce its stored hash (it was altered, or
 *   moved to another place in the stream).
 * - `chain-broken`: its `prevHash` is not the hash of the event before it (the event before was
 *   altered and re-hashed, or events were removed, inserted or reordered between them).
 * - `version-gap`: its stream version is not the next one (the store lost or repeated events).
 */
export type ChainFailureReason = 'hash-mismatch' | 'chain-broken' | 'version-gap';

/** The first event that does not match, and why. */
export interface ChainFailure {
  readonly streamVersion: number;
  readonly eventId: string;
  readonly reason: ChainFailureReason;
  readonly message: string;
}

export interface StreamVerification {
  readonly streamId: string;
  readonly ok: boolean;
  /** Events read, including the one that failed. */
  readonly eventsChecked: number;
  /** Hash of the last event that verified (the stream's head when `ok`); null when none did. */
  readonly lastHash: string | null;
  readonly firstFailure?: ChainFailure;
}

/** The hash an event's content has now, or why it cannot be hashed (data that is not JSON). */
export type ContentHash = { readonly hash: string } | { readonly error: unknown };

/** The event's content hash; `streamId` is the stream it is read as part of (its own by default). */
export function contentHashOf(event: StoredEvent, streamId = event.streamId): ContentHash {
  const input = hashInputOf(event);
  try {
    return { hash: hashEvent(streamId === event.streamId ? input : { ...input, streamId }) };
  } catch (error) {
    return { error };
  }
}

/** A verified point of a stream to continue from, e.g. the head of an earlier verification. */
export interface ChainAnchor {
  readonly streamVersion: number;
  readonly hash: string;
}

export interface StreamChainVerifier {
  readonly streamId: string;
  /**
   * Checks the next event of the stream; once one fails, later events are not checked. A reader
   * that already hashed the event's content (`contentHashOf`) passes it, so it is hashed once.
   */
  check(event: StoredEvent, hashed?: ContentHash): ChainFailure | undefined;
  report(): StreamVerification;
}

/** A verifier for `streamId`, from its first event or from an earlier verified `after` point. */
export function createStreamChainVerifier(
  streamId: string,
  after?: ChainAnchor,
): StreamChainVerifier {
  let nextVersion = after === undefined ? 0 : after.streamVersion + 1;
  let lastHash: string | null = after === undefined ? null : after.hash;
  let eventsChecked = 0;
  let firstFailure: ChainFailure | undefined;

  const fail = (event: StoredEvent, reason: ChainFailureReason, message: string) => {
    firstFailure = { streamVersion: event.streamVersion, eventId: event.id, reason, message };
    return firstFailure;
  };

  const check = (event: StoredEvent, hashed?: ContentHash): ChainFailure | undefined => {
    if (firstFailure !== undefined) return firstFailure;
    eventsChecked++;
    if (event.streamVersion !== nextVersion) {
      return fail(event, 'version-gap', versionGapMessage(nextVersion, event.streamVersion));
    }
    const stored: unknown = event.metadata.hash;
    const content = hashed ?? contentHashOf(event, streamId);
    if ('error' in content) {
      return fail(event, 'hash-mismatch', `its content cannot be hashed: ${String(content.error)}`);
    }
    const recomputed = content.hash;
    if (stored !== recomputed) {
      return fail(
        event,
        'hash-mismatch',
        `stored hash ${String(stored)} does not match its content (recomputed ${recomputed}): ` +
          'the event was altered, or moved from another place in the stream',
      );
    }
    if (event.metadata.prevHash !== lastHash) {
      return fail(
        event,
        'chain-broken',
        `prevHash ${String(event.metadata.prevHash)} is not ${
          lastHash === null
            ? 'null, as the first event of a stream must have'
            : `${lastHash}, the hash of event ${nextVersion - 1}`
        }: the event before it was altered and re-hashed, or events were removed, inserted or ` +
          'reordered between them',
      );
    }
    lastHash = recomputed;
    nextVersion++;
    return undefined;
  };

  const report = (): StreamVerification => ({
    streamId,
    ok: firstFailure === undefined,
    eventsChecked,
    lastHash,
    ...(firstFailure === undefined ? {} : { firstFailure }),
  });

  return { streamId, check, report };
}

function versionGapMessage(expected: number, found: number): string {
  return found > expected
    ? `expected stream version ${expected}, found ${found}: ${
        found - expected === 1 ? `event ${expected} is` : `events ${expected}–${found - 1} are`
      } missing`
    : `expected stream version ${expected}, found ${found}: an event is repeated or out of order`;
}
