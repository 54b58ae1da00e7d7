// Positions in the $all log. EventStoreDB needs the commit AND the prepare position to resume
// exactly: events of an explicit transaction (older servers) share a commit position, and the
// server's checkpoints stand between events (`c/0`, even `0/0`), so a Position carries both.
import { ValidationError, type Position } from '@gridledger/core';

/** A place in $all, as the clients report it. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const MAX_U64 = (1n << 64n) - 1n;
const CANONICAL = /^(0|[1-9][0-9]{0,19})\/(0|[1-9][0-9]{0,19})$/;

/** `commit/prepare` in decimal: readable in logs, and opaque to everyone but this adapter. */
export const encodePosition = (position: LogPosition): Position =>
  `${position.commit}/${position.prepare}` as Position;

/**
 * Reads a position this adapter issued. Anything else (another store's position, a typo, a pair
 * no EventStoreDB log can hold) is a ValidationError naming `after`.
 */
export function decodePosition(position: unknown, subject: string): LogPosition {
  const match = typeof position === 'string' ? CANONICAL.exec(position) : null;
  const commit = match ? BigInt(match[1] as string) : -1n;
  const prepare = match ? BigInt(match[2] as string) : -1n;
  if (commit < 0n || commit > MAX_U64 || prepare > commit) {
    const shown = typeof position === 'string' ? `'${position}'` : `a ${typeof position}`;
    throw new ValidationError(subject, [
      {
        path: 'after',
        message: `${shown} is not a position issued by the EventStoreDB store (expected 'commit/prepare', prepare ≤ commit)`,
      },
    ]);
  }
  return { commit, prepare };
}

/** Orders two positions as $all does: by commit position, then by prepare position. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
