import {
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
