// Resolution rate (矛盾纠纷调处化解率): disputes resolved ÷ accepted, with a bar per month.
import {
  resolutionRate,
  type ResolutionFigures,
  type ResolutionRateState,
} from '@gridledger/projections';
import type { Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';
import { monthAxis } from './months.js';

const figures = [
  column('reported', 'Reported', 'count'),
  column('declined', 'Declined', 'count'),
  column('accepted', 'Accepted', 'count'),
  column('resolved', 'Resolved', 'count'),
  column('withdrawn', 'Withdrawn', 'count'),
  column('referredOut', 'Referred out', 'count'),
  column('inProgress', 'In progress', 'count'),
  column('rate', 'Resolution rate', 'ratio'),
];

const cells = (f: ResolutionFigures) => [
  f.reported,
  f.declined,
  f.accepted,
  f.resolved,
  f.withdrawn,
  f.referredOut,
  f.inProgress,
  f.rate,
];

export function resolutionSection(state: ResolutionRateState, query: SectionQuery): Section {
  const result = resolutionRate(state, { ...query.slice, by: query.by });
  const byMonth = resolutionRate(state, { ...query.slice, by: 'month' });
  const perMonth = new Map(byMonth.rows.map((row) => [row.month, row]));
  return {
    id: 'resolution-rate',
    title: 'Resolution rate',
    description:
      'Disputes resolved ÷ disputes accepted, each dispute counted in the month it was reported. ' +
      'Declined disputes were never accepted; withdrawn and referred-out ones were accepted but ' +
      'not resolved.',
    headlines: [
      { label: 'Resolution rate', value: result.total.rate, kind: 'ratio' },
      { label: 'Disputes accepted', value: result.total.accepted, kind: 'count' },
    ],
    charts: [
      {
        kind: 'rate-by-month',
        title: 'Resolution rate by month',
        measure: 'disputes resolved ÷ disputes accepted',
        points: monthAxis([...perMonth.keys()], query.slice).map((month) => {
          const row = perMonth.get(month);
          return {
            month,
            rate: row?.rate ?? null,
            part: row?.resolved ?? 0,
            whole: row?.accepted ?? 0,
          };
        }),
      },
    ],
    table: {
      columns: [...keyColumns(query.by, 'Month reported'), ...figures],
      rows: result.rows.map((row) => [...keyCells(query.by, row), ...cells(row)]),
      total: [...totalKey(query.by), ...cells(result.total)],
    },
    data: result,
  };
}
