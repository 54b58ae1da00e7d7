// Claims a read model for one projection runner across processes: a session-level advisory lock
// held on a connection of its own. If that connection drops, PostgreSQL releases the lock and the
// claim reports itself lost, so another worker can take over; nothing is left locked behind a
// crashed process.
import type { ReadModelClaim } from '@gridledger/core';
import type { PostgresConnection } from './connection.js';
import { PostgresUnavailableError, toStoreError } from './errors.js';

export async function claimReadModel(
  connection: PostgresConnection,
  name: string,
): Promise<ReadModelClaim | undefined> {
  const doing = `claim read model '${name}'`;
  if (!connection.isOpen) {
    throw new PostgresUnavailableError(
      connection.name,
      'closed',
      `cannot ${doing}: the store is closed`,
    );
  }
  const client = connection.dedicatedClient();
  const controller = new AbortController();
  let ended = false;
  const end = async (): Promise<void> => {
    ended = true;
    // Ending the session releases its advisory locks.
    await client.end().catch(() => undefined);
  };
  const lost = (error?: unknown): void => {
    if (ended || controller.signal.aborted) return;
    controller.abort(
      new PostgresUnavailableError(
        connection.name,
        'connection-lost',
        `the claim on read model '${name}' was lost with its connection`,
        { cause: error },
      ),
    );
  };
  client.on('error', lost);
  client.on('end', () => lost());
  try {
    await client.connect();
  } catch (error) {
    await end();
    throw toStoreError(connection.name, error, doing, 'connect');
  }
  try {
    // One 64-bit key per schema and read model; the two-key form used by migrations is apart.
    const { rows } = await client.query<{ claimed: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS claimed',
      [`gridledger:${connection.schema}:${name}`],
    );
    if (rows[0]?.claimed !== true) {
      await end();
      return undefined;
    }
  } catch (error) {
    await end();
    throw toStoreError(connection.name, error, doing, 'query');
  }
  return { lost: controller.signal, release: end };
}
