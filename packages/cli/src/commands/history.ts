// `gridledger history <stream or dispute id>`: the timeline an auditor reads, or NDJSON for tools.
import {
  aggregateForStream,
  checkAsOf,
  history,
  traceCauses,
  type AsOf,
  type CauseChain,
  type HistoryEntry,
} from '@gridledger/core/audit';
import { isValidationError, type EventStore } from '@gridledger/core';
import { stringOption, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write, type CliIo } from '../io.js';
import {
  aggregates,
  auditSource,
  causeHints,
  openFromArgs,
  resolveStreamId,
  KEYS_HELP,
  keysOptionSpec,
  STORE_HELP,
  storeOptionSpec,
  withStore,
} from './audit-common.js';
import { chooseClock } from '../time-zone/choose.js';
import type { Clock } from '../time-zone/clock.js';
import { TIME_ZONE_HELP, timeZoneOptionSpec } from '../time-zone/option.js';
import { formatCount } from '../progress/format.js';
import { counted } from '../words.js';
import { compact, entryBlock, tellCauses } from './history-text.js';

const help = `Usage: gridledger history <stream or dispute id> [options]

Every event of one stream in order: when, what happened, who did it, the facts, what caused it
(following causation ids into other streams, e.g. the visit a dispute was spotted on, as far as
a cause already shown), what it changed in the state, and whether its hash verifies. A bare id
such as xu-shang-tv-deposit means the dispute stream dispute-xu-shang-tv-deposit.

Options:
  --at <version|time>  only the history up to a stream version (e.g. 3) or up to the last event
                       recorded at or before an ISO 8601 time with a zone
                       (e.g. 2025-07-01T10:00:00+08:00 or 2025-07-01T02:00:00Z)
  --json               one JSON object per line (NDJSON), one line per event, in order; each has
                       the envelope, decoded data, state after it, changes, verified, findings and
                       causes (nearest first, up to the first given on an earlier line)
  --redact             show no personal data: names, addresses and free text read
                       [redacted], without reading any key (for an analyst or outside auditor)
${TIME_ZONE_HELP}
${STORE_HELP}
${KEYS_HELP}
  -h, --help           this help

Exit code: 0 when every event shown verifies, 1 when one does not (it is marked ✗), 2 for a
usage error (unknown id, malformed --at, missing store file).`;

/** `--at`: a whole number is a version; anything else must be an ISO 8601 time with a zone. */
export function parseAt(raw: string): AsOf {
  if (/^\d+$/.test(raw.trim())) return { version: Number(raw.trim()) };
  try {
    return checkAsOf({ time: raw.trim() }, '--at');
  } catch (error) {
    if (!isValidationError(error)) throw error;
    throw new UsageError(
      `malformed --at '${raw}': give a stream version (a whole number, e.g. 3) or an ISO 8601 ` +
        'date-time with a zone (e.g. 2025-07-01T10:00:00+08:00 or 2025-07-01T02:00:00Z)',
    );
  }
}

export const historyCommand: Command = {
  name: 'history',
  summary: "one stream's full history: who did what and when, state after each event, hash ✓/✗",
  help,
  options: {
    ...storeOptionSpec,
    ...keysOptionSpec,
    at: { type: 'string' },
    json: { type: 'boolean' },
    redact: { type: 'boolean' },
    ...timeZoneOptionSpec,
  },
  async run(args, io) {
    const [id, ...extra] = args.positionals;
    if (id === undefined || extra.length > 0) {
      throw new UsageError(`give exactly one stream or dispute id\n\n${help}`);
    }
    const at = stringOption(args, 'at');
    const until = at === undefined ? undefined : parseAt(at);
    const json = args.values['json'] === true;
    const { clock, note } = chooseClock(stringOption(args, 'time-zone'), io.env);
    if (note !== undefined) write(io.stderr, `gridledger history: note: ${note}`);
    return withStore(await openFromArgs(args, io, 'read'), async ({ events, keys, name }) => {
      const streamId = await resolveStreamId(events, id);
      if (until !== undefined && 'version' in until) await checkVersion(events, streamId, until);
      const chains = new Map(
        (await traceCauses(events, streamId, { hints: causeHints })).map((c) => [
          c.event.eventId,
          c,
        ]),
      );
      const entries = history(auditSource(events, keys, args.values['redact'] === true), streamId, {
        aggregates,
        ...(until === undefined ? {} : { until }),
      });
      if (json) return printJson(entries, chains, io);
      const aggregate = aggregateForStream(aggregates, streamId);
      write(
        io.stdout,
        `History of ${streamId}${aggregate ? ` (${aggregate.name})` : ''} in ${name}`,
      );
      write(
        io.stdout,
        `Times in ${clock.zone}${until === undefined ? '' : `; as of ${asOfText(until, clock)}`}\n\n`,
      );
      return printTimeline(entries, chains, io, clock, streamId);
    });
  },
};

