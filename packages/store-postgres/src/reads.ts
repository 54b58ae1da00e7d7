// Reading a stream and the global log in pages by key (never OFFSET), so the cost per event stays
// flat on any history size and memory holds at most two pages: while the caller works through
// one, the next is already on its way. No connection stays checked out between pages.
import {
  StreamNotFoundError,
  ValidationError,
  checkStreamReadOptions,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from '@gridledger/core/store';
import { checkGlobalFilter, checkName } from './checks.js';
import type { PostgresConnection } from './connection.js';
import { decodeRow, NO_BOUND, type EventStatements, type SelectedRow } from './eventRows.js';
import { positionNumberOf } from './position.js';

/** Rows per page: large enough that a round trip per page vanishes, small enough to stay flat. */
export const PAGE_SIZE = 1000;

/** The largest stream version a PostgreSQL integer holds. */
const MAX_VERSION = 2 ** 31 - 1;

/** Fetches the page after `last` (the previous page's last row, or undefined for the first). */
type FetchPage = (last: SelectedRow | undefined, size: number) => Promise<SelectedRow[]>;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * An async iterable over pages, fetching the next page as soon as a full one arrives. Hand-rolled
 * rather than an async generator: a row already fetched is handed over in one settled promise.
 */
function pagedRead(open: () => Promise<FetchPage>, limit: number): AsyncIterable<StoredEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<StoredEvent, undefined> {
      let fetchPage: FetchPage | undefined;
      let rows: SelectedRow[] = [];
      let index = 0;
      let remaining = limit;
      let pending: Promise<SelectedRow[]> | undefined;
      let finished = false;

      const request = (last: SelectedRow | undefined): Promise<SelectedRow[]> => {
        const size = Math.min(PAGE_SIZE, remaining);
        const page = fetchPage!(last, size).then((found) => {
          remaining -= found.length;
          // A short page is the end; a full one sends for the next at once.
          pending =
            found.length === size && remaining > 0 ? request(found[found.length - 1]) : undefined;
          return found;
        });
        // Marked handled: a read abandoned with a page in flight must not warn of a rejection.
        page.catch(() => undefined);
        return page;
      };

      const nextPage = async (): Promise<IteratorResult<StoredEvent, undefined>> => {
        try {
          if (fetchPage === undefined) {
            fetchPage = await open();
            pending = remaining > 0 ? request(undefined) : undefined;
          }
          if (pending === undefined) {
            finished = true;
            return DONE;
          }
          rows = await pending;
          index = 0;
          if (rows.length === 0) {
            finished = true;
            return DONE;
          }
          return { done: false, value: decodeRow(rows[index++]!) };
        } catch (error) {
          finished = true;
          throw error;
        }
      };

      return {
        next(): Promise<IteratorResult<StoredEvent, undefined>> {
          if (finished) return Promise.resolve(DONE);
          if (index < rows.length) {
            try {
              return Promise.resolve({ done: false, value: decodeRow(rows[index++]!) });
            } catch (error) {
              finished = true;
              // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
              return Promise.reject(error);
            }
          }
          return nextPage();
        },
        return(): Promise<IteratorResult<StoredEvent, undefined>> {
          finished = true;
          return Promise.resolve(DONE);
        },
      };
    },
  };
}

const limitOf = (limit: number | undefined): number => limit ?? Number.POSITIVE_INFINITY;

async function headOf(connection: PostgresConnection, statements: EventStatements, doing: string) {
  const [row] = await connection.query<[string]>(doing, statements.head());
  return row?.[0] ?? '0';
}

/** Refuses a position beyond the head: it was issued by another store, and reading on would skip. */
export function checkAfterHead(
  after: string,
  head: string,
  raw: Position | undefined,
  subject: string,
) {
  if (BigInt(after) > BigInt(head)) {
    throw new ValidationError(subject, [
      {
        path: 'after',
        message: `position ${String(raw)} is beyond the end of the log (${head} events); it was not issued by this store`,
      },
    ]);
  }
}

