// Iterates a client read (a Node stream in one client, an async generator in the other) with
// `for await` semantics only, turning client failures into typed errors at the point they occur,
// and giving up on a server that does not answer within the deadline.
import type { EsdbReadLike, EsdbResolvedEventLike } from './clientLike.js';
import { CutShort, noAnswer, release, within } from './deadline.js';
import type { ReadContext } from './readContext.js';

/** Cancels a read's call where the client allows it (a Node-stream read keeps it open). */
function cancelOf(read: EsdbReadLike): (() => Promise<unknown>) | undefined {
  const cancel = (read as { cancel?: unknown }).cancel;
  return typeof cancel === 'function' ? () => Promise.resolve(cancel.call(read)) : undefined;
}

/**
 * Yields what `read` yields; a failure of the read itself goes through `onError` (which returns
 * the error to throw). Each step waits at most the store's deadline; leaving early, timing out or
 * the store closing lets go of the call. A read cut off by the store's closing fails: it never
 * looks complete.
 */
export async function* guardedRead(
  context: ReadContext,
  operation: string,
  read: EsdbReadLike,
  onError: (error: unknown) => Promise<unknown>,
): AsyncGenerator<EsdbResolvedEventLike, void, undefined> {
  const iterator = read[Symbol.asyncIterator]();
  const { store, deadline, lifetime, closedError } = context;
  let finished = false;
  try {
    for (;;) {
      let step: IteratorResult<EsdbResolvedEventLike>;
      try {
        step = await within(
          iterator.next(),
          deadline,
          () => noAnswer(store, operation, deadline),
          lifetime,
          closedError,
        );
      } catch (error) {
        finished = true;
        if (error instanceof CutShort) {
          // Nobody waits for these: a hung server may never settle them.
          cancelOf(read)?.().catch(() => undefined);
          iterator.return?.().catch(() => undefined);
          throw error.error;
        }
        throw await onError(error);
      }
      if (step.done === true) {
        finished = true;
        // A client disposed under a read ends it as if it were complete.
        if (lifetime.closed) throw closedError();
        return;
      }
      yield step.value;
    }
  } finally {
    if (!finished) {
      await release(cancelOf(read)?.(), deadline);
      await release(iterator.return?.(), deadline);
    }
  }
}
