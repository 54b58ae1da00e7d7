// Timeliness (第一时间介入、平息、回访): hours from a dispute's report to the first intervention,
// to its resolution and to its follow-up visit, as medians and 90th percentiles.
import {
  timeliness,
  type DurationSummary,
  type TimelinessFigures,
  type TimelinessState,
} from '@gridledger/projections';
import type { Column, Section } from '../model.js';
import { column, keyCells, keyColumns, totalKey, type SectionQuery } from './columns.js';

const STEPS = [
  ['toIntervention', 'Intervened'],
  ['toResolution', 'Resolved'],
  ['toFollowUp', 'Followed up'],
] as const;

// Each step's count, then its median and 90th percentile in hours: the headers stay short
// enough for a terminal, and the CSV keys say in full what each column is.
const figures: Column[] = STEPS.flatMap(([key, reached]) => [
  column(`${key}Count`, reached, 'count'),
  column(`${key}MedianHours`, 'Median h', 'hours'),
  column(`${key}P90Hours`, 'p90 h', 'hours'),
]);

const summary = (d: DurationSummary) => [d.count, d.medianHours, d.p90Hours];
const cells = (f: TimelinessFigures) => STEPS.flatMap(([key]) => summary(f[key]));

export function timelinessSection(state: TimelinessState, query: SectionQuery): Section {
  const result = timeliness(state, { ...query.slice, by: query.by });
  return {
    id: 'timeliness',
    title: 'Timeliness',
    description:
      'Hours from a dispute’s report to its first intervention, its resolution and its ' +
      'follow-up visit: for each step, how many disputes reached it, then the median and the ' +
      '90th percentile, by the month the dispute was reported.',
    headlines: [
      {
        label: 'Median hours to intervention',
        value: result.total.toIntervention.medianHours,
        kind: 'hours',
      },
    ],
    charts: [],
    table: {
      columns: [...keyColumns(query.by), ...figures],
      rows: result.rows.map((row) => [...keyCells(query.by, row), ...cells(row)]),
      total: [...totalKey(query.by), ...cells(result.total)],
    },
    data: result,
  };
}
