// Resolution rate (矛盾纠纷调处化解率): disputes resolved ÷ disputes accepted, per month, grid
// and community. A dispute counts in the month it was reported (its cohort), so a rate is always
// between 0 and 1 and a month's rate rises as its disputes are settled.
import { defineProjection, type Projection } from '../projection.js';
import { cutOf } from './asOf.js';
import {
  cellAt,
  checkQuery,
  groupCells,
  ratio,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
} from './cells.js';
import {
  disputeHandlers,
  viewDispute,
  type DisputeRead,
  type DisputeTimelineState,
} from './disputeTimeline.js';
import { configure, type ReadModelOptions } from './options.js';
import { viewsOf } from './timelines.js';

interface ResolutionCell {
  reported: number;
  declined: number;
  withdrawn: number;
  resolved: number;
  referredOut: number;
  reopened: number;
}

export type ResolutionRateState = DisputeTimelineState;

const emptyCell = (): ResolutionCell => ({
  reported: 0,
  declined: 0,
  withdrawn: 0,
  resolved: 0,
  referredOut: 0,
  reopened: 0,
});

export function resolutionRateProjection(
  options?: ReadModelOptions,
): Projection<ResolutionRateState, DisputeRead> {
  const { timeZone, name, monthOf } = configure('resolution-rate', options);
  return defineProjection<ResolutionRateState, DisputeRead>({
    name,
    version: 2,
    description: 'Disputes resolved ÷ disputes accepted, by report month, grid and community',
    initialState: () => ({ timeZone, disputes: {} }),
    handlers: disputeHandlers(monthOf),
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
  /** Accepted and still being handled (reopened ones included). */
  readonly inProgress: number;
  /** Reopened at least once after being resolved (whether settled again or not). */
  readonly reopened: number;
  /** resolved ÷ accepted; `null` when nothing was accepted. */
  readonly rate: number | null;
}

export interface ResolutionRateResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & ResolutionFigures)[];
  readonly total: ResolutionFigures;
}

/**
 * The resolution rate over a period, grouped by report month, community or grid; with `asOf`
 * (and `knownAt`), as it stood then.
 */
export function resolutionRate<B extends GroupBy = 'month'>(
  state: ResolutionRateState,
  options: QueryOptions<B> = {},
): ResolutionRateResult<B> {
  const by = checkQuery(options) as B;
  const cut = cutOf(options);
  const cells: Cells<ResolutionCell> = {};
  for (const d of viewsOf(state.disputes, (facts) => viewDispute(facts, cut))) {
    const cell = cellAt(cells, d.reported.m, d.c, d.g, emptyCell);
    cell.reported++;
    if (d.outcome === 'declined') cell.declined++;
    else if (d.outcome === 'withdrawn') cell.withdrawn++;
    else if (d.outcome === 'resolved') cell.resolved++;
    else if (d.outcome === 'referred-out') cell.referredOut++;
    if (d.reopenings.length > 0) cell.reopened++;
  }
  const { total, groups } = groupCells(cells, by, options, emptyCell, (acc, cell) => {
    acc.reported += cell.reported;
    acc.declined += cell.declined;
    acc.withdrawn += cell.withdrawn;
    acc.resolved += cell.resolved;
    acc.referredOut += cell.referredOut;
    acc.reopened += cell.reopened;
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
    reopened: cell.reopened,
    rate: ratio(cell.resolved, accepted),
  };
}
