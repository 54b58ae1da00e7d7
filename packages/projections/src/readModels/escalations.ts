// Escalations: disputes moved up a level, referred out, and the ones that became criminal cases
// (民转刑) or homicides (刑转命), whose target is zero. Counted in the month it happened; every
// criminal case is also listed by dispute, for the auditor who must explain it.
import type { DisputeEvent, MediationLevel, ReferralTarget } from '@gridledger/core';
import type { Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import {
  cellAt,
  checkQuery,
  forEachCell,
  groupCells,
  own,
  put,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
  type Slice,
} from './cells.js';
import { configure, type ReadModelOptions } from './options.js';

interface EscalationCell {
  escalations: number;
  /** Disputes escalated at least once (each counted in the month of its first escalation). */
  disputesEscalated: number;
  referredOut: number;
  byTarget: Record<ReferralTarget, number>;
  criminalCases: number;
  homicides: number;
}

export interface CriminalCase {
  readonly disputeId: string;
  readonly month: Month;
  readonly community: string;
  readonly grid: string;
  readonly fromLevel: MediationLevel;
  readonly becameHomicide: boolean;
  readonly occurredAt: string;
}

export interface EscalationsState {
  readonly timeZone: string;
  /** Disputes still being handled, by stream id. */
  readonly open: Record<string, { id: string; c: string; g: string; escalated: boolean }>;
  readonly cells: Cells<EscalationCell>;
  readonly criminalCases: CriminalCase[];
}

type Read = EventsOfType<
  DisputeEvent,
  | 'DisputeReported'
  | 'DisputeEscalated'
  | 'DisputeReferredOut'
  | 'DisputeResolved'
  | 'DisputeDeclined'
  | 'DisputeWithdrawn'
>;

const emptyCell = (): EscalationCell => ({
  escalations: 0,
  disputesEscalated: 0,
  referredOut: 0,
  byTarget: {
    court: 0,
    arbitration: 0,
    'labour-arbitration': 0,
    'criminal-case': 0,
    'other-body': 0,
  },
  criminalCases: 0,
  homicides: 0,
});

const forget = (state: EscalationsState, event: { readonly streamId: string }) => {
  delete state.open[event.streamId];
  return state;
};

export function escalationsProjection(
  options?: ReadModelOptions,
): Projection<EscalationsState, Read> {
  const { timeZone, name, monthOf } = configure('escalations', options);
  return defineProjection<EscalationsState, Read>({
    name,
    version: 1,
    description: 'Disputes escalated, referred out, and turned into criminal cases (target zero)',
    initialState: () => ({ timeZone, open: {}, cells: {}, criminalCases: [] }),
    handlers: {
      DisputeReported: (state, event) => {
        const { disputeId: id, community: c, grid: g } = event.data;
        put(state.open, event.streamId, { id, c, g, escalated: false });
        return state;
      },
      DisputeEscalated: (state, event) => {
        const dispute = own(state.open, event.streamId);
        if (dispute === undefined) return state;
        const month = monthOf(event.metadata.occurredAt);
        const cell = cellAt(state.cells, month, dispute.c, dispute.g, emptyCell);
        cell.escalations++;
        if (!dispute.escalated) cell.disputesEscalated++;
        dispute.escalated = true;
        return state;
      },
      DisputeReferredOut: (state, event) => {
        const dispute = own(state.open, event.streamId);
        if (dispute === undefined) return state;
        const { occurredAt } = event.metadata;
        const month = monthOf(occurredAt);
        const cell = cellAt(state.cells, month, dispute.c, dispute.g, emptyCell);
        cell.referredOut++;
        cell.byTarget[event.data.to]++;
        if (event.data.to === 'criminal-case') {
          cell.criminalCases++;
          if (event.data.becameHomicide) cell.homicides++;
          state.criminalCases.push({
            disputeId: dispute.id,
            month,
            community: dispute.c,
            grid: dispute.g,
            fromLevel: event.data.fromLevel,
            becameHomicide: event.data.becameHomicide,
            occurredAt,
          });
        }
        return forget(state, event);
      },
      DisputeResolved: forget,
      DisputeDeclined: forget,
      DisputeWithdrawn: forget,
    },
  });
}

export interface EscalationFigures {
  readonly escalations: number;
  readonly disputesEscalated: number;
  readonly referredOut: number;
  readonly byTarget: Readonly<Record<ReferralTarget, number>>;
  /** 民转刑: disputes that became criminal cases. */
  readonly criminalCases: number;
  /** 刑转命: of those, cases that involved a death. */
  readonly homicides: number;
  /** Both zero: the target the report holds the community to. */
  readonly onTarget: boolean;
}

export interface EscalationsResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & EscalationFigures)[];
  readonly total: EscalationFigures;
}

/** Escalations and referrals in a period, grouped by month, community or grid. */
export function escalations<B extends GroupBy = 'month'>(
  state: EscalationsState,
  options: QueryOptions<B> = {},
): EscalationsResult<B> {
  const by = checkQuery(options) as B;
  const { total, groups } = groupCells(state.cells, by, options, emptyCell, (acc, cell) => {
    acc.escalations += cell.escalations;
    acc.disputesEscalated += cell.disputesEscalated;
    acc.referredOut += cell.referredOut;
    for (const target of Object.keys(acc.byTarget) as ReferralTarget[]) {
      acc.byTarget[target] += cell.byTarget[target];
    }
    acc.criminalCases += cell.criminalCases;
    acc.homicides += cell.homicides;
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

/** Every dispute that became a criminal case in the slice, in the order they happened. */
export function criminalCases(state: EscalationsState, slice: Slice = {}): CriminalCase[] {
  checkQuery(slice);
  // Reuses the cell walk's month and place filter rules, so both queries agree on a slice.
  const inSlice = new Set<string>();
  forEachCell(state.cells, slice, (_cell, month, community, grid) => {
    inSlice.add(`${month}\u0000${community}\u0000${grid}`);
  });
  return state.criminalCases.filter((c) =>
    inSlice.has(`${c.month}\u0000${c.community}\u0000${c.grid}`),
  );
}

const figures = (cell: EscalationCell): EscalationFigures => ({
  escalations: cell.escalations,
  disputesEscalated: cell.disputesEscalated,
  referredOut: cell.referredOut,
  byTarget: { ...cell.byTarget },
  criminalCases: cell.criminalCases,
  homicides: cell.homicides,
  onTarget: cell.criminalCases === 0 && cell.homicides === 0,
});
