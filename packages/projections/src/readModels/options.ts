// What every read model of the domain is configured with: the time zone its months are in.
// Each zone is its own read model (`resolution-rate`, `resolution-rate(UTC)`), kept side by side.
import { checkTimeZone, DEFAULT_TIME_ZONE, monthsIn } from '../months.js';

export interface ReadModelOptions {
  /** IANA time zone of calendar months (default `Asia/Shanghai`). */
  readonly timeZone?: string;
}

/** The time zone to use and the projection name that goes with it. */
export function configure(base: string, options: ReadModelOptions = {}) {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  return {
    timeZone,
    name: timeZone === DEFAULT_TIME_ZONE ? base : `${base}(${timeZone})`,
    /** The calendar month of an ISO instant in this zone. */
    monthOf: monthsIn(timeZone),
  };
}
