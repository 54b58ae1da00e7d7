// `gridledger export`: a copy of one stream, several, or the whole store, for offline audit.
import { existsSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EVENTS_FILE, exportStore, MANIFEST_FILE } from '@gridledger/core/audit';
import {
  gridledgerEvents,
  isSealedValue,
  personalValuesInClear,
  type EventDefinition,
  type EventStore,
} from '@gridledger/core';
import { stringOption, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write } from '../io.js';
import { counted } from '../words.js';
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
  --out <dir>     where to write: a new directory (created) or an empty one
  --stream <id>   only this stream or dispute id, whole (repeat for several); default everything
  --redact        only if it holds no personal data in clear: personal fields sealed under keys
                  that stay behind (they are never exported) are unreadable in the copy; refused
                  when any event holds them in clear (written before sealing was switched on)
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
    redact: { type: 'boolean' },
  },
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError(`--out <dir> is required\n\n${help}`);
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'; use --stream <id>`);
    }
    const directory = resolve(io.cwd, out);
    checkOut(directory);
    const made = directoriesToMake(directory);
    let finished = false;
    const given = args.values['stream'];
    const ids = Array.isArray(given) ? given : [];
    const opened = await openFromArgs(args, io, 'read');
    const leftBehind = `no export was written to ${directory}; run it again`;
    try {
      return await unlessInterrupted(io, leftBehind, () =>
        withStore(opened, async ({ events, name }) => {
          const streams = await Promise.all(ids.map((id) => resolveStreamId(events, id)));
          const sealed =
            args.values['redact'] === true ? await checkRedactable(events, streams) : undefined;
          const { manifest, unverified } = await exportStore(events, directory, {
            ...(streams.length === 0 ? {} : { streams }),
            ...(io.signal === undefined ? {} : { signal: io.signal }),
          });
          finished = true;
          write(
            io.stdout,
            `Exported ${counted(manifest.eventCount, 'event')} in ${counted(manifest.streams.length, 'stream')} from ${name} to ${directory}`,
          );
          write(
            io.stdout,
            `    events.ndjson  ${counted(manifest.events.bytes, 'byte')}, SHA-256 ${manifest.events.sha256}`,
          );
          write(io.stdout, `    manifest.json  exported at ${manifest.exportedAt}`);
          if (sealed !== undefined) {
            write(
              io.stdout,
              `    redacted       no personal data in clear; ${counted(sealed, 'sealed value')}, no keys`,
            );
          }
          for (const report of unverified) {
            write(
              io.stderr,
              `✗ ${report.streamId} does not verify (copied as stored): ${report.firstFailure?.message ?? ''}`,
            );
          }
          return unverified.length === 0 ? EXIT.ok : EXIT.failed;
        }),
      );
    } finally {
      // An export that did not finish leaves no empty directory behind (the export removes its
      // own partial file), so a second run starts from what the person had before.
      if (!finished) for (const dir of made) if (isEmptyDirectory(dir)) rmdirSync(dir);
    }
  },
};

const definitions = new Map<string, EventDefinition>(gridledgerEvents.map((d) => [d.type, d]));

function countSealed(value: unknown): number {
  if (isSealedValue(value)) return 1;
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  for (const item of Object.values(value)) n += countSealed(item);
  return n;
}

/**
 * For --redact: the number of sealed values in what will be exported; a UsageError naming the
 * first stream that holds personal data in clear (an export copies events exactly as stored).
 */
async function checkRedactable(store: EventStore, streams: readonly string[]): Promise<number> {
  const only = new Set(streams);
  let sealed = 0;
  for await (const event of store.readAll()) {
    if (only.size > 0 && !only.has(event.streamId)) continue;
    const definition = definitions.get(event.type);
    const inClear =
      definition?.schemaVersion === event.schemaVersion
        ? personalValuesInClear(definition, event.data, event.streamId)
        : 0;
    if (inClear > 0) {
      throw new UsageError(
        `cannot export redacted: ${event.streamId} v${event.streamVersion} (${event.type}) holds ` +
          `${counted(inClear, 'personal value')} in clear, and an export copies events exactly as ` +
          'stored so that every hash verifies',
      );
    }
    sealed += countSealed(event.data);
  }
  return sealed;
}

/** Refused before the store is read: --out must be a directory that holds no export yet. */
function checkOut(directory: string): void {
  const stat = statSync(directory, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (!stat.isDirectory()) {
    throw new UsageError(
      `--out ${directory} is a file: export writes a directory (events.ndjson and manifest.json); name a new or empty one`,
    );
  }
  const taken = [MANIFEST_FILE, EVENTS_FILE].find((file) => existsSync(join(directory, file)));
  if (taken !== undefined) {
    throw new UsageError(
      `--out ${directory} already holds an export (${taken}): name a new or empty directory`,
    );
  }
}

/** The directories the export will create, deepest first. */
function directoriesToMake(directory: string): string[] {
  const missing: string[] = [];
  for (let dir = directory; !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) {
    missing.push(dir);
  }
  return missing;
}

const isEmptyDirectory = (dir: string): boolean =>
  statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true && readdirSync(dir).length === 0;
