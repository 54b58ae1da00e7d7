// Reading a stream and the global log in pages. Each page is one short read, so no statement
// stays open while the consumer awaits (better-sqlite3 forbids other statements on a connection
// with an open iterator) and memory stays flat on any history size. A read returns the log as it
// was when the read started: later appends have higher positions and versions, beyond its bound.
import {
  StreamNotFoundError,
  ValidationError,
  checkGlobalReadOptions,
  checkStreamReadOptions,
  type GlobalFilter,
  type Position,
  type PullEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from '@gridledger/core/store';
import type { SqliteConnection } from './connection.js';
import {
  decodeRow,
  filterArgs,
  rowidOfRow,
  type SelectedRow,
  type EventStatements,
} from './eventRows.js';
import { rowidOf } from './position.js';

/** Rows per page: large enough that per-page overhead vanishes, small enough to stay flat. */
export const PAGE_SIZE = 512;

/**
 * Checks global-read options and where to start. `after` must be a position of this file at or
 * before its head: one beyond it was issued by another store (or a file restored from an older
 * backup), and reading on from it would silently skip events.
 */
export function startOfGlobalRead(
  connection: SqliteConnection,
  statements: EventStatements,
  options: GlobalFilter & { readonly after?: Position; readonly limit?: number },
  subject: string,
): { after: number; head: number; limit: number } {
  checkGlobalReadOptions(options, subject);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const after = rowidOf(options.after, 'after', subject);
  const head = connection.use(subject, () => statements.head.get()) ?? 0;
  if (after > head) {
    throw new ValidationError(subject, [
      {
        path: 'after',
        message: `position ${String(options.after)} is beyond the end of the log (${head} events); it was not issued by this file`,
      },
    ]);
  }
  return { after, head, limit };
}

/** Pulls rows page by page: `fetch(size)` returns the next page, or fewer rows at the end. */
function pager(
  fetch: (size: number) => SelectedRow[],
  limit: number,
  onPage: (last: StoredEvent) => void,
): PullEvent {
  let rows: SelectedRow[] = [];
  let index = 0;
  let remaining = limit;
  let exhausted = remaining === 0;
  return () => {
    if (index === rows.length) {
      if (exhausted) return undefined;
      const size = Math.min(PAGE_SIZE, remaining);
      rows = fetch(size);
      index = 0;
      remaining -= rows.length;
      exhausted = rows.length < size || remaining === 0;
      if (rows.length === 0) return undefined;
    }
    const event = decodeRow(rows[index++] as SelectedRow);
    if (index === rows.length) onPage(event);
    return event;
  };
}

/** Opens a read of the global log as it is now: later appends are beyond its bound. */
export function pullAll(
  connection: SqliteConnection,
  statements: EventStatements,
  options: ReadAllOptions = {},
): PullEvent {
  const subject = 'read of the global log';
  const start = startOfGlobalRead(connection, statements, options, subject);
  const { head } = start;
  let { after } = start;
  const args = filterArgs(options);
  return pager(
    (size) =>
      after >= head
        ? []
        : connection.use(subject, () =>
            statements.globalPage(options, size).all(after, head, ...args),
          ),
    start.limit,
    (last) => (after = rowidOfRow(last)),
  );
}

/**
 * Opens a read of one stream as it is now. The first page is read at once, and is most reads
 * whole (a stream's head before an append, a load): only when it finds nothing is the stream's
 * existence asked separately, and only when it is full is the stream's last version asked, to
 * bound later pages forwards (backwards pages only go down).
 */
export function pullStream(
  connection: SqliteConnection,
  statements: EventStatements,
  streamId: string,
  options: ReadStreamOptions = {},
): PullEvent {
  checkStreamReadOptions(options, streamId);
  const doing = `read stream '${streamId}'`;
  const forwards = options.direction !== 'backwards';
  const statement = forwards ? statements.streamForwards : statements.streamBackwards;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let cursor = forwards ? (options.fromVersion ?? 0) : (options.fromVersion ?? MAX_VERSION);
  const firstSize = Math.min(PAGE_SIZE, limit);
  let first: SelectedRow[] | undefined =
    firstSize === 0 ? [] : connection.use(doing, () => statement(firstSize).all(streamId, cursor));
  let last = MAX_VERSION;
  if (first.length === 0 || (forwards && first.length === firstSize && firstSize < limit)) {
    const found = connection.use(doing, () => statements.lastVersion.get(streamId));
    if (found === undefined) throw new StreamNotFoundError(streamId);
    last = found;
  }
  return pager(
    (size) => {
      if (first !== undefined) {
        const page = first;
        first = undefined;
        return page;
      }
      const left = forwards ? last - cursor + 1 : cursor + 1;
      if (left <= 0) return [];
      return connection.use(doing, () => statement(Math.min(size, left)).all(streamId, cursor));
    },
    limit,
    (event) => (cursor = forwards ? event.streamVersion + 1 : event.streamVersion - 1),
  );
}

/** Above any stream version: a read from it starts at the stream's end. */
const MAX_VERSION = Number.MAX_SAFE_INTEGER;

export function countEvents(
  connection: SqliteConnection,
  statements: EventStatements,
  options: ReadAllOptions = {},
): number {
  const subject = 'count of the global log';
  const { after, limit } = startOfGlobalRead(connection, statements, options, subject);
  const count = connection.use(subject, () =>
    statements.globalCount(options).get(after, ...filterArgs(options)),
  );
  return Math.min(count ?? 0, limit);
}
