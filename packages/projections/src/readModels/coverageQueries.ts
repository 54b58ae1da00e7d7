// Queries over the coverage read model: the figures of each grid (or month, or community) in a
// period, and the work each member did.
import type { Month } from '../months.js';
import { cutOf, type AsOfOptions } from './asOf.js';
import {
  checkQuery,
  groupCells,
  ratio,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
} from './cells.js';
import type { CoverageState } from './coverage.js';
import {
  emptyGridCoverage,
  emptyMemberWork,
  foldCoverage,
  type GridCoverageCell,
  type MemberWorkCell,
} from './coverageFold.js';
import { registerAt } from './register.js';

export interface CoverageFigures {
  readonly visits: number;
  /** Distinct households visited in the period, for any purpose (follow-ups included). */
  readonly householdsVisited: number;
  /** Distinct households reached door-to-door (every visit but a dispute follow-up). */
  readonly householdsReached: number;
  /** Visits made to follow up a dispute: not door-to-door coverage. */
  readonly followUpVisits: number;
  /**
   * Households on the register: at the end of the month (rows by month), or of the period
   * (`to`, or everything recorded) for rows by place and the total.
   */
  readonly householdsRegistered: number;
  /** Households reached door-to-door ÷ households registered; `null` without a register. */
  readonly coverage: number | null;
  readonly serviceVisits: number;
  readonly servicesRendered: number;
  readonly microWishesRecorded: number;
  /** Claimed by a party member who undertakes to fulfil it (认领). */
  readonly microWishesClaimed: number;
  readonly microWishesFulfilled: number;
  readonly microAppealsRecorded: number;
  readonly microAppealsFulfilled: number;
  /** Hazards found on visits and on patrols; `patrolHazardsFound` of them on patrols. */
  readonly hazardsFound: number;
  /** Hazards removed, found on visits and on patrols; `patrolHazardsRemoved` of them on patrols. */
  readonly hazardsRemoved: number;
  /** Follow-ups of hazards found on visits that were still there. */
  readonly hazardFollowUps: number;
  /** Hazards found on visits handed over to another body to remove. */
  readonly hazardsHandedOver: number;
  /** Of `hazardsFound`, those found on patrols. */
  readonly patrolHazardsFound: number;
  /** Of `hazardsRemoved`, those found on patrols. */
  readonly patrolHazardsRemoved: number;
  /** Later looks at hazards found on patrols (still there or found gone): not in `hazardFollowUps`. */
  readonly patrolHazardFollowUps: number;
  /** Hazards found on patrols handed over to the body responsible: not in `hazardsHandedOver`. */
  readonly patrolHazardsHandedOver: number;
  readonly patrols: number;
  readonly patrolHours: number;
}

export interface CoverageResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & CoverageFigures)[];
  readonly total: CoverageFigures;
}

/** Coverage in a period, grouped by grid (the default), community or month. */
export function coverage<B extends GroupBy = 'grid'>(
  state: CoverageState,
  options: QueryOptions<B> = {},
): CoverageResult<B> {
  const by = checkQuery({ by: 'grid', ...options }) as B;
  // Households are told apart by community too: two offices may number them alike.
  const { grids, register } = foldCoverage(state, cutOf(options));
  const { total, groups } = groupCells(grids, by, options, accumulator, add);
  const end = options.to ?? null;
  const on = (month: Month | null, community?: string, grid?: string) =>
    registerAt(register, month, {
      community: community ?? options.community,
      grid: grid ?? options.grid,
    }).households;
  return {
    rows: groups.map(({ key, acc }) => {
      const k = key as { month?: Month; community?: string; grid?: string };
      return { ...key, ...figures(acc, on(k.month ?? end, k.community, k.grid)) };
    }),
    total: figures(total, on(end)),
  };
}

interface Accumulator {
  sums: GridCoverageCell;
  /** `community NUL householdId` of every household visited. */
  households: Set<string>;
  /** The same, of households reached door-to-door. */
  doorToDoor: Set<string>;
}

const accumulator = (): Accumulator => ({
  sums: emptyGridCoverage(),
  households: new Set(),
  doorToDoor: new Set(),
});