export function readAll(
  connection: PostgresConnection,
  statements: EventStatements,
  options: ReadAllOptions = {},
): AsyncIterable<StoredEvent> {
  const subject = 'read of the global log';
  return pagedRead(async () => {
    checkGlobalFilter(options, subject);
    const after = positionNumberOf(options.after, subject);
    // With limit 0 no page is read, but a position beyond the log is still refused.
    if (options.limit === 0 && after !== '0') {
      checkAfterHead(after, await headOf(connection, statements, subject), options.after, subject);
    }
    let upTo: string | undefined;
    return async (last, size) => {
      // The first page needs no bound of its own; a long read stops where the log ended when
      // its second page was asked for, so a busy log cannot keep it going for ever.
      if (last !== undefined) upTo ??= await headOf(connection, statements, subject);
      const from = last?.[0] ?? after;
      const rows = await connection.query<SelectedRow>(
        subject,
        statements.globalPage(options, from, upTo ?? NO_BOUND, size),
      );
      if (last === undefined && rows.length === 0 && after !== '0') {
        checkAfterHead(
          after,
          await headOf(connection, statements, subject),
          options.after,
          subject,
        );
      }
      return rows;
    };
  }, limitOf(options.limit));
}

export function readStream(
  connection: PostgresConnection,
  statements: EventStatements,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncIterable<StoredEvent> {
  return pagedRead(async () => {
    checkStreamReadOptions(options, streamId);
    const issues: Parameters<typeof checkName>[2] = [];
    checkName(streamId, 'streamId', issues);
    if (issues.length > 0)
      throw new ValidationError(`read of stream '${String(streamId)}'`, issues);
    const doing = `read stream '${streamId}'`;
    const forwards = options.direction !== 'backwards';
    const from = Math.min(options.fromVersion ?? (forwards ? 0 : MAX_VERSION), MAX_VERSION);
    // With limit 0 no page is read, but a missing stream is still reported.
    if (
      options.limit === 0 &&
      (await lastVersion(connection, statements, streamId, doing)) === undefined
    ) {
      throw new StreamNotFoundError(streamId);
    }
    let upTo: number | undefined;
    return async (last, size) => {
      if (forwards && last !== undefined) {
        upTo ??= (await lastVersion(connection, statements, streamId, doing)) ?? -1;
      }
      const cursor = last === undefined ? from : last[2] + (forwards ? 1 : -1);
      const rows = await connection.query<SelectedRow>(
        doing,
        statements.streamPage(streamId, forwards, cursor, upTo ?? MAX_VERSION, size),
      );
      // Backwards from any version ≥ 0 finds version 0 when the stream exists; forwards may
      // start beyond its end, so only an empty first page asks whether it exists at all.
      if (last === undefined && rows.length === 0) {
        if (
          !forwards ||
          (await lastVersion(connection, statements, streamId, doing)) === undefined
        ) {
          throw new StreamNotFoundError(streamId);
        }
      }
      return rows;
    };
  }, limitOf(options.limit));
}

async function lastVersion(
  connection: PostgresConnection,
  statements: EventStatements,
  streamId: string,
  doing: string,
): Promise<number | undefined> {
  const [row] = await connection.query<[number | null]>(doing, statements.lastVersion(streamId));
  return row?.[0] ?? undefined;
}

export async function countEvents(
  connection: PostgresConnection,
  statements: EventStatements,
  options: ReadAllOptions = {},
): Promise<number> {
  const subject = 'count of the global log';
  checkGlobalFilter(options, subject);
  const after = positionNumberOf(options.after, subject);
  const [row] = await connection.query<[string, string | null]>(
    subject,
    statements.count(options, after),
  );
  const head = row?.[0] ?? '0';
  checkAfterHead(after, head, options.after, subject);
  // Positions are gap-free, so an unfiltered count is a subtraction.
  const count = row?.[1] ?? String(BigInt(head) - BigInt(after));
  return Math.min(Number(count), limitOf(options.limit));
}
