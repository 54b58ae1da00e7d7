// The EventStore port over one PostgreSQL store.
import type { EventStore, Subscription } from '@gridledger/core';
import { appendEvents } from './append.js';
import type { PostgresConnection } from './connection.js';
import { eventStatements } from './eventRows.js';
import { countEvents, readAll, readStream } from './reads.js';
import { subscribe, type SubscriptionHost } from './subscription.js';

/** An EventStore on its own lease of an open store; closing it ends the lease. */
export function createEventStore(connection: PostgresConnection): EventStore {
  const statements = eventStatements(connection.schema);
  const open = new Set<Subscription>();
  const host: SubscriptionHost = { connection, statements, open };
  let closed = false;

  return {
    name: connection.name,
    append: (streamId, events, options) =>
      appendEvents(connection, statements, { streamId, events, options }),
    readStream: (streamId, options) => readStream(connection, statements, streamId, options),
    readAll: (options) => readAll(connection, statements, options),
    subscribe: (options) => subscribe(host, options),
    countEvents: (options) => countEvents(connection, statements, options),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...open].map((subscription) => subscription.close()));
      await connection.release();
    },
  };
}
