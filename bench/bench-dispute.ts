// The fold every side of the store benchmarks runs: one mutable evolve over a dispute's events,
// so loading costs the store (and kernel) and not the domain's immer-based evolve, which would
// otherwise take most of the time on both sides and hide the difference.
import {
  Dispute,
  type AggregateType,
  type DisputeCommand,
  type DisputeEvent,
} from '@gridledger/core';

export interface BenchDisputeState {
  status: string;
  community: string | null;
  grid: string | null;
  parties: number;
  severity: string | null;
  level: string | null;
  mediators: readonly string[];
  sessionsHeld: number;
  events: number;
}

export const initialBenchState = (): BenchDisputeState => ({
  status: 'unreported',
  community: null,
  grid: null,
  parties: 0,
  severity: null,
  level: null,
  mediators: [],
  sessionsHeld: 0,
  events: 0,
});

/** Mutates `state` in place and returns it; the same function folds every side. */
export function evolveInPlace(
  state: BenchDisputeState,
  event: { readonly type: string; readonly data: unknown },
): BenchDisputeState {
  const data = event.data as Record<string, unknown>;
  state.events++;
  switch (event.type) {
    case 'DisputeReported':
      state.status = 'open';
      state.community = data['community'] as string;
      state.grid = data['grid'] as string;
      state.parties = (data['parties'] as unknown[]).length;
      break;
    case 'DisputeClassified':
      state.severity = data['severity'] as string;
      break;
    case 'DisputeAssigned':
      state.level = data['level'] as string;
      state.mediators = data['mediators'] as string[];
      break;
    case 'MediationSessionHeld':
      state.sessionsHeld++;
      break;
    case 'DisputeResolved':
      state.status = 'resolved';
      break;
  }
  return state;
}

/** Dispute with the bench's mutable fold: the ledger loads it exactly like the real one. */
export const BenchDispute = {
  ...Dispute,
  initialState: initialBenchState,
  evolve: evolveInPlace as (state: BenchDisputeState, event: DisputeEvent) => BenchDisputeState,
} as unknown as AggregateType<DisputeCommand, DisputeEvent, BenchDisputeState>;
