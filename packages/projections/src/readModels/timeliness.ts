// Timeliness (第一时间介入、第一时间平息、第一时间回访): how long from a dispute's report to
// the first intervention, to its resolution and to its first follow-up visit. Durations count in
// the month the dispute was reported, so a month's figures describe that month's disputes.
import { defineProjection, type Projection } from '../projection.js';
import { cutOf } from './asOf.js';
import {
  cellAt,
  checkQuery,
  groupCells,
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
import { summariseMinutes, type DurationSummary } from './stats.js';
import { viewsOf } from './timelines.js';

/** Durations in minutes, one entry per dispute that reached the milestone. */
interface DurationCell {
  toIntervention: number[];
  toResolution: number[];
  toFollowUp: number[];
}

export type TimelinessState = DisputeTimelineState;

const MILESTONES: readonly (keyof DurationCell)[] = [
  'toIntervention',
  'toResolution',
  'toFollowUp',
];
const emptyCell = (): DurationCell => ({ toIntervention: [], toResolution: [], toFollowUp: [] });
const MINUTE = 60_000;

export function timelinessProjection(
  options?: ReadModelOptions,
): Projection<TimelinessState, DisputeRead> {
  const { timeZone, name, monthOf } = configure('timeliness', options);
  return defineProjection<TimelinessState, DisputeRead>({
    name,
    version: 2,
    description: 'Report to first intervention, to resolution, to follow-up visit (median, p90)',
    initialState: () => ({ timeZone, disputes: {} }),
    handlers: disputeHandlers(monthOf),
  });
}

export interface TimelinessFigures {
  readonly toIntervention: DurationSummary;
  readonly toResolution: DurationSummary;
  readonly toFollowUp: DurationSummary;
}

export interface TimelinessResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & TimelinessFigures)[];
  readonly total: TimelinessFigures;
}

/** Median and 90th percentile of each step, in hours, by report month, community or grid. */
export function timeliness<B extends GroupBy = 'month'>(
  state: TimelinessState,
  options: QueryOptions<B> = {},
): TimelinessResult<B> {
  const by = checkQuery(options) as B;
  const cut = cutOf(options);
  const cells: Cells<DurationCell> = {};
  for (const d of viewsOf(state.disputes, (facts) => viewDispute(facts, cut))) {
    // A back-dated entry can put a step before the report; it then took no time, not less.
    const since = (at: number | null, milestone: keyof DurationCell) => {
      if (at === null) return;
      const minutes = Math.max(0, at - d.reported.o) / MINUTE;
      cellAt(cells, d.reported.m, d.c, d.g, emptyCell)[milestone].push(minutes);
    };
    since(d.firstIntervention, 'toIntervention');
    since(d.firstResolution, 'toResolution');
    since(d.firstFollowUp, 'toFollowUp');
  }
  const { total, groups } = groupCells(cells, by, options, emptyCell, (acc, cell) => {
    // A loop, not push(...list): a spread of a long list overflows the call stack.
    for (const milestone of MILESTONES) {
      const into = acc[milestone];
      for (const minutes of cell[milestone]) into.push(minutes);
    }
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

const figures = (cell: DurationCell): TimelinessFigures => ({
  toIntervention: summariseMinutes(cell.toIntervention),
  toResolution: summariseMinutes(cell.toResolution),
  toFollowUp: summariseMinutes(cell.toFollowUp),
});
