// Positions of this store: the events table's `position` (a bigint, gap-free in commit order),
// written as 19 zero-padded digits, so positions of one log also sort correctly as plain strings
// and cannot be mistaken for a SQLite store's 16-digit ones.
import { ValidationError, type Position } from '@gridledger/core';

const WIDTH = 19;
const ZEROS = '0'.repeat(WIDTH);
const ISSUED = /^[0-9]{19}$/;

/** The position of a row; node-postgres hands bigints over as decimal strings. */
export function positionOf(position: string): Position {
  return (ZEROS.slice(position.length) + position) as Position;
}

/**
 * The bigint (as a decimal string, for a query parameter) that a position stands for; `undefined`
 * means "from the start", which is 0. A string of another shape was not issued by this store.
 */
export function positionNumberOf(position: Position | undefined, subject: string): string {
  if (position === undefined) return '0';
  if (typeof position === 'string' && ISSUED.test(position) && position !== ZEROS) {
    const digits = position.replace(/^0+/, '');
    // Beyond the bigint range no log can reach it: refuse it rather than let the cast fail.
    if (digits.length < WIDTH || digits <= '9223372036854775807') return digits;
  }
  throw new ValidationError(subject, [
    {
      path: 'after',
      message: `${JSON.stringify(position) ?? String(position)} is not a position issued by a PostgreSQL store (19 digits)`,
    },
  ]);
}
