// `gridledger import`: replays an export into any store, checked before and verified after.
import { existsSync, rmSync } from 'node:fs';
import { importStore, type ImportResult } from '@gridledger/core/audit';
import { stringOption, type Command } from '../command.js';
import { describeError, EXIT } from '../errors.js';
import { write, type CliIo } from '../io.js';
import { openStore } from '../open-store.js';
import { storeSpecFrom } from '../store-spec.js';
import { counted } from '../words.js';
import {
  exportDirectory,
  STORE_HELP,
  storeOptionSpec,
  unlessInterrupted,
  withStore,
} from './audit-common.js';

const help = `Usage: gridledger import --from <dir> [options]

Replays an export made by 'gridledger export' into the store: first checks the manifest, the
SHA-256 of events.ndjson, every stream's hash chain and head, and that the store has none of the
streams yet; only then writes each stream (as a new stream), and verifies the copy against the
manifest. An SQLite file is created if it does not exist, and removed again if the import fails.

Options:
  --from <dir>    the export directory (with manifest.json and events.ndjson)
${STORE_HELP}
  -h, --help      this help

Exit code: 0 when imported and the copy verifies; 1 when the export does not check out (nothing is
written), the store already has one of the streams (nothing is written), or the copy does not
verify; 2 for a usage error.`;

export const importCommand: Command = {
  name: 'import',
  summary: 'replay an export into this store, checked first and verified after',
  help,
  options: { ...storeOptionSpec, from: { type: 'string' } },
  async run(args, io) {
    const directory = exportDirectory(args, io, 'from');
    const spec = storeSpecFrom(stringOption(args, 'store'), io.env, io.cwd);
    // A file made for this import goes again if the import fails: a new run then starts afresh,
    // instead of finding an empty file, or the streams written before the failure.
    const created = spec.kind === 'sqlite' && !existsSync(spec.file) ? spec.file : undefined;
    const opened = await openStore(spec, { access: 'write' });
    const removed = `removed ${created}, which this import had created`;
    const leftBehind =
      created === undefined
        ? 'streams written before the interruption stay in the target and a new import refuses them: import into a fresh store'
        : `${removed}: run it again`;
    let finished = false;
    try {
      return await unlessInterrupted(io, leftBehind, () =>
        withStore(opened, async ({ events, name }) => {
          const { manifest, eventsWritten, verification } = await importStore(events, directory, {
            ...(io.signal === undefined ? {} : { signal: io.signal }),
          });
          finished = true;
          return report(io, name, directory, { manifest, eventsWritten, verification });
        }),
      );
    } catch (error) {
      if (created === undefined) throw error;
      // Said here rather than by main, so that what was removed follows what went wrong.
      const { message, exitCode } = describeError(error);
      write(io.stderr, `gridledger import: ${message}\ngridledger import: ${removed}`);
      return exitCode;
    } finally {
      if (!finished && created !== undefined) removeSqliteFile(created);
    }
  },
};

function report(
  io: CliIo,
  name: string,
  directory: string,
  { manifest, eventsWritten, verification }: ImportResult,
): number {
  write(
    io.stdout,
    `Imported ${counted(eventsWritten, 'event')} in ${counted(manifest.streams.length, 'stream')} into ${name}`,
  );
  write(
    io.stdout,
    `    from ${directory} (exported from ${manifest.source} at ${manifest.exportedAt})`,
  );
  if (verification.ok) {
    write(io.stdout, '✓ the copy verifies: every hash, link and stream head matches the manifest');
    return EXIT.ok;
  }
  for (const stream of verification.broken) {
    for (const finding of stream.findings) write(io.stdout, `✗ ${finding.message}`);
  }
  for (const missing of verification.missingStreams) {
    write(io.stdout, `✗ ${missing.streamId} is missing from the copy`);
  }
  return EXIT.failed;
}

function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}
