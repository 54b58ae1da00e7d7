// Escalations and the disputes that became criminal cases (民转刑) or homicides (刑转命): the
// figures whose target is zero, and the list an auditor must be able to explain case by case.
import {
  criminalCases,
  escalations,
  type EscalationFigures,
  type EscalationsState,
} from '@gridledger/projections';
import type { Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';

const figures = [
  column('escalations', 'Escalations', 'count'),
  column('disputesEscalated', 'Disputes escalated', 'count'),
  column('referredOut', 'Referred out', 'count'),
  column('reopened', 'Reopened', 'count'),
  column('criminalCases', 'Became criminal cases', 'count'),
  column('laterCriminalCases', 'Of which after settlement', 'count'),
  column('homicides', 'Became homicides', 'count'),
  column('onTarget', 'Zero criminal cases', 'flag'),
];

const cells = (f: EscalationFigures) => [
  f.escalations,
  f.disputesEscalated,
  f.referredOut,
  f.reopened,
  f.criminalCases,
  f.laterCriminalCases,
  f.homicides,
  f.onTarget,
];

export function escalationsSection(state: EscalationsState, query: SectionQuery): Section {
  const result = escalations(state, { ...query.slice, by: query.by });
  return {
    id: 'escalations',
    title: 'Escalations and criminal cases',
    description:
      'Disputes moved up a level, referred out or reopened, and those that became criminal ' +
      'cases (民转刑) or homicides (刑转命): referred out as one while handled (in the month ' +
      'of the referral) or linked by the police station to a dispute already settled (in the ' +
      'month it was settled). The target for the last two is zero.',
    headlines: [
      { label: 'Became criminal cases', value: result.total.criminalCases, kind: 'count' },
      { label: 'Became homicides', value: result.total.homicides, kind: 'count' },
    ],
    charts: [],
    table: {
      columns: [...keyColumns(query.by), ...figures],
      rows: result.rows.map((row) => [...keyCells(query.by, row), ...cells(row)]),
      total: [...totalKey(query.by), ...cells(result.total)],
      empty:
        'No dispute was escalated, referred out or turned into a criminal case in this period.',
    },
    data: result,
  };
}

export function criminalCasesSection(state: EscalationsState, query: SectionQuery): Section {
  const cases = criminalCases(state, query.slice);
  return {
    id: 'criminal-cases',
    title: 'Disputes that became criminal cases',
    description:
      'Every dispute that became a criminal case in the period, in the order it happened: ' +
      'referred out as one, or linked later to a settled dispute by the police station (with ' +
      'the case id). An empty list is the target.',
    headlines: [],
    charts: [],
    table: {
      columns: [
        column('disputeId', 'Dispute', 'text'),
        column('month', 'Month', 'text'),
        column('community', 'Community', 'text'),
        column('grid', 'Grid', 'text'),
        column('how', 'How', 'text'),
        column('caseId', 'Police case', 'text'),
        column('fromLevel', 'Handled at', 'text'),
        column('becameHomicide', 'Became a homicide', 'flag'),
        column('occurredAt', 'When', 'text'),
      ],
      rows: cases.map((c) => [
        c.disputeId,
        c.month,
        c.community,
        c.grid,
        c.how,
        c.caseId,
        c.fromLevel,
        c.becameHomicide,
        c.occurredAt,
      ]),
      empty: 'No dispute became a criminal case in this period: the target of zero is met.',
    },
    data: cases,
  };
}
