// Time in Xuzhai: Shanghai wall-clock times (UTC+8, no daylight saving), the working day of the
// community office, and the season the demo records (June to August 2026).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** The working day of the community office and the police room, in minutes after midnight. */
export const WORKDAY = { start: 8 * 60 + 30, end: 18 * 60 } as const;

/** The instant of a Shanghai wall-clock time, e.g. `shanghai('2026-07-15', '09:30')`. */
export function shanghai(date: string, time = '00:00'): number {
  const ms = Date.parse(`${date}T${time}:00+08:00`);
  if (Number.isNaN(ms)) throw new RangeError(`'${date} ${time}' is not a date and time`);
  return ms;
}

/** ISO 8601 with the Shanghai offset, e.g. `2026-07-15T09:30:00.000+08:00`. */
export function isoInShanghai(ms: number): string {
  return new Date(ms + OFFSET).toISOString().replace('Z', '+08:00');
}

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function dayOf(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** Minutes after Shanghai midnight. */
export function minuteOfDay(ms: number): number {
  return Math.floor(((((ms + OFFSET) % DAY) + DAY) % DAY) / MINUTE);
}

/** The instant itself when the office is open then, else the start of the next working day. */
export function inWorkingHours(ms: number): number {
  const minute = minuteOfDay(ms);
  if (minute >= WORKDAY.start && minute < WORKDAY.end) return ms;
  const day = dayOf(ms);
  const opening = shanghai(day) + WORKDAY.start * MINUTE;
  return minute < WORKDAY.start ? opening : opening + DAY;
}

/**
 * Like `inWorkingHours`, but what is put off to the next working day starts at a drawn time in
 * the morning (up to three hours after opening), not all on the opening minute.
 */
export function nextWorkingMoment(ms: number, draw: (min: number, max: number) => number): number {
  const at = inWorkingHours(ms);
  return at === ms ? ms : at + draw(0, 180) * MINUTE;
}

/** The instant `minute` minutes after midnight on `date`, Shanghai time, to the whole minute. */
export function timeOnDay(date: string, minute: number): number {
  return shanghai(date) + Math.floor(minute) * MINUTE;
}

/** The season on record: 1 June to 31 August 2026, Shanghai time. */
export const SEASON = {
  first: '2026-06-01',
  last: '2026-08-31',
  months: ['2026-06', '2026-07', '2026-08'] as const,
  start: shanghai('2026-06-01'),
  /** Midnight at the end of 31 August: nothing after it is recorded. */
  end: shanghai('2026-09-01'),
} as const;

/** 10:00 on 1 June: the office has enrolled everyone and the work of the season begins. */
export const FIRST_MORNING = shanghai(SEASON.first, '10:00');

/** Every day of a month of the season, `YYYY-MM-DD`. */
export function daysOf(month: string): string[] {
  const days: string[] = [];
  for (let ms = shanghai(`${month}-01`); dayOf(ms).startsWith(month); ms += DAY) {
    days.push(dayOf(ms));
  }
  return days;
}

/** Every day of the season, in order. */
export const seasonDays = (): string[] => SEASON.months.flatMap((month) => daysOf(month));

/** How far into the season `day` is: 0 on 1 June, 1 on 31 August. */
function seasonFraction(day: string): number {
  return (shanghai(day) - SEASON.start) / (shanghai(SEASON.last) - SEASON.start);
}

/** A rate falling linearly over the season: `firstDay` on 1 June, `lastDayShare` of it on 31 August. */
export function seasonRate(rate: { firstDay: number; lastDayShare: number }, day: string): number {
  return rate.firstDay * (1 - (1 - rate.lastDayShare) * seasonFraction(day));
}

/** Saturday or Sunday in Shanghai. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(shanghai(day, '12:00')).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** `2 Jul`: a short day for the printed report. */
export function shortDay(ms: number): string {
  const [, month, day] = dayOf(ms).split('-');
  const names = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return `${Number(day)} ${names[Number(month) - 1] ?? '?'}`;
}
