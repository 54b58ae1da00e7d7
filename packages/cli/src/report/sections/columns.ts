// The pieces every section is built from: the key columns of a grouping, column shorthands, and
// the query a section runs (grouping plus the months and places of the report).
import type { GroupBy, Slice } from '@gridledger/projections';
import type { CellValue, Column, ColumnKind, Grouping, ReportScope } from '../model.js';

/** What a section asks its read model: a grouping the read model knows, over a slice. */
export interface SectionQuery {
  readonly by: GroupBy;
  readonly slice: Slice;
}

export function sectionQuery(scope: ReportScope): SectionQuery {
  const { from, to, community, grid, asOf, knownAt } = scope;
  return {
    // `member` is only offered by coverage, which asks for it itself; other sections group by month.
    by: scope.by === 'member' ? 'month' : scope.by,
    slice: {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(community === undefined ? {} : { community }),
      ...(grid === undefined ? {} : { grid }),
      ...(asOf === undefined ? {} : { asOf }),
      ...(knownAt === undefined ? {} : { knownAt }),
    },
  };
}

export const column = (key: string, label: string, kind: ColumnKind): Column => ({
  key,
  label,
  kind,
});

/**
 * The key columns of a grouping. `month` names what the month is of, where a reader could take
 * it for another: a dispute resolved in July may have been reported in June.
 */
export function keyColumns(by: Grouping, month = 'Month'): Column[] {
  switch (by) {
    case 'month':
      return [column('month', month, 'text')];
    case 'community':
      return [column('community', 'Community', 'text')];
    case 'grid':
      return [column('community', 'Community', 'text'), column('grid', 'Grid', 'text')];
    case 'member':
      return [column('memberId', 'Member', 'text')];
  }
}

interface Keyed {
  readonly month?: string;
  readonly community?: string;
  readonly grid?: string;
  readonly memberId?: string;
}

export function keyCells(by: Grouping, row: Keyed): CellValue[] {
  switch (by) {
    case 'month':
      return [row.month ?? null];
    case 'community':
      return [row.community ?? null];
    case 'grid':
      return [row.community ?? null, row.grid ?? null];
    case 'member':
      return [row.memberId ?? null];
  }
}

/** The key cells of the total row: `total` under the first key column. */
export const totalKey = (by: Grouping): CellValue[] => (by === 'grid' ? ['total', ''] : ['total']);
