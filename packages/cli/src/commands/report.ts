// `gridledger report [read model]`: the figures an analyst wants, as an aligned table, CSV, JSON
// or one self-contained HTML page with charts. Read models not built yet are built first.
import { writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE, type AnyProjection } from '@gridledger/projections';
import { stringOption, type Command, type ParsedArgs } from '../command.js';
import { UsageError } from '../errors.js';
import { write, type CliIo } from '../io.js';
import { reportNamed, reports, type ReportDefinition } from '../report/catalogue.js';
import type { Report, ReportScope, ReportSource, Section } from '../report/model.js';
import { FORMATS, parseAsOf, parseFormat, parseGrouping, parsePeriod } from '../report/options.js';
import { analystRunner, readModelSet, resolveTimeZone } from '../report/readModels.js';
import { renderReport } from '../report/render.js';
import { openRedactedStore, redactedRunner } from '../report/redacted.js';
import { openAnalystStore } from '../report/store.js';
import { bringUpToDate, buildMissingTogether } from '../report/upToDate.js';
import { EXIT_INTERRUPTED } from './rebuild.js';

const width = Math.max(...reports.map((r) => r.name.length));

export const reportCommand: Command = {
  name: 'report',
  summary: 'figures from the read models: table, CSV, JSON or an HTML page with charts',
  help: `Usage: gridledger report [report] [options]

Prints the figures of a read model (or the summary of them all, the default). A read model that
has not been built yet is built first; one that is behind the history is brought up to date.

Reports:
${reports.map((r) => `  ${r.name.padEnd(width)}  ${r.summary}`).join('\n')}

Options:
  --by <grouping>        month (default), grid or community; coverage: grid (default),
                         community, month or member
  --from <month|date>    first month of the period: YYYY-MM, or YYYY-MM-DD for its month
  --to <month|date>      last month of the period, likewise (both ends included)
  --community <id>       only this community
  --grid <id>            only this grid
  --format <format>      ${FORMATS.join(', ')} (default table); html is one self-contained
                         page with charts, csv holds one table (not the summary)
  --out <file>           write to a file (replaced if it exists) instead of standard output
  --time-zone <zone>     IANA time zone of the months (default ${DEFAULT_TIME_ZONE})
  --as-of <when>         the figures as they stood then: a month or a date (to its end, in the
                         time zone) or an instant with a zone; events that occurred later do not
                         count. Where entries recorded later about that time change a figure, the
                         section is printed twice: as known now and as known then
  --store <spec>         the store (default sqlite:./gridledger.db; also $GRIDLEDGER_STORE)
  --read-models <file>   a SQLite file or postgres:// URL to keep read models in (needed
                         for EventStoreDB; SQLite and PostgreSQL stores keep their own)
  --redact               for someone who holds no keys: the store is only read, events are
                         read with every personal field redacted, and the read models are
                         built in memory (the figures are the same: none depends on them)
  -h, --help             this help`,
  options: {
    by: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    community: { type: 'string' },
    grid: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'time-zone': { type: 'string' },
    'as-of': { type: 'string' },
    store: { type: 'string' },
    'read-models': { type: 'string' },
    redact: { type: 'boolean' },
  },
  run: report,
};

async function report(args: ParsedArgs, io: CliIo): Promise<number> {
  const { definition, scope, format } = readOptions(args, io);
  const out = outFile(args, io, `${definition.name}.${EXTENSIONS[format]}`);
  const set = readModelSet(stringOption(args, 'time-zone'));
  const redact = args.values['redact'] === true;
  if (redact && stringOption(args, 'read-models') !== undefined) {
    throw new UsageError('--redact builds the read models in memory: leave out --read-models');
  }
  const store = redact
    ? await openRedactedStore(stringOption(args, 'store'), io)
    : await openAnalystStore(
        { store: stringOption(args, 'store'), readModels: stringOption(args, 'read-models') },
        io,
      );
  let text: string;
  try {
    const runner = (redact ? redactedRunner : analystRunner)(store.events, store.readModels);
    const sources: ReportSource[] = [];
    const states = new Map<string, unknown>();
    const projections = definition.readModels(set);
    if (!(await buildMissingTogether(runner, projections, io))) return EXIT_INTERRUPTED;
    for (const projection of projections) {
      if (!(await bringUpToDate(runner, projection, io))) return EXIT_INTERRUPTED;
      const record = await runner.read(projection);
      // Just built or caught up by this runner: a missing record would be a bug in the runner.
      if (record === undefined) throw new Error(`read model '${projection.name}' was not saved`);
      states.set(projection.name, record.state);
      sources.push({
        readModel: projection.name,
        version: projection.version,
        eventsInModel: record.eventsApplied,
        updatedAt: record.updatedAt,
      });
    }
    const stateOf = <S>(projection: AnyProjection<S>) => states.get(projection.name) as S;
    // A CSV holds one table: the report's companion sections are left out of it.
    const companions = format === 'csv' ? (definition.companionIds ?? []) : [];
    const printed = (of: ReportScope) =>
      definition.sections(stateOf, set, of).filter((s) => !companions.includes(s.id));
    const built: Report = {
      name: definition.name,
      title: definition.title,
      scope,
      generatedAt: new Date().toISOString(),
      store: store.name,
      sources,
      sections: withKnownThen(printed(scope), scope, format, io, () =>
        printed({ ...scope, ...(scope.asOf && { knownAt: scope.asOf }) }),
      ),
    };
    text = renderReport(built, format);
  } finally {
    await store.close();
  }
  if (out === undefined) {
    io.stdout.write(text);
  } else {
    await writeFile(out, text);
    write(io.stderr, `Wrote the ${definition.name} report (${format}) to ${out}`);
  }
  return 0;
}

