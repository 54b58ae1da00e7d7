// Where settled: the motto "small matters stay in the grid, big matters stay in the community"
// as a number. Resolved disputes by the level that settled them, in the month they were resolved.
import type { DisputeEvent, MediationLevel } from '@gridledger/core';
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

type LevelCounts = Record<MediationLevel, number>;

export interface WhereSettledState {
  readonly timeZone: string;
  /** Disputes not yet resolved (or otherwise finished), by stream id: their grid. */
  readonly open: Record<string, { c: string; g: string }>;
  readonly cells: Cells<LevelCounts>;
}

type Read = EventsOfType<
  DisputeEvent,
  | 'DisputeReported'
  | 'DisputeResolved'
  | 'DisputeDeclined'
  | 'DisputeWithdrawn'
  | 'DisputeReferredOut'
>;

const emptyLevels = (): LevelCounts => ({
  grid: 0,
  community: 0,
  'police-station': 0,
  'outside-body': 0,
});

const forget = (state: WhereSettledState, event: { readonly streamId: string }) => {
  delete state.open[event.streamId];
  return state;
};

export function whereSettledProjection(
  options?: ReadModelOptions,
): Projection<WhereSettledState, Read> {
  const { timeZone, name, monthOf } = configure('where-settled', options);
  return defineProjection<WhereSettledState, Read>({
    name,
    version: 1,
    description: 'Resolved disputes by the level that settled them: grid, community, beyond',
    initialState: () => ({ timeZone, open: {}, cells: {} }),
    handlers: {
      DisputeReported: (state, event) => {
        put(state.open, event.streamId, { c: event.data.community, g: event.data.grid });
        return state;
      },
      DisputeResolved: (state, event) => {
        const dispute = own(state.open, event.streamId);
        if (dispute === undefined) return state;
        const month = monthOf(event.metadata.occurredAt);
        cellAt(state.cells, month, dispute.c, dispute.g, emptyLevels)[event.data.level]++;
        return forget(state, event);
      },
      DisputeDeclined: forget,
      DisputeWithdrawn: forget,
      DisputeReferredOut: forget,
    },
  });
}

export interface WhereSettledFigures {
  readonly resolved: number;
  readonly inGrid: number;
  readonly inCommunity: number;
  /** Settled by the police station or an outside body: beyond the community. */
  readonly beyondCommunity: number;
  readonly byLevel: Readonly<LevelCounts>;
  /** Shares of `resolved` (each `null` when nothing was resolved); they add up to 1. */
  readonly shares: {
    readonly grid: number | null;
    readonly community: number | null;
    readonly beyond: number | null;
  };
}

export interface WhereSettledResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & WhereSettledFigures)[];
  readonly total: WhereSettledFigures;
}

/** Where disputes resolved in a period were settled, grouped by month, community or grid. */
export function whereSettled<B extends GroupBy = 'month'>(
  state: WhereSettledState,
  options: QueryOptions<B> = {},
): WhereSettledResult<B> {
  const by = checkQuery(options) as B;
  const { total, groups } = groupCells(state.cells, by, options, emptyLevels, (acc, cell) => {
    acc.grid += cell.grid;
    acc.community += cell.community;
    acc['police-station'] += cell['police-station'];
    acc['outside-body'] += cell['outside-body'];
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

function figures(levels: LevelCounts): WhereSettledFigures {
  const beyondCommunity = levels['police-station'] + levels['outside-body'];
  const resolved = levels.grid + levels.community + beyondCommunity;
  return {
    resolved,
    inGrid: levels.grid,
    inCommunity: levels.community,
    beyondCommunity,
    byLevel: { ...levels },
    shares: {
      grid: ratio(levels.grid, resolved),
      community: ratio(levels.community, resolved),
      beyond: ratio(beyondCommunity, resolved),
    },
  };
}
