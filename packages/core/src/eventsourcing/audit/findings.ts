// What an audit says about a stream: each event that was changed, removed, inserted or moved,
// named by version and id, and in words an auditor can act on.
import type { StoredEvent } from '../envelope.js';

/**
 * - `changed`: the event is where it was recorded but its content (data, actor, times, ids) was
 *   altered afterwards, with or without recomputing its hash.
 * - `removed`: a recorded event is gone; named by the version it had.
 * - `inserted`: an event that was never part of the recorded chain (a forgery or a copy).
 * - `reordered`: a genuine event moved to another place, e.g. two events swapped.
 * - `shifted`: a genuine event renumbered because events before it were removed or inserted; its
 *   content and its order relative to its neighbours are intact.
 */
export type TamperKind = 'changed' | 'removed' | 'inserted' | 'reordered' | 'shifted';

export interface TamperFinding {
  readonly kind: TamperKind;
  readonly streamId: string;
  /** Where the event is now; for `removed`, the version it had. */
  readonly streamVersion: number;
  /** The event's id; absent for a removed event, which is gone. */
  readonly eventId?: string;
  readonly type?: string;
  /** For `reordered` and `shifted`: the version its hash was made for. */
  readonly recordedAs?: number;
  /** For `removed`: its hash, when the event after it still links to it. */
  readonly hash?: string;
  readonly message: string;
}

/** A stream's head as recorded elsewhere (an export's manifest): how many events, last hash. */
export interface StreamAnchor {
  readonly streamId: string;
  readonly eventCount: number;
  readonly lastHash: string;
  /**
   * The hash recorded for each version, when the record keeps them (an export's events file, a
   * checkpoint): a stream rewritten and re-chained is then named by its first rewritten event,
   * not by its head.
   */
  readonly hashes?: readonly string[];
}

/** The audit of one stream. */
export interface StreamAudit {
  readonly streamId: string;
  /** True when no event was changed, removed, inserted or moved. */
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** Stored hash of the last event read; null when none was read. */
  readonly lastHash: string | null;
  readonly findings: readonly TamperFinding[];
  /** With an anchor: genuine events recorded after the anchored head (new, not findings). */
  readonly eventsAfterAnchor?: number;
}

/** `v3 DisputeClassified (01J…)`: how an event is named in messages. */
export const nameOf = (event: StoredEvent): string =>
  `v${event.streamVersion} ${event.type} (${event.id})`;

export function finding(
  kind: Exclude<TamperKind, 'removed'>,
  event: StoredEvent,
  message: string,
  recordedAs?: number,
): TamperFinding {
  return {
    kind,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.id,
    type: event.type,
    ...(recordedAs === undefined ? {} : { recordedAs }),
    message: `${nameOf(event)} ${message}`,
  };
}

export function removedFinding(
  streamId: string,
  streamVersion: number,
  hash: string | undefined,
  why: string,
): TamperFinding {
  return {
    kind: 'removed',
    streamId,
    streamVersion,
    ...(hash === undefined ? {} : { hash }),
    message: `v${streamVersion} was removed: ${why}`,
  };
}
