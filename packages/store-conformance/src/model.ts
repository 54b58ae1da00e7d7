// The model the model-based contract checks a store against: a Map of arrays (one per stream)
// and one global array, with the expected-version rules written out as plainly as possible.
import type { ExpectedVersion, GlobalFilter, Position, ReadStreamOptions } from '@gridledger/core';

export interface ModelEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** From the append result: the batch's last event's, or every event's if the store says. */
  position?: Position;
}

export interface Model {
  readonly streams: Map<string, ModelEvent[]>;
  readonly global: ModelEvent[];
}

export const emptyModel = (): Model => ({ streams: new Map(), global: [] });

export function lastVersion(model: Model, streamId: string): number | 'no-stream' {
  const stream = model.streams.get(streamId);
  return stream === undefined ? 'no-stream' : stream.length - 1;
}

export function accepts(expected: ExpectedVersion, actual: number | 'no-stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 'no-stream';
  if (expected === 'stream-exists') return actual !== 'no-stream';
  return expected === actual;
}

export function recordAppend(
  model: Model,
  streamId: string,
  events: readonly { id: string; type: string }[],
): ModelEvent[] {
  const stream = model.streams.get(streamId) ?? [];
  model.streams.set(streamId, stream);
  const added = events.map((e, i) => ({
    id: e.id,
    type: e.type,
    streamId,
    streamVersion: stream.length + i,
  }));
  for (const event of added) {
    stream.push(event);
    model.global.push(event);
  }
  return added;
}

/** What readStream must return, or undefined when the stream is missing. */
export function expectedStreamRead(
  model: Model,
  streamId: string,
  options: ReadStreamOptions,
): ModelEvent[] | undefined {
  const stream = model.streams.get(streamId);
  if (stream === undefined) return undefined;
  const limit = options.limit ?? Infinity;
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromVersion ?? stream.length - 1, stream.length - 1);
    return stream
      .slice(0, from + 1)
      .reverse()
      .slice(0, limit);
  }
  return stream.slice(options.fromVersion ?? 0).slice(0, limit);
}

/** What readAll must return after global index `afterIndex` (-1: from the start). */
export function expectedGlobalRead(
  model: Model,
  afterIndex: number,
  filter: GlobalFilter,
  limit: number | undefined,
): ModelEvent[] {
  return model.global
    .slice(afterIndex + 1)
    .filter(
      (e) =>
        (filter.types === undefined || filter.types.includes(e.type)) &&
        (filter.streamPrefix === undefined || e.streamId.startsWith(filter.streamPrefix)),
    )
    .slice(0, limit ?? Infinity);
}
