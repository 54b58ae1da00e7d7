// Where settled: the motto "small matters stay in the grid, big matters stay in the community" as
// a number that can fail. Every accepted dispute counts, in the month it was reported: settled in
// the grid, in the community, beyond it, or not settled at all (referred out to a court or
// arbitration, withdrawn, still being handled). A dispute that leaves the community shows.
// Mediation in the community police room (警调对接: the officer and the committee together) is
// inside the community; the police station itself and outside bodies are beyond it.
import { WITHIN_COMMUNITY, type MediationLevel, type Severity } from '@gridledger/core';
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

type LevelCounts = Record<MediationLevel, number>;

/** The grade a dispute had when it was settled; `ungraded` if never classified. */
type Grade = Severity | 'ungraded';
const GRADES: readonly Grade[] = ['minor', 'moderate', 'serious', 'major', 'ungraded'];

interface SettledCell {
  accepted: number;
  resolvedAt: LevelCounts;
  /** Resolved disputes by their grade, then the level that settled them (分层分类). */
  byGrade: Record<Grade, LevelCounts>;
  /** Disputes members on the spot stepped into before the office assigned them. */
  handledOnTheSpot: number;
  referredOut: number;
  withdrawn: number;
}

export type WhereSettledState = DisputeTimelineState;

const emptyLevels = (): LevelCounts => ({
  grid: 0,
  community: 0,
  'police-room': 0,
  'police-station': 0,
  'outside-body': 0,
});

const emptyCell = (): SettledCell => ({
  accepted: 0,
  resolvedAt: emptyLevels(),
  byGrade: Object.fromEntries(GRADES.map((g) => [g, emptyLevels()])) as Record<Grade, LevelCounts>,
  handledOnTheSpot: 0,
  referredOut: 0,
  withdrawn: 0,
});

/** Levels inside the community: what the motto promises. */
const WITHIN = WITHIN_COMMUNITY;

export function whereSettledProjection(
  options?: ReadModelOptions,
): Projection<WhereSettledState, DisputeRead> {
  const { timeZone, name, monthOf } = configure('where-settled', options);
  return defineProjection<WhereSettledState, DisputeRead>({
    name,
    version: 2,
    description:
      'Accepted disputes by where they were settled (grid, community, beyond) or not settled',
    initialState: () => ({ timeZone, disputes: {} }),
    handlers: disputeHandlers(monthOf),
  });
}

export interface WhereSettledFigures {
  /** Every dispute accepted (reported and not declined): the whole the shares divide. */
  readonly accepted: number;
  readonly resolved: number;
  readonly inGrid: number;
  /** By the committee (the community level, not the police room). */
  readonly inCommunity: number;
  /** In the community police room, the officer with the committee (警调对接): inside. */
  readonly inPoliceRoom: number;
  /** Resolved by the police station or an outside body: beyond the community. */
  readonly beyondCommunity: number;
  readonly byLevel: Readonly<LevelCounts>;
  /**
   * Layered mediation (分层分类): resolved disputes by the grade they had when settled, then by
   * the level that settled them.
   */
  readonly byGrade: Readonly<Record<Grade, Readonly<LevelCounts>>>;
  /** Accepted disputes a member on the spot stepped into before the office assigned them. */
  readonly handledOnTheSpot: number;
  /** Handed to a court, an arbitration body or the police: not settled by mediation. */
  readonly referredOut: number;
  readonly withdrawn: number;
  /** Accepted and not settled yet (reopened ones included). */
  readonly inProgress: number;
  /** Shares of `accepted` (each `null` when nothing was accepted); together they add up to 1. */
  readonly shares: {
    readonly grid: number | null;
    readonly community: number | null;
    readonly policeRoom: number | null;
    readonly beyond: number | null;
    readonly referredOut: number | null;
    readonly withdrawn: number | null;
    readonly inProgress: number | null;
  };
  /**
   * Settled in the grid, by the committee or in the police room, of all accepted: "big matters
   * stay in the community".
   */
  readonly stayedInCommunity: number | null;
}

export interface WhereSettledResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & WhereSettledFigures)[];
  readonly total: WhereSettledFigures;
}

/** Where the disputes reported in a period were settled, by report month, community or grid. */
export function whereSettled<B extends GroupBy = 'month'>(
  state: WhereSettledState,
  options: QueryOptions<B> = {},
): WhereSettledResult<B> {
  const by = checkQuery(options) as B;
  const cut = cutOf(options);
  const cells: Cells<SettledCell> = {};
  for (const d of viewsOf(state.disputes, (facts) => viewDispute(facts, cut))) {
    if (d.outcome === 'declined') continue;
    const cell = cellAt(cells, d.reported.m, d.c, d.g, emptyCell);
    cell.accepted++;
    if (d.handledOnTheSpot) cell.handledOnTheSpot++;
    if (d.outcome === 'resolved' && d.resolution !== null) {
      cell.resolvedAt[d.resolution.level]++;
      cell.byGrade[d.severity ?? 'ungraded'][d.resolution.level]++;
    } else if (d.outcome === 'referred-out') cell.referredOut++;
    else if (d.outcome === 'withdrawn') cell.withdrawn++;
  }
  const { total, groups } = groupCells(cells, by, options, emptyCell, (acc, cell) => {
    acc.accepted += cell.accepted;
    for (const level of Object.keys(acc.resolvedAt) as MediationLevel[]) {
      acc.resolvedAt[level] += cell.resolvedAt[level];
    }
    for (const grade of GRADES) {
      for (const level of Object.keys(acc.resolvedAt) as MediationLevel[]) {
        acc.byGrade[grade][level] += cell.byGrade[grade][level];
      }
    }
    acc.handledOnTheSpot += cell.handledOnTheSpot;
    acc.referredOut += cell.referredOut;
    acc.withdrawn += cell.withdrawn;
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

function figures(cell: SettledCell): WhereSettledFigures {
  const levels = cell.resolvedAt;
  const resolved = Object.values(levels).reduce((a, b) => a + b, 0);
  const within = WITHIN.reduce((n, level) => n + levels[level], 0);
  const beyondCommunity = resolved - within;
  const inProgress = cell.accepted - resolved - cell.referredOut - cell.withdrawn;
  const of = (part: number) => ratio(part, cell.accepted);
  return {
    accepted: cell.accepted,
    resolved,
    inGrid: levels.grid,
    inCommunity: levels.community,
    inPoliceRoom: levels['police-room'],
    beyondCommunity,
    byLevel: { ...levels },
    byGrade: Object.fromEntries(GRADES.map((g) => [g, { ...cell.byGrade[g] }])) as Record<
      Grade,
      LevelCounts
    >,
    handledOnTheSpot: cell.handledOnTheSpot,
    referredOut: cell.referredOut,
    withdrawn: cell.withdrawn,
    inProgress,
    shares: {
      grid: of(levels.grid),
      community: of(levels.community),
      policeRoom: of(levels['police-room']),
      beyond: of(beyondCommunity),
      referredOut: of(cell.referredOut),
      withdrawn: of(cell.withdrawn),
      inProgress: of(inProgress),
    },
    stayedInCommunity: of(within),
  };
}
