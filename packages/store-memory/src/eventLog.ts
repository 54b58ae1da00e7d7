// The memory store's data: one global array in commit order, plus per-stream and per-type index
// arrays so stream reads cost O(result) and rarely matching type filters skip what they ignore.
import type { GlobalFilter, StoredEvent } from '@gridledger/core/store';

export interface EventLog {
  /** Every event in commit order; an event's index is its position minus one. */
  readonly all: StoredEvent[];
  /** Each stream's events, by 0-based stream version. */
  readonly streams: Map<string, StoredEvent[]>;
  /** For each event type, the global indices of its events, ascending. */
  readonly byType: Map<string, number[]>;
}

export const createEventLog = (): EventLog => ({ all: [], streams: new Map(), byType: new Map() });

export function record(log: EventLog, event: StoredEvent): void {
  const index = log.all.length;
  log.all.push(event);
  let indices = log.byType.get(event.type);
  if (indices === undefined) {
    indices = [];
    log.byType.set(event.type, indices);
  }
  indices.push(index);
}

/** First place in the ascending `indices` whose value is >= `from`. */
function lowerBound(indices: readonly number[], from: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((indices[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A resumable walk over the global log that yields only events matching the filter. It reads the
 * live arrays, so events appended after it was created are seen too (subscriptions rely on it).
 */
export class FilteredCursor {
  private index: number;
  private readonly prefix: string;
  /** One lane per filtered type, or null when every type matches. */
  private readonly lanes: Lane[] | null;

  constructor(
    private readonly log: EventLog,
    filter: GlobalFilter,
    from: number,
  ) {
    this.index = from;
    this.prefix = filter.streamPrefix ?? '';
    this.lanes = filter.types
      ? [...new Set(filter.types)].map((type) => {
          const indices = log.byType.get(type);
          return { type, indices, next: indices ? lowerBound(indices, from) : 0 };
        })
      : null;
  }

  /** The next matching event whose index is below `end`, or undefined when there is none yet. */
  next(end: number): StoredEvent | undefined {
    for (;;) {
      const index = this.lanes ? this.nextTypedIndex(this.lanes, end) : this.index;
      if (index < 0 || index >= end) return undefined;
      this.index = index + 1;
      const event = this.log.all[index] as StoredEvent;
      if (this.prefix === '' || event.streamId.startsWith(this.prefix)) return event;
    }
  }

  /** The smallest unread index among the filtered types' index arrays, below `end`; else -1. */
  private nextTypedIndex(lanes: Lane[], end: number): number {
    let best = -1;
    let bestLane: Lane | undefined;
    for (const lane of lanes) {
      // A type first appended after this cursor was made gets its index array late.
      if (lane.indices === undefined) {
        lane.indices = this.log.byType.get(lane.type);
        if (lane.indices === undefined) continue;
        lane.next = lowerBound(lane.indices, this.index);
      }
      if (lane.next >= lane.indices.length) continue;
      const candidate = lane.indices[lane.next] as number;
      if (candidate < end && (best < 0 || candidate < best)) {
        best = candidate;
        bestLane = lane;
      }
    }
    if (bestLane) bestLane.next++;
    return best;
  }
}

interface Lane {
  readonly type: string;
  indices: number[] | undefined;
  next: number;
}

/** How many events after `from` match the filter, without materialising them. */
export function countMatching(log: EventLog, filter: GlobalFilter, from: number): number {
  if (filter.streamPrefix === undefined || filter.streamPrefix === '') {
    if (filter.types === undefined) return log.all.length - from;
    let count = 0;
    for (const type of new Set(filter.types)) {
      const indices = log.byType.get(type);
      if (indices) count += indices.length - lowerBound(indices, from);
    }
    return count;
  }
  const cursor = new FilteredCursor(log, filter, from);
  const end = log.all.length;
  let count = 0;
  while (cursor.next(end) !== undefined) count++;
  return count;
}
