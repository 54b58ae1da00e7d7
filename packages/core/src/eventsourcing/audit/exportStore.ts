// Export: one stream, some, or the whole store, as NDJSON plus a manifest, so an auditor can take
// a copy away and replay it offline. Events are written exactly as stored; the manifest comes
// last, so a directory without one is an export that did not finish.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createStreamChainVerifier,
  type StreamChainVerifier,
  type StreamVerification,
} from '../chainVerifier.js';
import type { StoredEvent } from '../envelope.js';
import { ValidationError } from '../errors.js';
import { systemClock, type Clock } from '../ids.js';
import type { EventStore } from '../store.js';
import { openEventsWriter } from './eventsFile.js';
import {
  EVENTS_FILE,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MANIFEST_FILE,
  lineOf,
  type ExportManifest,
} from './exportFormat.js';

export interface ExportOptions {
  /** Only these streams, each whole, in this order. Default: the whole store, in global order. */
  readonly streams?: readonly string[];
  /** Stamps `exportedAt`. Default: the system clock. */
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
}

export interface ExportResult {
  readonly directory: string;
  readonly manifest: ExportManifest;
  /** Streams whose chain did not verify while exported: copied as stored, for forensics. */
  readonly unverified: readonly StreamVerification[];
}

/**
 * Writes `events.ndjson` and `manifest.json` into `directory` (created if needed). Refuses a
 * directory that already holds an export. A stream that does not exist throws StreamNotFoundError
 * and leaves no files behind.
 */
export async function exportStore(
  store: EventStore,
  directory: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const clock = options.clock ?? systemClock;
  await mkdir(directory, { recursive: true });
  const eventsPath = join(directory, EVENTS_FILE);
  const manifestPath = join(directory, MANIFEST_FILE);
  const taken = [EVENTS_FILE, MANIFEST_FILE].filter((file) => existsSync(join(directory, file)));
  if (taken.length > 0) {
    throw new ValidationError(
      `export to ${directory}`,
      taken.map((file) => ({
        path: file,
        message: 'already exists: export into an empty or new directory',
      })),
    );
  }
  const writer = openEventsWriter(eventsPath);
  const streams = new Map<string, { verifier: StreamChainVerifier; count: number; last: string }>();
  let eventCount = 0;
  try {
    for await (const event of eventsToExport(store, options.streams)) {
      options.signal?.throwIfAborted();
      let stream = streams.get(event.streamId);
      if (stream === undefined) {
        stream = { verifier: createStreamChainVerifier(event.streamId), count: 0, last: '' };
        streams.set(event.streamId, stream);
      }
      stream.verifier.check(event);
      stream.count++;
      stream.last = event.metadata.hash;
      eventCount++;
      await writer.write(lineOf(event));
    }
    const digest = await writer.close();
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: clock().toISOString(),
      source: store.name,
      eventCount,
      streams: [...streams].map(([streamId, s]) => ({
        streamId,
        eventCount: s.count,
        lastHash: s.last,
      })),
      events: { file: EVENTS_FILE, sha256: digest.sha256, bytes: digest.bytes },
    };
    const partial = `${manifestPath}.partial`;
    await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    await rename(partial, manifestPath);
    const unverified = [...streams.values()]
      .map((s) => s.verifier.report())
      .filter((report) => !report.ok);
    return { directory, manifest, unverified };
  } catch (error) {
    await writer.destroy();
    await rm(eventsPath, { force: true });
    throw error;
  }
}

async function* eventsToExport(
  store: EventStore,
  streamIds: readonly string[] | undefined,
): AsyncGenerator<StoredEvent> {
  if (streamIds === undefined) {
    yield* store.readAll();
    return;
  }
  for (const streamId of new Set(streamIds)) yield* store.readStream(streamId);
}
