// A whole log as rows (every stream, in position order), a store that returns exactly those rows
// as SQL would (the log by position, a stream by version), and what a tamperer with write access
// to the rows does to them: alter, re-hash, re-chain, delete, renumber, swap, move, forge.
import { createMemoryEventStore } from '../../__fixtures__/memoryStore.js';
import {
  createLedger,
  StreamNotFoundError,
  type EventStore,
  type Position,
  type StoredEvent,
} from '@gridledger/core';
import { hashEvent, hashInputOf } from '@gridledger/core/audit';
import { steppingClock } from '@gridledger/core/testing';
import { caseRegistry } from '../../__fixtures__/caseAggregate.js';

/** Positions 10, 20, 30…, padded to sort as text: the gaps leave room to move rows between. */
export const positionAt = (n: number): Position => String(n).padStart(16, '0') as Position;

/**
 * A log recorded by the ledger, one event per entry of `plan` (the stream it goes to), one minute
 * apart: each stream opens its case, then holds sessions.
 */
export async function recordedLog(plan: readonly string[]): Promise<StoredEvent[]> {
  const store = createMemoryEventStore();
  let count = 0;
  const ledger = createLedger({
    store,
    registry: caseRegistry,
    clock: steppingClock('2026-07-01T09:00:00.000Z', 60_000),
    newId: () => `01J3000000000000000000${String(++count).padStart(4, '0')}`,
  });
  const versions = new Map<string, number>();
  for (const streamId of plan) {
    const version = versions.get(streamId);
    const event =
      version === undefined
        ? { type: 'CaseOpened', data: { title: `case ${streamId}`, grid: 'xuzhai-07' } }
        : { type: 'SessionHeld', data: { sessionId: `s-${count}`, note: `meeting ${count}` } };
    const result = await ledger.append(streamId, [event], {
      expectedVersion: version ?? 'no-stream',
      actor: { id: 'officer-jiang', role: 'mediator' },
    });
    versions.set(streamId, result.streamVersion);
  }
  const rows: StoredEvent[] = [];
  for await (const event of store.readAll()) {
    rows.push({ ...event, position: positionAt((rows.length + 1) * 10) });
  }
  return rows;
}

/** A store whose log is exactly `rows`, read as SQL would: by position, a stream by version. */
export function logStore(rows: readonly StoredEvent[], name = 'rows'): EventStore {
  const memory = createMemoryEventStore();
  const byPosition = [...rows].sort((a, b) => (a.position < b.position ? -1 : 1));
  return {
    ...memory,
    name,
    async *readStream(streamId) {
      const own = rows
        .filter((row) => row.streamId === streamId)
        .sort((a, b) => a.streamVersion - b.streamVersion);
      if (own.length === 0) throw new StreamNotFoundError(streamId);
      yield* own;
    },
    async *readAll() {
      yield* byPosition;
    },
  };
}

/** The event with its own hash recomputed over its current content. */
export const resealed = (event: StoredEvent): StoredEvent => ({
  ...event,
  metadata: { ...event.metadata, hash: hashEvent(hashInputOf(event)) },
});

const altered = (event: StoredEvent): StoredEvent => ({
  ...event,
  data: { ...(event.data as object), note: 'altered' },
});

const streamOf = (rows: readonly StoredEvent[], streamId: string) =>
  rows.filter((r) => r.streamId === streamId).sort((a, b) => a.streamVersion - b.streamVersion);

const between = (rows: readonly StoredEvent[], index: number): Position =>
  positionAt(index === 0 ? 5 : Number(rows[index - 1]!.position) + 5);

/** A new event for `streamId`, after its last one: sealed and linked (`chained`), or a bare copy. */
function forgery(rows: readonly StoredEvent[], streamId: string, chained: boolean): StoredEvent {
  const last = streamOf(rows, streamId).at(-1)!;
  const event: StoredEvent = {
    ...last,
    id: '01J3FORGED0000000000000000',
    type: 'SessionHeld',
    streamVersion: last.streamVersion + 1,
    data: { sessionId: 'forged', note: 'never happened' },
    metadata: { ...last.metadata, prevHash: last.metadata.hash },
  };
  return chained ? resealed(event) : event;
}

