// The prepared statements of the event log and the one place a row becomes a StoredEvent.
import type { Database, Statement } from 'better-sqlite3';
import { CorruptedEventError, type GlobalFilter, type StoredEvent } from '@gridledger/core';
import { POSITION_SQL } from './position.js';

/**
 * A row as selected: already named like StoredEvent, with `data` and `metadata` still JSON text.
 * Decoding parses them in place, so reading an event allocates the row and its parsed JSON only.
 */
interface EventRowOut {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  position: string;
  data: unknown;
  metadata: unknown;
}

// `events.position` is qualified wherever it means the column, because the selected
// `position` (the padded text) would otherwise shadow it in ORDER BY.
const COLUMNS = `event_id AS id, type, schema_version AS schemaVersion, stream_id AS streamId,
  stream_version AS streamVersion, ${POSITION_SQL} AS position, data, metadata`;

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
  readonly streamForwards: Statement<[string, number, number], EventRowOut>;
  readonly streamBackwards: Statement<[string, number, number], EventRowOut>;
  /** The last position written, or null for an empty log. */
  readonly head: Statement<[], number | null>;
  /** `position > ?`, `position <= ?`, filters, `LIMIT ?`. */
  globalPage(filter: GlobalFilter): Statement<unknown[], EventRowOut>;
  /** Count of `position > ?` and filters. */
  globalCount(filter: GlobalFilter): Statement<unknown[], number>;
}

export function prepareEventStatements(db: Database): EventStatements {
  const pages = new Map<Filters, Statement<unknown[], EventRowOut>>();
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
    streamForwards: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ?
       ORDER BY stream_version LIMIT ?`,
    ),
    streamBackwards: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND stream_version <= ?
       ORDER BY stream_version DESC LIMIT ?`,
    ),
    head: db.prepare<[], number | null>('SELECT max(position) FROM events').pluck(),
    globalPage(filter) {
      const shape = filterShape(filter);
      let statement = pages.get(shape);
      if (statement === undefined) {
        statement = db.prepare(
          `SELECT ${COLUMNS} FROM events
           WHERE events.position > ? AND events.position <= ? ${filterSql(shape)}
           ORDER BY events.position LIMIT ?`,
        );
        pages.set(shape, statement);
      }
      return statement;
    },
    globalCount(filter) {
      const shape = filterShape(filter);
      let statement = counts.get(shape);
      if (statement === undefined) {
        statement = db
          .prepare<unknown[], number>(
            `SELECT count(*) FROM events WHERE events.position > ? ${filterSql(shape)}`,
          )
          .pluck();
        counts.set(shape, statement);
      }
      return statement;
    },
  };
}

/** Parses a row's JSON in place; a row that does not parse is reported, never skipped. */
export function decodeRow(row: EventRowOut): StoredEvent {
  try {
    row.data = JSON.parse(row.data as string);
    row.metadata = JSON.parse(row.metadata as string);
  } catch (error) {
    throw new CorruptedEventError(
      row.streamId,
      row.streamVersion,
      'unreadable',
      `the stored JSON at position ${row.position} does not parse`,
      { cause: error },
    );
  }
  return row as unknown as StoredEvent;
}

/** The rowid behind a row's padded position text. */
export const rowidOfRow = (row: StoredEvent): number => Number(row.position);
