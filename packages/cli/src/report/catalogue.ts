// Every report `gridledger report` can print: one per read model, a list of criminal cases, and
// the summary (the default) that puts the figures of the community's report side by side.
import type { AnyProjection, ReadModelSet } from '@gridledger/projections';
import type { Grouping, ReportScope, Section } from './model.js';
import { sectionQuery } from './sections/columns.js';
import { coverageSection } from './sections/coverage.js';
import { criminalCasesSection, escalationsSection } from './sections/escalations.js';
import { incidenceSection } from './sections/incidence.js';
import { layeredMediationSection } from './sections/layeredMediation.js';
import { publicOrderSection } from './sections/publicOrder.js';
import { resolutionSection } from './sections/resolution.js';
import { satisfactionSection } from './sections/satisfaction.js';
import { timelinessSection } from './sections/timeliness.js';
import { whereSettledSection } from './sections/whereSettled.js';

/** The state of a read model the command has brought up to date. */
export type StateOf = <S>(projection: AnyProjection<S>) => S;

export interface ReportDefinition {
  readonly name: string;
  readonly title: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** The groupings `--by` accepts; the first is the default. */
  readonly groupings: readonly Grouping[];
  /** The ids of the sections it prints (a CSV holds exactly one). */
  readonly sectionIds: readonly string[];
  /**
   * Sections printed after those in table, JSON and HTML, but left out of a CSV (which holds one
   * table); each is also a report of its own, for its CSV.
   */
  readonly companionIds?: readonly string[];
  /** The read models it reads (each is caught up first). */
  readModels(set: ReadModelSet): readonly AnyProjection[];
  sections(state: StateOf, set: ReadModelSet, scope: ReportScope): Section[];
}

const PLACES: readonly Grouping[] = ['month', 'grid', 'community'];

export const reports: readonly ReportDefinition[] = [
  {
    name: 'summary',
    title: 'Dispute mediation and public order',
    summary: 'resolution rate, incidence, where settled, escalations, satisfaction, timeliness',
    groupings: PLACES,
    sectionIds: [
      'resolution-rate',
      'incidence',
      'where-settled',
      'escalations',
      'criminal-cases',
      'satisfaction',
      'timeliness',
    ],
    readModels: (m) => [
      m.resolutionRate,
      m.incidence,
      m.whereSettled,
      m.escalations,
      m.satisfaction,
      m.timeliness,
    ],
    sections(state, m, scope) {
      const q = sectionQuery(scope);
      return [
        resolutionSection(state(m.resolutionRate), q),
        incidenceSection(state(m.incidence), q),
        whereSettledSection(state(m.whereSettled), q),
        escalationsSection(state(m.escalations), q),
        criminalCasesSection(state(m.escalations), q),
        satisfactionSection(state(m.satisfaction), q),
        timelinessSection(state(m.timeliness), q),
      ];
    },
  },
  single(
    'resolution-rate',
    'Resolution rate',
    'disputes resolved ÷ accepted',
    (m) => m.resolutionRate,
    resolutionSection,
  ),
  single(
    'incidence',
    'Incidence',
    'disputes and incidents per month, month-over-month change',
    (m) => m.incidence,
    incidenceSection,
  ),
  single(
    'public-order',
    'Public order',
    'public-order cases recorded by the station per 1,000 households registered',
    (m) => m.publicOrder,
    publicOrderSection,
  ),
  {
    name: 'where-settled',
    title: 'Where disputes were settled',
    summary: 'share settled in the grid, the community, beyond; grade × level (分层分类)',
    groupings: PLACES,
    sectionIds: ['where-settled'],
    companionIds: ['layered-mediation'],
    readModels: (m) => [m.whereSettled],
    sections(state, m, scope) {
      const q = sectionQuery(scope);
      return [
        whereSettledSection(state(m.whereSettled), q),
        layeredMediationSection(state(m.whereSettled), q),
      ];
    },
  },
  single(
    'layered-mediation',
    'Layered mediation by grade',
    'resolved disputes by grade and the level that settled them (分层分类)',
    (m) => m.whereSettled,
    layeredMediationSection,
  ),
  single(
    'escalations',
    'Escalations and criminal cases',
    'escalated, referred out, became criminal cases (target zero)',
    (m) => m.escalations,
    escalationsSection,
  ),
  {
    name: 'criminal-cases',
    title: 'Disputes that became criminal cases',
    summary: 'each dispute that became a criminal case, for the auditor',
    groupings: [],
    sectionIds: ['criminal-cases'],
    readModels: (m) => [m.escalations],
    sections: (state, m, scope) => [
      criminalCasesSection(state(m.escalations), sectionQuery(scope)),
    ],
  },
  single(
    'satisfaction',
    'Resident satisfaction',
    'share of follow-up visits where the resident was satisfied',
    (m) => m.satisfaction,
    satisfactionSection,
  ),
  single(
    'timeliness',
    'Timeliness',
    'hours to intervention, resolution, follow-up (median, p90)',
    (m) => m.timeliness,
    timelinessSection,
  ),
  {
    name: 'coverage',
    title: 'Coverage',
    summary: 'households visited, wishes, services, patrol hours, hazards; work per member',
    groupings: ['grid', 'community', 'month', 'member'],
    sectionIds: ['coverage'],
    readModels: (m) => [m.coverage],
    sections: (state, m, scope) => [coverageSection(state(m.coverage), scope)],
  },
];

function single<S>(
  name: string,
  title: string,
  summary: string,
  pick: (set: ReadModelSet) => AnyProjection<S>,
  section: (state: S, query: ReturnType<typeof sectionQuery>) => Section,
): ReportDefinition {
  return {
    name,
    title,
    summary,
    groupings: PLACES,
    sectionIds: [name],
    readModels: (m) => [pick(m)],
    sections: (state, m, scope) => [section(state(pick(m)), sectionQuery(scope))],
  };
}

export const reportNamed = (name: string): ReportDefinition | undefined =>
  reports.find((r) => r.name === name);
