// The statements of the event log, named so each pooled connection prepares them once, and the
// one place a row becomes a StoredEvent.
import { CorruptedEventError, type GlobalFilter, type StoredEvent } from '@gridledger/core';
import type { Statement } from './connection.js';
import { positionOf } from './position.js';

/** A row as selected, in array mode (node-postgres builds arrays faster than objects). */
export type SelectedRow = [
  position: string,
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

/** The largest bigint: an upper bound that is no bound. */
export const NO_BOUND = '9223372036854775807';

type Shape = 'none' | 'types' | 'prefix' | 'both';

function shapeOf(filter: GlobalFilter): Shape {
  const types = filter.types !== undefined;
  const prefix = filter.streamPrefix !== undefined && filter.streamPrefix !== '';
  return types ? (prefix ? 'both' : 'types') : prefix ? 'prefix' : 'none';
}

/** The filter's SQL, its parameters numbered from `first`. */
function filterSql(shape: Shape, first: number): string {
  const types = `AND type = ANY($${first}::text[])`;
  // starts_with compares characters exactly: no LIKE wildcards to escape.
  const prefix = (n: number) => `AND starts_with(stream_id, $${n})`;
  switch (shape) {
    case 'none':
      return '';
    case 'types':
      return types;
    case 'prefix':
      return prefix(first);
    case 'both':
      return `${types} ${prefix(first + 1)}`;
  }
}

function filterValues(filter: GlobalFilter): unknown[] {
  const values: unknown[] = [];
  if (filter.types !== undefined) values.push(filter.types);
  if (filter.streamPrefix !== undefined && filter.streamPrefix !== '') {
    values.push(filter.streamPrefix);
  }
  return values;
}

/** The statements of one schema. */
export function eventStatements(s: string) {
  const named = (name: string): string => `gridledger.${s}.${name}`;
  return {
    append(values: unknown[]): Statement {
      return {
        name: named('append'),
        text: `SELECT appended, last_version, last_position FROM ${s}.append_events($1, $2, $3, $4, $5, $6, $7)`,
        values,
        rowMode: 'array',
      };
    },
    /** The last position committed: the log is gap-free, so also how many events it holds. */
    head(): Statement {
      return { name: named('head'), text: `SELECT position FROM ${s}.log_head`, rowMode: 'array' };
    },
    lastVersion(streamId: string): Statement {
      return {
        name: named('last-version'),
        text: `SELECT max(stream_version) FROM ${s}.events WHERE stream_id = $1`,
        values: [streamId],
        rowMode: 'array',
      };
    },
    streamPage(
      streamId: string,
      forwards: boolean,
      from: number,
      to: number,
      size: number,
    ): Statement {
      return forwards
        ? {
            name: named('stream-forwards'),
            text: `SELECT ${COLUMNS} FROM ${s}.events
                   WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3
                   ORDER BY stream_version LIMIT $4`,
            values: [streamId, from, to, size],
            rowMode: 'array',
          }
        : {
            name: named('stream-backwards'),
            text: `SELECT ${COLUMNS} FROM ${s}.events
                   WHERE stream_id = $1 AND stream_version <= $2
                   ORDER BY stream_version DESC LIMIT $3`,
            values: [streamId, from, size],
            rowMode: 'array',
          };
    },
    /** Events with `after < position <= upTo` that match the filter, in order. */
    globalPage(filter: GlobalFilter, after: string, upTo: string, size: number): Statement {
      const shape = shapeOf(filter);
      return {
        name: named(`page-${shape}`),
        text: `SELECT ${COLUMNS} FROM ${s}.events
               WHERE position > $1 AND position <= $2 ${filterSql(shape, 4)}
               ORDER BY position LIMIT $3`,
        values: [after, upTo, size, ...filterValues(filter)],
        rowMode: 'array',
      };
    },
    /** The head, and how many events after `after` match the filter (null when unfiltered). */
    count(filter: GlobalFilter, after: string): Statement {
      const shape = shapeOf(filter);
      const counted =
        shape === 'none'
          ? 'NULL::bigint'
          : `(SELECT count(*) FROM ${s}.events WHERE position > $1 ${filterSql(shape, 2)})`;
      return {
        name: named(`count-${shape}`),
        text: `SELECT (SELECT position FROM ${s}.log_head), ${counted}`,
        values: shape === 'none' ? [] : [after, ...filterValues(filter)],
        rowMode: 'array',
      };
    },
  };
}

export type EventStatements = ReturnType<typeof eventStatements>;

/** Turns a row into an event, parsing its JSON; a row that does not parse is reported, never skipped. */
export function decodeRow(row: SelectedRow): StoredEvent {
  try {
    return {
      id: row[3],
      type: row[4],
      schemaVersion: row[5],
      streamId: row[1],
      streamVersion: row[2],
      position: positionOf(row[0]),
      data: JSON.parse(row[6]) as unknown,
      metadata: JSON.parse(row[7]) as StoredEvent['metadata'],
    };
  } catch (error) {
    throw new CorruptedEventError(
      row[1],
      row[2],
      'unreadable',
      `the stored JSON at position ${positionOf(row[0])} does not parse`,
      { cause: error },
    );
  }
}
