// The hash an export recorded for each version of some of its streams, read from its events
// file: what names the first event of a stream rewritten and re-chained since the export.
import { join } from 'node:path';
import { readEventsLines } from './eventsFile.js';
import { EVENTS_FILE, parseLine } from './exportFormat.js';

/** The recorded hashes of `streamIds` (those the export has), by stream, in version order. */
export async function readExportHashes(
  directory: string,
  streamIds: readonly string[],
): Promise<ReadonlyMap<string, readonly string[]>> {
  const wanted = new Set(streamIds);
  const hashes = new Map<string, string[]>();
  for await (const { n, text } of readEventsLines(join(directory, EVENTS_FILE))) {
    const event = parseLine(text, n);
    if (!wanted.has(event.streamId)) continue;
    const list = hashes.get(event.streamId) ?? [];
    list[event.streamVersion] = event.metadata.hash;
    hashes.set(event.streamId, list);
  }
  return hashes;
}
