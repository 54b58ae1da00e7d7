// Calendar months in a time zone: a dispute reported at 23:30 on 31 August in Shanghai counts in
// August even though it is still the afternoon of the 31st in UTC.
import { ValidationError } from '@gridledger/core';

/** The default time zone of month bucketing: the source community's. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** `YYYY-MM`. */
export type Month = string;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// Every UTC offset in use is a multiple of 15 minutes, so a month boundary in any zone falls on
// a 15-minute mark: the month of one such slot is the month of every instant in it.
const SLOT_MS = 15 * 60 * 1000;
const CACHE_LIMIT = 200_000;

interface ZoneMonths {
  readonly format: Intl.DateTimeFormat;
  readonly bySlot: Map<number, Month>;
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
      bySlot: new Map(),
    };
    zones.set(timeZone, zone);
  }
  return zone;
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
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new ValidationError('timestamp', [
      { path: 'occurredAt', message: `'${instant}' is not an ISO 8601 instant` },
    ]);
  }
  return monthOfMs(ms, timeZone);
}

export function monthOfMs(ms: number, timeZone: string): Month {
  const zone = zoneMonths(timeZone);
  const slot = Math.floor(ms / SLOT_MS);
  let month = zone.bySlot.get(slot);
  if (month === undefined) {
    if (zone.bySlot.size >= CACHE_LIMIT) zone.bySlot.clear();
    let year = '';
    let mm = '';
    for (const part of zone.format.formatToParts(slot * SLOT_MS)) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') mm = part.value;
    }
    month = `${year.padStart(4, '0')}-${mm}`;
    zone.bySlot.set(slot, month);
  }
  return month;
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
