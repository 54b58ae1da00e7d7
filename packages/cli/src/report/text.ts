// Plain-text helpers shared by the table and HTML formats: how wide a string shows in a
// terminal, and the one-line description of what a report covers.
import { counted } from '../words.js';
import type { Report, ReportScope } from './model.js';

/**
 * Columns a string takes in a monospaced terminal: CJK and full-width characters take two
 * (community and grid names are often Chinese), combining marks none.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(char)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Text safe to print on a terminal: a line break or tab inside a name would break the table's
 * rows, and other control characters (an escape sequence) could drive the terminal itself.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

export const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));
export const padStart = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** `2025-06 to 2025-08`, `from 2025-06`, `all months on record`. */
export function describePeriod(scope: Pick<ReportScope, 'from' | 'to'>): string {
  const { from, to } = scope;
  if (from !== undefined && to !== undefined) return from === to ? from : `${from} to ${to}`;
  if (from !== undefined) return `from ${from}`;
  if (to !== undefined) return `up to ${to}`;
  return 'all months on record';
}

/** What the figures cover, in one line: period, places, grouping, time zone. */
export function describeScope(report: Report): string {
  const { scope } = report;
  const place = [
    scope.community === undefined ? undefined : `community ${scope.community}`,
    scope.grid === undefined ? undefined : `grid ${scope.grid}`,
  ].filter((p) => p !== undefined);
  return [
    describePeriod(scope),
    ...(place.length > 0 ? [place.join(', ')] : []),
    `by ${scope.by}`,
    `months in ${scope.timeZone}`,
    ...(scope.asOf === undefined ? [] : [`as of ${scope.asOf}`]),
    ...(scope.knownAt === undefined ? [] : [`as known on ${scope.knownAt}`]),
  ].join(' · ');
}

/** Where the figures came from: the store and how many events each read model holds. */
export function describeSources(report: Report): string {
  const models = report.sources
    .map((s) => `${s.readModel} v${s.version} (${counted(s.eventsInModel, 'event')})`)
    .join(', ');
  return `${report.store}: ${models}`;
}
