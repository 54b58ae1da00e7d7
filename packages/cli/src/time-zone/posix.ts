// POSIX TZ strings (`CST-8`, `EST5EDT,M3.2.0,M11.1.0`, `<+0530>-5:30`): what $TZ may hold instead
// of an IANA name, and what a zone file's last line holds. POSIX counts offsets west of
// Greenwich as positive; everything returned here is minutes east of UTC, as ISO 8601 writes it.

export interface PosixTz {
  readonly text: string;
  readonly standard: { readonly name: string; readonly utcOffset: number };
  readonly daylight?: {
    readonly name: string;
    readonly utcOffset: number;
    readonly start: Transition;
    readonly end: Transition;
  };
}

/** A day of the year and a local time (seconds, may exceed a day) at which clocks change. */
type Transition = { readonly day: DayRule; readonly seconds: number };
type DayRule =
  | { readonly kind: 'julian'; readonly day: number } // Jn: 1–365, 29 February never counted
  | { readonly kind: 'zero-based'; readonly day: number } // n: 0–365
  | {
      readonly kind: 'week';
      readonly month: number;
      readonly week: number;
      readonly weekday: number;
    };

const NAME = /^(<[A-Za-z0-9+-]{3,}>|[A-Za-z]{3,})/;
const TIME = /^([+-]?)(\d{1,3})(?::(\d{2}))?(?::(\d{2}))?/;

/** The TZ string read, or undefined when it is not one. */
export function parsePosixTz(text: string): PosixTz | undefined {
  let rest = text;
  const take = (pattern: RegExp): RegExpExecArray | undefined => {
    const match = pattern.exec(rest) ?? undefined;
    if (match !== undefined) rest = rest.slice(match[0].length);
    return match;
  };
  const standardName = take(NAME)?.[1];
  const standardOffset = offsetSeconds(take(TIME), 24);
  if (standardName === undefined || standardOffset === undefined) return undefined;
  const standard = { name: unbracket(standardName), utcOffset: east(standardOffset) };
  if (rest === '') return { text, standard };
  const daylightName = take(NAME)?.[1];
  if (daylightName === undefined) return undefined;
  const explicit = TIME.test(rest) ? offsetSeconds(take(TIME), 24) : standardOffset - 3600;
  if (explicit === undefined) return undefined;
  // Without rules, the rules POSIX leaves to the system: the United States' since 2007.
  const rules = rest === '' ? ',M3.2.0,M11.1.0' : rest;
  const [, startText, endText, extra] = rules.split(',');
  const start = transition(startText);
  const end = transition(endText);
  if (extra !== undefined || start === undefined || end === undefined) return undefined;
  return {
    text,
    standard,
    daylight: { name: unbracket(daylightName), utcOffset: east(explicit), start, end },
  };
}

const unbracket = (name: string) => name.replace(/^<(.*)>$/, '$1');

/** POSIX seconds west of Greenwich as minutes east of UTC (never -0). */
const east = (secondsWest: number) => (secondsWest === 0 ? 0 : -secondsWest / 60);

function offsetSeconds(match: RegExpExecArray | undefined, maxHours: number): number | undefined {
  if (match === undefined) return undefined;
  const [, sign, h, m = '0', s = '0'] = match;
  const hours = Number(h);
  if (hours > maxHours || Number(m) > 59 || Number(s) > 59) return undefined;
  const seconds = hours * 3600 + Number(m) * 60 + Number(s);
  return sign === '-' ? -seconds : seconds;
}

function transition(text: string | undefined): Transition | undefined {
  if (text === undefined) return undefined;
  const [dayText = '', timeText] = text.split('/');
  const day = dayRule(dayText);
  const seconds = timeText === undefined ? 7200 : offsetSeconds(wholeMatch(TIME, timeText), 167);
  return day === undefined || seconds === undefined ? undefined : { day, seconds };
}

function wholeMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  const match = pattern.exec(text);
  return match !== null && match[0] === text ? match : undefined;
}

function dayRule(text: string): DayRule | undefined {
  let match = /^J(\d{1,3})$/.exec(text);
  if (match) {
    const day = Number(match[1]);
    return day >= 1 && day <= 365 ? { kind: 'julian', day } : undefined;
  }
  match = /^(\d{1,3})$/.exec(text);
  if (match) {
    const day = Number(match[1]);
    return day <= 365 ? { kind: 'zero-based', day } : undefined;
  }
  match = /^M(\d{1,2})\.(\d)\.(\d)$/.exec(text);
  if (!match) return undefined;
  const [month, week, weekday] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || week < 1 || week > 5 || weekday > 6) return undefined;
  return { kind: 'week', month, week, weekday };
}

const DAY = 86_400_000;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Midnight UTC of the rule's day in `year`, in milliseconds. */
function dayStart(rule: DayRule, year: number): number {
  switch (rule.kind) {
    case 'julian':
      return Date.UTC(year, 0, 1) + (rule.day - 1 + (isLeap(year) && rule.day >= 60 ? 1 : 0)) * DAY;
    case 'zero-based':
      return Date.UTC(year, 0, 1) + rule.day * DAY;
    case 'week': {
      const first = Date.UTC(year, rule.month - 1, 1);
      const firstWeekday = new Date(first).getUTCDay();
      let date = 1 + ((rule.weekday - firstWeekday + 7) % 7) + (rule.week - 1) * 7;
      const days = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
      while (date > days) date -= 7;
      return Date.UTC(year, rule.month - 1, date);
    }
  }
}

/** Minutes east of UTC at the instant `ms` (milliseconds since the epoch). */
export function utcOffsetAt(tz: PosixTz, ms: number): number {
  const { standard, daylight } = tz;
  if (daylight === undefined) return standard.utcOffset;
  const year = new Date(ms + standard.utcOffset * 60_000).getUTCFullYear();
  // The start is written in standard local time, the end in daylight saving local time.
  const start =
    dayStart(daylight.start.day, year) +
    daylight.start.seconds * 1000 -
    standard.utcOffset * 60_000;
  const end =
    dayStart(daylight.end.day, year) + daylight.end.seconds * 1000 - daylight.utcOffset * 60_000;
  const inDaylight = start < end ? ms >= start && ms < end : !(ms >= end && ms < start);
  return inDaylight ? daylight.utcOffset : standard.utcOffset;
}
