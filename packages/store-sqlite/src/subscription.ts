// Catch-up then live: reads the global log page by page from a position, and when it runs dry,
// parks on the change feed until this process commits or another process's commit is polled.
import type { StoredEvent, SubscribeOptions, Subscription } from '@gridledger/core/store';
import type { SqliteConnection } from './connection.js';
import { decodeRow, filterArgs, rowidOfRow, type EventStatements } from './eventRows.js';
import { PAGE_SIZE, startOfGlobalRead } from './reads.js';

export interface SubscriptionHost {
  readonly connection: SqliteConnection;
  readonly statements: EventStatements;
  /** Subscriptions the store must end when it closes. */
  readonly open: Set<{ close(): Promise<void> }>;
}

export function subscribe(host: SubscriptionHost, options: SubscribeOptions = {}): Subscription {
  const { connection, statements } = host;
  let closed = false;
  let wakeSelf: (() => void) | undefined;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    host.open.delete(subscription);
    options.signal?.removeEventListener('abort', onAbort);
    wakeSelf?.();
  };
  const onAbort = (): void => void close();

  async function* events(): AsyncGenerator<StoredEvent, void, undefined> {
    try {
      let { after } = startOfGlobalRead(connection, statements, options, 'subscription');
      const statement = statements.globalPage(options, PAGE_SIZE);
      const args = filterArgs(options);
      while (!closed) {
        // The mark is taken before the read, so a commit landing just after it is not missed.
        const mark = connection.use('subscribe', () => connection.changes.mark());
        const rows = connection.use('read the global log', () =>
          statement.all(after, Number.MAX_SAFE_INTEGER, ...args),
        );
        for (const row of rows) {
          if (closed) return;
          const event = decodeRow(row);
          after = rowidOfRow(event);
          yield event;
        }
        // Park only right after an empty read, in the same synchronous step as the mark: a
        // commit made while the consumer held an event is then found by reading again.
        if (rows.length > 0 || closed) continue;
        await new Promise<void>((resolve) => {
          const waiter = { mark, wake: resolve };
          wakeSelf = () => {
            connection.changes.unpark(waiter);
            resolve();
          };
          connection.changes.park(waiter);
        });
        wakeSelf = undefined;
        // A closed store ends its subscriptions quietly, as close() does.
        if (!connection.isOpen) return;
      }
    } finally {
      await close();
    }
  }

  const iterator = events();
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => iterator,
    close,
  };
  if (options.signal?.aborted) void close();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  host.open.add(subscription);
  return subscription;
}