const EXTENSIONS = { table: 'txt', csv: 'csv', json: 'json', html: 'html' } as const;

/** `--out`, checked before any work: a file (replaced if it exists) in a directory that exists. */
function outFile(args: ParsedArgs, io: CliIo, example: string): string | undefined {
  const out = stringOption(args, 'out');
  if (out === undefined) return undefined;
  const path = resolve(io.cwd, out);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new UsageError(
      `--out ${path} is a directory: name a file, e.g. --out ${join(path, example)}`,
    );
  }
  if (statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new UsageError(`--out ${path}: there is no directory ${dirname(path)} to write it in`);
  }
  return path;
}

function readOptions(args: ParsedArgs, io: CliIo) {
  if (args.positionals.length > 1) {
    throw new UsageError(
      `one report at a time, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
    );
  }
  const name = args.positionals[0] ?? 'summary';
  const definition = reportNamed(name);
  if (definition === undefined) {
    throw new UsageError(
      `unknown report '${name}': use one of ${reports.map((r) => r.name).join(', ')}`,
    );
  }
  const format = parseFormat(stringOption(args, 'format'));
  checkCsv(definition, format);
  const by = parseGrouping(
    stringOption(args, 'by'),
    definition.groupings,
    definition.groupings[0] ?? 'month',
    `the ${name} report`,
  );
  const period = parsePeriod(stringOption(args, 'from'), stringOption(args, 'to'));
  for (const note of period.notes) write(io.stderr, `note: ${note}`);
  const community = stringOption(args, 'community');
  const grid = stringOption(args, 'grid');
  if (by === 'member' && (community !== undefined || grid !== undefined)) {
    throw new UsageError(
      'work per member (--by member) covers every grid: leave out --community and --grid',
    );
  }
  const timeZone = resolveTimeZone(stringOption(args, 'time-zone'));
  const asOf = stringOption(args, 'as-of');
  const scope: ReportScope = {
    by,
    timeZone,
    ...(asOf === undefined ? {} : { asOf: parseAsOf(asOf, timeZone) }),
    ...(period.from === undefined ? {} : { from: period.from }),
    ...(period.to === undefined ? {} : { to: period.to }),
    ...(community === undefined ? {} : { community }),
    ...(grid === undefined ? {} : { grid }),
  };
  return { definition, scope, format };
}

function checkCsv(definition: ReportDefinition, format: string): void {
  if (format === 'csv' && definition.sectionIds.length > 1) {
    throw new UsageError(
      `--format csv writes one table, and the ${definition.name} report has ` +
        `${definition.sectionIds.length}: name one (${definition.sectionIds.join(', ')})`,
    );
  }
}

/**
 * With `--as-of`, each section is as known now (late entries about the past included); a section
 * whose figures were different as known then (only what had been recorded by the as-of instant)
 * follows it, so an auditor sees both (decision 013). A CSV holds one table: it is told on stderr.
 */
function withKnownThen(
  knownNow: Section[],
  scope: ReportScope,
  format: string,
  io: CliIo,
  knownThen: () => Section[],
): Section[] {
  if (scope.asOf === undefined) return knownNow;
  const then = knownThen();
  const sections: Section[] = [];
  for (const [i, now] of knownNow.entries()) {
    sections.push(now);
    const old = then[i];
    if (old === undefined || JSON.stringify(old.data) === JSON.stringify(now.data)) continue;
    if (format === 'csv') {
      write(
        io.stderr,
        `note: entries recorded after ${scope.asOf} change ${now.id} as of then; ` +
          'the CSV holds the figures as known now (see --format table for both)',
      );
      continue;
    }
    sections.push({
      ...old,
      id: `${old.id}-as-known-then`,
      title: `${old.title}, as known on ${scope.asOf}`,
      description: `Only what had been recorded by ${scope.asOf}. ${old.description}`,
    });
  }
  return sections;
}
