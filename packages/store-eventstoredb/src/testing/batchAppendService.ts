// The BatchAppend call: one long-lived duplex stream per client carrying many appends, each
// identified by a correlation id, split into chunks, and answered on its own. Per-append failures
// travel as google.rpc.Status with typed details and the codes of KurrentDB's
// `Services/Transport/Grpc/Status.cs`; a not-leader answer fails the whole call
// (`Streams.BatchAppend.cs`).
import type { ServerDuplexStream } from '@grpc/grpc-js';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import { appendSize, eventSize, oversizedEvent, type DoubleContext } from './context.js';
import type { Expectation, WriteOutcome } from './database.js';
import type { ProposedEvent } from './log.js';
import { proposedEvent, streamIdentifier, streamNameOf, uuidText } from './messages.js';
import { notLeader, type RpcError } from './rpcErrors.js';

type BatchCall = ServerDuplexStream<StreamsPb.BatchAppendReq, StreamsPb.BatchAppendResp>;

interface PendingAppend {
  readonly correlationId: SharedPb.UUID;
  readonly stream: string;
  readonly expected: Expectation;
  /** Milliseconds since the epoch after which the client no longer waits. */
  readonly deadline: number;
  readonly events: ProposedEvent[];
}

function expectationOf(options: StreamsPb.BatchAppendReq.Options): Expectation {
  if (options.hasStreamPosition()) {
    return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  }
  if (options.hasNoStream()) return { kind: 'no-stream' };
  if (options.hasStreamExists()) return { kind: 'stream-exists' };
  return { kind: 'any' };
}

/** The request's deadline: a timestamp (older field) or a duration from now (newer one). */
function deadlineOf(options: StreamsPb.BatchAppendReq.Options): number {
  type Time = { getSeconds(): number; getNanos(): number; toDate?: () => Date };
  const legacy = (
    options as unknown as { getDeadline21100?: () => Time | undefined }
  ).getDeadline21100?.();
  const given: Time | undefined = legacy ?? options.getDeadline();
  if (given === undefined) return Infinity;
  if (given.toDate !== undefined) return given.toDate().getTime();
  return Date.now() + given.getSeconds() * 1000 + given.getNanos() / 1e6;
}

