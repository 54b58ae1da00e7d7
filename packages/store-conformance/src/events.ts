// Builds valid `EventToAppend` objects for tests: real ULIDs, a complete metadata envelope
// (actor, times, correlation, hash-chain fields), and any field overridden where a test cares.
import { createHash } from 'node:crypto';
import { createUlidFactory, type Actor, type EventToAppend } from '@gridledger/core';

export interface EventInput {
  readonly id?: string;
  readonly type?: string;
  readonly schemaVersion?: number;
  readonly data?: unknown;
  readonly actor?: Actor;
  readonly occurredAt?: string;
  readonly recordedAt?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly prevHash?: string | null;
  readonly hash?: string;
}

const nextUlid = createUlidFactory();

/** The officer of the source report, so test histories read like the domain. */
export const testActor: Actor = Object.freeze({
  id: 'officer-jiang-lin',
  role: 'community-police-officer',
});

/**
 * A valid event to append. Unless given, `type` is `DisputeReported`, `data` a small dispute
 * report, `prevHash` null and `hash` a SHA-256 hex digest of the id: well-formed, but not a
 * verified chain link. Stores do not check chains; the kernel's ledger writes real ones.
 */
export function makeEvent(input: EventInput = {}): EventToAppend {
  const id = input.id ?? nextUlid();
  const occurredAt = input.occurredAt ?? '2024-07-01T09:30:00.000Z';
  return {
    id,
    type: input.type ?? 'DisputeReported',
    schemaVersion: input.schemaVersion ?? 1,
    data:
      'data' in input
        ? input.data
        : { grid: 'grid-07', category: 'tenancy', parties: ['Xu', 'Shang'] },
    metadata: {
      actor: input.actor ?? testActor,
      occurredAt,
      recordedAt: input.recordedAt ?? occurredAt,
      correlationId: input.correlationId ?? id,
      ...(input.causationId === undefined ? {} : { causationId: input.causationId }),
      prevHash: input.prevHash ?? null,
      hash: input.hash ?? createHash('sha256').update(id).digest('hex'),
    },
  };
}

/** `count` valid events; `input` may vary per index (e.g. `(i) => ({ data: { i } })`). */
export function makeEvents(
  count: number,
  input: EventInput | ((index: number) => EventInput) = {},
): EventToAppend[] {
  return Array.from({ length: count }, (_, i) =>
    makeEvent(typeof input === 'function' ? input(i) : input),
  );
}
