// A filtered catch-up subscription to $all, as the server runs it (KurrentDB
// `src/KurrentDB.Core/Services/Transport/Enumerators/Enumerator.AllSubscriptionFiltered.cs`, pages
// read by `Services/Storage/ReaderIndex/AllReader.cs`, live checkpoints by
// `Services/SubscriptionsService.cs`). Catching up, it reads pages of at most 32 matches or
// `maxSearchWindow` looked-at events and sends a checkpoint only after whole pages, once the
// checkpoint interval is reached: the position the page *began* at, which is no event's position
// (the first page begins at 0/0), unless an event it sent lies further on. Reaching the end it
// sends one more checkpoint and caught-up; live, it sends one at every interval-th event written.
import type { DoubleContext } from './context.js';
import { send, type ResponseStream } from './context.js';
import { recordFilterOf, searchWindowOf } from './filter.js';
import { comparePositions, type LogPosition, type LogRecord, type TransactionLog } from './log.js';
import { checkpointResponse, readEventResponse } from './messages.js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';

/** `Enumerator.DefaultReadBatchSize`: the most matching events one page returns. */
const PAGE_SIZE = 32;
/** `TFPos.FirstRecordOfTf`. */
const FIRST_RECORD: LogPosition = { commit: 0n, prepare: 0n };

interface Page {
  readonly events: readonly LogRecord[];
  readonly considered: number;
  /** Where the next page begins: past the last record looked at, as `(post-position, 0)`. */
  readonly next: LogPosition;
  readonly endOfLog: boolean;
}

/** `AllReader.ReadAllEventsForwardInternal` with a filter, from `from` (inclusive). */
function readPage(
  log: TransactionLog,
  from: LogPosition,
  window: number,
  matches: (record: LogRecord) => boolean,
): Page {
  const events: LogRecord[] = [];
  let index = log.indexAtOrAfter(from);
  let considered = 0;
  let next = from;
  let endOfLog = false;
  while (events.length < PAGE_SIZE && considered < window) {
    const record = log.records[index++];
    if (record === undefined) {
      endOfLog = true;
      break;
    }
    considered++;
    if (matches(record)) events.push(record);
    next = { commit: record.postPosition, prepare: 0n };
  }
  return { events, considered, next, endOfLog };
}

/** Before `b`; `undefined` stands for the head of the log, before everything. */
const before = (a: LogPosition | undefined, b: LogPosition): boolean =>
  a === undefined || comparePositions(a, b) < 0;

export async function serveFilteredAllSubscription(
  context: DoubleContext,
  call: ResponseStream<StreamsPb.ReadResp>,
  options: StreamsPb.ReadReq.Options,
  caughtUp: (at: LogPosition | undefined) => StreamsPb.ReadResp,
): Promise<void> {
  const p = context.protocol;
  const log = context.database.log;
  const matches = recordFilterOf(options) ?? (() => true);
  const window = searchWindowOf(options);
  const interval =
    window * Math.max(1, options.getFilter()?.getCheckpointintervalmultiplier() ?? 1);
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  // The live subscription is made first: it counts every event written from now on.
  let liveIndex = log.records.length;
  const all = options.getAll();
  const given = all?.getPosition();
  // The event or checkpoint most recently sent: events after it, checkpoints at or after it.
  let checkpoint: LogPosition | undefined = given
    ? { commit: BigInt(given.getCommitPosition()), prepare: BigInt(given.getPreparePosition()) }
    : undefined;
  let sentCheckpoint: LogPosition | undefined;
  const sendEvent = (record: LogRecord): Promise<boolean> =>
    send(call, readEventResponse(p, record, structured));
  // The enumerator drops a checkpoint that is not past the previous one.
  const sendCheckpoint = async (at: LogPosition | undefined): Promise<boolean> => {
    if (at === undefined || (sentCheckpoint && comparePositions(at, sentCheckpoint) <= 0)) {
      return !call.cancelled;
    }
    sentCheckpoint = at;
    return send(call, checkpointResponse(p, at));
  };

  if (all?.hasEnd()) {
    const last = log.records[log.records.length - 1];
    checkpoint = last?.position;
  } else {
    let counter = 0;
    let from = checkpoint ?? FIRST_RECORD;
    for (;;) {
      if (call.cancelled) return;
      const page = readPage(log, from, window, matches);
      for (const record of page.events) {
        // Only the first page can hold the starting position itself.
        if (!before(checkpoint, record.position)) continue;
        if (!(await sendEvent(record))) return;
        checkpoint = record.position;
      }
      // Everything before the page's start has been looked at; its end not necessarily yet.
      if (before(checkpoint, from) && comparePositions(from, page.next) < 0) checkpoint = from;
      counter += page.considered;
      if (page.endOfLog) {
        if (before(checkpoint, FIRST_RECORD) && comparePositions(FIRST_RECORD, page.next) < 0) {
          checkpoint = FIRST_RECORD;
        }
        if (!(await sendCheckpoint(checkpoint))) return;
        break;
      }
      if (counter >= interval) {
        counter %= interval;
        if (!(await sendCheckpoint(checkpoint))) return;
      }
      from = page.next;
      // Let other calls run between pages, as the server's reader does.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!(await send(call, caughtUp(checkpoint)))) return;

  let liveCounter = 0;
  while (!call.cancelled) {
    const record = log.records[liveIndex];
    if (record === undefined) {
      await new Promise<void>((resolve) => {
        if (log.records[liveIndex] !== undefined) return resolve();
        const done = (): void => {
          stop();
          call.off('cancelled', done);
          resolve();
        };
        const stop = log.onWrite(done);
        call.once('cancelled', done);
      });
      continue;
    }
    liveIndex++;
    if (matches(record) && before(checkpoint, record.position)) {
      if (!(await sendEvent(record))) return;
      checkpoint = record.position;
    }
    if (++liveCounter >= interval) {
      liveCounter = 0;
      if (checkpoint === undefined || comparePositions(record.position, checkpoint) >= 0) {
        if (!(await sendCheckpoint(record.position))) return;
        checkpoint = record.position;
      }
    }
  }
}
