// Satisfaction: the share of follow-ups (第一时间回访) after which the resident said they were
// satisfied, in the month of the follow-up. A follow-up is a visit or a telephone call; the
// figures say how many of each, so "follow-up visits" never counts calls.
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
  type Channel,
  type DisputeRead,
  type DisputeTimelineState,
} from './disputeTimeline.js';
import { configure, type ReadModelOptions } from './options.js';
import { viewsOf } from './timelines.js';

interface SatisfactionCell {
  followUps: number;
  satisfied: number;
  byChannel: Record<Channel, number>;
  /** Unhappy follow-ups after which the dispute was reopened. */
  reopenedAfter: number;
}

export type SatisfactionState = DisputeTimelineState;

const emptyCell = (): SatisfactionCell => ({
  followUps: 0,
  satisfied: 0,
  byChannel: { 'in-person': 0, telephone: 0, 'not-recorded': 0 },
  reopenedAfter: 0,
});

export function satisfactionProjection(
  options?: ReadModelOptions,
): Projection<SatisfactionState, DisputeRead> {
  const { timeZone, name, monthOf } = configure('satisfaction', options);
  return defineProjection<SatisfactionState, DisputeRead>({
    name,
    version: 2,
    description: 'Share of follow-ups (visits and calls) where the resident was satisfied',
    initialState: () => ({ timeZone, disputes: {} }),
    handlers: disputeHandlers(monthOf),
  });
}

export interface SatisfactionFigures {
  /** Follow-ups of every kind: visits, telephone calls, and old entries that did not say. */
  readonly followUps: number;
  readonly satisfied: number;
  /** satisfied ÷ follow-ups; `null` when there were none. */
  readonly share: number | null;
  /** Follow-ups made at the residents' door. */
  readonly visits: number;
  readonly telephoneCalls: number;
  /** Follow-ups recorded without saying how (before the channel was recorded). */
  readonly channelNotRecorded: number;
  /** Follow-ups that found the residents unhappy and after which the dispute was reopened. */
  readonly reopenedAfter: number;
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
  const cut = cutOf(options);
  const cells: Cells<SatisfactionCell> = {};
  for (const d of viewsOf(state.disputes, (facts) => viewDispute(facts, cut))) {
    for (const followUp of d.followUps) {
      const cell = cellAt(cells, followUp.at.m, d.c, d.g, emptyCell);
      cell.followUps++;
      if (followUp.satisfied) cell.satisfied++;
      cell.byChannel[followUp.channel]++;
      if (!followUp.satisfied && followUp.thenReopened) cell.reopenedAfter++;
    }
  }
  const { total, groups } = groupCells(cells, by, options, emptyCell, (acc, cell) => {
    acc.followUps += cell.followUps;
    acc.satisfied += cell.satisfied;
    for (const channel of Object.keys(acc.byChannel) as Channel[]) {
      acc.byChannel[channel] += cell.byChannel[channel];
    }
    acc.reopenedAfter += cell.reopenedAfter;
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

const figures = (cell: SatisfactionCell): SatisfactionFigures => ({
  followUps: cell.followUps,
  satisfied: cell.satisfied,
  share: ratio(cell.satisfied, cell.followUps),
  visits: cell.byChannel['in-person'],
  telephoneCalls: cell.byChannel.telephone,
  channelNotRecorded: cell.byChannel['not-recorded'],
  reopenedAfter: cell.reopenedAfter,
});
