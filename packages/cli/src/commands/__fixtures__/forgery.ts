// What a tamperer who knows the hash scheme writes with plain SQL: events whose own hash matches
// their content and whose prevHash links to the event before them.
import { hashEvent, hashInputOf } from '@gridledger/core/audit';
import { type StoredEvent } from '@gridledger/core';
import { DISPUTE_STREAM, rows, sql } from './auditStore.js';

export const FORGED_ID = '01JZFORGED0000000000000000';

/** The event with its own hash recomputed over its current content. */
export const resealed = (event: StoredEvent): StoredEvent => ({
  ...event,
  metadata: { ...event.metadata, hash: hashEvent(hashInputOf(event)) },
});

/** A position as the SQLite store writes it. */
export const position = (rowid: number): string => String(rowid).padStart(16, '0');

/** Writes the rows of the dispute stream back with the content given, by version. */
function rewrite(file: string, events: readonly StoredEvent[]): void {
  for (const event of events) {
    sql(
      file,
      `UPDATE events SET data = ?, metadata = ? WHERE stream_id = ? AND stream_version = ?`,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.streamId,
      event.streamVersion,
    );
  }
}

/** Rewrites the dispute's v`from` (its note) and re-chains every later event onto it. */
export function rechainDispute(file: string, from: number): void {
  let prevHash: string | null = null;
  const rewritten = rows(file, DISPUTE_STREAM).map((event) => {
    if (event.streamVersion < from) return event;
    const data =
      event.streamVersion === from
        ? { ...(event.data as object), note: 'Both parties agreed nothing was owed' }
        : event.data;
    const next = resealed({
      ...event,
      data,
      metadata: { ...event.metadata, prevHash: prevHash ?? event.metadata.prevHash },
    });
    prevHash = next.metadata.hash;
    return next;
  });
  rewrite(file, rewritten.slice(from));
}

/**
 * A DisputeReopened after the dispute's last event, sealed and linked to it, recorded at
 * `recordedAt`, inserted at `rowid` (default: after every row).
 */
export function forgeAfterHead(
  file: string,
  options: { recordedAt: string; rowid?: number },
): StoredEvent {
  const last = rows(file, DISPUTE_STREAM).at(-1)!;
  const forged = resealed({
    ...last,
    id: FORGED_ID,
    type: 'DisputeReopened',
    streamVersion: last.streamVersion + 1,
    data: { reason: 'The deposit was never refunded' },
    metadata: {
      ...last.metadata,
      recordedAt: options.recordedAt,
      occurredAt: options.recordedAt,
      prevHash: last.metadata.hash,
    },
  });
  sql(
    file,
    `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    options.rowid ?? null,
    forged.streamId,
    forged.streamVersion,
    forged.id,
    forged.type,
    forged.schemaVersion,
    JSON.stringify(forged.data),
    JSON.stringify(forged.metadata),
  );
  return forged;
}

/** Moves rows at `rowid` and after one place up, leaving `rowid` free. */
export function makeRoomAt(file: string, rowid: number): void {
  sql(
    file,
    `UPDATE events SET position = position + 1000000 WHERE position >= ${rowid};
     UPDATE events SET position = position - 999999 WHERE position >= 1000000;`,
  );
}
