// Streams written by the ledger, and what a tamperer with write access to the rows could do to
// them: alter, re-hash, delete, renumber, swap, forge. Stores here return rows exactly as given.
import { createMemoryEventStore } from '../../__fixtures__/memoryStore.js';
import {
  createLedger,
  StreamNotFoundError,
  type EventStore,
  type StoredEvent,
} from '@gridledger/core';
import { hashEvent, hashInputOf } from '@gridledger/core/audit';
import { steppingClock } from '@gridledger/core/testing';
import { caseRegistry, type CaseEvent } from '../../__fixtures__/caseAggregate.js';

export const STREAM = 'case-xu-shang';

/** `n` mediation events recorded by the ledger, one minute apart from 2026-07-01T09:00Z. */
export async function recordedStream(n: number): Promise<StoredEvent[]> {
  const store = createMemoryEventStore();
  let count = 0;
  const ledger = createLedger({
    store,
    registry: caseRegistry,
    clock: steppingClock('2026-07-01T09:00:00.000Z', 60_000),
    newId: () => `01J2000000000000000000${String(++count).padStart(4, '0')}`,
  });
  const events: CaseEvent[] = [
    { type: 'CaseOpened', data: { title: 'TV and deposit', grid: 'xuzhai-07' } },
  ];
  for (let i = 1; i < n; i++) {
    events.push({ type: 'SessionHeld', data: { sessionId: `s-${i}`, note: `meeting ${i}` } });
  }
  let expectedVersion: number | 'no-stream' = 'no-stream';
  for (const [i, event] of events.entries()) {
    const actor = { id: i % 2 ? 'director-zhao' : 'officer-jiang', role: 'mediator' };
    ({ streamVersion: expectedVersion } = await ledger.append(STREAM, [event], {
      expectedVersion,
      actor,
    }));
  }
  const stored: StoredEvent[] = [];
  for await (const event of store.readStream(STREAM)) stored.push(event);
  return stored;
}

/** A store whose streams are exactly the rows given (gaps and all), in the order given. */
export function rowsStore(rows: readonly StoredEvent[], name = 'rows'): EventStore {
  const memory = createMemoryEventStore();
  return {
    ...memory,
    name,
    async *readStream(streamId) {
      const own = rows.filter((row) => row.streamId === streamId);
      if (own.length === 0) throw new StreamNotFoundError(streamId);
      yield* own;
    },
    async *readAll(options) {
      const prefix = options?.streamPrefix ?? '';
      yield* rows.filter((row) => row.streamId.startsWith(prefix));
    },
  };
}

const at = (event: StoredEvent, streamVersion: number): StoredEvent => ({
  ...event,
  streamVersion,
});
const renumber = (rows: StoredEvent[]): StoredEvent[] => rows.map((row, i) => at(row, i));

/** What a tamperer does to the rows of one stream. */
export const tamper = {
  data: (rows: StoredEvent[], k: number): StoredEvent[] =>
    rows.map((row, i) =>
      i === k ? { ...row, data: { ...(row.data as object), note: 'altered' } } : row,
    ),
  actor: (rows: StoredEvent[], k: number): StoredEvent[] =>
    rows.map((row, i) =>
      i === k
        ? { ...row, metadata: { ...row.metadata, actor: { id: 'someone-else', role: 'mediator' } } }
        : row,
    ),
  time: (rows: StoredEvent[], k: number): StoredEvent[] =>
    rows.map((row, i) =>
      i === k
        ? { ...row, metadata: { ...row.metadata, occurredAt: '2026-06-01T00:00:00.000Z' } }
        : row,
    ),
  /** Alters an event's data and recomputes its own hash, as a tamperer who knows SHA-256 would. */
  rehash: (rows: StoredEvent[], k: number): StoredEvent[] =>
    rows.map((row, i) =>
      i === k ? resealed({ ...row, data: { ...(row.data as object), note: 'x' } }) : row,
    ),
  /** Deletes a row, leaving a gap in the versions. */
  remove: (rows: StoredEvent[], k: number): StoredEvent[] => rows.filter((_, i) => i !== k),
  /** Deletes a row and renumbers the later ones to close the gap. */
  removeAndRenumber: (rows: StoredEvent[], k: number): StoredEvent[] =>
    renumber(rows.filter((_, i) => i !== k)),
  /** Exchanges the places (versions) of two rows. */
  swap: (rows: StoredEvent[], i: number, j: number): StoredEvent[] =>
    rows.map((row, x) => (x === i ? at(rows[j]!, i) : x === j ? at(rows[i]!, j) : row)),
  /** A copy of row k with altered data inserted at k; later rows renumbered. */
  insertCopy: (rows: StoredEvent[], k: number): StoredEvent[] => {
    const forged = {
      ...rows[k]!,
      id: '01J2FORGED0000000000000000',
      data: { sessionId: 'forged', note: 'never happened' },
    };
    return renumber([...rows.slice(0, k), forged, ...rows.slice(k)]);
  },
  /** A forgery with a correct hash and link inserted at k; later rows renumbered. */
  insertSealed: (rows: StoredEvent[], k: number): StoredEvent[] => {
    const prevHash = k === 0 ? null : rows[k - 1]!.metadata.hash;
    const forged = resealed({
      ...rows[k]!,
      id: '01J2FORGED0000000000000000',
      streamVersion: k,
      data: { sessionId: 'forged', note: 'never happened' },
      metadata: { ...rows[k]!.metadata, prevHash },
    });
    return renumber([...rows.slice(0, k), forged, ...rows.slice(k)]);
  },
  /** A copy of the last row with altered data appended after it. */
  appendCopy: (rows: StoredEvent[]): StoredEvent[] => {
    const last = rows[rows.length - 1]!;
    return [
      ...rows,
      {
        ...last,
        id: '01J2FORGED0000000000000000',
        streamVersion: rows.length,
        data: { sessionId: 'f', note: 'forged' },
      },
    ];
  },
};

/** The event with its own hash recomputed over its current content. */
export function resealed(event: StoredEvent): StoredEvent {
  return { ...event, metadata: { ...event.metadata, hash: hashEvent(hashInputOf(event)) } };
}

/** The findings of an audit as `kind@version` strings, for compact expectations. */
export const kinds = (findings: readonly { kind: string; streamVersion: number }[]): string[] =>
  findings.map((f) => `${f.kind}@${f.streamVersion}`);
