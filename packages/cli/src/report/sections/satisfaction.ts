// Satisfaction: the share of follow-ups (第一时间回访), visits and telephone calls, after which the
// resident was satisfied.
import {
  satisfaction,
  type SatisfactionFigures,
  type SatisfactionState,
} from '@gridledger/projections';
import type { Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';
import { monthAxis } from './months.js';

const figures = [
  column('followUps', 'Follow-ups', 'count'),
  column('visits', 'Visits', 'count'),
  column('telephoneCalls', 'Telephone calls', 'count'),
  column('channelNotRecorded', 'Channel not recorded', 'count'),
  column('satisfied', 'Satisfied', 'count'),
  column('share', 'Satisfied share', 'ratio'),
];

const cells = (f: SatisfactionFigures) => [
  f.followUps,
  f.visits,
  f.telephoneCalls,
  f.channelNotRecorded,
  f.satisfied,
  f.share,
];

export function satisfactionSection(state: SatisfactionState, query: SectionQuery): Section {
  const result = satisfaction(state, { ...query.slice, by: query.by });
  const byMonth = satisfaction(state, { ...query.slice, by: 'month' });
  const perMonth = new Map(byMonth.rows.map((row) => [row.month, row]));
  return {
    id: 'satisfaction',
    title: 'Resident satisfaction',
    description:
      'Follow-ups after a dispute was resolved (visits, telephone calls, and older entries that ' +
      'did not record the channel), and the share where ' +
      'the resident said they were satisfied, in the month of the follow-up.',
    headlines: [{ label: 'Satisfied after follow-up', value: result.total.share, kind: 'ratio' }],
    charts: [
      {
        kind: 'rate-by-month',
        title: 'Satisfied residents by month',
        measure: 'satisfied ÷ follow-ups',
        points: monthAxis([...perMonth.keys()], query.slice).map((month) => {
          const row = perMonth.get(month);
          return {
            month,
            rate: row?.share ?? null,
            part: row?.satisfied ?? 0,
            whole: row?.followUps ?? 0,
          };
        }),
      },
    ],
    table: {
      columns: [...keyColumns(query.by), ...figures],
      rows: result.rows.map((row) => [...keyCells(query.by, row), ...cells(row)]),
      total: [...totalKey(query.by), ...cells(result.total)],
    },
    data: result,
  };
}
