// The Read call: reads of a stream or of $all (forwards or backwards, counted, filtered), and
// subscriptions, which `subscriptionService` serves.
import type { ServerWritableStream } from '@grpc/grpc-js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import { send, type DoubleContext } from './context.js';
import { faultStatus } from './faultReplies.js';
import { recordFilterOf } from './filter.js';
import type { LogRecord } from './log.js';
import { readEventResponse, streamIdentifier, streamNameOf } from './messages.js';
import { internalError, invalidArgument, streamDeleted } from './rpcErrors.js';
import { serveSubscription } from './subscriptionService.js';

type ReadCall = ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>;

function streamRecords(
  context: DoubleContext,
  stream: string,
  options: StreamsPb.ReadReq.Options.StreamOptions,
  backwards: boolean,
): readonly LogRecord[] | 'not-found' | 'deleted' {
  const view = context.database.view(stream);
  if (view.kind !== 'events') return view.kind;
  const from = options.hasRevision() ? BigInt(options.getRevision()) : undefined;
  if (!backwards) {
    const start = options.hasEnd() ? view.last + 1n : (from ?? -1n);
    return view.records.filter((r) => r.revision >= start);
  }
  const start = options.hasStart() ? -1n : (from ?? view.last);
  return view.records.filter((r) => r.revision <= start).reverse();
}

function allRecords(
  context: DoubleContext,
  options: StreamsPb.ReadReq.Options.AllOptions,
  backwards: boolean,
): readonly LogRecord[] {
  const log = context.database.log;
  const position = options.getPosition();
  const at = position
    ? log.indexAtOrAfter({
        commit: BigInt(position.getCommitPosition()),
        prepare: BigInt(position.getPreparePosition()),
      })
    : undefined;
  if (!backwards) return log.records.slice(options.hasEnd() ? log.records.length : (at ?? 0));
  // Backwards reads return what lies before the position.
  return log.records.slice(0, options.hasStart() ? 0 : (at ?? log.records.length)).reverse();
}

export function serveRead(context: DoubleContext) {
  const serve = read(context);
  return (call: ReadCall): void => {
    // A bug in the double reaches the client as INTERNAL, never as a silent hang.
    serve(call).catch((error: unknown) =>
      call.emit('error', internalError(context.protocol, error)),
    );
  };
}

function read(context: DoubleContext) {
  const p = context.protocol;
  return async (call: ReadCall): Promise<void> => {
    const options = call.request.getOptions();
    if (options === undefined)
      return void call.emit('error', invalidArgument(p, 'options are required'));
    const stream = options.getStream();
    const name = stream ? streamNameOf(stream.getStreamIdentifier()) : undefined;
    const fault = context.faults.take(options.hasSubscription() ? 'subscribe' : 'read', name);
    if (fault) return void call.emit('error', faultStatus(context, fault, false));
    if (options.hasSubscription()) return serveSubscription(context, call, options);

    const backwards =
      options.getReadDirection() === p.streams.ReadReq.Options.ReadDirection.BACKWARDS;
    const all = options.getAll();
    const records = stream
      ? streamRecords(context, name as string, stream, backwards)
      : all
        ? allRecords(context, all, backwards)
        : 'invalid';
    if (records === 'invalid')
      return void call.emit('error', invalidArgument(p, 'no stream given'));
    if (records === 'deleted') return void call.emit('error', streamDeleted(p, name as string));
    if (records === 'not-found') {
      const missing = new p.streams.ReadResp.StreamNotFound().setStreamIdentifier(
        streamIdentifier(p, name as string),
      );
      await send(call, new p.streams.ReadResp().setStreamNotFound(missing));
      return void call.end();
    }
    const matches = recordFilterOf(options) ?? (() => true);
    const structured = options.getUuidOption()?.hasStructured() ?? false;
    let remaining = BigInt(options.getCount());
    for (const record of records) {
      if (remaining <= 0n) break;
      if (!matches(record)) continue;
      remaining--;
      if (!(await send(call, readEventResponse(p, record, structured)))) return;
    }
    call.end();
  };
}
