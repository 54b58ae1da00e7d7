// Calendar months in a time zone: a dispute reported at 23:30 on 31 August in Shanghai counts in
// August even though it is still the afternoon of the 31st in UTC.
import { ValidationError } from '@gridledger/core';

/** The default time zone of month bucketing: the source community's. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** `YYYY-MM`. */
export type Month = string;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// Every UTC offset in use is a multiple of 15 minutes, so a month boundary in any zone falls on
// a 15-minute mark. Each UTC day is looked up once per zone: its month at the start, and where
// (if anywhere that day) the next month begins.
const SLOT_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const SLOTS_PER_DAY = DAY_MS / SLOT_MS;
const CACHE_LIMIT = 100_000;

interface DayMonths {
  readonly day: number;
  readonly first: Month;
  /** First instant of the next month within this UTC day, or Infinity. */
  readonly boundary: number;
  readonly next: Month;
}

interface ZoneMonths {
  readonly format: Intl.DateTimeFormat;
  readonly byDay: Map<number, DayMonths>;
  last: DayMonths | undefined;
}

// Building an Intl.DateTimeFormat costs tens of microseconds: one per zone, for the process.
const zones = new Map<string, ZoneMonths>();

function zoneMonths(timeZone: string): ZoneMonths {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        calendar: 'gregory',
        numberingSystem: 'latn',
      }),
      byDay: new Map(),
      last: undefined,
    };
    zones.set(timeZone, zone);
  }
  return zone;
}

function format(zone: ZoneMonths, ms: number): Month {
  let year = '';
  let month = '';
  for (const part of zone.format.formatToParts(ms)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
  }
  return `${year.padStart(4, '0')}-${month}`;
}

function dayMonths(zone: ZoneMonths, day: number): DayMonths {
  const start = day * DAY_MS;
  const first = format(zone, start);
  const next = format(zone, start + DAY_MS - 1);
  if (first === next) return { day, first, boundary: Infinity, next };
  // The first 15-minute mark of the day that is in the next month.
  let lo = 1;
  let hi = SLOTS_PER_DAY - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (format(zone, start + mid * SLOT_MS) === first) lo = mid + 1;
    else hi = mid;
  }
  return { day, first, boundary: start + lo * SLOT_MS, next };
}

/** Throws a ValidationError unless `timeZone` is an IANA zone this runtime knows. */
export function checkTimeZone(timeZone: string): string {
  try {
    return zoneMonths(timeZone).format.resolvedOptions().timeZone;
  } catch (error) {
    throw new ValidationError(
      'read-model options',
      [{ path: 'timeZone', message: `'${timeZone}' is not a known IANA time zone` }],
      { cause: error },
    );
  }
}

/** The calendar month (`YYYY-MM`) an ISO 8601 instant falls in, in `timeZone`. */
export function monthOf(instant: string, timeZone: string = DEFAULT_TIME_ZONE): Month {
  return monthOfMs(parseInstant(instant), timeZone);
}

export function monthOfMs(ms: number, timeZone: string): Month {
  return monthInZone(zoneMonths(timeZone), ms);
}

/**
 * A month function for one zone, for hot loops: `monthsIn('Asia/Shanghai')(iso)`. It skips
 * looking the zone up on every call.
 */
export function monthsIn(timeZone: string): (instant: string) => Month {
  const zone = zoneMonths(checkTimeZone(timeZone));
  return (instant) => monthInZone(zone, parseInstant(instant));
}

function parseInstant(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new ValidationError('timestamp', [
      { path: 'occurredAt', message: `'${instant}' is not an ISO 8601 instant` },
    ]);
  }
  return ms;
}

function monthInZone(zone: ZoneMonths, ms: number): Month {
  const day = Math.floor(ms / DAY_MS);
  let months = zone.last;
  if (months?.day !== day) {
    months = zone.byDay.get(day);
    if (months === undefined) {
      if (zone.byDay.size >= CACHE_LIMIT) zone.byDay.clear();
      months = dayMonths(zone, day);
      zone.byDay.set(day, months);
    }
    zone.last = months;
  }
  return ms < months.boundary ? months.first : months.next;
}

/** Checks a `YYYY-MM` query bound, naming the option. */
export function checkMonth(value: string, path: string): Month {
  if (typeof value !== 'string' || !MONTH.test(value)) {
    throw new ValidationError('read-model query', [
      { path, message: `must be a month as YYYY-MM, got ${JSON.stringify(value)}` },
    ]);
  }
  return value;
}

/** The month after `month`. */
export function nextMonth(month: Month): Month {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}`;
}

/** The month before `month`. */
export function previousMonth(month: Month): Month {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${month.slice(0, 5)}${String(m - 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}
