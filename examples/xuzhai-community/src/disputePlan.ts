// When disputes arise, and what each is about. Nothing here is a count to reach: each day, each
// way a dispute reaches the committee has an expected number (a rate that falls over the season
// as the grids and the police room take hold, the article's 环比下降), and the seed draws how
// many actually come — more at weekends when people are at home, none on a patrol that stayed in.
// How each one ends is not decided here either: mediation.ts plays its handling out, and what is
// not settled by midnight on 31 August is simply still open.
import type { DisputeSource, Household, Severity } from '@gridledger/core';
import type { Cast } from './cast.js';
import { incidentTime, type PlannedPatrol } from './patrolPlan.js';
import { poisson, type Random } from './random.js';
import {
  BOUNDARY,
  EVERYDAY,
  OUTSIDER_NAMES,
  OUTSIDERS,
  REFERRALS,
  type DisputeScript,
} from './scripts.js';
import { FIRST_MORNING, isWeekend, seasonDays, seasonRate, timeOnDay } from './time.js';

/**
 * Disputes expected per day, all sources together: on 1 June, and the share of it left by 31
 * August. The article's season (98% of disputes settled, incidence falling month over month) is
 * what these rates were tuned to come near, not a figure they are forced to reach.
 */
export const DISPUTE_RATE = { firstDay: 2.0, lastDayShare: 0.6 } as const;

/** How the demo's disputes reach the committee (core also knows referrals from other bodies). */
type Channel = Exclude<DisputeSource, 'referral'>;

/**
 * Each source's share of the rate, and how much more (or less) of it comes at a weekend: people
 * at home quarrel and call in; fewer door-to-door visits are made.
 */
const SOURCES: Readonly<Record<Channel, { readonly share: number; readonly weekend: number }>> = {
  visit: { share: 0.35, weekend: 0.7 },
  'walk-in': { share: 0.28, weekend: 1.3 },
  hotline: { share: 0.15, weekend: 1.4 },
  patrol: { share: 0.22, weekend: 1.4 },
};

/** The chance a dispute brought in is one mediation cannot settle, or a slow one. */
const UNUSUAL = { court: 0.008, 'labour-arbitration': 0.008, boundary: 0.012 } as const;

/** How serious a dispute is when the office first grades it: most are small matters. */
const GRADE_ODDS: readonly (readonly [Severity, number])[] = [
  ['minor', 0.62],
  ['moderate', 0.28],
  ['serious', 0.1],
];

export interface PlannedParty {
  readonly name: string;
  readonly role: string;
  readonly household?: Household;
}

export interface PlannedDispute {
  readonly n: number;
  readonly source: DisputeSource;
  readonly grid: string;
  readonly script: DisputeScript;
  readonly parties: readonly PlannedParty[];
  readonly reportAt: number;
  /** How the office grades it at first (分级): where it is first mediated. */
  readonly grade: Severity;
  /** Taken first to the police station, which hands it to the committee (some walk-ins and calls). */
  readonly viaStation: boolean;
  /** For a dispute met on patrol: the shift's day. */
  readonly patrolDay?: string;
}

/** The rate on `day`, before each source's share: falling linearly over the season. */
export const disputeRate = (day: string): number => seasonRate(DISPUTE_RATE, day);

export function planDisputes(random: Random, cast: Cast, patrols: readonly PlannedPatrol[]) {
  const disputes: PlannedDispute[] = [];
  const storyHouseholds = new Set([cast.kang.household.householdId, cast.xu.household.householdId]);
  const shifts = new Map(patrols.filter((p) => p.cancelled === undefined).map((p) => [p.day, p]));

  for (const day of seasonDays()) {
    const rate = disputeRate(day);
    const expected = (source: Channel) => {
      const { share, weekend } = SOURCES[source];
      return rate * share * (isWeekend(day) ? weekend : 1);
    };
    for (const source of ['visit', 'walk-in', 'hotline'] as const) {
      for (let i = poisson(random, expected(source)); i > 0; i--) {
        disputes.push(brought(day, source));
      }
    }
    // Met on patrol: only when the evening's shift went out.
    const patrol = shifts.get(day);
    if (patrol !== undefined) {
      for (let i = poisson(random, expected('patrol')); i > 0; i--) disputes.push(met(patrol));
    }
  }
  return disputes
    .sort((a, b) => a.reportAt - b.reportAt)
    .map((d, i): PlannedDispute => ({ ...d, n: i + 1 }));

  function met(patrol: PlannedPatrol): PlannedDispute {
    const grid = random.pick(patrol.grids);
    const outsiders = random.chance(0.15);
    const script = outsiders ? OUTSIDERS : random.pick(EVERYDAY);
    const parties = outsiders
      ? script.roles.map((role, i) => ({ name: OUTSIDER_NAMES[i] ?? role, role }))
      : residentsOf(grid, script);
    return {
      n: 0,
      source: 'patrol',
      grid,
      script,
      parties,
      reportAt: incidentTime(random, patrol),
      grade: outsiders ? 'minor' : drawGrade(),
      viaStation: false,
      patrolDay: patrol.day,
    };
  }

  function brought(day: string, source: 'visit' | 'walk-in' | 'hotline'): PlannedDispute {
    const grid = random.pick(cast.grids);
    const script = source === 'visit' ? random.pick(EVERYDAY) : drawScript();
    const minute =
      source === 'visit'
        ? random.pick([random.int(9 * 60, 11 * 60 + 30), random.int(14 * 60 + 30, 16 * 60 + 30)])
        : source === 'walk-in'
          ? random.int(8 * 60 + 30, 17 * 60 + 30)
          : // Calls come from morning to late evening, more of them after work.
            random.chance(0.6)
            ? random.int(8 * 60, 18 * 60 - 1)
            : random.int(18 * 60, 22 * 60);
    const grade = gradeOf(script);
    return {
      n: 0,
      source,
      grid,
      script,
      parties: residentsOf(grid, script),
      reportAt: Math.max(timeOnDay(day, minute), FIRST_MORNING),
      grade,
      viaStation: source !== 'visit' && grade === 'moderate' && random.chance(0.15),
    };
  }

  function drawScript(): DisputeScript {
    const roll = random.next();
    if (roll < UNUSUAL.court) return REFERRALS.court.script;
    if (roll < UNUSUAL.court + UNUSUAL['labour-arbitration'])
      return REFERRALS['labour-arbitration'].script;
    if (roll < UNUSUAL.court + UNUSUAL['labour-arbitration'] + UNUSUAL.boundary) return BOUNDARY;
    return random.pick(EVERYDAY);
  }

  function gradeOf(script: DisputeScript): Severity {
    return EVERYDAY.includes(script) ? drawGrade() : 'moderate';
  }

  function drawGrade(): Severity {
    let roll = random.next();
    for (const [grade, odds] of GRADE_ODDS) {
      if (roll < odds) return grade;
      roll -= odds;
    }
    return 'minor';
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
