// `gridledger export`: a copy of one stream, several, or the whole store, for offline audit.
import { resolve } from 'node:path';
import { exportStore } from '@gridledger/core';
import { stringOption, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write } from '../io.js';
import {
  openFromArgs,
  resolveStreamId,
  STORE_HELP,
  storeOptionSpec,
  unlessInterrupted,
  withStore,
} from './audit-common.js';

const help = `Usage: gridledger export --out <dir> [options]

Writes <dir>/events.ndjson (one stored event per line, exactly as stored, so every hash verifies
in any copy) and <dir>/manifest.json (format version, time of export, source store, event count,
each stream's event count and last hash, and the SHA-256 of events.ndjson). Import the copy into
any store with 'gridledger import --from <dir>'.

Options:
  --out <dir>     where to write (created if needed; must not already hold an export)
  --stream <id>   only this stream or dispute id, whole (repeat for several); default everything
${STORE_HELP}
  -h, --help      this help

Exit code: 0 when exported; 1 when a stream's chain did not verify (it is still copied as stored,
for forensics) or the store failed; 2 for a usage error.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'copy one stream or the whole store to NDJSON with a manifest',
  help,
  options: {
    ...storeOptionSpec,
    out: { type: 'string' },
    stream: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError(`--out <dir> is required\n\n${help}`);
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'; use --stream <id>`);
    }
    const directory = resolve(io.cwd, out);
    const given = args.values['stream'];
    const ids = Array.isArray(given) ? given : [];
    const opened = await openFromArgs(args, io, 'read');
    const leftBehind = `no export was written to ${directory}; run it again`;
    return unlessInterrupted(io, leftBehind, () =>
      withStore(opened, async ({ events, name }) => {
        const streams = await Promise.all(ids.map((id) => resolveStreamId(events, id)));
        const { manifest, unverified } = await exportStore(events, directory, {
          ...(streams.length === 0 ? {} : { streams }),
          ...(io.signal === undefined ? {} : { signal: io.signal }),
        });
        const count = manifest.streams.length;
        write(
          io.stdout,
          `Exported ${manifest.eventCount} events in ${count} stream${count === 1 ? '' : 's'} from ${name} to ${directory}`,
        );
        write(
          io.stdout,
          `    events.ndjson  ${manifest.events.bytes} bytes, SHA-256 ${manifest.events.sha256}`,
        );
        write(io.stdout, `    manifest.json  exported at ${manifest.exportedAt}`);
        for (const report of unverified) {
          write(
            io.stderr,
            `✗ ${report.streamId} does not verify (copied as stored): ${report.firstFailure?.message ?? ''}`,
          );
        }
        return unverified.length === 0 ? EXIT.ok : EXIT.failed;
      }),
    );
  },
};
