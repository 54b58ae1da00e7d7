// What the cross-aggregate processes (grid ownership, reactions) share: who acts and when, and
// an append that carries them into the events' metadata.
import type { DomainEvent, Actor, ExpectedVersion } from '../../eventsourcing/envelope.js';
import type { Ledger, LedgerAppendResult } from '../../eventsourcing/ledger.js';

export interface ProcessContext {
  readonly actor: Actor;
  /** When it takes effect (ISO 8601). Default: the ledger's clock. */
  readonly now?: string;
  readonly correlationId?: string;
  /** The event that led to this step, when it is a reaction. */
  readonly causationId?: string;
}

export interface ProcessOptions {
  /** Times a step is re-run from fresh reads after a concurrency conflict. Default 5. */
  readonly maxRetries?: number;
}

export type ProcessAppend = <E extends DomainEvent>(
  streamId: string,
  events: readonly E[],
  expectedVersion: ExpectedVersion,
) => Promise<LedgerAppendResult<E>>;

/** An append bound to one process run: same actor, time and correlation for every stream. */
export function processAppend(ledger: Ledger, context: ProcessContext): ProcessAppend {
  const occurredAt = context.now ?? ledger.clock().toISOString();
  const { actor, correlationId, causationId } = context;
  return (streamId, events, expectedVersion) =>
    ledger.append(streamId, events, {
      expectedVersion,
      actor,
      occurredAt,
      ...(correlationId === undefined ? {} : { correlationId }),
      ...(causationId === undefined ? {} : { causationId }),
    });
}
