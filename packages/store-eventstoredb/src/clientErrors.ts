// Turns what the clients throw into Gridledger's typed errors. Errors are classified by their
// `type` string, never by `instanceof` (each client has its own classes) and never by message.
import {
  AccessDeniedError,
  ConcurrencyConflictError,
  StoreUnavailableError,
  StreamDeletedError,
  ValidationError,
  type ExpectedVersion,
  type ValidationIssue,
} from '@gridledger/core';
import type { EsdbEventData } from './clientLike.js';

/** Where the failing call came from, for the error's fields and message. */
export interface ErrorContext {
  readonly store: string;
  /** What was being done, e.g. `append to 'dispute-1'`. */
  readonly operation: string;
  readonly streamId?: string;
  readonly expected?: ExpectedVersion;
  /** Appends only: the events as sent, to name the one the server found too large. */
  readonly events?: readonly EsdbEventData[];
  /** Added to an "unavailable" message: what the failure may have left behind. */
  readonly consequence?: string;
}

/** Why the store could not serve, per client error type. */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  unavailable: 'the server is unavailable',
  'deadline-exceeded': 'the server did not answer before the deadline',
  timeout: 'the server timed out',
  'not-leader': 'the node is not the leader',
  cancelled: 'the server cancelled the call',
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

/** gRPC's PERMISSION_DENIED and UNAUTHENTICATED. */
const ACCESS_STATUSES = new Set([7, 16]);

/** A value of the server's gRPC metadata on the raw error a client error wraps. */
function rawMetadata(error: unknown, key: string): string | undefined {
  const raw = field(error, '_raw');
  if (typeof raw !== 'object' || raw === null) return undefined;
  const metadata = field(raw, 'metadata') as { get?: (key: string) => unknown[] } | undefined;
  const value = typeof metadata?.get === 'function' ? metadata.get(key)[0] : undefined;
  if (typeof value === 'string') return value;
  // Binary metadata values arrive as Buffers.
  return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : undefined;
}

/**
 * Whether a client error is the server's per-event size limit (MaxAppendEventSize). Neither
 * client knows this error: over the Append call it arrives as `unknown` with the server's
 * `exception` metadata on the raw error; over BatchAppend the client keeps nothing but the
 * status's name (`Could not recognize MaximumAppendEventSizeExceeded`), which is what is read.
 */
function isEventTooLarge(error: unknown, type: string): boolean {
  if (type !== 'unknown') return false;
  if (rawMetadata(error, 'exception') === 'maximum-append-event-size-exceeded') return true;
  return error instanceof Error && / MaximumAppendEventSizeExceeded$/.test(error.message);
}

/** What the server counts for an event against its limit (`Event.SizeOnDisk`). */
const sizeOnDisk = (event: EsdbEventData): number =>
  Buffer.byteLength(JSON.stringify(event.data)) +
  Buffer.byteLength(JSON.stringify(event.metadata)) +
  event.type.length * 2;

/** The issue naming the event the server refused: by its id when told, else the largest one. */
function eventTooLargeIssue(error: unknown, events: readonly EsdbEventData[]): ValidationIssue {
  const max = rawMetadata(error, 'maximum-append-event-size');
  const limit = max === undefined ? '' : ` (${max} bytes)`;
  const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(
    rawMetadata(error, 'event-id') ?? '',
  )?.[0];
  let index = events.findIndex((e) => e.id === id?.toLowerCase());
  if (index < 0 && events.length > 0) {
    // The server refuses the first event over its limit; the largest one certainly is.
    const sizes = events.map(sizeOnDisk);
    index = sizes.indexOf(Math.max(...sizes));
  }
  return {
    path: index < 0 ? 'events' : `events.${index}`,
    message: `the event is larger than the server's maximum event size${limit}`,
  };
}

/**
 * The Gridledger error for a client error, or the error itself when it is not a client or
 * transport error (a bug should surface as what it is, not as "unavailable").
 */
export function translateClientError(error: unknown, context: ErrorContext): unknown {
  const type = clientErrorType(error);
  const { store, operation, streamId = '', expected = 'any', consequence = '' } = context;
  if (type === undefined) {
    if (!isGrpcStatus(error)) return error;
    if (ACCESS_STATUSES.has(field(error, 'code') as number)) {
      return new AccessDeniedError(store, operation, { cause: error });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new StoreUnavailableError(store, `${operation} failed: ${detail}${consequence}`, {
      cause: error,
    });
  }
  if (isEventTooLarge(error, type)) {
    return new ValidationError(operation, [eventTooLargeIssue(error, context.events ?? [])], {
      cause: error,
    });
  }
  switch (type) {
    case 'access-denied':
      // Permanent until permissions change: not "unavailable", which callers retry.
      return new AccessDeniedError(store, operation, { cause: error });
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
      return new StoreUnavailableError(store, `${operation}: ${reason}${consequence}`, {
        cause: error,
      });
    }
  }
}
