// Appending to one stream: one IMMEDIATE transaction per append, so all its events land or none.
//
// Why the global position is gap-free in commit order and never given twice: `position` is an
// AUTOINCREMENT rowid, so SQLite numbers a new row one past the largest position the file has
// ever held (kept in sqlite_sequence, even after that row is deleted: a read model's checkpoint
// can never come to name a different event). BEGIN IMMEDIATE takes the file's single write lock
// before the version check and holds it until COMMIT, so appends from every connection and
// process run one after another: each sees the previous one's rows and numbers its own after
// them, and a rolled-back append leaves no number behind (sqlite_sequence rolls back with it). So
// a reader that has seen position n has seen every commit numbered below n — resuming after a
// checkpoint can never skip an event that committed later with a lower number.
import {
  ConcurrencyConflictError,
  assertExpectedVersion,
  type AppendResult,
  type ExpectedVersion,
  type Position,
} from '@gridledger/core/store';
import type { Transaction } from 'better-sqlite3';
import { prepareAppend, type EventRow } from './appendInput.js';
import { assertWritable, type SqliteConnection } from './connection.js';
import { isUniqueViolation } from './errors.js';
import type { EventStatements } from './eventRows.js';
import { positionOf } from './position.js';

type AppendTransaction = Transaction<
  (streamId: string, rows: readonly EventRow[], expected: ExpectedVersion) => AppendResult
>;

export function prepareAppendTransaction(
  connection: SqliteConnection,
  statements: EventStatements,
): AppendTransaction {
  const { lastVersion, insert } = statements;
  return connection.db.transaction(
    (streamId: string, rows: readonly EventRow[], expected: ExpectedVersion): AppendResult => {
      const last = lastVersion.get(streamId);
      assertExpectedVersion(streamId, expected, last);
      let version = last ?? -1;
      // Rows of one append get consecutive positions, so every position is known without a read.
      const positions: Position[] = [];
      for (const row of rows) {
        version++;
        const { lastInsertRowid } = insert.run(
          streamId,
          version,
          row.id,
          row.type,
          row.schemaVersion,
          row.data,
          row.metadata,
        );
        positions.push(positionOf(lastInsertRowid));
      }
      return {
        streamVersion: version,
        position: positions[positions.length - 1] as Position,
        positions,
      };
    },
  );
}

export function appendEvents(
  connection: SqliteConnection,
  statements: EventStatements,
  transaction: AppendTransaction,
  streamIdGiven: unknown,
  events: unknown,
  options: unknown,
): AppendResult {
  const { streamId, rows, expectedVersion } = prepareAppend(streamIdGiven, events, options);
  const doing = `append to stream '${streamId}'`;
  assertWritable(connection, doing);
  const result = connection.use(doing, () => {
    try {
      return transaction.immediate(streamId, rows, expectedVersion);
    } catch (error) {
      // Unreachable while every writer takes the lock before its check; kept so that a writer
      // that does not (another tool on the same file) still yields a conflict, never a duplicate.
      if (!isUniqueViolation(error)) throw error;
      const actual = statements.lastVersion.get(streamId);
      throw new ConcurrencyConflictError(streamId, expectedVersion, actual ?? 'no-stream', {
        cause: error,
      });
    }
  });
  connection.committed();
  return result;
}
