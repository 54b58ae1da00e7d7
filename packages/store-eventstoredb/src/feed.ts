// A server-filtered walk over $all through the client's catch-up subscription, which filters on
// the server with both clients (their readAll does only in the newer one). The server's
// checkpoints and its caught-up signal travel in order with the events.
import type { GlobalFilter } from '@gridledger/core';
import type { EsdbRecordedEventLike, EsdbResolvedEventLike } from './clientLike.js';
import { translateClientError } from './clientErrors.js';
import { serverFilter } from './filters.js';
import type { LogPosition } from './position.js';
import type { ReadContext } from './readContext.js';

export type FeedItem =
  | { readonly kind: 'event'; readonly record: EsdbRecordedEventLike }
  /** The server has looked at everything up to `position`. */
  | { readonly kind: 'checkpoint'; readonly position: LogPosition }
  /** The server has sent all history; what follows is live. */
  | { readonly kind: 'caught-up' };

/** A marker pushed into the client's object stream, so it sits in order among the events. */
class Marker {
  constructor(readonly item: FeedItem) {}
}

interface PushableStream {
  push(item: unknown): boolean;
  on(event: 'caughtUp', listener: () => void): unknown;
}

const isPushable = (value: unknown): value is PushableStream =>
  typeof (value as PushableStream).push === 'function' &&
  typeof (value as PushableStream).on === 'function';

export interface Feed {
  /** The next item, or undefined once the feed is closed. Client failures become typed errors. */
  next(): Promise<FeedItem | undefined>;
  close(): Promise<void>;
}

export interface FeedOptions {
  readonly filter: GlobalFilter;
  /** Start strictly after this position; from the beginning when omitted. */
  readonly after: LogPosition | undefined;
  /** Events the server looks at between checkpoints (its default is 32). */
  readonly checkpointInterval?: number;
  /** What the feed is for, in error messages. */
  readonly operation: string;
}

export function openFeed(context: ReadContext, options: FeedOptions): Feed {
  let closed = false;
  let signalClosed!: () => void;
  const closing = new Promise<undefined>((resolve) => (signalClosed = () => resolve(undefined)));
  const subscription = context.client.subscribeToAll({
    fromPosition: options.after ?? 'start',
    filter: serverFilter(options.filter, context.namespace, {
      checkpointInterval: 1,
      ...(options.checkpointInterval === undefined
        ? {}
        : { maxSearchWindow: options.checkpointInterval }),
      // Called by the client between two server messages: a marker pushed now lands after
      // every event before the checkpoint and before every event after it.
      checkpointReached: (stream: unknown, position: LogPosition) => {
        if (isPushable(stream)) stream.push(new Marker({ kind: 'checkpoint', position }));
      },
    }),
  });
  if (isPushable(subscription)) {
    subscription.on('caughtUp', () => subscription.push(new Marker({ kind: 'caught-up' })));
  }
  const iterator = subscription[Symbol.asyncIterator]() as AsyncIterator<
    EsdbResolvedEventLike | Marker
  >;

  return {
    async next() {
      for (;;) {
        if (closed) return undefined;
        const pending = iterator.next();
        // Once closed, the pending call is abandoned; its late failure must not go unhandled.
        pending.catch(() => undefined);
        let step: IteratorResult<EsdbResolvedEventLike | Marker> | undefined;
        try {
          step = await Promise.race([pending, closing]);
        } catch (error) {
          if (closed) return undefined;
          throw translateClientError(error, { store: context.store, operation: options.operation });
        }
        if (step === undefined) return undefined;
        if (step.done === true) {
          throw translateClientError(
            Object.assign(new Error('the server ended the subscription'), { type: 'unavailable' }),
            { store: context.store, operation: options.operation },
          );
        }
        if (step.value instanceof Marker) return step.value.item;
        const record = step.value.event;
        if (record !== undefined) return { kind: 'event', record };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      signalClosed();
      await subscription.unsubscribe().catch(() => undefined);
      await iterator.return?.().catch(() => undefined);
    },
  };
}
