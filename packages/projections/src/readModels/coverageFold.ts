// What a coverage query folds from the facts inside its cut: the figures of each month and grid,
// and the work of each member per month. One stream at a time, as its own rules run: a visit's
// facts count once it was scheduled and until it is cancelled; a patrol's hours once, when it is
// completed, shared among the grids it walked; a hazard is followed up, removed or handed over only
// if it was found, in the grid where it was found, and not after it was removed or handed over.
import type { Month } from '../months.js';
import type { Cut } from './asOf.js';
import { cellAt, entry, own, put, type Cells } from './cells.js';
import type { CoverageFact, CoverageState } from './coverage.js';
import { registerEntries, type RegisterEntry } from './register.js';
import { factsInCut, streamIdsOf } from './timelines.js';

export interface GridCoverageCell {
  visits: number;
  /** Visits per household id, so households are counted once per period. */
  households: Record<string, number>;
  /** Door-to-door (every purpose but a dispute follow-up) visits per household id. */
  doorToDoor: Record<string, number>;
  /** Visits made to follow up a dispute. */
  followUpVisits: number;
  serviceVisits: number;
  servicesRendered: number;
  microWishesRecorded: number;
  /** Claimed by a party member (认领). */
  microWishesClaimed: number;
  microWishesFulfilled: number;
  microAppealsRecorded: number;
  microAppealsFulfilled: number;
  /** Found on visits and on patrols. */
  hazardsFound: number;
  /** Removed, found on visits and on patrols. */
  hazardsRemoved: number;
  /** Visits back to a hazard found on a visit that was still there (跟踪回访). */
  hazardFollowUps: number;
  /** Hazards found on a visit handed over to the body that can remove them. */
  hazardsHandedOver: number;
  /** Of `hazardsFound`, those found on patrols. */
  patrolHazardsFound: number;
  /** Of `hazardsRemoved`, those found on patrols. */
  patrolHazardsRemoved: number;
  /** Later looks at a hazard found on a patrol, whether still there or found gone. */
  patrolHazardFollowUps: number;
  /** Hazards found on a patrol handed over to the body responsible for them. */
  patrolHazardsHandedOver: number;
  /** Completed patrols that walked the grid. */
  patrols: number;
  /** A patrol's minutes shared equally among the grids it walked, so grids add up to the total. */
  patrolMinutes: number;
}

export interface MemberWorkCell {
  visits: number;
  servicesRendered: number;
  patrols: number;
  patrolMinutes: number;
  mediationSessions: number;
  followUpVisits: number;
}

export const emptyGridCoverage = (): GridCoverageCell => ({
  visits: 0,
  households: {},
  doorToDoor: {},
  followUpVisits: 0,
  serviceVisits: 0,
  servicesRendered: 0,
  microWishesRecorded: 0,
  microWishesClaimed: 0,
  microWishesFulfilled: 0,
  microAppealsRecorded: 0,
  microAppealsFulfilled: 0,
  hazardsFound: 0,
  hazardsRemoved: 0,
  hazardFollowUps: 0,
  hazardsHandedOver: 0,
  patrolHazardsFound: 0,
  patrolHazardsRemoved: 0,
  patrolHazardFollowUps: 0,
  patrolHazardsHandedOver: 0,
  patrols: 0,
  patrolMinutes: 0,
});

export const emptyMemberWork = (): MemberWorkCell => ({
  visits: 0,
  servicesRendered: 0,
  patrols: 0,
  patrolMinutes: 0,
  mediationSessions: 0,
  followUpVisits: 0,
});

export interface CoverageCells {
  readonly grids: Cells<GridCoverageCell>;
  /** The households on the grids' registers inside the cut. */
  readonly register: RegisterEntry[];
  readonly members: Record<Month, Record<string, MemberWorkCell>>;
}

export function foldCoverage(state: CoverageState, cut: Cut): CoverageCells {
  const cells: CoverageCells = { grids: {}, members: {}, register: [] };
  for (const key of streamIdsOf(state.streams)) {
    const timeline = state.streams[key] as CoverageFact[];
    const facts = factsInCut(timeline, cut);
    // A grid's register stream holds register facts only, and no other stream holds any: its
    // first fact tells, without copying every visit's and patrol's facts to look.
    const kind = timeline[0]?.k;
    if (kind === 'registered' || kind === 'deregistered') {
      cells.register.push(...registerEntries(facts));
    } else {
      foldStream(cells, facts);
    }
  }
  return cells;
}