/** What a tamperer does to the rows of the log (`k` is an index in position order). */
export const logTamper = {
  /** Alters an event's data, leaving its hash. */
  changeData: (rows: StoredEvent[], k: number) => rows.map((r, i) => (i === k ? altered(r) : r)),
  /** Alters an event's data and recomputes its own hash only. */
  rehash: (rows: StoredEvent[], k: number) =>
    rows.map((r, i) => (i === k ? resealed(altered(r)) : r)),
  /** Overwrites an event's stored hash, its content untouched. */
  overwriteHash: (rows: StoredEvent[], k: number) =>
    rows.map((r, i) => (i === k ? { ...r, metadata: { ...r.metadata, hash: 'f'.repeat(64) } } : r)),
  /** Alters an event and re-chains every later event of its stream onto it. */
  rechain: (rows: StoredEvent[], k: number) => {
    const target = rows[k]!;
    const rewritten = new Map<string, StoredEvent>();
    let prevHash = target.metadata.prevHash;
    for (const event of streamOf(rows, target.streamId)) {
      if (event.streamVersion < target.streamVersion) continue;
      const base = event.id === target.id ? altered(event) : event;
      const next = resealed({ ...base, metadata: { ...base.metadata, prevHash } });
      rewritten.set(event.id, next);
      prevHash = next.metadata.hash;
    }
    return rows.map((r) => rewritten.get(r.id) ?? r);
  },
  remove: (rows: StoredEvent[], k: number) => rows.filter((_, i) => i !== k),
  /** Deletes a row and renumbers the later ones of its stream to close the gap. */
  removeAndRenumber: (rows: StoredEvent[], k: number) => {
    const { streamId, streamVersion } = rows[k]!;
    return rows
      .filter((_, i) => i !== k)
      .map((r) =>
        r.streamId === streamId && r.streamVersion > streamVersion
          ? { ...r, streamVersion: r.streamVersion - 1 }
          : r,
      );
  },
  removeStream: (rows: StoredEvent[], streamId: string) =>
    rows.filter((r) => r.streamId !== streamId),
  removeTail: (rows: StoredEvent[], streamId: string, fromVersion: number) =>
    rows.filter((r) => r.streamId !== streamId || r.streamVersion < fromVersion),
  /** Exchanges the stream versions of an event and the next one of its stream. */
  swapVersions: (rows: StoredEvent[], k: number) => {
    const a = rows[k]!;
    const b = streamOf(rows, a.streamId).find((r) => r.streamVersion === a.streamVersion + 1)!;
    return rows.map((r) =>
      r === a
        ? { ...r, streamVersion: b.streamVersion }
        : r === b
          ? { ...r, streamVersion: a.streamVersion }
          : r,
    );
  },
  /** Exchanges the positions of rows i and i + 1. */
  swapPositions: (rows: StoredEvent[], i: number) =>
    rows.map((r, x) =>
      x === i
        ? { ...r, position: rows[i + 1]!.position }
        : x === i + 1
          ? { ...r, position: rows[i]!.position }
          : r,
    ),
  /** Gives row `from` a position just before row `to`. */
  move: (rows: StoredEvent[], from: number, to: number) =>
    rows.map((r, i) => (i === from ? { ...r, position: between(rows, to) } : r)),
  /** Adds `offset` to the positions of rows k and after. */
  renumberPositions: (rows: StoredEvent[], k: number, offset = 5) =>
    rows.map((r, i) => (i >= k ? { ...r, position: positionAt(Number(r.position) + offset) } : r)),
  /** A new event for `streamId`, slipped into the log just before row k. */
  insert: (rows: StoredEvent[], k: number, streamId: string, chained: boolean) => [
    ...rows,
    { ...forgery(rows, streamId, chained), position: between(rows, k) },
  ],
  /** A properly chained event for `streamId` at the log's end, recorded as of the first event. */
  appendBackdated: (rows: StoredEvent[], streamId: string) => {
    const forged = forgery(rows, streamId, false);
    const backdated = {
      ...forged,
      position: positionAt(Number(rows.at(-1)!.position) + 10),
      metadata: { ...forged.metadata, recordedAt: rows[0]!.metadata.recordedAt },
    };
    return [...rows, resealed(backdated)];
  },
};
