// A store whose global reads pause for the event loop every so often. better-sqlite3 reads
// synchronously and hands each event over in an already-resolved promise, so a long rebuild
// never reaches the event loop: the Ctrl-C handler (and with it the AbortSignal the runner
// watches) would only run once the whole pass was over.
import type { EventStore, ReadAllOptions, StoredEvent } from '@gridledger/core';

/** Events between two pauses: a pause (one setImmediate) costs microseconds, a thousand events milliseconds. */
const EVENTS_PER_PAUSE = 1000;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export function interruptible(store: EventStore): EventStore {
  return {
    name: store.name,
    append: (streamId, events, options) => store.append(streamId, events, options),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options?: ReadAllOptions) => pausing(store.readAll(options)),
    subscribe: (options) => store.subscribe(options),
    ...(store.countEvents === undefined
      ? {}
      : { countEvents: (options?: ReadAllOptions) => store.countEvents!(options) }),
    close: () => store.close(),
  };
}

async function* pausing(events: AsyncIterable<StoredEvent>): AsyncIterable<StoredEvent> {
  // A pause before the first event too: a Ctrl-C pressed while starting is seen before folding.
  let untilPause = 0;
  for await (const event of events) {
    if (untilPause-- === 0) {
      await pause();
      untilPause = EVENTS_PER_PAUSE - 1;
    }
    yield event;
  }
}
