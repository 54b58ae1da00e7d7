// `gridledger verify`: proof that nothing was altered, or the exact events that were.
import { auditStore, readExportManifest, type StoreAudit } from '@gridledger/core';
import { stringOption, type Command, type ParsedArgs } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write, type CliIo } from '../io.js';
import { formatCount } from '../progress/format.js';
import { counted } from '../words.js';
import {
  exportDirectory,
  openFromArgs,
  resolveStreamId,
  STORE_HELP,
  storeOptionSpec,
  unlessInterrupted,
  withStore,
} from './audit-common.js';

const help = `Usage: gridledger verify [options]

Replays every stream's hash chain (or only the streams given) and names each event that was
changed, removed, inserted or moved, and each stream whose chain is broken. A clean store
verifies in one pass over its log.

Options:
  --stream <id>     only this stream or dispute id (repeat for several)
  --manifest <dir>  also check each stream's head against an export's manifest.json: finds
                    events removed from the end of a stream, and streams removed whole
  --json            the result as one JSON object
${STORE_HELP}
  -h, --help        this help

Exit code: 0 when everything verifies, 1 when anything does not (each finding is listed),
2 for a usage error (unknown id, missing store file or manifest).`;

const streamsOption = (args: ParsedArgs): string[] => {
  const value = args.values['stream'];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check every hash and link; name each changed, removed, inserted or moved event',
  help,
  options: {
    ...storeOptionSpec,
    stream: { type: 'string', multiple: true },
    manifest: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) {
      throw new UsageError(
        `unexpected argument '${args.positionals[0]}'; use --stream <id>\n\n${help}`,
      );
    }
    const manifest =
      stringOption(args, 'manifest') === undefined
        ? undefined
        : await readExportManifest(exportDirectory(args, io, 'manifest'));
    const opened = await openFromArgs(args, io, 'read');
    const leftBehind = 'the verification did not finish; run it again';
    return unlessInterrupted(io, leftBehind, () =>
      withStore(opened, async ({ events, name }) => {
        const ids = streamsOption(args);
        const streams = await Promise.all(ids.map((id) => resolveStreamId(events, id)));
        const audit = await auditStore(events, {
          ...(manifest === undefined ? {} : { anchors: manifest.streams }),
          ...(streams.length === 0 ? {} : { streams }),
          ...(io.signal === undefined ? {} : { signal: io.signal }),
        });
        if (args.values['json'] === true) write(io.stdout, JSON.stringify(audit, null, 2));
        else report(audit, name, io);
        return audit.ok ? EXIT.ok : EXIT.failed;
      }),
    );
  },
};

function report(audit: StoreAudit, name: string, io: CliIo): void {
  write(io.stdout, `Verifying ${name}`);
  for (const stream of audit.broken) {
    write(
      io.stdout,
      `✗ ${stream.streamId}: chain broken (${counted(stream.eventsChecked, 'event')} read)`,
    );
    for (const finding of stream.findings) {
      write(io.stdout, `    ${finding.kind.toUpperCase()}: ${finding.message}`);
    }
  }
  for (const missing of audit.missingStreams) {
    write(
      io.stdout,
      `✗ ${missing.streamId}: missing from the store (the manifest recorded ${counted(missing.eventCount, 'event')})`,
    );
  }
  const totals = `${counted(audit.streamsChecked, 'stream')}, ${counted(audit.eventsChecked, 'event')}`;
  if (audit.ok) {
    write(io.stdout, `✓ ${totals}: every hash and link verifies`);
    return;
  }
  const findings = audit.broken.reduce((n, s) => n + s.findings.length, 0);
  const missing = audit.missingStreams.length;
  write(
    io.stdout,
    `✗ ${totals} read: ${counted(audit.broken.length, 'stream')} broken ` +
      `(${counted(findings, 'finding')})${missing === 0 ? '' : `, ${formatCount(missing)} missing`}`,
  );
}
