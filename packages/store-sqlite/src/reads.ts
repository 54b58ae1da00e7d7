// Reading a stream and the global log in pages. Each page is one short read, so no statement
// stays open while the consumer awaits (better-sqlite3 forbids other statements on a connection
// with an open iterator) and memory stays flat on any history size. A read returns the log as it
// was when the read started: later appends have higher positions and versions, beyond its bound.
import {
  StreamNotFoundError,
  ValidationError,
  type GlobalFilter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type ValidationIssue,
} from '@gridledger/core';
import type { SqliteConnection } from './connection.js';
import {
  decodeRow,
  filterArgs,
  rowidOfRow,
  type SelectedRow,
  type EventStatements,
} from './eventRows.js';
import { pullIterable, type PullEvent as Pull } from '@gridledger/core';
import { rowidOf } from './position.js';

/** Rows per page: large enough that per-page overhead vanishes, small enough to stay flat. */
export const PAGE_SIZE = 512;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

function checkLimit(limit: unknown, issues: ValidationIssue[]): number {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (isCount(limit)) return limit;
  issues.push({ path: 'limit', message: `must be a whole number ≥ 0, got ${show(limit)}` });
  return 0;
}

function checkFilter(filter: GlobalFilter, issues: ValidationIssue[]): void {
  const types: unknown = filter.types;
  if (
    types !== undefined &&
    !(Array.isArray(types) && types.every((type) => typeof type === 'string'))
  ) {
    issues.push({ path: 'types', message: 'must be an array of event type names' });
  }
  const prefix: unknown = filter.streamPrefix;
  if (prefix !== undefined && typeof prefix !== 'string') {
    issues.push({ path: 'streamPrefix', message: 'must be a string' });
  }
}

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
  const issues: ValidationIssue[] = [];
  const limit = checkLimit(options.limit, issues);
  checkFilter(options, issues);
  let after = 0;
  try {
    after = rowidOf(options.after, 'after');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  const head = issues.length > 0 ? 0 : (connection.use(subject, () => statements.head.get()) ?? 0);
  if (issues.length === 0 && after > head) {
    issues.push({
      path: 'after',
      message: `position ${String(options.after)} is beyond the end of the log (${head} events); it was not issued by this file`,
    });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { after, head, limit };
}

/** Pulls rows page by page: `fetch(size)` returns the next page, or fewer rows at the end. */
function pager(
  fetch: (size: number) => SelectedRow[],
  limit: number,
  onPage: (last: StoredEvent) => void,
): Pull {
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

export function readAll(
  connection: SqliteConnection,
  statements: EventStatements,
  options: ReadAllOptions = {},
): AsyncIterable<StoredEvent> {
  return pullIterable(() => {
    const subject = 'read of the global log';
    const start = startOfGlobalRead(connection, statements, options, subject);
    const { head } = start;
    let { after } = start;
    const statement = statements.globalPage(options);
    const args = filterArgs(options);
    return pager(
      (size) =>
        after >= head
          ? []
          : connection.use(subject, () => statement.all(after, head, ...args, size)),
      start.limit,
      (last) => (after = rowidOfRow(last)),
    );
  });
}

function checkStreamRead(streamId: string, options: ReadStreamOptions): number {
  const issues: ValidationIssue[] = [];
  if (typeof streamId !== 'string' || streamId === '') {
    issues.push({ path: 'streamId', message: 'must be a non-empty string' });
  }
  const direction: unknown = options.direction;
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    issues.push({
      path: 'direction',
      message: `must be 'forwards' or 'backwards', got ${show(direction)}`,
    });
  }
  if (options.fromVersion !== undefined && !isCount(options.fromVersion)) {
    issues.push({
      path: 'fromVersion',
      message: `must be a version ≥ 0, got ${show(options.fromVersion)}`,
    });
  }
  const limit = checkLimit(options.limit, issues);
  if (issues.length > 0) throw new ValidationError(`read of stream '${String(streamId)}'`, issues);
  return limit;
}

export function readStream(
  connection: SqliteConnection,
  statements: EventStatements,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncIterable<StoredEvent> {
  return pullIterable(() => {
    const limit = checkStreamRead(streamId, options);
    const doing = `read stream '${streamId}'`;
    const last = connection.use(doing, () => statements.lastVersion.get(streamId));
    if (last === undefined) throw new StreamNotFoundError(streamId);
    const forwards = options.direction !== 'backwards';
    const statement = forwards ? statements.streamForwards : statements.streamBackwards;
    // Forwards stops at the last version seen now; backwards starts there.
    let cursor = forwards
      ? (options.fromVersion ?? 0)
      : Math.min(options.fromVersion ?? last, last);
    return pager(
      (size) => {
        const left = forwards ? last - cursor + 1 : cursor + 1;
        if (left <= 0) return [];
        return connection.use(doing, () => statement.all(streamId, cursor, Math.min(size, left)));
      },
      limit,
      (event) => (cursor = forwards ? event.streamVersion + 1 : event.streamVersion - 1),
    );
  });
}

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
