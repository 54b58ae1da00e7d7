// Appending to one stream: one call of the schema's `append_events` function, one transaction,
// one round trip, so all the events land or none do.
//
// Why a reader can never skip past an event: every append first locks the single `log_head`
// row (SELECT … FOR UPDATE) and keeps the lock until it commits. Appends from every connection
// and process therefore run one after another: each reads the head the previous one committed,
// numbers its events after it, and only then lets the next one in; a rolled-back append leaves
// no number behind. Since an append becomes visible before the next one can take the lock, the
// committed positions are always exactly 1…head, with no hole for a slower transaction to fill
// later. A reader that has seen position n has seen everything numbered below n, and resuming
// after any checkpoint never misses an event committed later with a lower number. The cost — no
// two appends commit at once — is measured in docs/decisions/010.
import { ConcurrencyConflictError, type AppendResult, type Position } from '@gridledger/core';
import { prepareAppend } from './checks.js';
import { assertWritable, type PostgresConnection } from './connection.js';
import { isPostgresUnavailable, PostgresUnavailableError, UNIQUE_VIOLATION } from './errors.js';
import type { EventStatements } from './eventRows.js';
import { positionOf } from './position.js';

type AppendRow = [appended: boolean, lastVersion: number, lastPosition: string];

export async function appendEvents(
  connection: PostgresConnection,
  statements: EventStatements,
  input: { readonly streamId: unknown; readonly events: unknown; readonly options: unknown },
): Promise<AppendResult> {
  const { streamId, rows, expected, expectedVersion } = prepareAppend(
    input.streamId,
    input.events,
    input.options,
  );
  const doing = `append to stream '${streamId}'`;
  assertWritable(connection, doing);
  let result: AppendRow | undefined;
  try {
    [result] = await connection.query<AppendRow>(
      doing,
      statements.append([
        streamId,
        expected,
        rows.ids,
        rows.types,
        rows.schemaVersions,
        rows.data,
        rows.metadata,
      ]),
    );
  } catch (error) {
    // Unreachable while every writer goes through append_events and its lock; kept so that a
    // writer that does not (another tool on the same tables) yields a conflict, never a duplicate.
    if (!isPostgresUnavailable(error) || error.sqlstate !== UNIQUE_VIOLATION) throw error;
    const [last] = await connection.query<[number | null]>(doing, statements.lastVersion(streamId));
    throw new ConcurrencyConflictError(streamId, expectedVersion, last?.[0] ?? 'no-stream', {
      cause: error,
    });
  }
  if (result === undefined) {
    throw new PostgresUnavailableError(connection.name, 'driver', `cannot ${doing}: no result`);
  }
  const [appended, lastVersion, lastPosition] = result;
  if (!appended) {
    throw new ConcurrencyConflictError(
      streamId,
      expectedVersion,
      lastVersion === -1 ? 'no-stream' : lastVersion,
    );
  }
  // The events of one append have consecutive positions, so every one is known without a read.
  const count = rows.ids.length;
  const last = BigInt(lastPosition);
  const positions: Position[] = [];
  for (let i = count - 1; i >= 0; i--) positions.push(positionOf(String(last - BigInt(i))));
  return { streamVersion: lastVersion, position: positionOf(lastPosition), positions };
}
