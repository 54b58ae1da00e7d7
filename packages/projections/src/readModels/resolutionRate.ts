// Resolution rate (矛盾纠纷调处化解率): disputes resolved ÷ disputes accepted, per month, grid
// and community. A dispute counts in the month it was reported (its cohort), so a rate is always
// between 0 and 1 and a month's rate rises as its disputes are settled.
import type { DisputeEvent, RecordedEvent } from '@gridledger/core';
import type { Month } from '../months.js';
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

interface ResolutionCell {
  reported: number;
  declined: number;
  withdrawn: number;
  resolved: number;
  referredOut: number;
}

export interface ResolutionRateState {
  readonly timeZone: string;
  /** Disputes not yet settled one way or another, by stream id: where their cohort is. */
  readonly open: Record<string, { m: Month; c: string; g: string }>;
  readonly cells: Cells<ResolutionCell>;
}

type Read = EventsOfType<
  DisputeEvent,
  | 'DisputeReported'
  | 'DisputeDeclined'
  | 'DisputeWithdrawn'
  | 'DisputeResolved'
  | 'DisputeReferredOut'
>;

const emptyCell = (): ResolutionCell => ({
  reported: 0,
  declined: 0,
  withdrawn: 0,
  resolved: 0,
  referredOut: 0,
});

/** Moves a dispute out of `open`, counting how its handling ended. */
const settle =
  (field: Exclude<keyof ResolutionCell, 'reported'>) =>
  (state: ResolutionRateState, event: RecordedEvent) => {
    const dispute = own(state.open, event.streamId);
    if (dispute === undefined) return state;
    cellAt(state.cells, dispute.m, dispute.c, dispute.g, emptyCell)[field]++;
    delete state.open[event.streamId];
    return state;
  };

export function resolutionRateProjection(
  options?: ReadModelOptions,
): Projection<ResolutionRateState, Read> {
  const { timeZone, name, monthOf } = configure('resolution-rate', options);
  return defineProjection<ResolutionRateState, Read>({
    name,
    version: 1,
    description: 'Disputes resolved ÷ disputes accepted, by report month, grid and community',
    initialState: () => ({ timeZone, open: {}, cells: {} }),
    handlers: {
      DisputeReported: (state, event) => {
        const m = monthOf(event.metadata.occurredAt);
        const { community: c, grid: g } = event.data;
        if (own(state.open, event.streamId) === undefined) {
          cellAt(state.cells, m, c, g, emptyCell).reported++;
          put(state.open, event.streamId, { m, c, g });
        }
        return state;
      },
      DisputeDeclined: settle('declined'),
      DisputeWithdrawn: settle('withdrawn'),
      DisputeResolved: settle('resolved'),
      DisputeReferredOut: settle('referredOut'),
    },
  });
}

export interface ResolutionFigures {
  readonly reported: number;
  /** Declined as outside the committee's remit: not accepted. */
  readonly declined: number;
  /** Reported and not declined. */
  readonly accepted: number;
  readonly resolved: number;
  /** Accepted, then withdrawn by the parties: accepted but not resolved. */
  readonly withdrawn: number;
  /** Handed to a court, an arbitration body or the police as a criminal case. */
  readonly referredOut: number;
  /** Accepted and still being handled. */
  readonly inProgress: number;
  /** resolved ÷ accepted; `null` when nothing was accepted. */
  readonly rate: number | null;
}

export interface ResolutionRateResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & ResolutionFigures)[];
  readonly total: ResolutionFigures;
}

/** The resolution rate over a period, grouped by report month, community or grid. */
export function resolutionRate<B extends GroupBy = 'month'>(
  state: ResolutionRateState,
  options: QueryOptions<B> = {},
): ResolutionRateResult<B> {
  const by = checkQuery(options) as B;
  const { total, groups } = groupCells(state.cells, by, options, emptyCell, (acc, cell) => {
    acc.reported += cell.reported;
    acc.declined += cell.declined;
    acc.withdrawn += cell.withdrawn;
    acc.resolved += cell.resolved;
    acc.referredOut += cell.referredOut;
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

function figures(cell: ResolutionCell): ResolutionFigures {
  const accepted = cell.reported - cell.declined;
  return {
    reported: cell.reported,
    declined: cell.declined,
    accepted,
    resolved: cell.resolved,
    withdrawn: cell.withdrawn,
    referredOut: cell.referredOut,
    inProgress: accepted - cell.resolved - cell.withdrawn - cell.referredOut,
    rate: ratio(cell.resolved, accepted),
  };
}
