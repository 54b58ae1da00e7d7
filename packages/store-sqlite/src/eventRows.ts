// The prepared statements of the event log and the one place a row becomes a StoredEvent.
import type { Database, Statement } from 'better-sqlite3';
import {
  CorruptedEventError,
  storedMetadataProblem,
  type GlobalFilter,
  type StoredEvent,
} from '@gridledger/core/store';
import { positionOf } from './position.js';

/**
 * A row as selected, in raw (array) mode: better-sqlite3 builds arrays about twice as fast as
 * objects, and decoding then makes the event in one object literal of fixed shape.
 */
export type SelectedRow = [
  position: number,
  streamId: string,
  streamVersion: number,
  id: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];

const COLUMNS =
  'position, stream_id, stream_version, event_id, type, schema_version, data, metadata';

type Filters = 'none' | 'types' | 'prefix' | 'both';

function filterShape(filter: GlobalFilter): Filters {
  const types = filter.types !== undefined;
  const prefix = filter.streamPrefix !== undefined && filter.streamPrefix !== '';
  return types ? (prefix ? 'both' : 'types') : prefix ? 'prefix' : 'none';
}

function filterSql(shape: Filters): string {
  // The type list travels as one JSON array, so one statement serves any number of types.
  const types = 'AND type IN (SELECT value FROM json_each(?))';
  // substr/length count characters on both sides, so any Unicode prefix matches exactly.
  const prefix = 'AND substr(stream_id, 1, length(?)) = ?';
  switch (shape) {
    case 'none':
      return '';
    case 'types':
      return types;
    case 'prefix':
      return prefix;
    case 'both':
      return `${types} ${prefix}`;
  }
}

/** The bound values of a filter, in the order `filterSql` expects them. */
export function filterArgs(filter: GlobalFilter): unknown[] {
  const args: unknown[] = [];
  if (filter.types !== undefined) args.push(JSON.stringify(filter.types));
  if (filter.streamPrefix !== undefined && filter.streamPrefix !== '') {
    args.push(filter.streamPrefix, filter.streamPrefix);
  }
  return args;
}

export interface EventStatements {
  readonly lastVersion: Statement<[string], number>;
  readonly insert: Statement<[string, number, string, string, number, string, string]>;
  /** `stream_id = ?`, `stream_version >= ?`, up to `limit` rows. */
  readonly streamForwards: (limit: number) => Statement<[string, number], SelectedRow>;
  /** `stream_id = ?`, `stream_version <= ?`, up to `limit` rows, newest first. */
  readonly streamBackwards: (limit: number) => Statement<[string, number], SelectedRow>;
  /** The last position written, or null for an empty log. */
  readonly head: Statement<[], number | null>;
  /** `position > ?`, `position <= ?`, filters, up to `limit` rows. */
  globalPage(filter: GlobalFilter, limit: number): Statement<unknown[], SelectedRow>;
  /** Count of `position > ?` and filters. */
  globalCount(filter: GlobalFilter): Statement<unknown[], number>;
}

/** Distinct limits each statement keeps a prepared copy for (page sizes, a head read's 1…). */
const MAX_LIMITS = 32;

/**
 * Statements with their row limit written into the SQL, one per limit, prepared on first use. A
 * bound `LIMIT ?` cost a stream read about as much again as the rows themselves (SQLite plans it
 * without knowing the limit); a validated whole number is written as digits, never text a caller
 * gave. Past MAX_LIMITS distinct limits, a statement is prepared for its read and not kept.
 */
function byLimit<P extends unknown[]>(
  db: Database,
  sql: (limit: number) => string,
): (limit: number) => Statement<P, SelectedRow> {
  const prepared = new Map<number, Statement<P, SelectedRow>>();
  return (limit) => {
    let statement = prepared.get(limit);
    if (statement !== undefined) return statement;
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new RangeError(`a row limit must be a whole number; got ${String(limit)}`);
    }
    statement = db.prepare<P, SelectedRow>(sql(limit)).raw(true);
    if (prepared.size < MAX_LIMITS) prepared.set(limit, statement);
    return statement;
  };
}

export function prepareEventStatements(db: Database): EventStatements {
  const pages = new Map<Filters, (limit: number) => Statement<unknown[], SelectedRow>>();
  const counts = new Map<Filters, Statement<unknown[], number>>();
  return {
    lastVersion: db
      .prepare<[string], number>(
        'SELECT stream_version FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
      )
      .pluck(),
    insert: db.prepare(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamForwards: byLimit<[string, number]>(
      db,
      (limit) =>
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ?
         ORDER BY stream_version LIMIT ${limit}`,
    ),
    streamBackwards: byLimit<[string, number]>(
      db,
      (limit) =>
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND stream_version <= ?
         ORDER BY stream_version DESC LIMIT ${limit}`,
    ),
    head: db.prepare<[], number | null>('SELECT max(position) FROM events').pluck(),
    globalPage(filter, limit) {
      const shape = filterShape(filter);
      let page = pages.get(shape);
      if (page === undefined) {
        page = byLimit<unknown[]>(
          db,
          (rows: number) =>
            `SELECT ${COLUMNS} FROM events
             WHERE position > ? AND position <= ? ${filterSql(shape)}
             ORDER BY position LIMIT ${rows}`,
        );
        pages.set(shape, page);
      }
      return page(limit);
    },
    globalCount(filter) {
      const shape = filterShape(filter);
      let statement = counts.get(shape);
      if (statement === undefined) {
        statement = db
          .prepare<unknown[], number>(
            `SELECT count(*) FROM events WHERE position > ? ${filterSql(shape)}`,
          )
          .pluck();
        counts.set(shape, statement);
      }
      return statement;
    },
  };
}

/**
 * Turns a row into an event, parsing its JSON. A row that does not parse, or whose metadata is not
 * an event's (e.g. the JSON `42`, written behind the store's back), is reported, never handed out.
 */
export function decodeRow(row: SelectedRow): StoredEvent {
  let data: unknown;
  let metadata: unknown;
  try {
    data = JSON.parse(row[6]);
    metadata = JSON.parse(row[7]);
  } catch (error) {
    throw new CorruptedEventError(
      row[1],
      row[2],
      'unreadable',
      `the stored JSON at position ${positionOf(row[0])} does not parse`,
      { cause: error },
    );
  }
  const problem = storedMetadataProblem(metadata);
  if (problem !== undefined) {
    throw new CorruptedEventError(
      row[1],
      row[2],
      'unreadable',
      `the stored metadata at position ${positionOf(row[0])} is not an event's: ${problem}`,
    );
  }
  return {
    id: row[3],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[1],
    streamVersion: row[2],
    position: positionOf(row[0]),
    data,
    metadata: metadata as StoredEvent['metadata'],
  };
}

/** The rowid behind an event's position. */
export const rowidOfRow = (event: StoredEvent): number => Number(event.position);
