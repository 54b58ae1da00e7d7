// Where settled: "small matters stay in the grid, big matters stay in the community" as shares
// of every dispute accepted (those referred out or still open included), by report month.
import {
  whereSettled,
  type WhereSettledFigures,
  type WhereSettledState,
} from '@gridledger/projections';
import type { Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';
import { monthAxis } from './months.js';

const figures = [
  column('accepted', 'Accepted', 'count'),
  column('inGrid', 'In the grid', 'count'),
  column('inCommunity', 'In the community', 'count'),
  column('inPoliceRoom', 'Police room (joint)', 'count'),
  column('policeStation', 'Police station', 'count'),
  column('outsideBody', 'Outside body', 'count'),
  column('referredOut', 'Referred out', 'count'),
  column('withdrawn', 'Withdrawn', 'count'),
  column('inProgress', 'Not settled yet', 'count'),
  column('shareGrid', 'Grid share', 'ratio'),
  column('shareCommunity', 'Community share', 'ratio'),
  column('stayedInCommunity', 'Stayed in the community', 'ratio'),
];

const cells = (f: WhereSettledFigures) => [
  f.accepted,
  f.inGrid,
  f.inCommunity,
  f.inPoliceRoom,
  f.byLevel['police-station'],
  f.byLevel['outside-body'],
  f.referredOut,
  f.withdrawn,
  f.inProgress,
  f.shares.grid,
  f.shares.community,
  f.stayedInCommunity,
];

const levels = (f: WhereSettledFigures) => [
  f.inGrid,
  f.inCommunity,
  f.inPoliceRoom,
  f.byLevel['police-station'],
  f.byLevel['outside-body'],
  f.referredOut + f.withdrawn,
  f.inProgress,
];

export function whereSettledSection(state: WhereSettledState, query: SectionQuery): Section {
  const result = whereSettled(state, { ...query.slice, by: query.by });
  const byMonth = whereSettled(state, { ...query.slice, by: 'month' });
  const perMonth = new Map(byMonth.rows.map((row) => [row.month, row]));
  const { total } = result;
  return {
    id: 'where-settled',
    title: 'Where disputes were settled',
    description:
      'Every dispute accepted, in the month it was reported: settled in the grid, in the ' +
      'community (by the committee, or jointly with the officer in the police room, 警调对接), ' +
      'or beyond it (the police station or an outside body), or not settled by ' +
      'mediation (referred out, withdrawn) or not yet. Shares are of all accepted disputes.',
    headlines: [
      { label: 'Settled in the grid', value: total.shares.grid, kind: 'ratio' },
      { label: 'Settled within the community', value: total.stayedInCommunity, kind: 'ratio' },
    ],
    charts: [
      {
        kind: 'shares',
        title: 'Where disputes were settled',
        measure: 'disputes accepted',
        parts: [
          'In the grid',
          'In the community',
          'Police room (joint)',
          'Police station',
          'Outside body',
          'Referred out or withdrawn',
          'Not settled yet',
        ],
        rows: [
          { label: 'All', counts: levels(byMonth.total) },
          ...monthAxis([...perMonth.keys()], query.slice).map((month) => {
            const row = perMonth.get(month);
            return {
              label: month,
              counts: row === undefined ? [0, 0, 0, 0, 0, 0, 0] : levels(row),
            };
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
