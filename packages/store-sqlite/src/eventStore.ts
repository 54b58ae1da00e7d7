// The EventStore port over one SQLite connection.
import { syncRead, type EventStore, type Subscription } from '@gridledger/core/store';
import { appendEvents, prepareAppendTransaction } from './append.js';
import type { SqliteConnection } from './connection.js';
import { prepareEventStatements } from './eventRows.js';
import { countEvents, pullAll, pullStream } from './reads.js';
import { subscribe, type SubscriptionHost } from './subscription.js';

/** An EventStore on its own lease of an open file; closing it ends the lease. */
export function createEventStore(connection: SqliteConnection): EventStore {
  const statements = connection.use('prepare the event log', (db) => prepareEventStatements(db));
  const transaction = prepareAppendTransaction(connection, statements);
  const open = new Set<Subscription>();
  const host: SubscriptionHost = { connection, statements, open };
  let closed = false;

  return {
    name: `sqlite:${connection.file}`,
    async append(streamId, events, options) {
      return appendEvents(connection, statements, transaction, streamId, events, options);
    },
    // better-sqlite3 answers at once: reads can be opened and pulled without waiting, a page at
    // a time (see SyncRead).
    readStream: (streamId, options) =>
      syncRead(() => pullStream(connection, statements, streamId, options)),
    readAll: (options) => syncRead(() => pullAll(connection, statements, options)),
    subscribe: (options) => subscribe(host, options),
    async countEvents(options) {
      return countEvents(connection, statements, options);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...open].map((subscription) => subscription.close()));
      connection.release();
    },
  };
}
