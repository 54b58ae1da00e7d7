// The EventStore port on an EventStoreDB or KurrentDB cluster, through either official client.
import {
  StoreUnavailableError,
  ValidationError,
  describeValue,
  type AppendOptions,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Subscription,
} from '@gridledger/core/store';
import { append } from './append.js';
import { checkNamespace } from './appendInput.js';
import type { EsdbClientLike } from './clientLike.js';
import { checkDeadline } from './deadline.js';
import type { ForeignEventPolicy } from './filters.js';
import { Lifetime } from './lifetime.js';
import type { ReadContext } from './readContext.js';
import { readAll, readStream } from './reads.js';
import { EventStoreDbSubscription, type EventStoreDbSubscribeOptions } from './subscription.js';

export interface EventStoreDbEventStoreOptions {
  /** Shown in error messages; default `eventstoredb`. */
  readonly name?: string;
  /**
   * Keeps this store's history apart from others on the same cluster: every stream id is stored
   * with this prefix, and reads and subscriptions of the global log see only its streams.
   * Default: none (the whole cluster).
   */
  readonly namespace?: string;
  /**
   * The longest the store waits for the server, in milliseconds: for an append (its retries
   * included), for each step of a read (the first event, then each next one), for each step of a
   * subscription until it has caught up, and for releasing a call. Past it the call fails with
   * StoreUnavailableError saying what did not answer. Default 10 000, the clients' own default.
   */
  readonly deadline?: number;
  /** Dispose the client when the store is closed. Default false: the caller owns the client. */
  readonly disposeClientOnClose?: boolean;
  /**
   * What reads and subscriptions of the global log do with an event Gridledger did not write
   * (another service's, a binary event, a link): `skip` it (default, for a shared cluster), or
   * `fail` with CorruptedEventError. Reads of one stream always report such an event.
   */
  readonly foreignEvents?: ForeignEventPolicy;
}

/** The port, plus checkpoints for subscriptions whose filters rarely match. */
export interface EventStoreDbEventStore extends EventStore {
  subscribe(options?: EventStoreDbSubscribeOptions): Subscription;
}

/**
 * Disposes the client and closes its gRPC channel. Both clients' dispose() ends their streams
 * but leaves the channel open, and a call the channel still queues for a server that never
 * answered (the clients ask for the server's features without a deadline) keeps Node running for
 * ever. The channel is reached through the clients' own (protected) `getChannel`, which returns
 * the channel in use.
 */
async function disposeFully(client: EsdbClientLike, deadline: number): Promise<void> {
  await client.dispose();
  const getChannel = (client as { getChannel?: () => unknown }).getChannel;
  if (typeof getChannel !== 'function') return;
  const channel = (await Promise.race([
    Promise.resolve(getChannel.call(client)).catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), deadline).unref()),
  ])) as { close?: () => void } | undefined;
  if (typeof channel?.close === 'function') channel.close();
}

function checkForeignEvents(policy: unknown): ForeignEventPolicy {
  if (policy === undefined) return 'skip';
  if (policy === 'skip' || policy === 'fail') return policy;
  throw new ValidationError('EventStoreDB store options', [
    { path: 'foreignEvents', message: `must be 'skip' or 'fail'; got ${describeValue(policy)}` },
  ]);
}

export function createEventStoreDbEventStore(
  client: EsdbClientLike,
  options: EventStoreDbEventStoreOptions = {},
): EventStoreDbEventStore {
  const name = options.name ?? 'eventstoredb';
  const namespace = checkNamespace(options.namespace);
  const foreignEvents = checkForeignEvents(options.foreignEvents);
  const deadline = checkDeadline(options.deadline);
  const subscriptions = new Set<EventStoreDbSubscription>();
  const lifetime = new Lifetime();
  const closedError = (): StoreUnavailableError =>
    new StoreUnavailableError(name, 'the store has been closed');
  const context: ReadContext = {
    client,
    store: name,
    namespace,
    foreignEvents,
    deadline,
    lifetime,
    closedError,
    ensureOpen: () => {
      if (lifetime.closed) throw closedError();
    },
  };

  return {
    name,
    append: (streamId: string, events: readonly EventToAppend[], appendOptions: AppendOptions) =>
      append(context, streamId, events, appendOptions),
    readStream: (streamId: string, readOptions?: ReadStreamOptions) =>
      readStream(context, streamId, readOptions),
    readAll: (readOptions?: ReadAllOptions) => readAll(context, readOptions),
    subscribe(subscribeOptions: EventStoreDbSubscribeOptions = {}): Subscription {
      const subscription = new EventStoreDbSubscription(context, subscribeOptions, (ended) =>
        subscriptions.delete(ended),
      );
      subscriptions.add(subscription);
      return subscription;
    },
    /**
     * Ends every call in flight (reads fail, subscriptions end), releases their server calls, and
     * disposes the client if the store owns it; none of it waits longer than the deadline.
     */
    async close(): Promise<void> {
      if (lifetime.closed) return;
      lifetime.close();
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      if (options.disposeClientOnClose !== true) return;
      let timer: NodeJS.Timeout | undefined;
      const disposed = await Promise.race([
        disposeFully(client, deadline).then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), deadline))),
      ]);
      clearTimeout(timer);
      if (!disposed) {
        throw new StoreUnavailableError(
          name,
          `closing: the client did not release its connections within ${deadline} ms`,
        );
      }
    },
  };
}
