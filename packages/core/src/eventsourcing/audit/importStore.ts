// Import: replays an export into any store. Everything is checked before anything is written
// (the manifest, the file's digest, every stream's chain and head, that the target has none of
// the streams); then each stream is written from `no-stream`, and the copy is verified.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createStreamChainVerifier, type StreamChainVerifier } from '../chainVerifier.js';
import type { EventToAppend, ExpectedVersion } from '../envelope.js';
import { CorruptedEventError, isStreamNotFound, ValidationError } from '../errors.js';
import type { EventStore } from '../store.js';
import { auditStore, type StoreAudit } from './auditStore.js';
import { readEventsLines } from './eventsFile.js';
import { readExportHashes } from './exportHashes.js';
import {
  EVENTS_FILE,
  MANIFEST_FILE,
  parseLine,
  parseManifest,
  type ExportManifest,
} from './exportFormat.js';

export interface ImportOptions {
  /** Most events per append. Default 500. */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
}

export interface ImportResult {
  readonly manifest: ExportManifest;
  readonly eventsWritten: number;
  /** The imported streams verified in the target, against the manifest's heads. */
  readonly verification: StoreAudit;
}

/** Reads and checks the manifest of the export in `directory`. */
export async function readExportManifest(directory: string): Promise<ExportManifest> {
  const path = join(directory, MANIFEST_FILE);
  if (!existsSync(path)) {
    throw new ValidationError(`export in ${directory}`, [
      { path: MANIFEST_FILE, message: 'not found: this is not a finished Gridledger export' },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(`export manifest ${path}`, [
      { path: '(root)', message: `is not JSON: ${String(error)}` },
    ]);
  }
  return parseManifest(value, path);
}

/**
 * Imports the export in `directory` into `store`. Throws ValidationError for a manifest or file
 * that does not match, or a target that already has any of the streams; CorruptedEventError for
 * a chain that does not verify. Nothing is written in any of those cases.
 */
export async function importStore(
  store: EventStore,
  directory: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const manifest = await readExportManifest(directory);
  const eventsPath = join(directory, EVENTS_FILE);
  await checkEventsFile(manifest, eventsPath);
  await checkTargetHasNone(store, manifest);
  const eventsWritten = await writeStreams(store, eventsPath, options);
  const verification = await auditStore(store, {
    anchors: manifest.streams,
    recordedHashes: (streamIds) => readExportHashes(directory, streamIds),
    streams: manifest.streams.map((s) => s.streamId),
  });
  return { manifest, eventsWritten, verification };
}

async function checkEventsFile(manifest: ExportManifest, path: string): Promise<void> {
  const subject = `export ${path}`;
  if (!existsSync(path)) {
    throw new ValidationError(subject, [{ path: EVENTS_FILE, message: 'not found' }]);
  }
  const expected = new Map(manifest.streams.map((s) => [s.streamId, s]));
  const chains = new Map<string, StreamChainVerifier>();
  const lines = readEventsLines(path);
  for await (const { n, text } of lines) {
    const event = parseLine(text, n);
    if (!expected.has(event.streamId)) {
      throw new ValidationError(subject, [
        { path: `line ${n}`, message: `stream '${event.streamId}' is not in the manifest` },
      ]);
    }
    let chain = chains.get(event.streamId);
    if (chain === undefined)
      chains.set(event.streamId, (chain = createStreamChainVerifier(event.streamId)));
    const failure = chain.check({ ...event, position: '' as never });
    if (failure !== undefined) {
      throw new CorruptedEventError(
        event.streamId,
        failure.streamVersion,
        failure.reason === 'version-gap' ? 'chain-broken' : failure.reason,
        `${failure.message} (${EVENTS_FILE} line ${n})`,
      );
    }
  }
  const digest = lines.digest();
  const issues = [];
  if (digest.sha256 !== manifest.events.sha256 || digest.bytes !== manifest.events.bytes) {
    issues.push({
      path: 'events.sha256',
      message: `the file has SHA-256 ${digest.sha256} (${digest.bytes} bytes), the manifest says ${manifest.events.sha256} (${manifest.events.bytes} bytes)`,
    });
  }
  for (const stream of manifest.streams) {
    const report = chains.get(stream.streamId)?.report();
    if (report?.eventsChecked !== stream.eventCount || report.lastHash !== stream.lastHash) {
      issues.push({
        path: `streams.${stream.streamId}`,
        message: `the manifest records ${stream.eventCount} events ending in ${stream.lastHash}; the file has ${report?.eventsChecked ?? 0} ending in ${report?.lastHash ?? 'nothing'}`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

async function checkTargetHasNone(store: EventStore, manifest: ExportManifest): Promise<void> {
  for await (const _ of store.readAll({ limit: 1 })) {
    const present = [];
    for (const { streamId } of manifest.streams) {
      try {
        for await (const last of store.readStream(streamId, { direction: 'backwards', limit: 1 })) {
          present.push({
            path: streamId,
            message: `already exists in the target (last version ${last.streamVersion}); import writes only new streams`,
          });
        }
      } catch (error) {
        if (!isStreamNotFound(error)) throw error;
      }
    }
    if (present.length > 0) throw new ValidationError(`import into ${store.name}`, present);
    return;
  }
}

async function writeStreams(
  store: EventStore,
  path: string,
  options: ImportOptions,
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let batch: EventToAppend[] = [];
  let batchStream = '';
  const versions = new Map<string, number>();
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const expectedVersion: ExpectedVersion = versions.get(batchStream) ?? 'no-stream';
    const result = await store.append(batchStream, batch, { expectedVersion });
    versions.set(batchStream, result.streamVersion);
    written += batch.length;
    batch = [];
  };
  for await (const { n, text } of readEventsLines(path)) {
    options.signal?.throwIfAborted();
    const { streamId, streamVersion: _v, ...event } = parseLine(text, n);
    if (streamId !== batchStream || batch.length >= batchSize) {
      await flush();
      batchStream = streamId;
    }
    batch.push(event);
  }
  await flush();
  return written;
}
