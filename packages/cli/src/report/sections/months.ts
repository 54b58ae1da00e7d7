// The months a chart runs over: the report's period, or the months on record, with quiet months
// in between kept (a gap in the data is shown as a gap, not closed up).
import { monthsBetween, type Month, type Slice } from '@gridledger/projections';

export function monthAxis(known: readonly Month[], slice: Slice): Month[] {
  const sorted = [...known].sort();
  const from = slice.from ?? sorted[0];
  const to = slice.to ?? sorted.at(-1);
  if (from === undefined || to === undefined || from > to) return [];
  return monthsBetween(from, to);
}
