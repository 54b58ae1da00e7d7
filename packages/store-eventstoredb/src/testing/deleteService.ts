// Delete (soft: the stream reads as missing, a later append revives it) and Tombstone (hard: the
// stream is closed for ever). Both check the expected revision like an append.
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import type { DoubleContext } from './context.js';
import type { WriteOutcome } from './database.js';
import { faultStatus } from './faultReplies.js';
import type { LogPosition } from './log.js';
import { expectationNumber, expectationOf, streamNameOf } from './messages.js';
import {
  invalidArgument,
  streamDeleted,
  wrongExpectedVersion,
  type RpcError,
} from './rpcErrors.js';

type Options = StreamsPb.DeleteReq.Options | StreamsPb.TombstoneReq.Options;

function settle(
  context: DoubleContext,
  kind: 'delete' | 'tombstone',
  options: Options | undefined,
): { readonly position: LogPosition } | RpcError | undefined {
  const p = context.protocol;
  if (options === undefined) return invalidArgument(p, 'options are required');
  const stream = streamNameOf(options.getStreamIdentifier());
  const fault = context.faults.take(kind, stream);
  if (fault) return faultStatus(context, fault, true);
  const expected = expectationOf(options);
  const outcome: WriteOutcome =
    kind === 'delete'
      ? context.database.delete(stream, expected)
      : context.database.tombstone(stream, expected);
  switch (outcome.kind) {
    case 'stream-deleted':
      return streamDeleted(p, stream);
    case 'wrong-expected-version':
      return wrongExpectedVersion(p, stream, expectationNumber(expected), outcome.current);
    case 'written':
      return outcome.position && { position: outcome.position };
  }
}

export function serveDelete(context: DoubleContext) {
  const p = context.protocol;
  return (
    call: ServerUnaryCall<StreamsPb.DeleteReq, StreamsPb.DeleteResp>,
    callback: sendUnaryData<StreamsPb.DeleteResp>,
  ): void => {
    const result = settle(context, 'delete', call.request.getOptions());
    if (result === undefined) return;
    if (result instanceof Error) return callback(result);
    const position = new p.streams.DeleteResp.Position()
      .setCommitPosition(result.position.commit.toString())
      .setPreparePosition(result.position.prepare.toString());
    callback(null, new p.streams.DeleteResp().setPosition(position));
  };
}

export function serveTombstone(context: DoubleContext) {
  const p = context.protocol;
  return (
    call: ServerUnaryCall<StreamsPb.TombstoneReq, StreamsPb.TombstoneResp>,
    callback: sendUnaryData<StreamsPb.TombstoneResp>,
  ): void => {
    const result = settle(context, 'tombstone', call.request.getOptions());
    if (result === undefined) return;
    if (result instanceof Error) return callback(result);
    const position = new p.streams.TombstoneResp.Position()
      .setCommitPosition(result.position.commit.toString())
      .setPreparePosition(result.position.prepare.toString());
    callback(null, new p.streams.TombstoneResp().setPosition(position));
  };
}
