// Catch-up subscriptions to $all or to one stream: a confirmation, the history after the start,
// caught-up, then live events. Filtered subscriptions to $all, with their checkpoints, follow the
// server's own algorithm in `filteredAllSubscription`.
import type { ServerWritableStream } from '@grpc/grpc-js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import { send, type DoubleContext } from './context.js';
import { serveFilteredAllSubscription } from './filteredAllSubscription.js';
import type { LogPosition, LogRecord } from './log.js';
import { readEventResponse, streamNameOf } from './messages.js';
import { optional } from './protocol.js';

type ReadCall = ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>;

interface Source {
  /** The records this subscription walks (they grow as the log grows). */
  readonly records: () => readonly LogRecord[];
  readonly start: number;
  /** Where a checkpoint stands before any event was looked at. */
  readonly origin: LogPosition | undefined;
}

function sourceOf(context: DoubleContext, options: StreamsPb.ReadReq.Options): Source {
  const log = context.database.log;
  const stream = options.getStream();
  if (stream) {
    const name = streamNameOf(stream.getStreamIdentifier());
    const records = (): readonly LogRecord[] => log.streams.get(name) ?? [];
    const from = stream.hasRevision() ? BigInt(stream.getRevision()) : undefined;
    const start = stream.hasEnd()
      ? records().length
      : from === undefined
        ? 0
        : records().filter((r) => r.revision <= from).length;
    return { records, start, origin: undefined };
  }
  const all = options.getAll();
  const position = all?.getPosition();
  const origin = position
    ? {
        commit: BigInt(position.getCommitPosition()),
        prepare: BigInt(position.getPreparePosition()),
      }
    : undefined;
  const start = all?.hasEnd() ? log.records.length : origin ? log.indexAfter(origin) : 0;
  return { records: () => log.records, start, origin };
}

function caughtUpResponse(context: DoubleContext, at: LogPosition | undefined): StreamsPb.ReadResp {
  const p = context.protocol;
  const caughtUp = new p.streams.ReadResp.CaughtUp();
  // Newer servers (and the newer client's protocol) say when and where the subscription caught up.
  const Position = (p.streams.ReadResp as unknown as { Position?: new () => object }).Position;
  if (at && Position) {
    const position = new Position();
    optional(position, 'setCommitPosition', at.commit.toString());
    optional(position, 'setPreparePosition', at.prepare.toString());
    optional(caughtUp, 'setPosition', position);
  }
  return new p.streams.ReadResp().setCaughtUp(caughtUp);
}

export async function serveSubscription(
  context: DoubleContext,
  call: ReadCall,
  options: StreamsPb.ReadReq.Options,
): Promise<void> {
  const p = context.protocol;
  const log = context.database.log;
  const confirmation = new p.streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(
    crypto.randomUUID(),
  );
  if (!(await send(call, new p.streams.ReadResp().setConfirmation(confirmation)))) return;
  if (options.hasAll() && options.hasFilter()) {
    return serveFilteredAllSubscription(context, call, options, (at) =>
      caughtUpResponse(context, at),
    );
  }
  const source = sourceOf(context, options);
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  let index = source.start;
  let lastLookedAt = source.origin;
  let live = false;
  while (!call.cancelled) {
    const record = source.records()[index];
    if (record !== undefined) {
      index++;
      lastLookedAt = record.position;
      if (!(await send(call, readEventResponse(p, record, structured)))) return;
      continue;
    }
    if (!live) {
      live = true;
      if (!(await send(call, caughtUpResponse(context, lastLookedAt)))) return;
      // Writes may have landed while that was sent: look again before waiting.
      continue;
    }
    await new Promise<void>((resolve) => {
      // Checked and armed in one synchronous step, so no write can slip in between.
      if (source.records()[index] !== undefined) return resolve();
      const done = (): void => {
        stop();
        call.off('cancelled', done);
        resolve();
      };
      const stop = log.onWrite(done);
      call.once('cancelled', done);
    });
  }
}
