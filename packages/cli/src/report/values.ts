// How one figure reads to a person (tables, HTML) and how it is written for a machine (CSV).
import { formatCount } from '../progress/format.js';
import type { CellValue, ColumnKind } from './model.js';

/** What an empty figure shows: a rate with nothing to divide, a change with no month before. */
export const NONE = '–';

/** `0.98` → `98%`, `0.975` → `97.5%`; never `100%` unless whole, nor `0%` unless nothing. */
export function formatPercent(ratio: number): string {
  const percent = Math.round(ratio * 1000) / 10;
  if (percent >= 100 && ratio < 1) return '99.9%';
  if (percent <= 0 && ratio > 0) return '<0.1%';
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** Month-over-month change: `▲ 12%` (more than the month before), `▼ 8%`, `±0%`. */
export function formatChange(change: number): string {
  if (change === 0) return '±0%';
  return `${change > 0 ? '▲' : '▼'} ${formatPercent(Math.abs(change))}`;
}

export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return NONE;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'ratio':
      return formatPercent(value);
    case 'change':
      return formatChange(value);
    case 'hours':
    case 'rate':
      return formatHours(value);
    case 'text':
    case 'flag':
      return String(value);
  }
}

/** Hours with one decimal: `0.8`, `52.3`, `1,204.0`. */
function formatHours(hours: number): string {
  const [whole = '0', decimals = '0'] = hours.toFixed(1).split('.');
  return `${formatCount(Number(whole))}.${decimals}`;
}

/** Right-aligned in a table: figures, not words. */
export const isNumeric = (kind: ColumnKind): boolean => kind !== 'text' && kind !== 'flag';

/** What an empty table says. */
export const emptyText = (table: { readonly empty?: string }): string =>
  table.empty ?? 'Nothing in this period.';
