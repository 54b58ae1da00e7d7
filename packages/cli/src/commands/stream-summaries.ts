// What `gridledger streams` knows of each stream: found in one pass over the global log (ids,
// event counts, first and last times), then, for the streams kept, the aggregate's state folded
// by the ledger, from which the grid and status are read.
import { aggregateForStream, type AnyAggregate } from '@gridledger/core/audit';
import { createLedger, isGridledgerError, type EventStore } from '@gridledger/core';
import { aggregates, registry } from './audit-common.js';

export interface StreamSummary {
  readonly streamId: string;
  /** The aggregate's name (`Dispute`); undefined for a stream of no known aggregate. */
  readonly aggregate: string | undefined;
  readonly grids: readonly string[];
  /** The state's status; undefined when the aggregate has none. */
  readonly status: string | undefined;
  /** Why the state could not be folded, when it could not (the stream does not verify…). */
  readonly problem?: string;
  readonly events: number;
  readonly lastVersion: number;
  readonly firstOccurredAt: string;
  readonly lastOccurredAt: string;
}

export interface StreamFilter {
  readonly aggregate?: AnyAggregate;
  readonly grid?: string;
  readonly status?: string;
}

export interface StreamListing {
  /** The streams kept, in the order of their first event in the log. */
  readonly kept: StreamSummary[];
  /** Streams that passed every filter but the status: what `--status` could have said. */
  readonly ofOtherStatus: StreamSummary[];
  readonly totals: { readonly streams: number; readonly events: number };
}

interface Seen {
  events: number;
  lastVersion: number;
  firstOccurredAt: string;
  lastOccurredAt: string;
}

export async function listStreams(
  store: EventStore,
  filter: StreamFilter,
  signal?: AbortSignal,
): Promise<StreamListing> {
  const seen = new Map<string, Seen>();
  let events = 0;
  for await (const event of store.readAll()) {
    signal?.throwIfAborted();
    events++;
    const { occurredAt } = event.metadata;
    const known = seen.get(event.streamId);
    if (known === undefined) {
      seen.set(event.streamId, {
        events: 1,
        lastVersion: event.streamVersion,
        firstOccurredAt: occurredAt,
        lastOccurredAt: occurredAt,
      });
    } else {
      known.events++;
      known.lastVersion = event.streamVersion;
      known.lastOccurredAt = occurredAt;
    }
  }
  const ledger = createLedger({ store, registry });
  const kept: StreamSummary[] = [];
  const ofOtherStatus: StreamSummary[] = [];
  for (const [streamId, stream] of seen) {
    const aggregate = aggregateForStream(aggregates, streamId);
    if (filter.aggregate !== undefined && aggregate !== filter.aggregate) continue;
    signal?.throwIfAborted();
    const summary = {
      streamId,
      aggregate: aggregate?.name,
      ...(await stateOf(ledger, aggregate, streamId)),
      ...stream,
    };
    if (filter.grid !== undefined && !summary.grids.includes(filter.grid)) continue;
    if (filter.status !== undefined && summary.status !== filter.status)
      ofOtherStatus.push(summary);
    else kept.push(summary);
  }
  return { kept, ofOtherStatus, totals: { streams: seen.size, events } };
}

async function stateOf(
  ledger: ReturnType<typeof createLedger>,
  aggregate: AnyAggregate | undefined,
  streamId: string,
): Promise<{ grids: string[]; status: string | undefined; problem?: string }> {
  if (aggregate === undefined) return { grids: [], status: undefined };
  try {
    const id = streamId.slice(aggregate.streamPrefix.length);
    const loaded: { readonly state: unknown } = await ledger.load(aggregate, id);
    return describeState(loaded.state);
  } catch (error) {
    if (!isGridledgerError(error)) throw error;
    return { grids: [], status: undefined, problem: error.code };
  }
}

/**
 * The grid and status of any aggregate's state, read by their names in the domain's states
 * (`grid`, `grids`, `assignment.grid`, `status`), so an aggregate added later is listed too.
 */
export function describeState(state: unknown): { grids: string[]; status: string | undefined } {
  const record = (typeof state === 'object' && state !== null ? state : {}) as Record<
    string,
    unknown
  >;
  const assignment = record['assignment'] as Record<string, unknown> | null | undefined;
  const grids = [
    record['grid'],
    ...(Array.isArray(record['grids']) ? (record['grids'] as unknown[]) : []),
    assignment?.['grid'],
  ].filter((grid): grid is string => typeof grid === 'string');
  const status = typeof record['status'] === 'string' ? record['status'] : undefined;
  return { grids: [...new Set(grids)], status };
}
