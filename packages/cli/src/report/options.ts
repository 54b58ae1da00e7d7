// The report's options as a person types them (--by, --from, --to, --format), checked, with a
// UsageError that names the accepted forms when one is wrong.
import { endOf, type Month } from '@gridledger/projections';
import { UsageError } from '../errors.js';
import type { Grouping } from './model.js';

export const FORMATS = ['table', 'csv', 'json', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined): ReportFormat {
  if (value === undefined) return 'table';
  const format = FORMATS.find((f) => f === value);
  if (format === undefined) {
    throw new UsageError(`--format '${value}' is not a format: use one of ${FORMATS.join(', ')}`);
  }
  return format;
}

export const GROUPINGS: readonly Grouping[] = ['month', 'grid', 'community', 'member'];

/** The grouping asked for, which must be one the report offers. */
export function parseGrouping(
  value: string | undefined,
  offered: readonly Grouping[],
  fallback: Grouping,
  report: string,
): Grouping {
  if (value === undefined) return fallback;
  const by = GROUPINGS.find((g) => g === value);
  if (by === undefined) {
    throw new UsageError(`--by '${value}' is not a grouping: use one of ${GROUPINGS.join(', ')}`);
  }
  if (!offered.includes(by)) {
    const member = by === 'member' ? ' (work per member is in the coverage report)' : '';
    const accepted = offered.length === 0 ? 'it takes no --by' : `use ${offered.join(', ')}`;
    throw new UsageError(`--by ${by} does not apply to ${report}${member}: ${accepted}`);
  }
  return by;
}

export interface MonthBound {
  readonly month: Month;
  /** A note for stderr when a date was narrowed to its whole month. */
  readonly note?: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A period bound: a month (`2025-07`) or a date (`2025-07-15`). Read models count by calendar
 * month, so a date stands for its whole month, and the caller is told so.
 */
export function parseMonthBound(value: string, option: '--from' | '--to'): MonthBound {
  const forms = 'use a month as YYYY-MM (e.g. 2025-07) or a date as YYYY-MM-DD (e.g. 2025-07-15)';
  const month = MONTH.exec(value);
  if (month !== null) {
    if (!validMonth(Number(month[2]))) {
      throw new UsageError(`${option} '${value}' has no month ${month[2]}: ${forms}`);
    }
    return { month: value };
  }
  const date = DATE.exec(value);
  if (date === null)
    throw new UsageError(`${option} '${value}' is not a month or a date: ${forms}`);
  const [, y, m, d] = date as unknown as [string, string, string, string];
  const last = daysIn(Number(y), Number(m));
  if (!validMonth(Number(m)) || Number(d) < 1 || Number(d) > last) {
    throw new UsageError(`${option} '${value}' is not a calendar date: ${forms}`);
  }
  const whole = option === '--from' ? Number(d) === 1 : Number(d) === last;
  return {
    month: `${y}-${m}`,
    ...(whole
      ? {}
      : {
          note: `read models count by calendar month: ${option} ${value} covers all of ${y}-${m}`,
        }),
  };
}

/** Both bounds, checked against each other. */
export function parsePeriod(
  from: string | undefined,
  to: string | undefined,
): { from?: Month; to?: Month; notes: string[] } {
  const start = from === undefined ? undefined : parseMonthBound(from, '--from');
  const end = to === undefined ? undefined : parseMonthBound(to, '--to');
  if (start !== undefined && end !== undefined && start.month > end.month) {
    throw new UsageError(`--to ${to} is before --from ${from}: the period would be empty`);
  }
  const notes = [start?.note, end?.note].filter((n): n is string => n !== undefined);
  return {
    ...(start === undefined ? {} : { from: start.month }),
    ...(end === undefined ? {} : { to: end.month }),
    notes,
  };
}

const validMonth = (m: number) => m >= 1 && m <= 12;

function daysIn(year: number, month: number): number {
  if (!validMonth(month)) return 0;
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// An instant as the kernel writes them: a date-time with a zone offset or Z.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `--as-of`: a month (`2026-08`: its last instant), a date (`2026-08-31`: its last instant),
 * both in the report's time zone, or an instant with a zone. Returns the instant (ISO, UTC).
 */
export function parseAsOf(value: string, timeZone: string): string {
  const forms =
    'use a month (2026-08: to its end), a date (2026-08-31: to its end) or an instant with a ' +
    'zone (2026-08-31T18:00:00+08:00)';
  if (INSTANT.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    throw new UsageError(`--as-of '${value}' is not a real instant: ${forms}`);
  }
  const month = MONTH.exec(value);
  if (month !== null && !validMonth(Number(month[2]))) {
    throw new UsageError(`--as-of '${value}' has no month ${month[2]}: ${forms}`);
  }
  if (DATE.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    if (!validMonth(m) || d < 1 || d > daysIn(y, m)) {
      throw new UsageError(`--as-of '${value}' is not a calendar date: ${forms}`);
    }
  }
  const end = endOf(value, timeZone);
  if (end === undefined)
    throw new UsageError(`--as-of '${value}' is not a month, date or instant: ${forms}`);
  return end;
}
