// Which time zone a command prints times in: --time-zone when given, else what $TZ means to the
// C library (an IANA name, a POSIX string, `:` and a zone file, empty for UTC), else the
// system's. A $TZ that cannot be read is not an error, since the user did not type it into this
// command: times fall back to UTC, with a note naming $TZ as where the value came from.
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { UsageError } from '../errors.js';
import { ianaClock, ianaName, posixClock, type Clock } from './clock.js';
import { parsePosixTz } from './posix.js';

export interface ChosenClock {
  readonly clock: Clock;
  /** Said on stderr: why the times are not in the zone $TZ asked for. */
  readonly note?: string;
}

/** The zone the system is set to: the runtime's own idea of it, or /etc/localtime's link. */
export function systemTimeZone(): string {
  return (
    ianaName(Intl.DateTimeFormat().resolvedOptions().timeZone ?? '') ??
    zoneFileName('/etc/localtime') ??
    'UTC'
  );
}

export function chooseClock(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ChosenClock {
  if (option !== undefined) {
    const clock = clockFor(option);
    if (clock === undefined) {
      throw new UsageError(
        `--time-zone '${option}' is not a time zone: use an IANA name such as Asia/Shanghai or UTC, ` +
          'or a POSIX TZ such as CST-8',
      );
    }
    return { clock };
  }
  const tz = env['TZ'];
  if (tz === undefined) return { clock: ianaClock(systemTimeZone()) };
  // Empty, the C library reads it as UTC (and so does `date`).
  if (tz === '') return { clock: ianaClock('UTC') };
  const clock = tz.startsWith(':') ? zoneFileClock(tz.slice(1)) : clockFor(tz);
  if (clock !== undefined) return { clock };
  return {
    clock: ianaClock('UTC'),
    note:
      `$TZ is '${tz}', which is not a time zone: times are in UTC ` +
      '(set TZ to an IANA name such as Asia/Shanghai, or use --time-zone)',
  };
}

function clockFor(text: string): Clock | undefined {
  const name = ianaName(text);
  if (name !== undefined) return ianaClock(name);
  const posix = parsePosixTz(text);
  return posix === undefined ? undefined : posixClock(posix);
}

/**
 * `TZ=:<zone>`: a zone name, or a zone file such as /etc/localtime. A file linked into a zoneinfo
 * directory is that zone; a copied file (common in containers) ends in the POSIX TZ string of
 * its current rules (zone files of version 2 and later).
 */
function zoneFileClock(text: string): Clock | undefined {
  if (!isAbsolute(text)) return clockFor(text);
  const name = zoneFileName(text);
  if (name !== undefined) return ianaClock(name);
  const footer = zoneFileFooter(text);
  const posix = footer === undefined ? undefined : parsePosixTz(footer);
  return posix === undefined ? undefined : posixClock(posix);
}

function zoneFileName(path: string): string | undefined {
  try {
    const linked = /\/zoneinfo\/(.+)$/.exec(realpathSync(path))?.[1];
    return linked === undefined ? undefined : ianaName(linked);
  } catch {
    return undefined;
  }
}

function zoneFileFooter(path: string): string | undefined {
  try {
    const text = readFileSync(path).toString('latin1');
    if (!/^TZif[2-9]/.test(text) || !text.endsWith('\n')) return undefined;
    return text.slice(text.lastIndexOf('\n', text.length - 2) + 1, -1);
  } catch {
    return undefined;
  }
}
