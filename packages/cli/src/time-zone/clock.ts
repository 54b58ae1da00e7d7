// How a command prints a time: `2025-06-30 09:40` in one time zone, named once at the top
// (`Asia/Shanghai (UTC+08:00)`). A zone is an IANA name, or a POSIX TZ string read by hand.
import { utcOffsetAt, type PosixTz } from './posix.js';

export interface Clock {
  /** `2025-06-30 09:40` in the clock's time zone. */
  format(iso: string): string;
  /** `Asia/Shanghai (UTC+08:00)`. */
  readonly zone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `+08:00`, `-05:00`, `+05:30`, from minutes east of UTC. */
export const offsetText = (minutes: number): string =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

const unreadable = (iso: string) => `(unreadable time ${JSON.stringify(iso)})`;

/** The IANA zone's canonical name, or undefined when this runtime does not know it. */
export function ianaName(name: string): string | undefined {
  if (name === '') return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions()
      .timeZone;
    return resolved === 'Etc/Unknown' ? undefined : resolved;
  } catch {
    return undefined;
  }
}

/** A clock in an IANA zone; throws a RangeError when the runtime does not know the zone. */
export function ianaClock(timeZone: string): Clock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const pick = (date: Date) => {
    const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
    return { text: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`, offset: p.timeZoneName };
  };
  const name = parts.resolvedOptions().timeZone;
  const offset = (pick(new Date(0)).offset ?? 'GMT')
    .replace(/^GMT$/, 'GMT+00:00')
    .replace('GMT', 'UTC');
  return {
    format: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? unreadable(iso) : pick(date).text;
    },
    zone: `${name} (${offset})`,
  };
}

/** A clock for a POSIX TZ string, daylight saving time included. */
export function posixClock(tz: PosixTz): Clock {
  const { standard, daylight } = tz;
  const summer =
    daylight === undefined ? '' : `; UTC${offsetText(daylight.utcOffset)} in daylight saving time`;
  return {
    format: (iso) => {
      const ms = new Date(iso).getTime();
      if (Number.isNaN(ms)) return unreadable(iso);
      const local = new Date(ms + utcOffsetAt(tz, ms) * 60_000);
      return (
        `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
        `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
      );
    },
    zone: `${tz.text} (UTC${offsetText(standard.utcOffset)}${summer})`,
  };
}
