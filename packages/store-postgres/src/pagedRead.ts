// Reading in pages by key, as an async iterable: the next page is asked for as soon as a full one
// arrives, so the caller works through one page while the next is on its way, and memory holds
// at most two.
import type { StoredEvent } from '@gridledger/core';
import { decodeRow, type SelectedRow } from './eventRows.js';

/** Rows per page: large enough that a round trip per page vanishes, small enough to stay flat. */
export const PAGE_SIZE = 1000;

/** Fetches the page after `last` (the previous page's last row, or undefined for the first). */
export type FetchPage = (last: SelectedRow | undefined, size: number) => Promise<SelectedRow[]>;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * An async iterable over pages, fetching the next page as soon as a full one arrives. Hand-rolled
 * rather than an async generator: a row already fetched is handed over in one settled promise.
 */
export function pagedRead(
  open: () => Promise<FetchPage>,
  limit: number,
): AsyncIterable<StoredEvent> {
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
