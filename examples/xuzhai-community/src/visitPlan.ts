// The door-to-door visits (入户走访) of the season: each grid's owning party member calls on three
// households a month, now and then with a volunteer, plus the visits on which a dispute is heard of.
import type { Household } from '@gridledger/core';
import type { Cast, Member } from './cast.js';
import type { PlannedDispute } from './disputePlan.js';
import type { Random } from './random.js';
import { FIRST_MORNING, SEASON, daysOf, timeOnDay } from './time.js';

export interface PlannedVisit {
  readonly grid: string;
  readonly household: Household;
  readonly at: number;
  /** The grid's owner first. */
  readonly visitors: readonly Member[];
  /** The dispute the visitors hear of on this visit. */
  readonly spots?: PlannedDispute;
}

export const VISITS_PER_GRID_PER_MONTH = 3;

export function planVisits(
  random: Random,
  cast: Cast,
  disputes: readonly PlannedDispute[],
): PlannedVisit[] {
  const story = new Set([cast.kang.household.householdId, cast.xu.household.householdId]);
  const visitors = (grid: string): Member[] => {
    const owner = cast.ownerOf(grid);
    return random.chance(0.25) ? [owner, random.pick(cast.volunteers)] : [owner];
  };
  const visits: PlannedVisit[] = [];
  for (const grid of cast.grids) {
    // Households in the order the owner will call on them: everyone once before anyone twice.
    const queue = random.shuffle(
      cast.residents(grid).filter((r) => !story.has(r.household.householdId)),
    );
    let next = 0;
    for (const month of SEASON.months) {
      const days = random.some(daysOf(month), VISITS_PER_GRID_PER_MONTH);
      for (const day of days.sort()) {
        const resident = queue[next++ % queue.length];
        if (resident === undefined) continue;
        const minute = random.pick([
          random.int(9 * 60, 11 * 60 + 30),
          random.int(14 * 60 + 30, 17 * 60),
        ]);
        const at = Math.max(timeOnDay(day, minute), FIRST_MORNING);
        visits.push({ grid, household: resident.household, at, visitors: visitors(grid) });
      }
    }
  }
  for (const dispute of disputes) {
    const household = dispute.parties[0]?.household;
    if (dispute.source !== 'visit' || household === undefined) continue;
    visits.push({
      grid: dispute.grid,
      household,
      at: dispute.reportAt,
      visitors: visitors(dispute.grid),
      spots: dispute,
    });
  }
  return visits.sort((a, b) => a.at - b.at);
}