/** A version past the end would silently show everything: say so instead. */
async function checkVersion(
  events: EventStore,
  streamId: string,
  until: { readonly version: number },
): Promise<void> {
  for await (const last of events.readStream(streamId, { direction: 'backwards', limit: 1 })) {
    if (until.version > last.streamVersion) {
      throw new UsageError(
        `--at ${until.version} is past the end of ${streamId}: its versions run from 0 to ` +
          `${last.streamVersion} (${counted(last.streamVersion + 1, 'event')})`,
      );
    }
  }
}

const asOfText = (asOf: AsOf, clock: Clock): string =>
  'version' in asOf ? `v${asOf.version}` : `${clock.format(asOf.time)} (${asOf.time})`;

async function printJson(
  entries: AsyncIterable<HistoryEntry>,
  chains: ReadonlyMap<string, CauseChain>,
  io: CliIo,
): Promise<number> {
  let unverified = 0;
  const shown = new Set<string>();
  for await (const entry of entries) {
    if (!entry.verified) unverified++;
    const told = tellCauses(chains.get(entry.eventId), shown);
    shown.add(entry.eventId);
    const causes = {
      causes: told.refs,
      ...(told.unresolved === undefined ? {} : { unresolvedCause: told.unresolved }),
    };
    write(io.stdout, JSON.stringify({ ...entry, ...causes }));
  }
  return unverified === 0 ? EXIT.ok : EXIT.failed;
}

async function printTimeline(
  entries: AsyncIterable<HistoryEntry>,
  chains: ReadonlyMap<string, CauseChain>,
  io: CliIo,
  clock: Clock,
  streamId: string,
): Promise<number> {
  let count = 0;
  let unverified = 0;
  let last: HistoryEntry | undefined;
  const shown = new Set<string>();
  for await (const entry of entries) {
    count++;
    if (!entry.verified) unverified++;
    last = entry;
    const told = tellCauses(chains.get(entry.eventId), shown);
    shown.add(entry.eventId);
    write(io.stdout, `${entryBlock(entry, told, clock)}\n\n`);
  }
  if (last === undefined) {
    write(io.stdout, `Nothing was recorded in ${streamId} by then.`);
    return EXIT.ok;
  }
  if (typeof last.state === 'object' && last.state !== null) {
    write(io.stdout, `State after v${last.streamVersion} (${clock.format(last.occurredAt)}):`);
    for (const [key, value] of Object.entries(last.state)) {
      write(io.stdout, `    ${key}: ${compact(value, 100)}`);
    }
    write(io.stdout, '');
  }
  const head = `head ${last.hash?.slice(0, 16)}…`;
  if (unverified === 0) {
    write(io.stdout, `✓ ${counted(count, 'event')}; every hash and link verifies (${head})`);
    return EXIT.ok;
  }
  write(
    io.stdout,
    `✗ ${formatCount(unverified)} of ${counted(count, 'event')} ${unverified === 1 ? 'does' : 'do'} not verify (marked above); ` +
      `'gridledger verify --stream ${streamId}' lists every finding`,
  );
  return EXIT.failed;
}
