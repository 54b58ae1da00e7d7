// `gridledger rebuild [read model…]`: rebuilds read models from the whole history, all of them in
// one pass over it, with live progress; Ctrl-C saves where it was and a re-run carries on.
import { DEFAULT_TIME_ZONE, type AnyProjection } from '@gridledger/projections';
import { stringOption, type Command, type ParsedArgs } from '../command.js';
import { write, type CliIo } from '../io.js';
import { progressDisplay } from '../progress/display.js';
import { formatCount, formatDuration } from '../progress/format.js';
import { lockForRebuild, tookOverNote, type RebuildLock } from '../progress/lock.js';
import { openRebuildPlan } from '../progress/plan.js';
import { analystRunner, baseName, pickReadModels, readModelSet } from '../report/readModels.js';
import { openAnalystStore } from '../report/store.js';
import { counted } from '../words.js';

/** The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

const names = Object.values(readModelSet(undefined)).map(baseName);

export const rebuildCommand: Command = {
  name: 'rebuild',
  summary: 'rebuild read models from the whole history, with progress (resumable)',
  help: `Usage: gridledger rebuild [read model…] [options]

Rebuilds read models from the first event of the history, all of them in one pass over it: each
is built as a fresh copy beside the one in use and switched in when complete, so reports never
read a half-built model. On a
terminal a progress bar shows events done, events per second and the time left; otherwise a
line is printed about once a second.

Ctrl-C stops cleanly: what was folded is saved, and running the same command again carries on
where it stopped (read models already rebuilt are not rebuilt again). One rebuild at a time works
on a read-model file: a second is refused, and told which process holds <file>.rebuild-lock.

Read models (all of them when none is named):
  ${names.join(', ')}

Options:
  --store <spec>       the store (default sqlite:./gridledger.db; also $GRIDLEDGER_STORE)
  --time-zone <zone>   IANA time zone of the read models' months (default ${DEFAULT_TIME_ZONE})
  --read-models <file> a SQLite file or postgres:// URL to keep read models in (needed
                       for EventStoreDB; SQLite and PostgreSQL stores keep their own)
  --restart            start over, discarding an interrupted rebuild
  -h, --help           this help`,
  options: {
    store: { type: 'string' },
    'time-zone': { type: 'string' },
    restart: { type: 'boolean' },
    'read-models': { type: 'string' },
  },
  run: rebuild,
};

async function rebuild(args: ParsedArgs, io: CliIo): Promise<number> {
  const set = readModelSet(stringOption(args, 'time-zone'));
  const projections = pickReadModels(set, args.positionals);
  const restart = args.values['restart'] === true;
  const store = await openAnalystStore(
    { store: stringOption(args, 'store'), readModels: stringOption(args, 'read-models') },
    io,
  );
  const now = () => new Date().toISOString();
  const file = store.readModelsFile;
  let lock: RebuildLock | undefined;
  try {
    lock = file === undefined ? undefined : lockForRebuild(file, resumeCommand(args), now);
  } catch (error) {
    await store.close();
    throw error;
  }
  if (file !== undefined && lock?.tookOver !== undefined) {
    write(io.stderr, tookOverNote(file, lock.tookOver));
  }
  try {
    const runner = analystRunner(store.events, store.readModels);
    const plan = await openRebuildPlan(
      store.readModels,
      projections.map((p) => p.name),
      {
        restart,
        now,
      },
    );
    if (plan.resumed) {
      write(io.stdout, `Resuming the rebuild started ${plan.startedAt} on ${store.name}.`);
    }
    const display = progressDisplay(io.stdout);
    const total = projections.length;
    const labelOf = (projection: AnyProjection) =>
      `[${projections.indexOf(projection) + 1}/${total}] ${projection.name}`;
    const pending: AnyProjection[] = [];
    for (const projection of projections) {
      const status = await runner.status(projection);
      if (plan.wasRebuilt(projection.name) && status.current) {
        write(io.stdout, `${labelOf(projection)}: already rebuilt before the interruption`);
        continue;
      }
      if (!restart && status.rebuild?.projectionVersion === projection.version) {
        const from = formatCount(status.rebuild.eventsApplied);
        write(io.stdout, `${labelOf(projection)}: resuming from event ${from}`);
      }
      pending.push(projection);
    }
    if (io.signal?.aborted) return interrupted(io, args, projections, pending, false);
    // One pass over the history for all of them: the log is read once, not once per read model.
    const label =
      pending.length === 1
        ? labelOf(pending[0]!)
        : `[${counted(pending.length, 'read model')}, one pass]`;
    const started = performance.now();
    let results;
    try {
      results = await runner.rebuildAll(pending, {
        resume: !restart,
        onProgress: (progress) => display.show(label, progress),
        ...(io.signal === undefined ? {} : { signal: io.signal }),
      });
    } finally {
      display.end();
    }
    const seconds = (performance.now() - started) / 1000;
    if (results.some((result) => result.outcome === 'cancelled')) {
      return interrupted(io, args, projections, pending, true);
    }
    for (const [i, result] of results.entries()) {
      await plan.markRebuilt(result.projection);
      write(io.stdout, `${labelOf(pending[i]!)}: ${summary(result, seconds)}`);
    }
    await plan.finish();
    write(io.stdout, `Rebuilt ${counted(total, 'read model')} on ${store.name}.`);
    return 0;
  } finally {
    lock?.release();
    await store.close();
  }
}

function summary(
  result: { eventsApplied: number; eventsInModel: number },
  seconds: number,
): string {
  const { eventsApplied, eventsInModel } = result;
  const rate = seconds > 0 ? ` (${formatCount(eventsApplied / seconds)} events/s)` : '';
  const resumed =
    eventsApplied === eventsInModel ? '' : `, ${formatCount(eventsApplied)} of them in this run`;
  return `rebuilt from ${counted(eventsInModel, 'event')}${resumed} in ${formatDuration(seconds)}${rate}`;
}

function interrupted(
  io: CliIo,
  args: ParsedArgs,
  projections: readonly AnyProjection[],
  pending: readonly AnyProjection[],
  started: boolean,
): number {
  const names = pending.map((projection) => projection.name).join(', ');
  const where = started ? `while rebuilding ${names} (saved where it stopped)` : `before ${names}`;
  const rebuilt = projections.length - pending.length;
  write(
    io.stderr,
    `Interrupted ${where}; ${rebuilt} of ${counted(projections.length, 'read model')} rebuilt.\n` +
      `Run the same command again to carry on from there: ${resumeCommand(args)}`,
  );
  return EXIT_INTERRUPTED;
}

/** The command line that resumes this run (same read models, stores and time zone). */
function resumeCommand(args: ParsedArgs): string {
  const parts = ['gridledger', 'rebuild', ...args.positionals];
  for (const option of ['store', 'read-models', 'time-zone']) {
    const value = stringOption(args, option);
    if (value !== undefined) parts.push(`--${option}`, value);
  }
  return parts.map(quote).join(' ');
}

const quote = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
