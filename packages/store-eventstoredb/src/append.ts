// One append: checked, sent with the exact expected version the caller gave, within the deadline.
// An answer lost on the way (a dropped connection, a node not ready, a follower) is retried with
// the same event ids and the same exact expectation while the deadline allows: the server then
// compares the ids with the events at exactly those revisions (KurrentDB `IndexWriter.CheckCommit`),
// so the retry lands once, or is recognised and answered with the original position, never
// written twice. With `any` or `stream-exists` the server recognises a repeat only while it still
// remembers the ids, so those appends are not retried and their error says the outcome is unknown.
// (The ledger always appends with an exact version, decision 003.)
import {
  ConcurrencyConflictError,
  StoreUnavailableError,
  isStoreUnavailable,
  isStreamDeleted,
  isStreamNotFound,
  type AppendOptions,
  type AppendResult,
  type EventToAppend,
  type ExpectedVersion,
  type StoredEvent,
} from '@gridledger/core/store';
import { checkEsdbAppend } from './appendInput.js';
import type { EsdbAppendResultLike } from './clientLike.js';
import { translateClientError } from './clientErrors.js';
import { CutShort, noAnswer, within } from './deadline.js';
import { toEventData } from './eventCodec.js';
import { appendOptionsFor } from './expectedVersion.js';
import { encodePosition } from './position.js';
import type { ReadContext } from './readContext.js';
import { readStream } from './reads.js';

/** Tries per append, and the pause before each retry (times the attempt). */
const ATTEMPTS = 3;
const PAUSE_MS = 50;
/** A retry needs this share of the deadline left: after a timeout there is no point. */
const RETRY_BUDGET = 0.25;
/**
 * The client and the server are given a little less time than the store's deadline, so that
 * their own answer to a lapsed deadline (more telling than none) arrives before the store gives up.
 */
const clientDeadline = (remaining: number): number =>
  Math.max(1, Math.floor(remaining - Math.min(250, remaining / 5)));

const exact = (expected: ExpectedVersion): boolean =>
  typeof expected === 'number' || expected === 'no-stream';

/** What an append that got no answer may have done, for its error message. */
const unknownOutcome = (expected: ExpectedVersion): string =>
  exact(expected)
    ? '; the events may have been written: appending them again with the same expected version is safe, the server recognises a repeat'
    : `; the events may have been written, and appending them again with '${String(expected)}' may write them twice`;

/** The first stored event of `streamId` at or after `version`, for facts the append lacks. */
async function eventAt(
  context: ReadContext,
  streamId: string,
  version: number,
): Promise<StoredEvent | undefined> {
  for await (const event of readStream(context, streamId, { fromVersion: version, limit: 1 })) {
    return event;
  }
  return undefined;
}

async function lastVersionOf(
  context: ReadContext,
  streamId: string,
): Promise<number | 'no-stream'> {
  try {
    for await (const event of readStream(context, streamId, {
      direction: 'backwards',
      limit: 1,
    })) {
      return event.streamVersion;
    }
  } catch (error) {
    if (isStreamNotFound(error) || (isStreamDeleted(error) && !error.tombstoned)) {
      return 'no-stream';
    }
    throw error;
  }
  return 'no-stream';
}

async function settle(
  context: ReadContext,
  streamId: string,
  expected: ExpectedVersion,
  result: EsdbAppendResultLike,
): Promise<AppendResult> {
  if (!result.success) {
    // Only a client built with throwOnAppendFailure: false answers a conflict this way.
    throw new ConcurrencyConflictError(streamId, expected, await lastVersionOf(context, streamId));
  }
  const streamVersion = Number(result.nextExpectedRevision);
  if (result.position !== undefined) {
    return { streamVersion, position: encodePosition(result.position) };
  }
  // A repeat of an earlier append is acknowledged with the original position, unless the server
  // can no longer read that event (the stream was soft-deleted since): then it is looked up.
  const last = await eventAt(context, streamId, streamVersion);
  if (last === undefined) {
    throw new StoreUnavailableError(context.store, `append to '${streamId}' reported no position`);
  }
  return { streamVersion, position: last.position };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function append(
  context: ReadContext,
  streamIdGiven: string,
  eventsGiven: readonly EventToAppend[],
  options: AppendOptions,
): Promise<AppendResult> {
  context.ensureOpen();
  const checked = checkEsdbAppend(streamIdGiven, eventsGiven, options);
  const { streamId, expectedVersion: expected, events: batch } = checked;
  const operation = `append to '${streamId}'`;
  const { client, store, deadline, lifetime, closedError } = context;
  const sent = batch.map(toEventData);
  const until = Date.now() + deadline;
  for (let attempt = 1; ; attempt++) {
    const remaining = Math.max(1, until - Date.now());
    let result: EsdbAppendResultLike;
    try {
      result = await within(
        client.appendToStream(context.namespace + streamId, sent, {
          ...appendOptionsFor(expected),
          deadline: clientDeadline(remaining),
        }),
        remaining,
        () => noAnswer(store, operation, deadline, unknownOutcome(expected)),
        lifetime,
        closedError,
      );
    } catch (error) {
      if (error instanceof CutShort) throw error.error;
      const failure = translateClientError(error, {
        store,
        operation,
        streamId,
        expected,
        events: sent,
        consequence: unknownOutcome(expected),
      });
      const retry =
        isStoreUnavailable(failure) &&
        exact(expected) &&
        attempt < ATTEMPTS &&
        until - Date.now() > Math.max(deadline * RETRY_BUDGET, PAUSE_MS * attempt);
      if (!retry) throw failure;
      await pause(PAUSE_MS * attempt);
      continue;
    }
    return settle(context, streamId, expected, result);
  }
}
