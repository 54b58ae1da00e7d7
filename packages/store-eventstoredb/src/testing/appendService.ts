// The Append call (a client stream: options, then proposed events; one answer), which clients
// use when the server does not offer BatchAppend.
import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import { appendSize, eventSize, oversizedEvent, type DoubleContext } from './context.js';
import type { Expectation, WriteOutcome } from './database.js';
import { faultStatus } from './faultReplies.js';
import type { ProposedEvent } from './log.js';
import { expectationOf, proposedEvent, streamNameOf } from './messages.js';
import {
  invalidArgument,
  maximumAppendEventSizeExceeded,
  maximumAppendSizeExceeded,
  streamDeleted,
  type RpcError,
} from './rpcErrors.js';

type AppendCall = ServerReadableStream<StreamsPb.AppendReq, StreamsPb.AppendResp>;

function wrongExpectedVersion(
  context: DoubleContext,
  expected: Expectation,
  current: bigint | undefined,
): StreamsPb.AppendResp {
  const p = context.protocol;
  const wrong = new p.streams.AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new p.shared.Empty());
  else wrong.setCurrentRevision(current.toString());
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(new p.shared.Empty());
      break;
    case 'no-stream':
      wrong.setExpectedNoStream(new p.shared.Empty());
      break;
    case 'stream-exists':
      wrong.setExpectedStreamExists(new p.shared.Empty());
      break;
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      break;
  }
  return new p.streams.AppendResp().setWrongExpectedVersion(wrong);
}

function answer(
  context: DoubleContext,
  stream: string,
  expected: Expectation,
  outcome: WriteOutcome,
): StreamsPb.AppendResp | RpcError {
  const p = context.protocol;
  switch (outcome.kind) {
    case 'stream-deleted':
      return streamDeleted(p, stream);
    case 'wrong-expected-version':
      return wrongExpectedVersion(context, expected, outcome.current);
    case 'written': {
      const success = new p.streams.AppendResp.Success().setCurrentRevision(
        outcome.revision.toString(),
      );
      if (outcome.position === undefined) success.setNoPosition(new p.shared.Empty());
      else {
        success.setPosition(
          new p.streams.AppendResp.Position()
            .setCommitPosition(outcome.position.commit.toString())
            .setPreparePosition(outcome.position.prepare.toString()),
        );
      }
      return new p.streams.AppendResp().setSuccess(success);
    }
  }
}

export function serveAppend(context: DoubleContext) {
  const p = context.protocol;
  return (call: AppendCall, callback: sendUnaryData<StreamsPb.AppendResp>): void => {
    let options: StreamsPb.AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let refused: RpcError | undefined;
    call.on('data', (request: StreamsPb.AppendReq) => {
      try {
        if (request.hasOptions()) options = request.getOptions();
        const proposed = request.getProposedMessage();
        if (proposed) events.push(proposedEvent(p, proposed));
      } catch (error) {
        refused ??= error as RpcError;
      }
    });
    call.on('end', () => {
      if (refused) return callback(refused);
      if (options === undefined) return callback(invalidArgument(p, 'options are required'));
      // Each event is measured before the whole (`Streams.Append.cs`).
      const oversized = oversizedEvent(context, events);
      if (oversized !== undefined) {
        return callback(
          maximumAppendEventSizeExceeded(
            p,
            oversized.eventId,
            eventSize(oversized),
            context.maxAppendEventSize as number,
          ),
        );
      }
      if (appendSize(events) > context.maxAppendSize) {
        return callback(maximumAppendSizeExceeded(p, context.maxAppendSize));
      }
      const stream = streamNameOf(options.getStreamIdentifier());
      const expected = expectationOf(options);
      const fault = context.faults.take('append', stream);
      if (fault?.afterWrite === true) context.database.append(stream, expected, events);
      if (fault) {
        // A deadline fault answers nothing: the client's own deadline ends the call.
        const status = faultStatus(context, fault, true);
        return status ? callback(status) : undefined;
      }
      const result = answer(
        context,
        stream,
        expected,
        context.database.append(stream, expected, events),
      );
      return result instanceof Error ? callback(result) : callback(null, result);
    });
  };
}
