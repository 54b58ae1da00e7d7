// Catch-up then live: reads the global log page by page from a position, and when it runs dry,
// parks on the change feed until an append's NOTIFY (or the poll) says the log may have grown.
// A lost connection is retried from the last position delivered, so nothing is skipped or
// repeated; only when the server stays away past `reconnectTimeoutMs` does the consumer get
// the PostgresUnavailableError.
import type { StoredEvent, SubscribeOptions, Subscription } from '@gridledger/core';
import { checkGlobalReadOptions } from '@gridledger/core/store';
import type { PostgresConnection } from './connection.js';
import { isPostgresUnavailable } from './errors.js';
import { decodeRow, NO_BOUND, type EventStatements, type SelectedRow } from './eventRows.js';
import { positionNumberOf } from './position.js';
import { PAGE_SIZE } from './pagedRead.js';
import { checkAfterHead } from './reads.js';

export interface SubscriptionHost {
  readonly connection: PostgresConnection;
  readonly statements: EventStatements;
  /** Subscriptions the store must end when it closes. */
  readonly open: Set<{ close(): Promise<void> }>;
}

const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2000;

const isTransient = (error: unknown): boolean =>
  isPostgresUnavailable(error) &&
  (error.reason === 'connection-lost' || error.reason === 'unreachable');

export function subscribe(host: SubscriptionHost, options: SubscribeOptions = {}): Subscription {
  const { connection, statements } = host;
  const { changes } = connection;
  const subject = 'subscription';
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

  /** Waits for a change after `mark`, or `ms` when given; close() ends either wait at once. */
  const pause = (mark: number, ms?: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      const waiter = { mark, wake: done };
      function done(): void {
        clearTimeout(timer);
        changes.unpark(waiter);
        wakeSelf = undefined;
        resolve();
      }
      wakeSelf = done;
      if (ms === undefined) changes.park(waiter);
    });

  /** Reads a page, retrying a lost connection until the reconnect window closes. */
  async function page(after: string): Promise<SelectedRow[] | undefined> {
    let failingSince: number | undefined;
    let retryMs = FIRST_RETRY_MS;
    for (;;) {
      try {
        return await connection.query<SelectedRow>(
          subject,
          statements.globalPage(options, after, NO_BOUND, PAGE_SIZE),
        );
      } catch (error) {
        if (closed) return undefined;
        failingSince ??= Date.now();
        if (!isTransient(error) || Date.now() - failingSince >= connection.reconnectTimeoutMs) {
          throw error;
        }
        await pause(changes.mark(), retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        if (closed) return undefined;
      }
    }
  }

  async function* events(): AsyncGenerator<StoredEvent, void, undefined> {
    let attached = false;
    try {
      checkGlobalReadOptions(options, subject);
      let after = positionNumberOf(options.after, subject);
      let checked = after === '0';
      changes.attach();
      attached = true;
      while (!closed) {
        // The mark is taken before the read, so a commit landing just after it is not missed.
        const mark = changes.mark();
        const rows = await page(after);
        if (rows === undefined) return;
        if (!checked && rows.length === 0) {
          const [head] = await connection.query<[string]>(subject, statements.head());
          checkAfterHead(after, head?.[0] ?? '0', options.after, subject);
        }
        checked = true;
        for (const row of rows) {
          if (closed) return;
          const event = decodeRow(row);
          after = row[0];
          yield event;
        }
        if (rows.length === PAGE_SIZE || closed) continue;
        await pause(mark);
      }
    } catch (error) {
      // A subscription closed while a read was in flight ends quietly, as close() promises.
      if (!closed) throw error;
    } finally {
      if (attached) changes.detach();
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