export function serveBatchAppend(context: DoubleContext) {
  const p = context.protocol;

  const status = (
    code: number,
    message: string,
    details: { serializeBinary(): Uint8Array },
    type: string,
  ) => {
    const any = new p.Any();
    any.pack(details.serializeBinary(), type);
    return new p.status.Status().setCode(code).setMessage(message).setDetails(any);
  };

  /** A status whose details the client's generated code has no class for. */
  const eventTooLarge = (event: ProposedEvent) => {
    const max = context.maxAppendEventSize as number;
    const writer = new p.BinaryWriter();
    writer.writeString(1, event.eventId);
    writer.writeUint32(2, eventSize(event));
    writer.writeUint32(3, max);
    const any = new p.Any();
    any.pack(writer.getResultBuffer(), 'event_store.client.MaximumAppendEventSizeExceeded');
    return new p.status.Status()
      .setCode(3)
      .setMessage('MaximumAppendEventSizeExceeded')
      .setDetails(any);
  };

  const reply = (
    call: BatchCall,
    append: PendingAppend,
    outcome: WriteOutcome | 'timeout' | 'not-ready' | 'too-large' | 'access-denied' | ProposedEvent,
  ) => {
    const response = new p.streams.BatchAppendResp()
      .setCorrelationId(append.correlationId)
      .setStreamIdentifier(streamIdentifier(p, append.stream));
    if (outcome === 'timeout') {
      response.setError(status(4, 'Timeout', new p.shared.Timeout(), 'event_store.client.Timeout'));
    } else if (outcome === 'access-denied') {
      response.setError(
        status(7, 'AccessDenied', new p.shared.AccessDenied(), 'event_store.client.AccessDenied'),
      );
    } else if (typeof outcome === 'object' && 'eventId' in outcome) {
      response.setError(eventTooLarge(outcome));
    } else if (outcome === 'too-large') {
      const details = new p.shared.MaximumAppendSizeExceeded().setMaxappendsize(
        context.maxAppendSize,
      );
      response.setError(
        status(
          3,
          'MaximumAppendSizeExceeded',
          details,
          'event_store.client.MaximumAppendSizeExceeded',
        ),
      );
    } else if (outcome === 'not-ready') {
      response.setError(status(14, 'Server Is Not Ready', new p.Empty(), 'google.protobuf.Empty'));
    } else if (outcome.kind === 'stream-deleted') {
      const details = new p.shared.StreamDeleted().setStreamIdentifier(
        streamIdentifier(p, append.stream),
      );
      response.setError(status(5, 'StreamDeleted', details, 'event_store.client.StreamDeleted'));
    } else if (outcome.kind === 'wrong-expected-version') {
      const details = new p.shared.WrongExpectedVersion();
      if (outcome.current === undefined) details.setCurrentNoStream(new p.Empty());
      else details.setCurrentStreamRevision(outcome.current.toString());
      const expected = append.expected;
      if (expected.kind === 'revision')
        details.setExpectedStreamPosition(expected.revision.toString());
      else if (expected.kind === 'no-stream') details.setExpectedNoStream(new p.Empty());
      else if (expected.kind === 'stream-exists') details.setExpectedStreamExists(new p.Empty());
      else details.setExpectedAny(new p.Empty());
      response.setError(
        status(6, 'WrongExpectedVersion', details, 'event_store.client.WrongExpectedVersion'),
      );
    } else {
      const success = new p.streams.BatchAppendResp.Success().setCurrentRevision(
        outcome.revision.toString(),
      );
      if (outcome.position === undefined) success.setNoPosition(new p.Empty());
      else {
        success.setPosition(
          new p.shared.AllStreamPosition()
            .setCommitPosition(outcome.position.commit.toString())
            .setPreparePosition(outcome.position.prepare.toString()),
        );
      }
      response.setSuccess(success);
    }
    if (!call.cancelled) call.write(response);
  };

  const process = (call: BatchCall, append: PendingAppend): void => {
    const write = (): WriteOutcome =>
      context.database.append(append.stream, append.expected, append.events);
    if (Date.now() >= append.deadline) return reply(call, append, 'timeout');
    const oversized = oversizedEvent(context, append.events);
    if (oversized !== undefined) return reply(call, append, oversized);
    if (appendSize(append.events) > context.maxAppendSize) return reply(call, append, 'too-large');
    const fault = context.faults.take('append', append.stream);
    if (fault === undefined) return reply(call, append, write());
    if (fault.afterWrite === true) write();
    switch (fault.kind) {
      case 'access-denied':
        return reply(call, append, 'access-denied');
      case 'not-leader': {
        const { host, port } = context.leader();
        return void call.emit('error', notLeader(p, host, port));
      }
      case 'unavailable':
        return reply(call, append, 'not-ready');
      case 'deadline-exceeded': {
        // The server gives up at the request's deadline and says so.
        const wait = Math.max(0, Math.min(append.deadline - Date.now(), 60_000));
        setTimeout(() => reply(call, append, 'timeout'), wait).unref();
        return;
      }
    }
  };

  return (call: BatchCall): void => {
    const pending = new Map<string, PendingAppend>();
    call.on('data', (request: StreamsPb.BatchAppendReq) => {
      try {
        const correlationId = request.getCorrelationId() ?? new p.shared.UUID();
        const key = uuidText(p, correlationId);
        const options = request.getOptions();
        if (options) {
          pending.set(key, {
            correlationId,
            stream: streamNameOf(options.getStreamIdentifier()),
            expected: expectationOf(options),
            deadline: deadlineOf(options),
            events: [],
          });
        }
        const append = pending.get(key);
        if (append === undefined) return;
        for (const message of request.getProposedMessagesList())
          append.events.push(proposedEvent(p, message));
        if (!request.getIsFinal()) return;
        pending.delete(key);
        process(call, append);
      } catch (error) {
        call.emit('error', error as RpcError);
      }
    });
    call.on('end', () => call.end());
  };
}
