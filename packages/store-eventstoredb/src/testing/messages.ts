// Conversions between protocol messages and the double's log records.
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import type { Expectation } from './database.js';
import type { LogPosition, LogRecord, ProposedEvent } from './log.js';
import type { Protocol } from './protocol.js';
import { invalidArgument, requiredMetadataMissing } from './rpcErrors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const streamNameOf = (identifier: SharedPb.StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

export function streamIdentifier(p: Protocol, name: string): SharedPb.StreamIdentifier {
  return new p.shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

const hex64 = (value: string): string =>
  BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');

/** A UUID message as text; throws an INVALID_ARGUMENT error for anything but a UUID. */
export function uuidText(p: Protocol, id: SharedPb.UUID | undefined): string {
  let text = id?.getString() ?? '';
  const structured = id?.getStructured();
  if (structured) {
    const hex =
      hex64(structured.getMostSignificantBits()) + hex64(structured.getLeastSignificantBits());
    text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  text = text.toLowerCase();
  if (!UUID.test(text)) throw invalidArgument(p, `'${text}' is not a valid UUID`);
  return text;
}

/** A UUID message in the form the reader asked for (string, or two signed 64-bit halves). */
export function uuidMessage(p: Protocol, id: string, structured: boolean): SharedPb.UUID {
  const message = new p.shared.UUID();
  if (!structured) return message.setString(id);
  const hex = id.replaceAll('-', '');
  const half = (part: string): string => BigInt.asIntN(64, BigInt(`0x${part}`)).toString();
  return message.setStructured(
    new p.shared.UUID.Structured()
      .setMostSignificantBits(half(hex.slice(0, 16)))
      .setLeastSignificantBits(half(hex.slice(16))),
  );
}

type Proposed = StreamsPb.AppendReq.ProposedMessage | StreamsPb.BatchAppendReq.ProposedMessage;

/** A proposed event as the log stores it; type and content type are required, as on a server. */
export function proposedEvent(p: Protocol, message: Proposed): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  if (type === undefined) throw requiredMetadataMissing(p, 'type');
  const contentType = metadata.get('content-type');
  if (contentType === undefined) throw requiredMetadataMissing(p, 'content-type');
  return {
    eventId: uuidText(p, message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** The expectation carried by Append, Delete and Tombstone options. */
export function expectationOf(options: {
  hasRevision(): boolean;
  getRevision(): string;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
}): Expectation {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no-stream' };
  if (options.hasStreamExists()) return { kind: 'stream-exists' };
  return { kind: 'any' };
}

/** How EventStoreDB writes an expectation as a number (`-2` any, `-1` no stream, `-4` exists). */
export function expectationNumber(expected: Expectation): bigint {
  switch (expected.kind) {
    case 'any':
      return -2n;
    case 'no-stream':
      return -1n;
    case 'stream-exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
}

export function readEventResponse(
  p: Protocol,
  record: LogRecord,
  structured: boolean,
): StreamsPb.ReadResp {
  const recorded = new p.streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(p, record.eventId, structured))
    .setStreamIdentifier(streamIdentifier(p, record.streamName))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.commit.toString())
    .setPreparePosition(record.position.prepare.toString())
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.created.toString());
  const event = new p.streams.ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(record.position.commit.toString());
  return new p.streams.ReadResp().setEvent(event);
}

export const checkpointResponse = (p: Protocol, position: LogPosition): StreamsPb.ReadResp =>
  new p.streams.ReadResp().setCheckpoint(
    new p.streams.ReadResp.Checkpoint()
      .setCommitPosition(position.commit.toString())
      .setPreparePosition(position.prepare.toString()),
  );