function add(acc: Accumulator, cell: GridCoverageCell, community: string): void {
  const { sums } = acc;
  sums.visits += cell.visits;
  sums.serviceVisits += cell.serviceVisits;
  sums.servicesRendered += cell.servicesRendered;
  sums.microWishesRecorded += cell.microWishesRecorded;
  sums.microWishesClaimed += cell.microWishesClaimed;
  sums.microWishesFulfilled += cell.microWishesFulfilled;
  sums.microAppealsRecorded += cell.microAppealsRecorded;
  sums.microAppealsFulfilled += cell.microAppealsFulfilled;
  sums.hazardsFound += cell.hazardsFound;
  sums.hazardsRemoved += cell.hazardsRemoved;
  sums.hazardFollowUps += cell.hazardFollowUps;
  sums.hazardsHandedOver += cell.hazardsHandedOver;
  sums.patrolHazardsFound += cell.patrolHazardsFound;
  sums.patrolHazardsRemoved += cell.patrolHazardsRemoved;
  sums.patrolHazardFollowUps += cell.patrolHazardFollowUps;
  sums.patrolHazardsHandedOver += cell.patrolHazardsHandedOver;
  sums.patrols += cell.patrols;
  sums.patrolMinutes += cell.patrolMinutes;
  sums.followUpVisits += cell.followUpVisits;
  for (const id of Object.keys(cell.households)) acc.households.add(`${community}\u0000${id}`);
  for (const id of Object.keys(cell.doorToDoor)) acc.doorToDoor.add(`${community}\u0000${id}`);
}

function figures(
  { sums, households, doorToDoor }: Accumulator,
  householdsRegistered: number,
): CoverageFigures {
  return {
    visits: sums.visits,
    householdsVisited: households.size,
    householdsReached: doorToDoor.size,
    followUpVisits: sums.followUpVisits,
    householdsRegistered,
    coverage: ratio(doorToDoor.size, householdsRegistered),
    serviceVisits: sums.serviceVisits,
    servicesRendered: sums.servicesRendered,
    microWishesRecorded: sums.microWishesRecorded,
    microWishesClaimed: sums.microWishesClaimed,
    microWishesFulfilled: sums.microWishesFulfilled,
    microAppealsRecorded: sums.microAppealsRecorded,
    microAppealsFulfilled: sums.microAppealsFulfilled,
    hazardsFound: sums.hazardsFound,
    hazardsRemoved: sums.hazardsRemoved,
    hazardFollowUps: sums.hazardFollowUps,
    hazardsHandedOver: sums.hazardsHandedOver,
    patrolHazardsFound: sums.patrolHazardsFound,
    patrolHazardsRemoved: sums.patrolHazardsRemoved,
    patrolHazardFollowUps: sums.patrolHazardFollowUps,
    patrolHazardsHandedOver: sums.patrolHazardsHandedOver,
    patrols: sums.patrols,
    patrolHours: sums.patrolMinutes / 60,
  };
}

export interface MemberWork {
  readonly memberId: string;
  readonly visits: number;
  readonly servicesRendered: number;
  readonly patrols: number;
  readonly patrolHours: number;
  readonly mediationSessions: number;
  readonly followUpVisits: number;
}

/** The work of each member in a period (months, both ends included), by member id. */
export function memberWork(
  state: CoverageState,
  options: { readonly from?: Month; readonly to?: Month } & AsOfOptions = {},
): MemberWork[] {
  checkQuery(options);
  const { members } = foldCoverage(state, cutOf(options));
  const totals = new Map<string, MemberWorkCell>();
  for (const month of Object.keys(members)) {
    if (options.from !== undefined && month < options.from) continue;
    if (options.to !== undefined && month > options.to) continue;
    for (const [memberId, cell] of Object.entries(members[month] ?? {})) {
      let sum = totals.get(memberId);
      if (sum === undefined) totals.set(memberId, (sum = emptyMemberWork()));
      sum.visits += cell.visits;
      sum.servicesRendered += cell.servicesRendered;
      sum.patrols += cell.patrols;
      sum.patrolMinutes += cell.patrolMinutes;
      sum.mediationSessions += cell.mediationSessions;
      sum.followUpVisits += cell.followUpVisits;
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, { patrolMinutes, ...rest }]) => ({
      memberId,
      ...rest,
      patrolHours: patrolMinutes / 60,
    }));
}
