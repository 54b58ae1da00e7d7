// Turns what the clients throw into Gridledger's typed errors. Errors are classified by their
// `type` string, never by `instanceof` (each client has its own classes) and never by message.
import {
  ConcurrencyConflictError,
  StoreUnavailableError,
  StreamDeletedError,
  ValidationError,
  type ExpectedVersion,
} from '@gridledger/core';

/** Where the failing call came from, for the error's fields and message. */
export interface ErrorContext {
  readonly store: string;
  /** What was being done, e.g. `append to 'dispute-1'`. */
  readonly operation: string;
  readonly streamId?: string;
  readonly expected?: ExpectedVersion;
}

/** Why the store could not serve, per client error type. */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  unavailable: 'the server is unavailable',
  'deadline-exceeded': 'the server did not answer before the deadline',
  timeout: 'the server timed out',
  'not-leader': 'the node is not the leader',
  cancelled: 'the server cancelled the call',
  'access-denied': 'access was denied',
  unknown: 'the server failed in an unrecognised way',
  'not-found': 'the server does not offer this call',
};

/** The client error type (`'wrong-expected-version'`, …), or undefined for anything else. */
export function clientErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function field(error: unknown, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

/** The stream's actual version from a wrong-expected-version error, in either client's naming. */
export function actualVersionOf(error: unknown): number | 'no-stream' | undefined {
  const actual = field(error, 'actualVersion') ?? field(error, 'actualState');
  if (typeof actual === 'bigint') return actual < 0n ? 'no-stream' : Number(actual);
  if (actual === 'no_stream') return 'no-stream';
  return undefined;
}

function unavailableReason(error: unknown, type: string): string | undefined {
  const reason = UNAVAILABLE[type];
  if (reason === undefined) return undefined;
  const leader = field(error, 'leader') as { address?: unknown; port?: unknown } | undefined;
  const where =
    type === 'not-leader' && leader
      ? ` (leader at ${String(leader.address)}:${String(leader.port)})`
      : '';
  return `${reason}${where}`;
}

/** A raw gRPC failure (status code, no client type): a transport problem. */
function isGrpcStatus(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof field(error, 'code') === 'number';
}

/**
 * The Gridledger error for a client error, or the error itself when it is not a client or
 * transport error (a bug should surface as what it is, not as "unavailable").
 */
export function translateClientError(error: unknown, context: ErrorContext): unknown {
  const type = clientErrorType(error);
  const { store, operation, streamId = '', expected = 'any' } = context;
  if (type === undefined) {
    if (!isGrpcStatus(error)) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new StoreUnavailableError(store, `${operation} failed: ${detail}`, { cause: error });
  }
  switch (type) {
    case 'wrong-expected-version':
      return new ConcurrencyConflictError(
        streamId,
        expected,
        actualVersionOf(error) ?? 'no-stream',
        {
          cause: error,
        },
      );
    case 'stream-deleted':
    case 'stream-tombstoned':
      // A soft-deleted stream reads as missing and accepts appends; only a tombstone errors.
      return new StreamDeletedError(streamId, true, { cause: error });
    case 'maximum-append-size-exceeded':
      return new ValidationError(
        operation,
        [
          {
            path: 'events',
            message: `the batch is larger than the server's maximum append size (${String(field(error, 'maxAppendSize'))} bytes)`,
          },
        ],
        { cause: error },
      );
    default: {
      // Every other client error means the store could not serve this call.
      const reason =
        unavailableReason(error, type) ??
        `failed (${type}): ${error instanceof Error ? error.message : String(error)}`;
      return new StoreUnavailableError(store, `${operation}: ${reason}`, { cause: error });
    }
  }
}
