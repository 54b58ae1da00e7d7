// As-of figures. A read model keeps, for every event it reads, when the event occurred and when it
// was recorded, so a query can count only what had occurred by an instant (`asOf`) and, to show a
// figure as it was known then, only what had been recorded by another (`knownAt`). The figures of
// a query with a cut equal the figures of the history truncated to the events inside the cut
// (decision 013): "98% as of 31 August" stays 98% when September's events arrive.
import { ValidationError, type RecordedEvent } from '@gridledger/core';
import type { Month } from '../months.js';

export interface AsOfOptions {
  /** Count only events that occurred at or before this instant (ISO 8601 with a zone). */
  readonly asOf?: string;
  /**
   * Count only events recorded at or before this instant: the figures as known then. Leave it
   * out for the figures as known now, which include late entries about the past.
   */
  readonly knownAt?: string;
}

/** A cut through the history, in ms since the epoch; `Infinity` leaves a side open. */
export interface Cut {
  readonly occurred: number;
  readonly recorded: number;
}

export const WHOLE_HISTORY: Cut = { occurred: Infinity, recorded: Infinity };

// A date-time with a zone, as the kernel's timestamps are; a bare date would be read in UTC.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: unknown, option: 'asOf' | 'knownAt'): number {
  const ms = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new ValidationError('read-model query', [
      {
        path: option,
        message: `must be an ISO 8601 date-time with a zone (e.g. 2026-08-31T23:59:59.999+08:00); got ${JSON.stringify(value)}`,
      },
    ]);
  }
  return ms;
}

/** The cut a query's options ask for; a ValidationError names a malformed option. */
export function cutOf(options: AsOfOptions): Cut {
  return {
    occurred: options.asOf === undefined ? Infinity : instant(options.asOf, 'asOf'),
    recorded: options.knownAt === undefined ? Infinity : instant(options.knownAt, 'knownAt'),
  };
}

/** When an event occurred and was recorded (ms), and the month it occurred in. */
export interface Stamp {
  readonly o: number;
  readonly r: number;
  readonly m: Month;
}

/** The stamp of an event, its month in the read model's zone. */
export function stampOf(event: RecordedEvent, monthOf: (iso: string) => Month): Stamp {
  const { occurredAt, recordedAt } = event.metadata;
  return { o: Date.parse(occurredAt), r: Date.parse(recordedAt), m: monthOf(occurredAt) };
}

/** Whether a stamped fact is inside the cut. */
export const inCut = (cut: Cut, stamp: Stamp): boolean =>
  stamp.o <= cut.occurred && stamp.r <= cut.recorded;

/** The UTC offset of `timeZone` at instant `ms`, in ms (Shanghai: +8 h). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(ms / 1000) * 1000;
}

/** The instant local midnight starts the calendar day `y-m-d` in `timeZone`. */
function startOfDay(y: number, m: number, d: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, timeZone);
  // Across a change of offset, the offset at the answer is the one that holds.
  return guess - offsetAt(first, timeZone);
}

/**
 * The last instant (ISO, UTC) of a calendar month (`2026-08`) or day (`2026-08-31`) in
 * `timeZone`: what "as of the end of August" means there. `undefined` for any other form.
 */
export function endOf(period: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(period);
  if (match === null) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), match[3]];
  const next =
    d === undefined
      ? startOfDay(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1, timeZone)
      : startOfDay(y, m, Number(d) + 1, timeZone);
  return new Date(next - 1).toISOString();
}