/** The work records of the members named on a fact (a member named twice worked once). */
function work(cells: CoverageCells, m: Month, members: readonly string[]): MemberWorkCell[] {
  const byMember = entry(cells.members, m, () => ({}));
  return [...new Set(members)].map((member) => entry(byMember, member, emptyMemberWork));
}

interface Visit {
  readonly c: string;
  readonly g: string;
  readonly h: string;
  readonly service: boolean;
  readonly followUp: boolean;
}

interface Patrol {
  readonly c: string;
  readonly grids: readonly string[];
  members: readonly string[];
  /** Hazards found and neither removed nor handed over: their grid, by hazard id. */
  readonly hazards: Map<string, string>;
  completed: boolean;
}

function foldStream(cells: CoverageCells, facts: Iterable<CoverageFact>): void {
  let visit: Visit | undefined;
  let patrol: Patrol | undefined;
  let over = false;
  for (const fact of facts) {
    if (over) return;
    const grid = (c: string, g: string) => cellAt(cells.grids, fact.m, c, g, emptyGridCoverage);
    switch (fact.k) {
      case 'visitScheduled':
        visit ??= {
          c: fact.c,
          g: fact.g,
          h: fact.h,
          service: fact.service,
          followUp: fact.followUp,
        };
        break;
      case 'visitConducted': {
        if (visit === undefined) break;
        const cell = grid(visit.c, visit.g);
        cell.visits++;
        put(cell.households, visit.h, (own(cell.households, visit.h) ?? 0) + 1);
        if (visit.service) cell.serviceVisits++;
        if (visit.followUp) cell.followUpVisits++;
        else put(cell.doorToDoor, visit.h, (own(cell.doorToDoor, visit.h) ?? 0) + 1);
        for (const member of work(cells, fact.m, fact.visitors)) member.visits++;
        break;
      }
      case 'count':
        if (visit === undefined) break;
        grid(visit.c, visit.g)[fact.counter]++;
        if (fact.members === undefined) break;
        for (const member of work(cells, fact.m, fact.members)) member.servicesRendered++;
        break;
      case 'visitCancelled':
        over = visit !== undefined;
        break;
      case 'patrolScheduled':
        patrol ??= {
          c: fact.c,
          grids: fact.grids,
          members: fact.members,
          hazards: new Map(),
          completed: false,
        };
        break;
      case 'patrolStarted':
        // Who turned out is who did the work, whoever was on the rota.
        if (patrol !== undefined) patrol.members = fact.members;
        break;
      case 'patrolHazardFound': {
        if (patrol === undefined) break;
        const cell = grid(patrol.c, fact.grid);
        cell.hazardsFound++;
        cell.patrolHazardsFound++;
        patrol.hazards.set(fact.hazardId, fact.grid);
        break;
      }
      case 'patrolHazardRemoved':
      case 'patrolHazardFollowedUp':
      case 'patrolHazardHandedOver': {
        const where = patrol?.hazards.get(fact.hazardId);
        if (patrol === undefined || where === undefined) break;
        const cell = grid(patrol.c, where);
        if (fact.k === 'patrolHazardFollowedUp') {
          cell.patrolHazardFollowUps++;
          break;
        }
        if (fact.k === 'patrolHazardRemoved') {
          cell.hazardsRemoved++;
          cell.patrolHazardsRemoved++;
        } else {
          cell.patrolHazardsHandedOver++;
        }
        patrol.hazards.delete(fact.hazardId);
        break;
      }
      case 'patrolCompleted':
        if (patrol === undefined || patrol.completed) break;
        for (const g of patrol.grids) {
          const cell = grid(patrol.c, g);
          cell.patrols++;
          cell.patrolMinutes += fact.minutes / patrol.grids.length;
        }
        for (const member of work(cells, fact.m, patrol.members)) {
          member.patrols++;
          member.patrolMinutes += fact.minutes;
        }
        patrol.completed = true;
        break;
      case 'patrolCancelled':
        over = patrol !== undefined;
        break;
      case 'mediated':
        for (const member of work(cells, fact.m, fact.members)) member.mediationSessions++;
        break;
      case 'followedUp':
        for (const member of work(cells, fact.m, fact.members)) member.followUpVisits++;
        break;
      case 'registered':
      case 'deregistered':
        break;
    }
  }
}
