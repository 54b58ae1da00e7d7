// Coverage: the work of the grids (households visited, wishes, services, patrol hours, hazards)
// and, grouped by member, the work of each person who serves them.
import {
  coverage,
  memberWork,
  type CoverageFigures,
  type CoverageState,
  type MemberWork,
} from '@gridledger/projections';
import type { ReportScope, Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, sectionQuery } from './columns.js';

const gridFigures = [
  column('visits', 'Visits', 'count'),
  column('householdsVisited', 'Households visited', 'count'),
  column('householdsReached', 'Reached door-to-door', 'count'),
  column('followUpVisits', 'Follow-up visits', 'count'),
  column('householdsRegistered', 'Households registered', 'count'),
  column('coverage', 'Door-to-door coverage', 'ratio'),
  column('serviceVisits', 'Service visits', 'count'),
  column('servicesRendered', 'Services rendered', 'count'),
  column('microWishesRecorded', 'Micro-wishes', 'count'),
  column('microWishesClaimed', 'Wishes claimed', 'count'),
  column('microWishesFulfilled', 'Wishes fulfilled', 'count'),
  column('microAppealsRecorded', 'Micro-appeals', 'count'),
  column('microAppealsFulfilled', 'Appeals fulfilled', 'count'),
  column('hazardsFound', 'Hazards found (all)', 'count'),
  column('hazardsRemoved', 'Hazards removed (all)', 'count'),
  column('hazardFollowUps', 'Visit hazard follow-ups', 'count'),
  column('hazardsHandedOver', 'Visit hazards handed over', 'count'),
  column('patrolHazardsFound', 'Patrol hazards found', 'count'),
  column('patrolHazardsRemoved', 'Patrol hazards removed', 'count'),
  column('patrolHazardFollowUps', 'Patrol hazard follow-ups', 'count'),
  column('patrolHazardsHandedOver', 'Patrol hazards handed over', 'count'),
  column('patrols', 'Patrols', 'count'),
  column('patrolHours', 'Patrol hours', 'hours'),
];

const gridCells = (f: CoverageFigures) => [
  f.visits,
  f.householdsVisited,
  f.householdsReached,
  f.followUpVisits,
  f.householdsRegistered,
  f.coverage,
  f.serviceVisits,
  f.servicesRendered,
  f.microWishesRecorded,
  f.microWishesClaimed,
  f.microWishesFulfilled,
  f.microAppealsRecorded,
  f.microAppealsFulfilled,
  f.hazardsFound,
  f.hazardsRemoved,
  f.hazardFollowUps,
  f.hazardsHandedOver,
  f.patrolHazardsFound,
  f.patrolHazardsRemoved,
  f.patrolHazardFollowUps,
  f.patrolHazardsHandedOver,
  f.patrols,
  f.patrolHours,
];

const memberFigures = [
  column('visits', 'Visits', 'count'),
  column('servicesRendered', 'Services rendered', 'count'),
  column('patrols', 'Patrols', 'count'),
  column('patrolHours', 'Patrol hours', 'hours'),
  column('mediationSessions', 'Mediation sessions', 'count'),
  column('followUpVisits', 'Follow-up visits', 'count'),
];

const memberCells = (w: Omit<MemberWork, 'memberId'>) => [
  w.visits,
  w.servicesRendered,
  w.patrols,
  w.patrolHours,
  w.mediationSessions,
  w.followUpVisits,
];

export function coverageSection(state: CoverageState, scope: ReportScope): Section {
  if (scope.by === 'member') return memberSection(state, scope);
  const query = sectionQuery(scope);
  const result = coverage(state, { ...query.slice, by: query.by });
  return {
    id: 'coverage',
    title: 'Coverage',
    description:
      'Door-to-door and service visits (households reached door-to-door, apart from dispute ' +
      'follow-up visits, and as a share of the households on the register at the end of the ' +
      'period), micro-wishes and micro-appeals, hazards found and removed (on visits and ' +
      'patrols together, then those of patrols on their own), hazards followed up and handed ' +
      'over (those of visits and of patrols apart), and patrols walked, in the month they ' +
      'happened. A patrol’s hours are shared among the grids it walked.',
    headlines: [
      {
        label: 'Households reached door-to-door',
        value: result.total.householdsReached,
        kind: 'count',
      },
      { label: 'Door-to-door coverage', value: result.total.coverage, kind: 'ratio' },
      { label: 'Patrol hours', value: result.total.patrolHours, kind: 'hours' },
    ],
    charts: [],
    table: {
      columns: [...keyColumns(query.by), ...gridFigures],
      rows: result.rows.map((row) => [...keyCells(query.by, row), ...gridCells(row)]),
      total: [...totalKey(query.by), ...gridCells(result.total)],
    },
    data: result,
  };
}

function memberSection(state: CoverageState, scope: ReportScope): Section {
  const { from, to, asOf, knownAt } = sectionQuery(scope).slice;
  const rows = memberWork(state, {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(knownAt === undefined ? {} : { knownAt }),
  });
  const total = rows.reduce(
    (sum, w) => ({
      visits: sum.visits + w.visits,
      servicesRendered: sum.servicesRendered + w.servicesRendered,
      patrols: sum.patrols + w.patrols,
      patrolHours: sum.patrolHours + w.patrolHours,
      mediationSessions: sum.mediationSessions + w.mediationSessions,
      followUpVisits: sum.followUpVisits + w.followUpVisits,
    }),
    {
      visits: 0,
      servicesRendered: 0,
      patrols: 0,
      patrolHours: 0,
      mediationSessions: 0,
      followUpVisits: 0,
    },
  );
  return {
    id: 'member-work',
    title: 'Work per member',
    description:
      'What each grid member, officer and mediator did in the period: visits, services, ' +
      'patrols (with their hours), mediation sessions and follow-up visits.',
    headlines: [{ label: 'Members at work', value: rows.length, kind: 'count' }],
    charts: [],
    table: {
      columns: [...keyColumns('member'), ...memberFigures],
      rows: rows.map((w) => [...keyCells('member', w), ...memberCells(w)]),
      total: [...totalKey('member'), ...memberCells(total)],
    },
    data: { rows, total },
  };
}
