// Causes across streams: from an event's causationId back to the event that led to it (a dispute
// reported because of a DisputeSpotted on a visit), and on back, as far as the chain goes.
import type { Actor, StoredEvent } from '../envelope.js';
import { isStreamNotFound } from '../errors.js';
import type { EventStore } from '../store.js';

/** One event, named the way an auditor cites it. */
export interface EventRef {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

export interface CauseChain {
  /** An event of the stream that names a cause. */
  readonly event: EventRef;
  /** Its cause, that cause's cause, …: nearest first. */
  readonly causes: readonly EventRef[];
  /** A causation id no event in the store has, where the chain stops. */
  readonly unresolved?: string;
}

export interface TraceCausesOptions {
  /** Streams worth searching first for an event's cause (e.g. the visit a dispute names). */
  readonly hints?: (event: StoredEvent) => readonly string[];
  /** Most causes followed back from one event. Default 16. */
  readonly maxDepth?: number;
}

export const refOf = (event: StoredEvent): EventRef => ({
  streamId: event.streamId,
  streamVersion: event.streamVersion,
  eventId: event.id,
  type: event.type,
  actor: event.metadata.actor,
  occurredAt: event.metadata.occurredAt,
  recordedAt: event.metadata.recordedAt,
});

/**
 * The events with these ids: looked for in `streams` first, then in the global log, which is
 * read only as far as needed to find them all. Ids no event has are absent from the result.
 */
export async function findEvents(
  store: EventStore,
  ids: Iterable<string>,
  options: { readonly streams?: Iterable<string> } = {},
): Promise<Map<string, StoredEvent>> {
  const wanted = new Set(ids);
  const found = new Map<string, StoredEvent>();
  const take = (event: StoredEvent): boolean => {
    if (wanted.delete(event.id)) found.set(event.id, event);
    return wanted.size === 0;
  };
  for (const streamId of new Set(options.streams ?? [])) {
    if (wanted.size === 0) return found;
    try {
      for await (const event of store.readStream(streamId)) if (take(event)) return found;
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
  }
  if (wanted.size === 0) return found;
  for await (const event of store.readAll()) if (take(event)) break;
  return found;
}

/** For every event of `streamId` with a causationId, the chain of events that led to it. */
export async function traceCauses(
  store: EventStore,
  streamId: string,
  options: TraceCausesOptions = {},
): Promise<CauseChain[]> {
  const maxDepth = options.maxDepth ?? 16;
  const hintsOf = options.hints ?? (() => []);
  const caused: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) {
    if (event.metadata.causationId !== undefined) caused.push(event);
  }
  const known = new Map<string, StoredEvent | null>();
  let frontier = caused;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const ids = new Set<string>();
    const streams = new Set<string>([streamId]);
    for (const event of frontier) {
      const id = event.metadata.causationId;
      if (id === undefined || known.has(id)) continue;
      ids.add(id);
      for (const hint of hintsOf(event)) streams.add(hint);
      streams.add(event.streamId);
    }
    const found = await findEvents(store, ids, { streams });
    for (const id of ids) known.set(id, found.get(id) ?? null);
    frontier = [...found.values()];
  }
  return caused.map((event) => chainOf(event, known, maxDepth));
}

function chainOf(
  event: StoredEvent,
  known: ReadonlyMap<string, StoredEvent | null>,
  maxDepth: number,
): CauseChain {
  const causes: EventRef[] = [];
  const visited = new Set<string>([event.id]);
  let id = event.metadata.causationId;
  while (id !== undefined && causes.length < maxDepth && !visited.has(id)) {
    const cause = known.get(id);
    if (cause === undefined) break;
    if (cause === null) return { event: refOf(event), causes, unresolved: id };
    visited.add(id);
    causes.push(refOf(cause));
    id = cause.metadata.causationId;
  }
  return { event: refOf(event), causes };
}
