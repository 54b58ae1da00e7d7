// The failures the server reports as gRPC statuses, with the `exception` metadata the clients
// read to tell them apart (the same statuses and keys as EventStoreDB's RpcExceptions).
import type { ServiceError, status as Status } from '@grpc/grpc-js';
import type { Protocol } from './protocol.js';

export type RpcError = Pick<ServiceError, 'code' | 'details' | 'metadata'> & Error;

function rpcError(
  protocol: Protocol,
  code: Status,
  details: string,
  entries: Readonly<Record<string, string>> = {},
): RpcError {
  const metadata = new protocol.grpc.Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export const streamDeleted = (p: Protocol, stream: string): RpcError =>
  rpcError(p, p.grpc.status.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': stream,
  });

export const wrongExpectedVersion = (
  p: Protocol,
  stream: string,
  expected: bigint,
  actual: bigint | undefined,
): RpcError =>
  rpcError(p, p.grpc.status.FAILED_PRECONDITION, `Wrong expected version on '${stream}'.`, {
    exception: 'wrong-expected-version',
    'stream-name': stream,
    'expected-version': expected.toString(),
    'actual-version': (actual ?? -1n).toString(),
  });

export const notLeader = (p: Protocol, host: string, port: number): RpcError =>
  rpcError(p, p.grpc.status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': host,
    'leader-endpoint-port': String(port),
  });

export const serverNotReady = (p: Protocol): RpcError =>
  rpcError(p, p.grpc.status.UNAVAILABLE, 'Server Is Not Ready');

export const deadlineExceeded = (p: Protocol): RpcError =>
  rpcError(p, p.grpc.status.DEADLINE_EXCEEDED, 'Deadline Exceeded');

export const invalidArgument = (p: Protocol, message: string): RpcError =>
  rpcError(p, p.grpc.status.INVALID_ARGUMENT, message);

export const requiredMetadataMissing = (p: Protocol, property: string): RpcError =>
  rpcError(
    p,
    p.grpc.status.INVALID_ARGUMENT,
    `Required metadata property '${property}' is missing.`,
    {
      exception: 'missing-required-metadata-property',
      'required-metadata-properties': property,
    },
  );

export const internalError = (p: Protocol, error: unknown): RpcError =>
  rpcError(p, p.grpc.status.INTERNAL, `The double failed: ${String(error)}`);

export const maximumAppendSizeExceeded = (p: Protocol, maxAppendSize: number): RpcError =>
  rpcError(p, p.grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });

export const accessDenied = (p: Protocol): RpcError =>
  rpcError(p, p.grpc.status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });

/**
 * One event is larger than the server's MaxAppendEventSize. `event-id` carries the proposed
 * message's id as the server prints the protobuf message.
 */
export const maximumAppendEventSizeExceeded = (
  p: Protocol,
  eventId: string,
  size: number,
  max: number,
): RpcError =>
  rpcError(
    p,
    p.grpc.status.INVALID_ARGUMENT,
    `Event with Id: { "string": "${eventId}" }, Size: ${size}, exceeds Maximum Append Event Size of ${max}.`,
    {
      exception: 'maximum-append-event-size-exceeded',
      'maximum-append-event-size': String(max),
      'event-id': `{ "string": "${eventId}" }`,
      'proposed-append-event-size': String(size),
    },
  );
