// Reading one stream and reading $all. Validation and every failure surface while iterating,
// as the port requires; events come back exactly as they were appended.
import {
  StreamDeletedError,
  StreamNotFoundError,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from '@gridledger/core';
import { checkStreamId } from './appendInput.js';
import { clientErrorType, translateClientError } from './clientErrors.js';
import { guardedRead } from './clientReads.js';
import { CutShort, noAnswer, within } from './deadline.js';
import { fromRecorded, isSystemRecord } from './eventCodec.js';
import { openFeed } from './feed.js';
import { checkFilter, recordMatcher } from './filters.js';
import { comparePositions, decodePosition, type LogPosition } from './position.js';
import type { ReadContext } from './readContext.js';
import { checkReadLimit as checkLimit, checkStreamReadOptions } from '@gridledger/core/store';

/**
 * A missing stream arrives as a stream-not-found error while iterating. EventStoreDB reports a
 * soft-deleted stream the same way, so the stream's metadata decides which one it is: soft
 * deletion leaves a truncate-before mark there.
 */
async function missingStreamError(context: ReadContext, streamId: string, cause: unknown) {
  const operation = `read of the metadata of stream '${streamId}'`;
  const { store, deadline, lifetime, closedError } = context;
  try {
    const { metadata } = await within(
      context.client.getStreamMetadata(context.namespace + streamId),
      deadline,
      () => noAnswer(store, operation, deadline),
      lifetime,
      closedError,
    );
    const truncateBefore = metadata?.truncateBefore;
    if (typeof truncateBefore === 'number' || typeof truncateBefore === 'bigint') {
      return new StreamDeletedError(streamId, false, { cause });
    }
  } catch (error) {
    if (error instanceof CutShort) return error.error;
    return translateClientError(error, { store, operation, streamId });
  }
  return new StreamNotFoundError(streamId, { cause });
}

export async function* readStream(
  context: ReadContext,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<StoredEvent, void, undefined> {
  context.ensureOpen();
  checkStreamId(streamId, 'read of a stream');
  checkStreamReadOptions(options, streamId);
  const backwards = options.direction === 'backwards';
  const from = options.fromVersion;
  const read = context.client.readStream(context.namespace + streamId, {
    direction: backwards ? 'backwards' : 'forwards',
    fromRevision: from === undefined ? (backwards ? 'end' : 'start') : BigInt(from),
    // A limit of 0 still reads one event, so that a missing stream is reported as missing.
    ...(options.limit === undefined ? {} : { maxCount: Math.max(options.limit, 1) }),
  });
  const operation = `read of stream '${streamId}'`;
  const onError = async (error: unknown): Promise<unknown> =>
    clientErrorType(error) === 'stream-not-found'
      ? missingStreamError(context, streamId, error)
      : translateClientError(error, { store: context.store, operation, streamId });
  let served = 0;
  for await (const resolved of guardedRead(context, operation, read, onError)) {
    const record = resolved.event;
    if (record === undefined || isSystemRecord(record)) continue;
    if (served >= (options.limit ?? Infinity)) return;
    served++;
    yield fromRecorded(record, streamId);
  }
}

/** The position of the last record in $all (any stream), or undefined for an empty log. */
async function endOfLog(context: ReadContext, operation: string): Promise<LogPosition | undefined> {
  const read = context.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
  const onError = async (error: unknown): Promise<unknown> =>
    translateClientError(error, { store: context.store, operation });
  for await (const resolved of guardedRead(context, operation, read, onError)) {
    return resolved.event?.position;
  }
  return undefined;
}

/**
 * Reads $all up to where it ended when the read began. The walk goes through a server-filtered
 * catch-up subscription (the older client cannot filter a read on the server), bounded by the
 * end of the log: it stops at the first event or checkpoint at or past that end.
 */
export async function* readAll(
  context: ReadContext,
  options: ReadAllOptions = {},
): AsyncGenerator<StoredEvent, void, undefined> {
  context.ensureOpen();
  const operation = 'read of the global log';
  checkFilter(options, operation);
  checkLimit(options.limit, operation);
  const after = options.after === undefined ? undefined : decodePosition(options.after, operation);
  const limit = options.limit ?? Infinity;
  if (limit === 0 || options.types?.length === 0) return;
  const end = await endOfLog(context, operation);
  if (end === undefined || (after !== undefined && comparePositions(after, end) >= 0)) return;
  const { namespace } = context;
  const matches = recordMatcher(options, namespace, context.foreignEvents);
  const feed = openFeed(context, { filter: options, after, operation });
  try {
    let served = 0;
    for (;;) {
      const item = await feed.next(true);
      // A feed ends by itself only when the store closes under it: the read is incomplete.
      if (item === undefined) throw context.closedError();
      if (item.kind === 'caught-up') return;
      const position = item.kind === 'event' ? item.record.position : item.position;
      if (position === undefined) continue;
      const past = comparePositions(position, end);
      if (past > 0 || (item.kind === 'checkpoint' && past === 0)) return;
      if (item.kind === 'event' && matches(item.record)) {
        yield fromRecorded(item.record, item.record.streamId.slice(namespace.length));
        if (++served >= limit) return;
      }
      if (past === 0) return;
    }
  } finally {
    await feed.close();
  }
}
