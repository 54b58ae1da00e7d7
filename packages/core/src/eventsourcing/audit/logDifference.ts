// What differs between the log and a checkpoint of it: the first place where they part, named
// by position, stream and version, and what was done there. Each stream's chain sees changes
// inside it; these are also the ones it cannot see (a tail or a whole stream deleted, a stream
// rewritten and re-chained, a properly chained forgery, positions renumbered).
import type { LogEntry } from './logEntry.js';

/**
 * - `changed`: the recorded event is in its place, but its content (or stored hash) is not the
 *   recorded one, or another event replaced it there.
 * - `rechained`: changed, and its hash and every later hash of its stream recomputed, so its
 *   stream's chain alone verifies.
 * - `removed`: the recorded event is gone; later events of its stream remain.
 * - `tail-removed`: the recorded event is gone, and every later event of its stream with it.
 * - `stream-removed`: the recorded event's whole stream is gone.
 * - `inserted`: an event that was never recorded, whose hash or link does not check out.
 * - `forged`: an event that was never recorded, yet properly sealed and chained to its stream.
 * - `reordered`: a recorded event moved: before or after other events of the log or its stream.
 * - `renumbered`: a recorded event intact and in order, at another position or stream version.
 * - `backdated`: an event appended after the checkpoint that claims to have been recorded
 *   before the last event the checkpoint covers.
 */
export type LogDifferenceKind =
  | 'changed'
  | 'rechained'
  | 'removed'
  | 'tail-removed'
  | 'stream-removed'
  | 'inserted'
  | 'forged'
  | 'reordered'
  | 'renumbered'
  | 'backdated';
export interface LogDifference {
  readonly kind: LogDifferenceKind;
  /** The place in the log (0-based, position order) where the log first differs. */
  readonly index: number;
  /** The event concerned: for a recorded event, its stream and recorded version. */
  readonly streamId: string;
  readonly streamVersion: number;
  /** What the checkpoint recorded at `index` (absent past the checkpoint's end). */
  readonly recorded?: LogEntry;
  /** What the log holds at `index` now, its content hashed now (absent where the log ends). */
  readonly found?: LogEntry;
  readonly message: string;
}
