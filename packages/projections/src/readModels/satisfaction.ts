// Satisfaction: the share of follow-up visits (第一时间回访) after which the resident said they
// were satisfied, in the month of the visit.
import type { DisputeEvent } from '@gridledger/core';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import {
  cellAt,
  checkQuery,
  groupCells,
  own,
  put,
  ratio,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
} from './cells.js';
import { configure, type ReadModelOptions } from './options.js';

interface SatisfactionCell {
  visits: number;
  satisfied: number;
}

export interface SatisfactionState {
  readonly timeZone: string;
  /** Disputes that may still get a follow-up visit, by stream id: their grid. */
  readonly open: Record<string, { c: string; g: string }>;
  readonly cells: Cells<SatisfactionCell>;
}

type Read = EventsOfType<
  DisputeEvent,
  | 'DisputeReported'
  | 'DisputeFollowUpVisitRecorded'
  | 'DisputeClosed'
  | 'DisputeDeclined'
  | 'DisputeWithdrawn'
  | 'DisputeReferredOut'
>;

const emptyCell = (): SatisfactionCell => ({ visits: 0, satisfied: 0 });

const forget = (state: SatisfactionState, event: { readonly streamId: string }) => {
  delete state.open[event.streamId];
  return state;
};

export function satisfactionProjection(
  options?: ReadModelOptions,
): Projection<SatisfactionState, Read> {
  const { timeZone, name, monthOf } = configure('satisfaction', options);
  return defineProjection<SatisfactionState, Read>({
    name,
    version: 1,
    description: 'Share of follow-up visits where the resident was satisfied',
    initialState: () => ({ timeZone, open: {}, cells: {} }),
    handlers: {
      DisputeReported: (state, event) => {
        put(state.open, event.streamId, { c: event.data.community, g: event.data.grid });
        return state;
      },
      DisputeFollowUpVisitRecorded: (state, event) => {
        const dispute = own(state.open, event.streamId);
        if (dispute === undefined) return state;
        const month = monthOf(event.metadata.occurredAt);
        const cell = cellAt(state.cells, month, dispute.c, dispute.g, emptyCell);
        cell.visits++;
        if (event.data.satisfied) cell.satisfied++;
        return state;
      },
      DisputeClosed: forget,
      DisputeDeclined: forget,
      DisputeWithdrawn: forget,
      DisputeReferredOut: forget,
    },
  });
}

export interface SatisfactionFigures {
  readonly followUpVisits: number;
  readonly satisfied: number;
  /** satisfied ÷ follow-up visits; `null` when there were none. */
  readonly share: number | null;
}

export interface SatisfactionResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & SatisfactionFigures)[];
  readonly total: SatisfactionFigures;
}

/** Resident satisfaction in a period, grouped by month, community or grid. */
export function satisfaction<B extends GroupBy = 'month'>(
  state: SatisfactionState,
  options: QueryOptions<B> = {},
): SatisfactionResult<B> {
  const by = checkQuery(options) as B;
  const { total, groups } = groupCells(state.cells, by, options, emptyCell, (acc, cell) => {
    acc.visits += cell.visits;
    acc.satisfied += cell.satisfied;
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

const figures = (cell: SatisfactionCell): SatisfactionFigures => ({
  followUpVisits: cell.visits,
  satisfied: cell.satisfied,
  share: ratio(cell.satisfied, cell.visits),
});
