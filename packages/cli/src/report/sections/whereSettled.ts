// Where settled: "small matters stay in the grid, big matters stay in the community" as shares
// of the disputes resolved, in all and month by month.
import {
  whereSettled,
  type WhereSettledFigures,
  type WhereSettledState,
} from '@gridledger/projections';
import type { Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';
import { monthAxis } from './months.js';

const figures = [
  column('resolved', 'Resolved', 'count'),
  column('inGrid', 'In the grid', 'count'),
  column('inCommunity', 'In the community', 'count'),
  column('policeStation', 'Police station', 'count'),
  column('outsideBody', 'Outside body', 'count'),
  column('shareGrid', 'Grid share', 'ratio'),
  column('shareCommunity', 'Community share', 'ratio'),
  column('shareBeyond', 'Beyond share', 'ratio'),
];

const cells = (f: WhereSettledFigures) => [
  f.resolved,
  f.inGrid,
  f.inCommunity,
  f.byLevel['police-station'],
  f.byLevel['outside-body'],
  f.shares.grid,
  f.shares.community,
  f.shares.beyond,
];

const levels = (f: WhereSettledFigures) => [
  f.inGrid,
  f.inCommunity,
  f.byLevel['police-station'],
  f.byLevel['outside-body'],
];

export function whereSettledSection(state: WhereSettledState, query: SectionQuery): Section {
  const result = whereSettled(state, { ...query.slice, by: query.by });
  const byMonth = whereSettled(state, { ...query.slice, by: 'month' });
  const perMonth = new Map(byMonth.rows.map((row) => [row.month, row]));
  const { total } = result;
  const withinCommunity =
    total.resolved === 0 ? null : (total.inGrid + total.inCommunity) / total.resolved;
  return {
    id: 'where-settled',
    title: 'Where disputes were settled',
    description:
      'Disputes resolved, by the level that settled them, in the month they were resolved: ' +
      'the grid, the community, or beyond it (the police station or an outside body).',
    headlines: [
      { label: 'Settled in the grid', value: total.shares.grid, kind: 'ratio' },
      { label: 'Settled within the community', value: withinCommunity, kind: 'ratio' },
    ],
    charts: [
      {
        kind: 'shares',
        title: 'Where disputes were settled',
        measure: 'disputes resolved',
        parts: ['In the grid', 'In the community', 'Police station', 'Outside body'],
        rows: [
          { label: 'All', counts: levels(byMonth.total) },
          ...monthAxis([...perMonth.keys()], query.slice).map((month) => {
            const row = perMonth.get(month);
            return { label: month, counts: row === undefined ? [0, 0, 0, 0] : levels(row) };
          }),
        ],
      },
    ],
    table: {
      columns: [...keyColumns(query.by, 'Month resolved'), ...figures],
      rows: result.rows.map((row) => [...keyCells(query.by, row), ...cells(row)]),
      total: [...totalKey(query.by), ...cells(total)],
    },
    data: result,
  };
}
