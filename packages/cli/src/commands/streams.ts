// `gridledger streams`: the streams of a store and what each is about, to find the id to give
// `gridledger history`, filtered by aggregate, grid and status, with counts.
import type { AnyAggregate } from '@gridledger/core/audit';
import { stringOption, type Command, type ParsedArgs } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write } from '../io.js';
import { formatCount } from '../progress/format.js';
import { closest } from '../suggest.js';
import { chooseClock } from '../time-zone/choose.js';
import type { Clock } from '../time-zone/clock.js';
import { TIME_ZONE_HELP, timeZoneOptionSpec } from '../time-zone/option.js';
import { counted } from '../words.js';
import {
  aggregates,
  openFromArgs,
  STORE_HELP,
  storeOptionSpec,
  unlessInterrupted,
  withStore,
} from './audit-common.js';
import {
  listStreams,
  type StreamFilter,
  type StreamListing,
  type StreamSummary,
} from './stream-summaries.js';

/** `dispute`, `grid-member`: an aggregate as a person types it, from its stream prefix. */
const aggregateName = (aggregate: AnyAggregate) => aggregate.streamPrefix.replace(/-$/, '');
const names = aggregates.map(aggregateName);

const help = `Usage: gridledger streams [options]

Lists the streams of the store in the order they began, with what each is about: its aggregate,
grid, status, number of events and when its last event happened; then how many there are. Give
an id it lists to 'gridledger history'.

Options:
  --aggregate <name>   only streams of this aggregate: ${names.join(', ')}
  --grid <id>          only streams about this grid (e.g. xuzhai-07; a patrol walks several)
  --status <status>    only streams whose state has this status (e.g. open, closed, completed)
  --count              only the counts: streams and events by aggregate, and their statuses
  --json               one JSON object per stream (NDJSON)
${TIME_ZONE_HELP}
${STORE_HELP}
  -h, --help           this help

Exit code: 0 (also when no stream matches), 2 for a usage error.`;

export const streamsCommand: Command = {
  name: 'streams',
  summary: 'list streams by aggregate, grid and status, with counts: the ids history takes',
  help,
  options: {
    ...storeOptionSpec,
    aggregate: { type: 'string' },
    grid: { type: 'string' },
    status: { type: 'string' },
    count: { type: 'boolean' },
    json: { type: 'boolean' },
    ...timeZoneOptionSpec,
  },
  async run(args, io) {
    if (args.positionals.length > 0) {
      throw new UsageError(
        `unexpected argument '${args.positionals[0]}'; filter with --aggregate, --grid or --status`,
      );
    }
    const filter = filterOf(args);
    const { clock, note } = chooseClock(stringOption(args, 'time-zone'), io.env);
    if (note !== undefined) write(io.stderr, `gridledger streams: note: ${note}`);
    const opened = await openFromArgs(args, io, 'read');
    return unlessInterrupted(io, 'the listing did not finish; run it again', () =>
      withStore(opened, async ({ events, name }) => {
        const listing = await listStreams(events, filter, io.signal);
        if (args.values['json'] === true) {
          for (const summary of listing.kept) write(io.stdout, JSON.stringify(summary));
          return EXIT.ok;
        }
        write(io.stdout, `Streams in ${name}; times in ${clock.zone}\n\n`);
        if (listing.kept.length === 0) write(io.stdout, nothingMatches(filter, listing));
        else if (args.values['count'] === true) write(io.stdout, countTable(listing.kept));
        else write(io.stdout, streamTable(listing.kept, clock));
        write(io.stdout, `\n${totalsLine(listing, filter)}`);
        return EXIT.ok;
      }),
    );
  },
};

