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
  column('criminalCases', 'Became criminal cases', 'count'),
  column('homicides', 'Became homicides', 'count'),
  column('onTarget', 'Zero criminal cases', 'flag'),
];

const cells = (f: EscalationFigures) => [
  f.escalations,
  f.disputesEscalated,
  f.referredOut,
  f.criminalCases,
  f.homicides,
  f.onTarget,
];

export function escalationsSection(state: EscalationsState, query: SectionQuery): Section {
  const result = escalations(state, { ...query.slice, by: query.by });
  return {
    id: 'escalations',
    title: 'Escalations and criminal cases',
    description:
      'Disputes moved up a level, referred out, and those that became criminal cases (民转刑) ' +
      'or homicides (刑转命), in the month it happened. The target for the last two is zero.',
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
      'Every dispute referred out as a criminal case in the period, in the order it happened, ' +
      'with the level that was handling it. An empty list is the target.',
    headlines: [],
    charts: [],
    table: {
      columns: [
        column('disputeId', 'Dispute', 'text'),
        column('month', 'Month', 'text'),
        column('community', 'Community', 'text'),
        column('grid', 'Grid', 'text'),
        column('fromLevel', 'Handled at', 'text'),
        column('becameHomicide', 'Became a homicide', 'flag'),
        column('occurredAt', 'When', 'text'),
      ],
      rows: cases.map((c) => [
        c.disputeId,
        c.month,
        c.community,
        c.grid,
        c.fromLevel,
        c.becameHomicide,
        c.occurredAt,
      ]),
      empty: 'No dispute became a criminal case in this period: the target of zero is met.',
    },
    data: cases,
  };
}
