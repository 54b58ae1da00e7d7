// Iterates a client read (a Node stream in one client, an async generator in the other) with
// `for await` semantics only, turning client failures into typed errors at the point they occur.
import type { EsdbReadLike, EsdbResolvedEventLike } from './clientLike.js';

/**
 * Yields what `read` yields; a failure of the read itself goes through `onError` (which returns
 * the error to throw). Leaving early cancels the underlying call where the client allows it.
 */
export async function* guardedRead(
  read: EsdbReadLike,
  onError: (error: unknown) => Promise<unknown>,
): AsyncGenerator<EsdbResolvedEventLike, void, undefined> {
  const iterator = read[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let step: IteratorResult<EsdbResolvedEventLike>;
      try {
        step = await iterator.next();
      } catch (error) {
        finished = true;
        throw await onError(error);
      }
      if (step.done === true) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    if (!finished) {
      // A Node-stream read keeps its gRPC call open unless cancelled; a generator just returns.
      const cancel = (read as { cancel?: unknown }).cancel;
      if (typeof cancel === 'function') await (cancel as () => Promise<void>).call(read);
      await iterator.return?.();
    }
  }
}
