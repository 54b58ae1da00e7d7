// The export format: a directory with `events.ndjson` (one stored event per line, exactly as
// stored, so every hash verifies in any copy) and `manifest.json` (counts, heads, file digest).
import { z } from 'zod';
import type { EventToAppend, StoredEvent } from '../envelope.js';
import { ValidationError } from '../errors.js';
import { issuesFromZod } from '../validation.js';

export const EXPORT_FORMAT = 'gridledger-export';
export const EXPORT_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const EVENTS_FILE = 'events.ndjson';

/** One exported stream: all of its events, from version 0. */
export interface ExportedStream {
  readonly streamId: string;
  readonly eventCount: number;
  /** The stored hash of its last event. */
  readonly lastHash: string;
}

export interface ExportManifest {
  readonly format: typeof EXPORT_FORMAT;
  readonly formatVersion: typeof EXPORT_FORMAT_VERSION;
  /** ISO 8601. */
  readonly exportedAt: string;
  /** The store it came from, e.g. `sqlite:/data/xuzhai.db`. */
  readonly source: string;
  readonly eventCount: number;
  /** In the order each stream first appears in the events file. */
  readonly streams: readonly ExportedStream[];
  readonly events: {
    readonly file: typeof EVENTS_FILE;
    /** SHA-256 (hex) of the events file's bytes. */
    readonly sha256: string;
    readonly bytes: number;
  };
}

const count = z.number().int().min(0);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  source: z.string(),
  eventCount: count,
  streams: z.array(
    z.object({ streamId: z.string().min(1), eventCount: count.min(1), lastHash: z.string() }),
  ),
  events: z.object({ file: z.literal(EVENTS_FILE), sha256: hex64, bytes: count }),
});

/** Checks a parsed manifest. Throws ValidationError naming each wrong field. */
export function parseManifest(value: unknown, where: string): ExportManifest {
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(`export manifest ${where}`, issuesFromZod(result.error));
  }
  const manifest = result.data as ExportManifest;
  const ids = new Set(manifest.streams.map((s) => s.streamId));
  const total = manifest.streams.reduce((sum, s) => sum + s.eventCount, 0);
  if (ids.size !== manifest.streams.length || total !== manifest.eventCount) {
    throw new ValidationError(`export manifest ${where}`, [
      {
        path: 'streams',
        message: `must list each stream once and add up to eventCount ${manifest.eventCount} (they list ${manifest.streams.length} entries, ${total} events)`,
      },
    ]);
  }
  return manifest;
}

const lineSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.number().int().min(1),
  streamId: z.string().min(1),
  streamVersion: count,
  data: z.unknown(),
  metadata: z.object({ hash: z.string(), prevHash: z.string().nullable() }),
});

/** One line of the events file: a stored event, its position as in the source store. */
export const lineOf = (event: StoredEvent): string =>
  `${JSON.stringify({
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
    data: event.data,
    metadata: event.metadata,
  })}\n`;

/** Parses line `n` of the events file, keeping every field exactly as written. */
export function parseLine(
  text: string,
  n: number,
): EventToAppend & Pick<StoredEvent, 'streamId' | 'streamVersion'> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${EVENTS_FILE} line ${n}`, [
      { path: '(root)', message: `is not JSON: ${String(error)}` },
    ]);
  }
  const result = lineSchema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(`${EVENTS_FILE} line ${n}`, issuesFromZod(result.error));
  }
  // The parsed value, not zod's copy: unknown metadata fields are hashed and must survive.
  const { id, type, schemaVersion, streamId, streamVersion, data, metadata } = value as StoredEvent;
  return { id, type, schemaVersion, streamId, streamVersion, data, metadata };
}
