// Read-model state as JSON: figures kept per calendar month, community and grid ("cells"), and
// the helpers queries use to slice them by period and place and add them up by month or place.
import { ValidationError } from '@gridledger/core';
import { checkMonth, type Month } from '../months.js';
import { cutOf, type AsOfOptions } from './asOf.js';

/** `cells[month][community][grid]`: one figure record per month and grid. */
export type Cells<T> = Record<Month, Record<string, Record<string, T>>>;

/** `record[key]` if it is the record's own property (so `constructor` finds nothing). */
export function own<V>(record: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]`, keeping even a `__proto__` key as plain data. */
export function put<V>(record: Record<string, V>, key: string, value: V): V {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
  return value;
}

/** The value under `key`, created with `init` when missing. */
export function entry<V>(record: Record<string, V>, key: string, init: () => V): V {
  return own(record, key) ?? put(record, key, init());
}

/** The cell of one month and grid, created with `init` when missing. */
export function cellAt<T>(
  cells: Cells<T>,
  month: Month,
  community: string,
  grid: string,
  init: () => T,
): T {
  const communities = entry(cells, month, () => ({}));
  return entry(
    entry(communities, community, () => ({})),
    grid,
    init,
  );
}

/**
 * Which part of the history a query looks at: months (both ends included), places, and the
 * instant the figures stand at (`asOf`, `knownAt`; default: everything recorded).
 */
export interface Slice extends AsOfOptions {
  readonly from?: Month;
  readonly to?: Month;
  readonly community?: string;
  readonly grid?: string;
}

export type GroupBy = 'month' | 'community' | 'grid';

/** What identifies one row of a grouped query. */
export type GroupKey<B extends GroupBy> = B extends 'month'
  ? { readonly month: Month }
  : B extends 'community'
    ? { readonly community: string }
    : { readonly community: string; readonly grid: string };

export interface QueryOptions<B extends GroupBy = GroupBy> extends Slice {
  /** How rows are grouped (default `month`). */
  readonly by?: B;
}

const GROUPINGS: readonly GroupBy[] = ['month', 'community', 'grid'];

/** Checks a query's options, naming the option that is wrong. */
export function checkQuery(options: QueryOptions): GroupBy {
  const by = options.by ?? 'month';
  if (!GROUPINGS.includes(by)) {
    throw new ValidationError('read-model query', [
      { path: 'by', message: `must be one of ${GROUPINGS.join(', ')}; got ${JSON.stringify(by)}` },
    ]);
  }
  if (options.from !== undefined) checkMonth(options.from, 'from');
  if (options.to !== undefined) checkMonth(options.to, 'to');
  cutOf(options);
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new ValidationError('read-model query', [
      { path: 'to', message: `must not be before from (${options.from}); got ${options.to}` },
    ]);
  }
  return by;
}

/** Calls `visit` for every cell inside the slice, in month, community, grid order. */
export function forEachCell<T>(
  cells: Cells<T>,
  slice: Slice,
  visit: (cell: T, month: Month, community: string, grid: string) => void,
): void {
  for (const month of Object.keys(cells).sort()) {
    if (slice.from !== undefined && month < slice.from) continue;
    if (slice.to !== undefined && month > slice.to) continue;
    const communities = cells[month] as Record<string, Record<string, T>>;
    for (const community of Object.keys(communities).sort()) {
      if (slice.community !== undefined && community !== slice.community) continue;
      const grids = communities[community] as Record<string, T>;
      for (const grid of Object.keys(grids).sort()) {
        if (slice.grid !== undefined && grid !== slice.grid) continue;
        visit(grids[grid] as T, month, community, grid);
      }
    }
  }
}

/** Adds up the cells inside the slice, per group and in total. Rows come sorted by key. */
export function groupCells<T, A, B extends GroupBy>(
  cells: Cells<T>,
  by: B,
  slice: Slice,
  init: () => A,
  add: (acc: A, cell: T, community: string) => void,
): { total: A; groups: { key: GroupKey<B>; acc: A }[] } {
  const total = init();
  const groups = new Map<string, { key: GroupKey<B>; acc: A }>();
  forEachCell(cells, slice, (cell, month, community, grid) => {
    add(total, cell, community);
    const id =
      by === 'month' ? month : by === 'community' ? community : `${community}\u0000${grid}`;
    let group = groups.get(id);
    if (group === undefined) {
      const key = (
        by === 'month' ? { month } : by === 'community' ? { community } : { community, grid }
      ) as GroupKey<B>;
      group = { key, acc: init() };
      groups.set(id, group);
    }
    add(group.acc, cell, community);
  });
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { total, groups: sorted.map(([, group]) => group) };
}

/** `part ÷ whole`, or `null` when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : part / whole;