function filterOf(args: ParsedArgs): StreamFilter {
  const named = stringOption(args, 'aggregate');
  const grid = stringOption(args, 'grid');
  const status = stringOption(args, 'status');
  let aggregate: AnyAggregate | undefined;
  if (named !== undefined) {
    const wanted = named.toLowerCase();
    aggregate = aggregates.find(
      (a) => aggregateName(a) === wanted || a.name.toLowerCase() === wanted.replace(/-/g, ''),
    );
    if (aggregate === undefined) {
      const meant = closest(wanted, names);
      const hint =
        meant === undefined
          ? `use one of ${names.join(', ')}`
          : `did you mean ${meant}? (${names.join(', ')})`;
      throw new UsageError(`unknown aggregate '${named}': ${hint}`);
    }
  }
  return {
    ...(aggregate === undefined ? {} : { aggregate }),
    ...(grid === undefined ? {} : { grid }),
    ...(status === undefined ? {} : { status }),
  };
}

const describeFilter = (filter: StreamFilter): string =>
  [
    filter.aggregate === undefined ? undefined : `aggregate ${aggregateName(filter.aggregate)}`,
    filter.grid === undefined ? undefined : `grid ${filter.grid}`,
    filter.status === undefined ? undefined : `status ${filter.status}`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');

function nothingMatches(filter: StreamFilter, listing: StreamListing): string {
  const others = statusCounts(listing.ofOtherStatus);
  const there = others === '' ? '' : `; their statuses here: ${others}`;
  return `No stream matches (${describeFilter(filter) || 'the store is empty'})${there}.`;
}

/** `closed 33, declined 1, open 1`: statuses in alphabetical order, with how many have each. */
function statusCounts(summaries: readonly StreamSummary[]): string {
  const counts = new Map<string, number>();
  for (const { status, problem } of summaries) {
    const key = problem === undefined ? status : `unreadable (${problem})`;
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status} ${formatCount(n)}`)
    .join(', ');
}

function totalsLine(listing: StreamListing, filter: StreamFilter): string {
  const events = listing.kept.reduce((n, s) => n + s.events, 0);
  const kept = `${counted(listing.kept.length, 'stream')}, ${counted(events, 'event')}`;
  const { streams, events: all } = listing.totals;
  const filtered = describeFilter(filter) !== '';
  return filtered ? `${kept} (of ${counted(streams, 'stream')}, ${counted(all, 'event')})` : kept;
}

/** Columns padded to their widest cell; counts right-aligned. */
function table(header: readonly string[], rows: readonly string[][], right: ReadonlySet<number>) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function streamTable(kept: readonly StreamSummary[], clock: Clock): string {
  const rows = kept.map((s) => [
    s.streamId,
    s.aggregate ?? '–',
    gridsText(s.grids),
    s.problem === undefined ? (s.status ?? '–') : `unreadable (${s.problem})`,
    formatCount(s.events),
    clock.format(s.lastOccurredAt),
  ]);
  return table(
    ['stream', 'aggregate', 'grid', 'status', 'events', 'last event'],
    rows,
    new Set([4]),
  );
}

/** A patrol walks many grids: name two, count the rest, so the table stays readable. */
const gridsText = (grids: readonly string[]): string =>
  grids.length === 0
    ? '–'
    : grids.length <= 3
      ? grids.join(', ')
      : `${grids.slice(0, 2).join(', ')} and ${formatCount(grids.length - 2)} more`;

function countTable(kept: readonly StreamSummary[]): string {
  const byAggregate = new Map<string, StreamSummary[]>();
  for (const summary of kept) {
    const key = summary.aggregate ?? '(other)';
    const group = byAggregate.get(key);
    if (group === undefined) byAggregate.set(key, [summary]);
    else group.push(summary);
  }
  const rows = [...byAggregate].map(([aggregate, summaries]) => [
    aggregate,
    counted(summaries.length, 'stream'),
    counted(
      summaries.reduce((n, s) => n + s.events, 0),
      'event',
    ),
    statusCounts(summaries),
  ]);
  return table(['aggregate', 'streams', 'events', 'statuses'], rows, new Set([1, 2]));
}
