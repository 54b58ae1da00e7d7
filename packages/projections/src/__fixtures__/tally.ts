// A tiny projection and raw-event helpers for the runner's own tests: it keeps every event id it
// folds, so a double count or a skip shows up as a wrong list, not just a wrong total.
import type { DomainEvent, EventStore, EventToAppend } from '@gridledger/core';
import { defineProjection } from '../projection.js';

export type TallyEvent =
  DomainEvent<'Counted', { by: number }> | DomainEvent<'Reset', { note: string }>;

export interface TallyState {
  total: number;
  seen: string[];
}

export const tally = defineProjection<TallyState, TallyEvent>({
  name: 'tally',
  version: 1,
  description: 'Sums Counted events; Reset starts over.',
  initialState: () => ({ total: 0, seen: [] }),
  handlers: {
    // In place, as large read models do: the runner owns the working copy.
    Counted: (state, event) => {
      state.total += event.data.by;
      state.seen.push(event.id);
      return state;
    },
    // A fresh object, as purists write it: both styles are allowed.
    Reset: (state, event) => ({ total: 0, seen: [...state.seen, event.id] }),
  },
});

let sequence = 0;

/** An envelope as the ledger would hand it to a store (hashes are not checked by stores). */
export function rawEvent(
  type: string,
  data: unknown,
  occurredAt = '2026-08-01T00:00:00.000Z',
): EventToAppend {
  sequence++;
  return {
    id: `evt-${String(sequence).padStart(8, '0')}`,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'tester', role: 'system' },
      occurredAt,
      recordedAt: occurredAt,
      correlationId: 'c',
      prevHash: null,
      hash: 'h',
    },
  };
}

/** Appends `count` Counted events (by 1, 2, 3, …) to one stream each call. */
export async function appendCounts(store: EventStore, stream: string, count: number, by = 1) {
  const events = Array.from({ length: count }, (_, i) => rawEvent('Counted', { by: by + i }));
  for (let i = 0; i < events.length; i += 500) {
    await store.append(stream, events.slice(i, i + 500), { expectedVersion: 'any' });
  }
}
