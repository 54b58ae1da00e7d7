// What every service of the double shares, and flow-controlled writing to a response stream.
import type { Database } from './database.js';
import type { ProposedEvent } from './log.js';
import type { Faults } from './faults.js';
import type { Protocol } from './protocol.js';

export interface DoubleContext {
  readonly protocol: Protocol;
  readonly database: Database;
  readonly faults: Faults;
  /** The most bytes one append may carry, as the server's MaxAppendSize (1 MiB by default). */
  readonly maxAppendSize: number;
  /** The most bytes one event may take, as the server's MaxAppendEventSize; none when undefined. */
  readonly maxAppendEventSize: number | undefined;
  /** Where a not-leader answer points the client: the double itself. */
  readonly leader: () => { readonly host: string; readonly port: number };
}

/** The part of a grpc-js server stream that writing needs. */
export interface ResponseStream<T> {
  readonly cancelled: boolean;
  write(message: T): boolean;
  once(event: 'drain' | 'cancelled' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'drain' | 'cancelled' | 'close' | 'error', listener: () => void): unknown;
}

/**
 * Writes one message, waiting while the client's flow-control window is full. Resolves false
 * once the client has gone (cancelled, closed), so producers stop.
 */
export async function send<T>(call: ResponseStream<T>, message: T): Promise<boolean> {
  if (call.cancelled) return false;
  if (call.write(message)) return true;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'cancelled', 'close', 'error'] as const) call.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'cancelled', 'close', 'error'] as const) call.once(event, done);
  });
  return !call.cancelled;
}

/** What one event occupies, as the server counts it (`Event.SizeOnDisk`). */
export const eventSize = (event: ProposedEvent): number =>
  event.data.length + event.metadata.length + event.type.length * 2;

/** What an append occupies: the sum of its events' sizes. */
export const appendSize = (events: readonly ProposedEvent[]): number =>
  events.reduce((sum, e) => sum + eventSize(e), 0);

/** The first event larger than the server's per-event limit, if any. */
export const oversizedEvent = (
  context: DoubleContext,
  events: readonly ProposedEvent[],
): ProposedEvent | undefined =>
  context.maxAppendEventSize === undefined
    ? undefined
    : events.find((event) => eventSize(event) > (context.maxAppendEventSize as number));
