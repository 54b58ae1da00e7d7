// `gridledger verify`: proof that nothing was altered, or the exact events that were.
import type { KeyObject } from 'node:crypto';
import {
  auditStore,
  readExportHashes,
  readExportManifest,
  verifyCheckpoint,
  type CheckpointVerification,
  type StoreAudit,
} from '@gridledger/core/audit';
import { type EventStore } from '@gridledger/core';
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
import { fileAt, keyFile } from './keys.js';
import { reportCheckpoint } from './verify-checkpoints.js';

const help = `Usage: gridledger verify [options]

Replays every stream's hash chain (or only the streams given) and names each event that was
changed, removed, inserted or moved, and each stream whose chain is broken. A clean store
verifies in one pass over its log.

Options:
  --stream <id>        only this stream or dispute id (repeat for several)
  --manifest <dir>     also check each stream's head against an export's manifest.json: finds
                       events removed from the end of a stream, streams removed whole, and where
                       a stream rewritten and re-chained since the export begins
  --checkpoint <file>  also check the whole log against a signed checkpoint (repeat for several):
                       proves that every event it covers is unchanged and that nothing was
                       removed, renumbered or inserted, or names the first event that differs
  --public-key <file>  the office's public key (PEM) that signed the checkpoints
  --json               the result as one JSON object
${STORE_HELP}
  -h, --help           this help

Exit code: 0 when everything verifies, 1 when anything does not (each finding is listed; a
checkpoint that is not signed by the key, or was altered, counts as not verifying), 2 for a
usage error (unknown id, missing store file, manifest, checkpoint or key).`;

const listOption = (args: ParsedArgs, name: string): string[] => {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};

interface CheckpointArgs {
  readonly files: readonly string[];
  readonly publicKey: KeyObject | undefined;
}

function checkpointArgs(args: ParsedArgs, io: CliIo): CheckpointArgs {
  const files = listOption(args, 'checkpoint').map((file) => fileAt(io, file, 'checkpoint'));
  const keyGiven = stringOption(args, 'public-key');
  if (files.length > 0 && keyGiven === undefined) {
    throw new UsageError(
      "--public-key <file> is required with --checkpoint: the office's public key that signed it",
    );
  }
  if (files.length === 0 && keyGiven !== undefined) {
    throw new UsageError(
      '--public-key goes with --checkpoint <file>: there is nothing to check it on',
    );
  }
  if (files.length > 0 && listOption(args, 'stream').length > 0) {
    throw new UsageError('a checkpoint covers the whole log: leave out --stream to check one');
  }
  const publicKey =
    keyGiven === undefined ? undefined : keyFile(fileAt(io, keyGiven, 'public-key'), 'public');
  return { files, publicKey };
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check every hash and link; name each changed, removed, inserted or moved event',
  help,
  options: {
    ...storeOptionSpec,
    stream: { type: 'string', multiple: true },
    manifest: { type: 'string' },
    checkpoint: { type: 'string', multiple: true },
    'public-key': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) {
      throw new UsageError(
        `unexpected argument '${args.positionals[0]}'; use --stream <id>\n\n${help}`,
      );
    }
    const checkpoints = checkpointArgs(args, io);
    const manifestDir =
      stringOption(args, 'manifest') === undefined
        ? undefined
        : exportDirectory(args, io, 'manifest');
    const manifest = manifestDir === undefined ? undefined : await readExportManifest(manifestDir);
    const opened = await openFromArgs(args, io, 'read');
    const leftBehind = 'the verification did not finish; run it again';
    return unlessInterrupted(io, leftBehind, () =>
      withStore(opened, async ({ events, name }) => {
        const signal = io.signal === undefined ? {} : { signal: io.signal };
        const results: CheckpointVerification[] = [];
        for (const file of checkpoints.files) {
          const publicKey = checkpoints.publicKey as KeyObject;
          results.push(await verifyCheckpoint(events, file, { publicKey, ...signal }));
        }
        const ids = listOption(args, 'stream');
        const streams = await Promise.all(ids.map((id) => resolveStreamId(events, id)));
        const audit = await auditOf(events, results, {
          ...(manifest === undefined
            ? {}
            : {
                anchors: manifest.streams,
                recordedHashes: (streamIds) => readExportHashes(manifestDir as string, streamIds),
              }),
          ...(streams.length === 0 ? {} : { streams }),
          ...signal,
        });
        const ok = audit.ok && results.every((r) => r.ok);
        if (args.values['json'] === true) {
          const json = results.length === 0 ? audit : { ...audit, ok, checkpoints: results };
          write(io.stdout, JSON.stringify(json, null, 2));
        } else {
          report(audit, results, name, io);
        }
        return ok ? EXIT.ok : EXIT.failed;
      }),
    );
  },
};

/**
 * The audit of the store's streams. Checking a checkpoint already replays every chain, so then
 * only the streams it found broken are read again in detail (unless a manifest asks for more).
 */
async function auditOf(
  events: EventStore,
  checked: readonly CheckpointVerification[],
  options: Parameters<typeof auditStore>[1] & object,
): Promise<StoreAudit> {
  const [first] = checked;
  if (first === undefined || options.anchors !== undefined) return auditStore(events, options);
  const broken = [...new Set(checked.flatMap((r) => r.streamsBroken))];
  const detail =
    broken.length === 0 ? undefined : await auditStore(events, { ...options, streams: broken });
  return {
    store: events.name,
    ok: detail?.ok ?? true,
    streamsChecked: first.streamsChecked,
    eventsChecked: first.eventsChecked,
    broken: detail?.broken ?? [],
    missingStreams: [],
  };
}

function report(
  audit: StoreAudit,
  checked: readonly CheckpointVerification[],
  name: string,
  io: CliIo,
): void {
  write(io.stdout, `Verifying ${name}`);
  for (const result of checked) reportCheckpoint(result, io);
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
  const differing = checked.filter((r) => !r.ok && r.firstDifference !== undefined).length;
  const against =
    checked.length === 0
      ? ''
      : ` and matches ${checked.length === 1 ? 'the checkpoint' : `all ${checked.length} checkpoints`}`;
  if (audit.ok && differing === 0) {
    write(io.stdout, `✓ ${totals}: every hash and link verifies${against}`);
    return;
  }
  const checkpoints =
    differing === 1
      ? checked.length === 1
        ? 'the checkpoint'
        : '1 checkpoint'
      : `${differing} checkpoints`;
  if (audit.ok) {
    write(
      io.stdout,
      `✗ ${totals} read: every hash and link verifies, but the log differs from ${checkpoints}`,
    );
    return;
  }
  const findings = audit.broken.reduce((n, s) => n + s.findings.length, 0);
  const missing = audit.missingStreams.length;
  write(
    io.stdout,
    `✗ ${totals} read: ${counted(audit.broken.length, 'stream')} broken ` +
      `(${counted(findings, 'finding')})${missing === 0 ? '' : `, ${formatCount(missing)} missing`}` +
      (differing === 0 ? '' : `; the log differs from ${checkpoints}`),
  );
}
