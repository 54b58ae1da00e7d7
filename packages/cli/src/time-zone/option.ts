// `--time-zone`, the one name every command gives the zone its times are printed in.
import type { OptionSpec } from '../command.js';

export const timeZoneOptionSpec: OptionSpec = { 'time-zone': { type: 'string' } };

export const TIME_ZONE_HELP =
  '  --time-zone <zone>   time zone of the times shown: an IANA name (Asia/Shanghai, UTC) or a\n' +
  "                       POSIX TZ (CST-8); default $TZ, else the system's";
