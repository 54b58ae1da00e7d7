// Public order: the public-order cases the police station recorded, per 1,000 households on the
// register, with the change on the month before (环比) — the figure the article says fell.
import {
  publicOrder,
  type PublicOrderFigures,
  type PublicOrderState,
} from '@gridledger/projections';
import type { CellValue, Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';

const figureColumns = [
  column('publicOrderCases', 'Public-order cases', 'count'),
  column('criminalCases', 'Criminal cases', 'count'),
  column('fromDisputes', 'From disputes', 'count'),
  column('households', 'Households registered', 'count'),
  column('perThousandHouseholds', 'Per 1,000 households', 'rate'),
  column('perTenThousandResidents', 'Per 10,000 residents', 'rate'),
];

const cells = (f: PublicOrderFigures): CellValue[] => [
  f.publicOrderCases,
  f.criminalCases,
  f.fromDisputes,
  f.households,
  f.perThousandHouseholds,
  f.perTenThousandResidents,
];

export function publicOrderSection(state: PublicOrderState, query: SectionQuery): Section {
  const byMonth = publicOrder(state, { ...query.slice, by: 'month' });
  const monthly = query.by === 'month';
  const grouped = monthly ? undefined : publicOrder(state, { ...query.slice, by: query.by });
  const rows = monthly
    ? byMonth.rows.map((row) => [...keyCells('month', row), ...cells(row), row.change])
    : (grouped?.rows ?? []).map((row) => [...keyCells(query.by, row), ...cells(row)]);
  const total = grouped?.total ?? byMonth.total;
  const last = byMonth.rows.at(-1);
  return {
    id: 'public-order',
    title: 'Public order',
    description:
      'Public-order and criminal cases recorded by the police station (not patrol sightings), ' +
      'per month, against the households on the register at the end of the month (the period, ' +
      'for rows by place). The change is of the rate per 1,000 households on the month before.',
    headlines:
      last === undefined
        ? []
        : [
            {
              label: `Per 1,000 households in ${last.month}`,
              value: last.perThousandHouseholds,
              kind: 'rate',
            },
            { label: 'Change on the month before', value: last.change, kind: 'change' },
          ],
    charts: [
      {
        kind: 'count-by-month',
        title: 'Public-order cases per month',
        measure: 'public-order cases',
        points: byMonth.rows.map((r) => ({
          month: r.month,
          count: r.publicOrderCases,
          change: r.change,
        })),
      },
    ],
    table: {
      columns: [
        ...keyColumns(query.by),
        ...figureColumns,
        ...(monthly ? [column('rateChange', 'Rate change', 'change')] : []),
      ],
      rows,
      total: [...totalKey(query.by), ...cells(total), ...(monthly ? [null] : [])],
    },
    data: grouped ?? byMonth,
  };
}
