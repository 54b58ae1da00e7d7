// Reading a stream and the global log in pages by key (never OFFSET), so the cost per event stays
// flat on any history size. No connection stays checked out between pages.
import {
  StreamNotFoundError,
  ValidationError,
  checkGlobalReadOptions,
  checkStreamReadOptions,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from '@gridledger/core/store';
import type { PostgresConnection } from './connection.js';
import { NO_BOUND, type EventStatements, type SelectedRow } from './eventRows.js';
import { pagedRead } from './pagedRead.js';
import { positionNumberOf } from './position.js';

/** The largest stream version a PostgreSQL integer holds. */
const MAX_VERSION = 2 ** 31 - 1;

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
    checkGlobalReadOptions(options, subject);
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
  checkGlobalReadOptions(options, subject);
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
