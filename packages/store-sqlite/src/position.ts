// Positions of this store: the events table's rowid, written as 16 zero-padded digits so that
// positions from one file also sort correctly as plain strings.
import { ValidationError, describeValue, type Position } from '@gridledger/core/store';

const WIDTH = 16;
const ISSUED = /^[0-9]{16}$/;

export function positionOf(rowid: number | bigint): Position {
  return String(rowid).padStart(WIDTH, '0') as Position;
}

/** The rowid a position stands for; `undefined` means "from the start". */
export function rowidOf(
  position: Position | undefined,
  field: string,
  subject = 'SQLite read',
): number {
  if (position === undefined) return 0;
  if (typeof position === 'string' && ISSUED.test(position)) {
    const rowid = Number(position);
    if (Number.isSafeInteger(rowid) && rowid > 0) return rowid;
  }
  throw new ValidationError(subject, [
    {
      path: field,
      message: `${describeValue(position)} is not a position issued by a SQLite store (16 digits)`,
    },
  ]);
}
