// Incidence: disputes and public-order incidents per month, with the change on the month before
// (环比) — the figure the community watches fall.
import { incidence, type IncidenceFigures, type IncidenceState } from '@gridledger/projections';
import type { CellValue, Headline, Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';

const counts = [
  column('disputes', 'Disputes', 'count'),
  column('patrolIncidents', 'Patrol incidents', 'count'),
  column('publicOrderIncidents', 'Public-order incidents', 'count'),
];
const changes = [
  column('disputesChange', 'Disputes change', 'change'),
  column('publicOrderChange', 'Public-order change', 'change'),
];

const cells = (f: IncidenceFigures): CellValue[] => [
  f.disputes,
  f.patrolIncidents,
  f.publicOrderIncidents,
];

export function incidenceSection(state: IncidenceState, query: SectionQuery): Section {
  const byMonth = incidence(state, { ...query.slice, by: 'month' });
  const grouped =
    query.by === 'month' ? undefined : incidence(state, { ...query.slice, by: query.by });
  const monthly = query.by === 'month';
  const rows = monthly
    ? byMonth.rows.map((row) => [
        ...keyCells('month', row),
        ...cells(row),
        row.change.disputes,
        row.change.publicOrderIncidents,
      ])
    : (grouped?.rows ?? []).map((row) => [...keyCells(query.by, row), ...cells(row)]);
  const total = grouped?.total ?? byMonth.total;
  return {
    id: 'incidence',
    title: 'Incidence',
    description:
      'Disputes reported and incidents met on patrol, per month, with the change on the month ' +
      'before. Public-order incidents are the patrol incidents that were not disputes.',
    headlines: latest(byMonth.rows),
    charts: [
      {
        kind: 'count-by-month',
        title: 'Disputes reported per month',
        measure: 'disputes reported',
        points: byMonth.rows.map((r) => ({
          month: r.month,
          count: r.disputes,
          change: r.change.disputes,
        })),
      },
      {
        kind: 'count-by-month',
        title: 'Public-order incidents per month',
        measure: 'public-order incidents',
        points: byMonth.rows.map((r) => ({
          month: r.month,
          count: r.publicOrderIncidents,
          change: r.change.publicOrderIncidents,
        })),
      },
    ],
    table: {
      columns: [...keyColumns(query.by), ...counts, ...(monthly ? changes : [])],
      rows,
      total: [...totalKey(query.by), ...cells(total), ...(monthly ? [null, null] : [])],
    },
    data: grouped ?? byMonth,
  };
}

/** The last month of the period and how it compares with the month before. */
function latest(
  rows: readonly { month: string; disputes: number; change: { disputes: number | null } }[],
): Headline[] {
  const last = rows.at(-1);
  if (last === undefined) return [];
  return [
    { label: `Disputes in ${last.month}`, value: last.disputes, kind: 'count' },
    { label: 'Change on the month before', value: last.change.disputes, kind: 'change' },
  ];
}
