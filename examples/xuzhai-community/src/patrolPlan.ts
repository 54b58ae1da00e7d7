// The patrol team's roster for the season: a shift most evenings, each walking nine of the 81
// grids in turn with a leader and two to four members, a few called off for the weather. Each
// shift that goes out meets a drawn number of incidents (a rate that falls over the season, higher
// at weekends); disputes join them from the dispute plan.
import type { Cast, Member } from './cast.js';
import { poisson, type Random } from './random.js';
import { MINUTE, isWeekend, seasonDays, seasonRate, timeOnDay } from './time.js';

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
  /** A safety hazard found on the shift, if one is. */
  hazard?: { readonly grid: string; readonly description: string };
  /** Hazards found on earlier shifts of the route, looked at again on this one. */
  readonly checks: HazardCheck[];
}

/** A look, on a later shift of the same route, at a hazard an earlier shift found. */
export interface HazardCheck {
  /** The day of the shift that found it. */
  readonly foundOn: string;
  readonly grid: string;
  readonly description: string;
  /** Whether it has been dealt with by now. */
  readonly gone: boolean;
  /** Still there on this look: passed to the body responsible for it. */
  readonly handOverTo: string | undefined;
}

/** The chance a shift finds a safety hazard, and that it is gone by the next shift of the route. */
export const PATROL_HAZARDS = { perShift: 0.1, goneByNextShift: 0.7 } as const;

/**
 * What a patrol finds, and the body responsible for it, to whom it is handed over when a later
 * look finds it still there: at once for what only that body can mend, on the second look for what
 * the residents were asked to put right.
 */
const HAZARDS: readonly {
  readonly description: string;
  readonly responsible: string;
  readonly looksBeforeHandOver: number;
}[] = [
  {
    description: 'Electric bikes charging on the ground floor corridor',
    responsible: 'property office',
    looksBeforeHandOver: 2,
  },
  {
    description: 'A loose manhole cover by the east gate',
    responsible: 'municipal works office',
    looksBeforeHandOver: 1,
  },
  {
    description: 'Cardboard piled against a fire door',
    responsible: 'property office',
    looksBeforeHandOver: 2,
  },
];

/**
 * Incidents that are not disputes expected per shift: on 1 June, and the share of it left by 31
 * August, as the patrols take hold; weekend evenings bring more people out.
 */
export const PATROL_INCIDENT_RATE = { firstDay: 1.0, lastDayShare: 0.3, weekend: 1.3 } as const;

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
      checks: [],
    };
  });
  for (const patrol of roster) {
    if (patrol.cancelled !== undefined) continue;
    const rate =
      seasonRate(PATROL_INCIDENT_RATE, patrol.day) *
      (isWeekend(patrol.day) ? PATROL_INCIDENT_RATE.weekend : 1);
    for (let n = poisson(random, rate); n > 0; n--) {
      patrol.incidents.push({
        at: incidentTime(random, patrol),
        grid: random.pick(patrol.grids),
        ...random.pick(INCIDENTS),
      });
    }
  }
  // Hazards: found now and then, and looked at again each time the route comes round, until gone
  // or handed over to the body responsible.
  const out = roster.filter((p) => p.cancelled === undefined);
  for (const [i, patrol] of out.entries()) {
    if (!random.chance(PATROL_HAZARDS.perShift)) continue;
    const grid = random.pick(patrol.grids);
    const { description, responsible, looksBeforeHandOver } = random.pick(HAZARDS);
    patrol.hazard = { grid, description };
    const laterShifts = out.slice(i + 1).filter((p) => p.route === patrol.route);
    for (const [look, later] of laterShifts.entries()) {
      const gone = random.chance(PATROL_HAZARDS.goneByNextShift);
      const handOver = !gone && look + 1 === looksBeforeHandOver;
      const handOverTo = handOver ? responsible : undefined;
      later.checks.push({ foundOn: patrol.day, grid, description, gone, handOverTo });
      if (gone || handOver) break;
    }
  }
  return roster;
}

/** A moment during the shift, leaving time to finish it. */
export function incidentTime(random: Random, patrol: PlannedPatrol): number {
  return patrol.startAt + random.int(10, patrol.minutes - 20) * MINUTE;
}
