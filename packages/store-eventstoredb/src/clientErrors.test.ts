import { Metadata } from '@grpc/grpc-js';
import {
  isAccessDenied,
  isConcurrencyConflict,
  isStoreUnavailable,
  isStreamDeleted,
  isValidationError,
} from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { translateClientError } from './clientErrors.js';
import { appendOptionsFor } from './expectedVersion.js';

const context = {
  store: 'eventstoredb',
  operation: "append to 'dispute-1'",
  streamId: 'dispute-1',
};

/** Errors as each client builds them: same `type`, different classes and field names. */
const esdbConflict = { type: 'wrong-expected-version', expectedVersion: 4n, actualVersion: 6n };
const kurrentConflict = { type: 'wrong-expected-version', expectedState: 4n, actualState: 6n };

describe('client errors', () => {
  it.each([
    ['@eventstore/db-client', esdbConflict],
    ['@kurrent/kurrentdb-client', kurrentConflict],
  ])('reads a conflict from %s by its type, with the actual version', (_, error) => {
    const translated = translateClientError(error, { ...context, expected: 4 });
    expect(isConcurrencyConflict(translated)).toBe(true);
    expect(translated).toMatchObject({
      streamId: 'dispute-1',
      expected: 4,
      actual: 6,
      cause: error,
    });
  });

  it('reads a missing stream in a conflict as no-stream, in both namings', () => {
    for (const error of [
      { type: 'wrong-expected-version', actualVersion: 'no_stream' },
      { type: 'wrong-expected-version', actualState: -1n },
    ]) {
      expect(translateClientError(error, { ...context, expected: 0 })).toMatchObject({
        actual: 'no-stream',
      });
    }
  });

  it('reads a deleted or tombstoned stream as tombstoned', () => {
    for (const type of ['stream-deleted', 'stream-tombstoned']) {
      const translated = translateClientError({ type }, context);
      expect(isStreamDeleted(translated)).toBe(true);
      expect(translated).toMatchObject({ streamId: 'dispute-1', tombstoned: true });
    }
  });

  it.each(['unavailable', 'deadline-exceeded', 'not-leader', 'timeout', 'cancelled', 'unknown'])(
    'turns %s into StoreUnavailableError with the cause',
    (type) => {
      const error = Object.assign(new Error(`${type} happened`), {
        type,
        leader: { address: 'n2', port: 2113 },
      });
      const translated = translateClientError(error, context);
      expect(isStoreUnavailable(translated)).toBe(true);
      expect(translated).toMatchObject({ store: 'eventstoredb', cause: error });
      expect((translated as Error).message).toContain("append to 'dispute-1'");
    },
  );

  it('names the leader a follower pointed to', () => {
    const translated = translateClientError(
      { type: 'not-leader', leader: { address: 'node-2', port: 2113 } },
      context,
    );
    expect((translated as Error).message).toContain('node-2:2113');
  });

  it('turns a raw gRPC status into StoreUnavailableError, and passes other errors through', () => {
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: 14,
    });
    expect(isStoreUnavailable(translateClientError(grpc, context))).toBe(true);
    const bug = new TypeError('x is not a function');
    expect(translateClientError(bug, context)).toBe(bug);
  });

  it('turns access denied into AccessDeniedError, never unavailable', () => {
    for (const error of [
      { type: 'access-denied' },
      Object.assign(new Error('7 PERMISSION_DENIED: Access Denied'), { code: 7 }),
      Object.assign(new Error('16 UNAUTHENTICATED'), { code: 16 }),
    ]) {
      const translated = translateClientError(error, context);
      expect(isAccessDenied(translated)).toBe(true);
      expect(isStoreUnavailable(translated)).toBe(false);
      expect(translated).toMatchObject({
        store: 'eventstoredb',
        operation: "append to 'dispute-1'",
        cause: error,
      });
    }
  });

  it("names the event beyond the server's maximum event size, from either client's error", () => {
    const event = (id: string, notes: string) => ({
      id,
      contentType: 'application/json' as const,
      type: 'VisitConducted',
      data: { notes },
      metadata: {},
    });
    const events = [
      event('00000000-0000-0000-0000-000000000001', 'x'.repeat(900)),
      event('00000000-0000-0000-0000-000000000002', 'x'.repeat(400)),
    ];
    // Over the Append call: the raw status's metadata names the event.
    const metadata = new Metadata();
    metadata.set('exception', 'maximum-append-event-size-exceeded');
    metadata.set('maximum-append-event-size', '256');
    metadata.set('event-id', '{ "string": "00000000-0000-0000-0000-000000000002" }');
    const unary = Object.assign(new Error('3 INVALID_ARGUMENT: Event with Id ...'), {
      type: 'unknown',
      _raw: { code: 3, metadata },
    });
    expect(translateClientError(unary, { ...context, events })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'events.1', message: expect.stringMatching(/\(256 bytes\)$/) }],
      cause: unary,
    });
    // Over BatchAppend the client keeps only the status's name: the largest event is over.
    const batch = Object.assign(new Error('Could not recognize MaximumAppendEventSizeExceeded'), {
      type: 'unknown',
    });
    expect(translateClientError(batch, { ...context, events })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'events.0' }],
    });
    // Any other unrecognised failure is still "unavailable".
    const other = Object.assign(new Error('Could not recognize BadRequest'), { type: 'unknown' });
    expect(isStoreUnavailable(translateClientError(other, { ...context, events }))).toBe(true);
  });

  it('turns an oversized batch into a ValidationError naming events', () => {
    const translated = translateClientError(
      { type: 'maximum-append-size-exceeded', maxAppendSize: 1048576 },
      context,
    );
    expect(isValidationError(translated)).toBe(true);
    expect(translated).toMatchObject({ issues: [{ path: 'events' }] });
  });
});

describe('expected versions', () => {
  it.each([
    ['no-stream', 'no_stream'],
    ['stream-exists', 'stream_exists'],
    ['any', 'any'],
    [7, 7n],
  ] as const)('sends %j under both option names', (expected, state) => {
    expect(appendOptionsFor(expected)).toEqual({ expectedRevision: state, streamState: state });
  });
});
