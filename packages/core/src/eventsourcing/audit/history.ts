// A stream's full history for an auditor: every event in order with who, when, why (causation),
// the state after it, what it changed, and whether its hash verifies. Streams of any length are
// read once, in flat memory: verdicts wait only for a short window of later events.
import type { AggregateType } from '../aggregate.js';
import type { DomainCommand } from '../decider.js';
import type { EventEncoder } from '../encoder.js';
import type { Actor, DomainEvent, Position, StoredEvent } from '../envelope.js';
import { ValidationError } from '../errors.js';
import type { EventRegistry } from '../registry.js';
import type { EventStore } from '../store.js';
import { checkAsOf, isAfter, type AsOf } from './asOf.js';
import type { TamperFinding } from './findings.js';
import { diffState, type StateChange } from './stateDiff.js';
import { createStreamInspector, type EventVerdict } from './streamInspector.js';

/** Where events are read and how they are decoded. A `Ledger` is one. */
export interface AuditSource {
  readonly store: EventStore;
  readonly registry: EventRegistry;
  /** The encoding step events were written with. Default: the identity. */
  readonly encoder?: EventEncoder;
}

/** Any aggregate, for folding state whatever its command and event types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAggregate<S = any> = AggregateType<DomainCommand, DomainEvent, S>;

export interface HistoryOptions<S = unknown> {
  /** Folds the state after each event with this aggregate. */
  readonly aggregate?: AnyAggregate<S>;
  /** Or: the aggregate among these whose stream prefix the stream id starts with (longest wins). */
  readonly aggregates?: readonly AnyAggregate[];
  /** Only the history up to this point. */
  readonly until?: AsOf;
  /** How far (in events) a moved event is looked for. Default 16. */
  readonly reach?: number;
}

export interface HistoryEntry<S = unknown> {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  /** The schema version it was stored with; `data` is upcast to the current one. */
  readonly schemaVersion: number;
  readonly position: Position;
  readonly data: unknown;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly hash: string;
  readonly prevHash: string | null;
  /** Its hash matches its content, it links to the event before it, and nothing was found. */
  readonly verified: boolean;
  /** What was done to it (or removed just before it), when it does not verify. */
  readonly findings: readonly TamperFinding[];
  /** State after it; `undefined` when no aggregate folds this stream. */
  readonly state: S | undefined;
  /** What it changed in the state. */
  readonly changes: readonly StateChange[];
  /** Why it could not be decoded or folded (the state is then left as it was). */
  readonly problem?: string;
}

/** The aggregate among `aggregates` whose stream prefix is the longest prefix of `streamId`. */
export function aggregateForStream(
  aggregates: readonly AnyAggregate[],
  streamId: string,
): AnyAggregate | undefined {
  let found: AnyAggregate | undefined;
  for (const aggregate of aggregates) {
    if (!streamId.startsWith(aggregate.streamPrefix)) continue;
    if (found === undefined || aggregate.streamPrefix.length > found.streamPrefix.length) {
      found = aggregate;
    }
  }
  return found;
}

/** The history of `streamId`, in order. A stream that does not exist throws StreamNotFoundError. */
export async function* history<S = unknown>(
  source: AuditSource,
  streamId: string,
  options: HistoryOptions<S> = {},
): AsyncGenerator<HistoryEntry<S>> {
  const until = options.until === undefined ? undefined : checkAsOf(options.until, 'history');
  const aggregate = (options.aggregate ??
    aggregateForStream(options.aggregates ?? [], streamId)) as AnyAggregate<S> | undefined;
  const reach = options.reach ?? 16;
  const inspector = createStreamInspector(streamId, { reach });
  const fold = folder(source, aggregate);
  let beyond = 0;
  for await (const stored of source.store.readStream(streamId)) {
    // Events past the point still serve as the window that judges the last ones before it.
    if ((beyond > 0 || (until !== undefined && isAfter(stored, until))) && ++beyond > reach) break;
    for (const verdict of inspector.push(stored)) {
      if (until !== undefined && isAfter(verdict.event, until)) return;
      yield await fold(verdict);
    }
  }
  for (const verdict of inspector.end()) {
    if (until !== undefined && isAfter(verdict.event, until)) return;
    yield await fold(verdict);
  }
}

/** Turns verdicts into entries, folding state as it goes. */
function folder<S>(source: AuditSource, aggregate: AnyAggregate<S> | undefined) {
  const ownTypes = new Set(aggregate?.events.map((definition) => definition.type));
  let state = aggregate?.initialState();
  return async (verdict: EventVerdict): Promise<HistoryEntry<S>> => {
    const stored = verdict.event;
    let data = stored.data;
    let problem: string | undefined;
    let next = state;
    try {
      const raw = source.encoder === undefined ? stored.data : await source.encoder.decode(stored);
      // Auditors trust nothing: every event is validated against its schema.
      const decoded = source.registry.decode({ ...stored, data: raw }, 'never');
      data = decoded.data;
      if (aggregate !== undefined) {
        if (!ownTypes.has(decoded.type)) {
          throw new ValidationError(`event ${decoded.type}`, [
            { path: 'type', message: `'${decoded.type}' is not an event of ${aggregate.name}` },
          ]);
        }
        next = aggregate.evolve(state as S, decoded);
      }
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      next = state;
    }
    const changes = aggregate === undefined ? [] : diffState(state, next);
    state = next;
    return entryOf(stored, verdict, data, state, changes, problem);
  };
}

function entryOf<S>(
  stored: StoredEvent,
  verdict: EventVerdict,
  data: unknown,
  state: S | undefined,
  changes: StateChange[],
  problem: string | undefined,
): HistoryEntry<S> {
  const { metadata } = stored;
  return {
    streamId: stored.streamId,
    streamVersion: stored.streamVersion,
    eventId: stored.id,
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    position: stored.position,
    data,
    actor: metadata.actor,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    correlationId: metadata.correlationId,
    ...(metadata.causationId === undefined ? {} : { causationId: metadata.causationId }),
    hash: metadata.hash,
    prevHash: metadata.prevHash,
    verified: verdict.verified,
    findings: verdict.findings,
    state,
    changes,
    ...(problem === undefined ? {} : { problem }),
  };
}
