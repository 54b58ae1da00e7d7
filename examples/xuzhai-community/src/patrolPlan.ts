// The patrol team's roster for the season: a shift most evenings, each walking nine of the 81
// grids in turn with a leader and two to four members, a few called off for the weather. The
// public-order incidents each month are placed on shifts here; disputes join them from the plan.
import type { Cast, Member } from './cast.js';
import type { Random } from './random.js';
import { MINUTE, SEASON, seasonDays, timeOnDay } from './time.js';

export interface PatrolIncident {
  readonly at: number;
  readonly grid: string;
  readonly kind: string;
  readonly description: string;
}

export interface PlannedPatrol {
  readonly day: string;
  readonly grids: readonly string[];
  readonly route: string;
  readonly leader: Member;
  /** Scheduled, leader first. */
  readonly members: readonly Member[];
  /** Scheduled but did not turn out. */
  readonly absent: Member | undefined;
  /** Why the shift was called off, if it was. */
  readonly cancelled: string | undefined;
  readonly startAt: number;
  readonly minutes: number;
  readonly incidents: PatrolIncident[];
}

/** Public-order incidents met on patrol, by month: the incidence the article says fell. */
export const PUBLIC_ORDER_INCIDENTS: Readonly<Record<string, number>> = {
  '2026-06': 24,
  '2026-07': 15,
  '2026-08': 8,
};

const GRIDS_PER_ROUTE = 9;

const INCIDENTS: readonly { kind: string; description: string }[] = [
  { kind: 'theft', description: 'A bicycle taken from the shed; owner helped to report it' },
  { kind: 'suspicious-person', description: 'A stranger trying door handles; sent on his way' },
  { kind: 'traffic', description: 'Two scooters collided at the market entrance; no injuries' },
  { kind: 'drunk-disorder', description: 'A drunk man shouting in the courtyard; walked home' },
  { kind: 'vandalism', description: 'A notice board smashed; reported to the property office' },
];

export function planPatrols(random: Random, cast: Cast): PlannedPatrol[] {
  const roster = seasonDays().map((day, i): PlannedPatrol => {
    const first = (i % GRIDS_PER_ROUTE) * GRIDS_PER_ROUTE;
    const grids = cast.grids.slice(first, first + GRIDS_PER_ROUTE);
    const leader = random.pick(cast.patrolLeaders);
    const others = cast.patrolTeam.filter((m) => m.id !== leader.id);
    const members = [leader, ...random.some(others, random.int(2, 4))];
    const startAt = timeOnDay(day, 19 * 60);
    const from = grids[0]?.slice(-2) ?? '?';
    const to = grids.at(-1)?.slice(-2) ?? '?';
    return {
      day,
      grids,
      route: `Taihao Road → grids ${from}–${to} → east gate`,
      leader,
      members,
      absent: members.length > 3 && random.chance(0.15) ? members.at(-1) : undefined,
      cancelled: random.chance(0.08)
        ? random.pick(['Heavy rain', 'Thunderstorm warning'])
        : undefined,
      startAt,
      minutes: random.int(100, 150),
      incidents: [],
    };
  });
  for (const month of SEASON.months) {
    const shifts = roster.filter((p) => p.cancelled === undefined && p.day.startsWith(month));
    for (let n = 0; n < (PUBLIC_ORDER_INCIDENTS[month] ?? 0); n++) {
      const patrol = random.pick(shifts);
      patrol.incidents.push({
        at: incidentTime(random, patrol),
        grid: random.pick(patrol.grids),
        ...random.pick(INCIDENTS),
      });
    }
  }
  return roster;
}

/** A moment during the shift, leaving time to finish it. */
export function incidentTime(random: Random, patrol: PlannedPatrol): number {
  return patrol.startAt + random.int(10, patrol.minutes - 20) * MINUTE;
}
