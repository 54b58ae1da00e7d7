// Fault injection for crash tests: a read-model store whose n-th save fails (before or after it
// lands, the "acknowledgement lost" case), and an event store whose reads die after n events.
import {
  StoreUnavailableError,
  type EventStore,
  type ReadModelStore,
  type StoredEvent,
} from '@gridledger/core';

export class Crash extends Error {
  constructor(where: string) {
    super(`simulated crash: ${where}`);
  }
}

export interface SaveFault {
  /** 1-based index of the save that fails. */
  readonly failOnSave: number;
  /** When true the save lands first and only the acknowledgement is lost. */
  readonly afterCommit: boolean;
}

export function faultyReadModels(inner: ReadModelStore, fault: SaveFault): ReadModelStore {
  let saves = 0;
  return {
    name: `faulty(${inner.name})`,
    load: (key) => inner.load(key),
    async save(key, record) {
      saves++;
      if (saves === fault.failOnSave && !fault.afterCommit) throw new Crash(`before save ${saves}`);
      await inner.save(key, record);
      if (saves === fault.failOnSave) throw new Crash(`after save ${saves}`);
    },
    promote: (from, to) => inner.promote(from, to),
    delete: (key) => inner.delete(key),
    keys: (prefix) => inner.keys(prefix),
  };
}

/** Reads of the global log fail once `afterEvents` events have been handed out in total. */
export function faultyEventStore(inner: EventStore, afterEvents: number): EventStore {
  let served = 0;
  const guard = (events: AsyncIterable<StoredEvent>): AsyncIterable<StoredEvent> => ({
    async *[Symbol.asyncIterator]() {
      for await (const event of events) {
        if (served++ >= afterEvents) throw new StoreUnavailableError(inner.name, 'connection lost');
        yield event;
      }
    },
  });
  return {
    name: inner.name,
    readAll: (options) => guard(inner.readAll(options)),
    append: (...args) => inner.append(...args),
    readStream: (...args) => inner.readStream(...args),
    subscribe: (...args) => inner.subscribe(...args),
    close: () => inner.close(),
    ...(inner.countEvents ? { countEvents: (o) => inner.countEvents!(o) } : {}),
  };
}
