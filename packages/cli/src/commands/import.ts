// `gridledger import`: replays an export into any store, checked before and verified after.
import { importStore } from '@gridledger/core';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { write } from '../io.js';
import {
  exportDirectory,
  openFromArgs,
  STORE_HELP,
  storeOptionSpec,
  unlessInterrupted,
  withStore,
} from './audit-common.js';

const help = `Usage: gridledger import --from <dir> [options]

Replays an export made by 'gridledger export' into the store: first checks the manifest, the
SHA-256 of events.ndjson, every stream's hash chain and head, and that the store has none of the
streams yet; only then writes each stream (as a new stream), and verifies the copy against the
manifest. An SQLite file is created if it does not exist.

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
    const opened = await openFromArgs(args, io, 'write');
    const leftBehind =
      'streams written before the interruption stay in the target and a new import refuses them: import into a fresh store';
    return unlessInterrupted(io, leftBehind, () =>
      withStore(opened, async ({ events, name }) => {
        const { manifest, eventsWritten, verification } = await importStore(events, directory, {
          ...(io.signal === undefined ? {} : { signal: io.signal }),
        });
        const count = manifest.streams.length;
        write(
          io.stdout,
          `Imported ${eventsWritten} events in ${count} stream${count === 1 ? '' : 's'} into ${name}`,
        );
        write(
          io.stdout,
          `    from ${directory} (exported from ${manifest.source} at ${manifest.exportedAt})`,
        );
        if (verification.ok) {
          write(
            io.stdout,
            '✓ the copy verifies: every hash, link and stream head matches the manifest',
          );
          return EXIT.ok;
        }
        for (const stream of verification.broken) {
          for (const finding of stream.findings) write(io.stdout, `✗ ${finding.message}`);
        }
        for (const missing of verification.missingStreams) {
          write(io.stdout, `✗ ${missing.streamId} is missing from the copy`);
        }
        return EXIT.failed;
      }),
    );
  },
};
