// Positions in the memory store: the decimal 1-based global sequence, so "after nothing" needs
// no sentinel. Outside this package they are opaque; only `startIndexAfter` interprets them.
import { ValidationError, describeValue, type Position } from '@gridledger/core/store';

const CANONICAL = /^[1-9][0-9]{0,15}$/;

export const positionOf = (index: number): Position => String(index + 1) as Position;

/**
 * The log index to start from for events strictly after `after`: 0 when omitted. Throws a
 * ValidationError for a malformed position, or one this store never issued (beyond its head).
 */
export function startIndexAfter(after: unknown, head: number, subject: string): number {
  if (after === undefined) return 0;
  if (typeof after !== 'string' || !CANONICAL.test(after)) {
    throw new ValidationError(subject, [
      {
        path: 'after',
        message: `${describeValue(after)} is not a position issued by the memory store`,
      },
    ]);
  }
  const sequence = Number(after);
  if (sequence > head) {
    throw new ValidationError(subject, [
      {
        path: 'after',
        message: `position ${after} is beyond the end of the log (${head} events); it was not issued by this store`,
      },
    ]);
  }
  return sequence;
}
