// A server-filtered walk over $all through the client's catch-up subscription, which filters on
// the server with both clients (their readAll does only in the newer one). The server's
// checkpoints and its caught-up signal travel in order with the events. Waiting for the next item
// is bounded by the store's deadline while catching up; live, a dead connection is the client's
// keep-alive's to notice.
import type { GlobalFilter } from '@gridledger/core';
import type { EsdbRecordedEventLike, EsdbResolvedEventLike } from './clientLike.js';
import { translateClientError } from './clientErrors.js';
import { CutShort, noAnswer, release, within } from './deadline.js';
import { serverFilter } from './filters.js';
import type { LogPosition } from './position.js';
import { Lifetime } from './lifetime.js';
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
  /**
   * The next item, or undefined once the feed (or the store) is closed. Client failures become
   * typed errors; with `bounded`, so does a server that sends nothing within the deadline.
   */
  next(bounded: boolean): Promise<FeedItem | undefined>;
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
  const { store, deadline } = context;
  const { operation } = options;
  // Ends when the feed is closed, or the store.
  const lifetime = new Lifetime();
  const unlink = context.lifetime.onClose(() => lifetime.close());
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
  let released = false;

  return {
    async next(bounded) {
      for (;;) {
        if (lifetime.closed) return undefined;
        let step: IteratorResult<EsdbResolvedEventLike | Marker>;
        try {
          step = await within(
            iterator.next(),
            bounded ? deadline : Infinity,
            () => noAnswer(store, operation, deadline),
            lifetime,
            () => new Error('closed'),
          );
        } catch (error) {
          if (lifetime.closed) return undefined;
          if (error instanceof CutShort) throw error.error;
          throw translateClientError(error, { store, operation });
        }
        if (step.done === true) {
          throw translateClientError(
            Object.assign(new Error('the server ended the subscription'), { type: 'unavailable' }),
            { store, operation },
          );
        }
        if (step.value instanceof Marker) return step.value.item;
        const record = step.value.event;
        if (record !== undefined) return { kind: 'event', record };
      }
    },
    async close() {
      if (released) return;
      released = true;
      lifetime.close();
      unlink();
      // Against a server that never answered, the client's unsubscribe never settles either.
      await release(subscription.unsubscribe(), deadline);
      await release(iterator.return?.(), deadline);
    },
  };
}
