// The disputes of the season, fixed in number and outcome so the figures land where the
// article's did (98% resolved by the end of August, none turned criminal, fewer each month);
// the seed decides which grid, which quarrel, who, when, and how it reached the committee.
import type { DisputeSource, Household, MediationLevel } from '@gridledger/core';
import type { Cast } from './cast.js';
import { incidentTime, type PlannedPatrol } from './patrolPlan.js';
import type { Random } from './random.js';
import {
  EVERYDAY,
  OUTSIDER_NAMES,
  OUTSIDERS,
  REFERRALS,
  STILL_OPEN,
  type DisputeScript,
  type Referral,
} from './scripts.js';
import { DAY, FIRST_MORNING, SEASON, daysOf, shanghai, timeOnDay } from './time.js';

/** How a dispute's handling ends within the season. */
export type Ending = MediationLevel | Referral['to'] | 'still-open';

/**
 * Disputes reported each month, by how they end. June also has the Xu/Shang dispute (settled at
 * the police station), so the season has 60, 50 and 40: 147 of 150 resolved, 98%.
 */
export const DISPUTES_BY_MONTH: Readonly<Record<string, Partial<Record<Ending, number>>>> = {
  '2026-06': { grid: 38, community: 15, 'police-room': 5, court: 1 },
  '2026-07': { grid: 31, community: 13, 'police-room': 5, 'labour-arbitration': 1 },
  '2026-08': { grid: 25, community: 10, 'police-room': 4, 'still-open': 1 },
};

export interface PlannedParty {
  readonly name: string;
  readonly role: string;
  readonly household?: Household;
}

export interface PlannedDispute {
  readonly n: number;
  readonly ending: Ending;
  /** The level first assigned; lower than the ending's when the dispute escalates. */
  readonly startLevel: MediationLevel;
  readonly source: DisputeSource;
  readonly grid: string;
  readonly script: DisputeScript;
  readonly parties: readonly PlannedParty[];
  readonly reportAt: number;
  /** For a dispute met on patrol: the shift's day. */
  readonly patrolDay?: string;
}

/** The longest handling of each ending, so August's disputes settle before the season ends. */
const LONGEST_DAYS: Readonly<Record<Ending, number>> = {
  grid: 5,
  community: 8,
  'police-room': 8,
  'police-station': 8,
  'outside-body': 8,
  court: 5,
  'labour-arbitration': 5,
  'still-open': 0,
};

export function planDisputes(random: Random, cast: Cast, patrols: readonly PlannedPatrol[]) {
  const disputes: PlannedDispute[] = [];
  const storyHouseholds = new Set([cast.kang.household.householdId, cast.xu.household.householdId]);
  for (const [month, endings] of Object.entries(DISPUTES_BY_MONTH)) {
    for (const [ending, count] of Object.entries(endings) as [Ending, number][]) {
      for (let i = 0; i < count; i++) {
        const days = daysFor(month, ending);
        disputes.push(plan(disputes.length + 1, ending, days));
      }
    }
  }
  return disputes.sort((a, b) => a.reportAt - b.reportAt);

  function plan(n: number, ending: Ending, days: readonly string[]): PlannedDispute {
    const source = pickSource(ending);
    const shifts = patrols.filter((p) => p.cancelled === undefined && days.includes(p.day));
    if (source === 'patrol' && shifts.length > 0) {
      const patrol = random.pick(shifts);
      const grid = random.pick(patrol.grids);
      const outsiders = ending === 'grid' && random.chance(0.2);
      const script = outsiders ? OUTSIDERS : scriptFor(ending);
      const parties = outsiders
        ? script.roles.map((role, i) => ({ name: OUTSIDER_NAMES[i] ?? role, role }))
        : residentsOf(grid, script);
      const at = incidentTime(random, patrol);
      const startLevel = startOf(ending);
      return {
        n,
        ending,
        startLevel,
        source,
        grid,
        script,
        parties,
        reportAt: at,
        patrolDay: patrol.day,
      };
    }
    // Brought to the office, or heard of on a visit (or meant for a patrol when no shift was out
    // on the days it may happen: then it is brought to the office instead).
    const grid = random.pick(cast.grids);
    const script = scriptFor(ending);
    const day = random.pick(days);
    const minute =
      source === 'visit'
        ? random.pick([random.int(9 * 60, 11 * 60 + 30), random.int(14 * 60 + 30, 16 * 60 + 30)])
        : random.int(8 * 60 + 30, 17 * 60 + 30);
    return {
      n,
      ending,
      startLevel: startOf(ending),
      source: source === 'patrol' ? 'walk-in' : source,
      grid,
      script,
      parties: residentsOf(grid, script),
      reportAt: Math.max(timeOnDay(day, minute), FIRST_MORNING),
    };
  }

  function pickSource(ending: Ending): DisputeSource {
    if (ending === 'still-open' || ending === 'court' || ending === 'labour-arbitration') {
      return 'walk-in';
    }
    const roll = random.next();
    return roll < 0.4 ? 'visit' : roll < 0.6 ? 'patrol' : roll < 0.85 ? 'walk-in' : 'hotline';
  }

  function scriptFor(ending: Ending): DisputeScript {
    if (ending === 'court' || ending === 'labour-arbitration') return REFERRALS[ending].script;
    if (ending === 'still-open') return STILL_OPEN;
    return random.pick(EVERYDAY);
  }

  function startOf(ending: Ending): MediationLevel {
    switch (ending) {
      case 'grid':
        return 'grid';
      case 'community': {
        // Some are brought to the police station, which hands them down to the committee.
        const roll = random.next();
        return roll < 0.45 ? 'grid' : roll < 0.85 ? 'community' : 'police-station';
      }
      case 'police-room':
        return random.chance(0.4) ? 'community' : 'police-room';
      case 'police-station':
        return 'police-station';
      case 'outside-body':
      case 'court':
      case 'labour-arbitration':
      case 'still-open':
        return 'community';
    }
  }

  function residentsOf(grid: string, script: DisputeScript): PlannedParty[] {
    const residents = cast
      .residents(grid)
      .filter((r) => !storyHouseholds.has(r.household.householdId));
    return random.some(residents, 2).map((r, i) => ({
      name: r.name,
      role: script.roles[i] ?? 'resident',
      household: r.household,
    }));
  }
}

/** The days of `month` a dispute ending as `ending` may be reported on. */
function daysFor(month: string, ending: Ending): string[] {
  if (ending === 'still-open') return ['2026-08-26', '2026-08-27', '2026-08-28', '2026-08-29'];
  const latest = SEASON.end - (LONGEST_DAYS[ending] + 1) * DAY;
  return daysOf(month).filter((day) => shanghai(day) < latest);
}
