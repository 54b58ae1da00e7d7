// Layered mediation (分层分类): the disputes resolved in the period by the grade they had when
// settled and the level that settled them, with the level each grade calls for (LOWEST_LEVEL_FOR).
// A table over the whole slice, not grouped: it sits beside where-settled, whose grouping it shares.
import { LOWEST_LEVEL_FOR, MEDIATION_LEVELS, type MediationLevel } from '@gridledger/core';
import { whereSettled, type WhereSettledState } from '@gridledger/projections';
import type { Section } from '../model.js';
import { column, type SectionQuery } from './columns.js';

const GRADES = ['minor', 'moderate', 'serious', 'major'] as const;

const LEVEL_LABELS: Readonly<Record<MediationLevel, string>> = {
  grid: 'Grid',
  community: 'Community',
  'police-room': 'Police room (joint)',
  'police-station': 'Police station',
  'outside-body': 'Outside body',
};

export function layeredMediationSection(state: WhereSettledState, query: SectionQuery): Section {
  const { total } = whereSettled(state, { ...query.slice, by: 'month' });
  const rows = GRADES.map((grade) => {
    const at = total.byGrade[grade];
    const resolved = MEDIATION_LEVELS.reduce((n, level) => n + at[level], 0);
    return { grade, at, resolved, calledFor: LOWEST_LEVEL_FOR[grade] };
  });
  const resolved = rows.reduce((n, r) => n + r.resolved, 0);
  const atCalledFor = rows.reduce((n, r) => n + r.at[r.calledFor], 0);
  return {
    id: 'layered-mediation',
    title: 'Layered mediation by grade',
    description:
      'Disputes resolved in the period, in the month they were reported, by the grade they had ' +
      'when settled and the level that settled them (分层分类). Each grade is handled no lower ' +
      'than the level it calls for: minor in the grid, moderate in the community, serious in the ' +
      'police room, major at the police station; higher is allowed.',
    headlines: [
      { label: 'Resolved disputes', value: resolved, kind: 'count' },
      {
        label: 'Settled at the level their grade calls for',
        value: resolved === 0 ? null : atCalledFor / resolved,
        kind: 'ratio',
      },
    ],
    charts: [],
    table: {
      columns: [
        column('grade', 'Grade', 'text'),
        column('calledFor', 'Level it calls for', 'text'),
        ...MEDIATION_LEVELS.map((level) => column(level, LEVEL_LABELS[level], 'count')),
        column('resolved', 'Resolved', 'count'),
      ],
      rows: rows.map((r) => [
        r.grade,
        r.calledFor,
        ...MEDIATION_LEVELS.map((level) => r.at[level]),
        r.resolved,
      ]),
      total: [
        'total',
        '',
        ...MEDIATION_LEVELS.map((level) => rows.reduce((n, r) => n + r.at[level], 0)),
        resolved,
      ],
      empty: 'No dispute was resolved in this period.',
    },
    data: { byGrade: total.byGrade, resolved, atLevelCalledFor: atCalledFor },
  };
}
