// Timeliness (第一时间介入、第一时间平息、第一时间回访): how long from a dispute's report to
// the first intervention, to its resolution and to its first follow-up visit. Durations count in
// the month the dispute was reported, so a month's figures describe that month's disputes.
import type { DisputeEvent, RecordedEvent } from '@gridledger/core';
import type { Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import {
  cellAt,
  checkQuery,
  groupCells,
  own,
  put,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
} from './cells.js';
import { configure, type ReadModelOptions } from './options.js';
import { summariseMinutes, type DurationSummary } from './stats.js';

/** Durations in minutes, one entry per dispute that reached the milestone. */
interface DurationCell {
  toIntervention: number[];
  toResolution: number[];
  toFollowUp: number[];
}

type Milestone = keyof DurationCell;

interface Tracked {
  m: Month;
  c: string;
  g: string;
  /** Report time, ms since the epoch. */
  at: number;
  /** Milestones already reached (only the first of each counts). */
  done: Milestone[];
}

export interface TimelinessState {
  readonly timeZone: string;
  /** Disputes that may still reach a milestone, by stream id. */
  readonly open: Record<string, Tracked>;
  readonly cells: Cells<DurationCell>;
}

type Read = EventsOfType<
  DisputeEvent,
  | 'DisputeReported'
  | 'DisputeInterventionStarted'
  | 'DisputeResolved'
  | 'DisputeFollowUpVisitRecorded'
  | 'DisputeDeclined'
  | 'DisputeWithdrawn'
  | 'DisputeReferredOut'
  | 'DisputeClosed'
>;

const MILESTONES: readonly Milestone[] = ['toIntervention', 'toResolution', 'toFollowUp'];
const emptyCell = (): DurationCell => ({ toIntervention: [], toResolution: [], toFollowUp: [] });
const MINUTE = 60_000;

const reach =
  (milestone: Milestone, last: boolean) => (state: TimelinessState, event: RecordedEvent) => {
    const dispute = own(state.open, event.streamId);
    if (dispute === undefined || dispute.done.includes(milestone)) return state;
    // A back-dated entry can put a step before the report; it then took no time, not less.
    const minutes = Math.max(0, Date.parse(event.metadata.occurredAt) - dispute.at) / MINUTE;
    cellAt(state.cells, dispute.m, dispute.c, dispute.g, emptyCell)[milestone].push(minutes);
    dispute.done.push(milestone);
    if (last) delete state.open[event.streamId];
    return state;
  };

const forget = (state: TimelinessState, event: { readonly streamId: string }) => {
  delete state.open[event.streamId];
  return state;
};

export function timelinessProjection(
  options?: ReadModelOptions,
): Projection<TimelinessState, Read> {
  const { timeZone, name, monthOf } = configure('timeliness', options);
  return defineProjection<TimelinessState, Read>({
    name,
    version: 1,
    description: 'Report to first intervention, to resolution, to follow-up visit (median, p90)',
    initialState: () => ({ timeZone, open: {}, cells: {} }),
    handlers: {
      DisputeReported: (state, event) => {
        const { occurredAt } = event.metadata;
        put(state.open, event.streamId, {
          m: monthOf(occurredAt),
          c: event.data.community,
          g: event.data.grid,
          at: Date.parse(occurredAt),
          done: [],
        });
        return state;
      },
      DisputeInterventionStarted: reach('toIntervention', false),
      DisputeResolved: reach('toResolution', false),
      // The follow-up visit is the last milestone: nothing more to time after it.
      DisputeFollowUpVisitRecorded: reach('toFollowUp', true),
      DisputeDeclined: forget,
      DisputeWithdrawn: forget,
      DisputeReferredOut: forget,
      DisputeClosed: forget,
    },
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
  const { total, groups } = groupCells(state.cells, by, options, emptyCell, (acc, cell) => {
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
