// Public order: the public-order and criminal cases the police station recorded (not patrol
// sightings), per month and grid, against the household register, so incidence is a rate that
// can be compared between grids and months: cases per 1,000 households registered, and per
// 10,000 residents. The register counts as it stood at the end of each month (for rows by month),
// or at the end of the period (for rows by grid or community, and the total).
import type { PoliceCaseEvent, PoliceCaseKind, RecordedEvent } from '@gridledger/core';
import { monthsBetween, previousMonth, type Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import { cutOf, stampOf, type Cut, type Stamp } from './asOf.js';
import {
  cellAt,
  checkQuery,
  groupCells,
  ratio,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
  type Slice,
} from './cells.js';
import { configure, type ReadModelOptions } from './options.js';
import {
  registerAt,
  registerEntries,
  registerFactOf,
  type Place,
  type RegisterEvent,
  type RegisterEntry,
  type RegisterFact,
} from './register.js';
import { factsInCut, recordFact, streamIdsOf, type Timelines } from './timelines.js';

type PublicOrderFact =
  | (Stamp & {
      readonly k: 'case';
      readonly kind: PoliceCaseKind;
      readonly c: string;
      readonly g: string;
      readonly pg: string;
      readonly fromDispute: boolean;
    })
  | RegisterFact;

export interface PublicOrderState {
  readonly timeZone: string;
  /** Facts per police-case stream and per grid register stream. */
  readonly streams: Timelines<PublicOrderFact>;
}

type Read = EventsOfType<PoliceCaseEvent, 'PoliceCaseRecorded'> | RegisterEvent;

export function publicOrderProjection(
  options?: ReadModelOptions,
): Projection<PublicOrderState, Read> {
  const { timeZone, name, monthOf } = configure('public-order', options);
  const keep = (state: PublicOrderState, event: RecordedEvent, fact: object) => {
    recordFact(state.streams, event.streamId, {
      ...stampOf(event, monthOf),
      ...fact,
    } as PublicOrderFact);
    return state;
  };
  return defineProjection<PublicOrderState, Read>({
    name,
    version: 1,
    description:
      'Public-order and criminal cases recorded by the police station per month and grid, per 1,000 households registered',
    initialState: () => ({ timeZone, streams: {} }),
    handlers: {
      PoliceCaseRecorded: (state, e) =>
        keep(state, e, {
          k: 'case',
          kind: e.data.kind,
          c: e.data.community,
          g: e.data.grid,
          pg: e.data.policeGrid,
          fromDispute: e.data.disputeId !== undefined,
        }),
      HouseholdRegistered: (state, e) => keep(state, e, registerFactOf(e)),
      HouseholdDeregistered: (state, e) => keep(state, e, registerFactOf(e)),
    },
  });
}

interface CaseCell {
  publicOrderCases: number;
  criminalCases: number;
  /** Of the cases, those that grew out of a dispute. */
  fromDisputes: number;
}

const emptyCell = (): CaseCell => ({ publicOrderCases: 0, criminalCases: 0, fromDisputes: 0 });

/** The cases and register entries inside the cut, one stream at a time, as the aggregates run. */
function fold(state: PublicOrderState, cut: Cut) {
  const cells: Cells<CaseCell> = {};
  const register: RegisterEntry[] = [];
  for (const key of streamIdsOf(state.streams)) {
    const facts = [...factsInCut(state.streams[key] as PublicOrderFact[], cut)];
    const first = facts[0];
    if (first === undefined) continue;
    if (first.k !== 'case') {
      register.push(...registerEntries(facts));
      continue;
    }
    // A case counts once, where and when it was recorded.
    const cell = cellAt(cells, first.m, first.c, first.g, emptyCell);
    if (first.kind === 'public-order') cell.publicOrderCases++;
    else cell.criminalCases++;
    if (first.fromDispute) cell.fromDisputes++;
  }
  return { cells, register };
}

export interface PublicOrderFigures {
  /** Public-order cases (治安案件) the station recorded. */
  readonly publicOrderCases: number;
  readonly criminalCases: number;
  /** Cases that grew out of a dispute (the station named it). */
  readonly fromDisputes: number;
  /** Households on the register: at the end of the month, or of the period. */
  readonly households: number;
  readonly residents: number;
  /** Public-order cases per 1,000 households registered; `null` without a register. */
  readonly perThousandHouseholds: number | null;
  /** Public-order cases per 10,000 residents registered; `null` without a register. */
  readonly perTenThousandResidents: number | null;
}

export type PublicOrderRow<B extends GroupBy> = GroupKey<B> &
  PublicOrderFigures &
  (B extends 'month'
    ? {
        /** Change of the rate per 1,000 households on the month before (环比). */
        readonly change: number | null;
      }
    : unknown);

export interface PublicOrderResult<B extends GroupBy> {
  readonly rows: PublicOrderRow<B>[];
  readonly total: PublicOrderFigures;
}

const figures = (
  cell: CaseCell,
  on: { households: number; residents: number },
): PublicOrderFigures => ({
  ...cell,
  ...on,
  perThousandHouseholds: rate(cell.publicOrderCases, on.households, 1000),
  perTenThousandResidents: rate(cell.publicOrderCases, on.residents, 10_000),
});

const rate = (cases: number, whole: number, per: number): number | null => {
  const r = ratio(cases, whole);
  return r === null ? null : r * per;
};

/**
 * Public-order incidence in a period. By month (the default) every month of the period is a row,
 * quiet months included, with the change of its rate on the month before (环比).
 */
export function publicOrder<B extends GroupBy = 'month'>(
  state: PublicOrderState,
  options: QueryOptions<B> = {},
): PublicOrderResult<B> {
  const by = checkQuery(options) as B;
  const { cells, register } = fold(state, cutOf(options));
  const inPlace = (slice: Place): Place => ({ community: slice.community, grid: slice.grid });
  const isIn = (where: Place, e: RegisterEntry) =>
    (where.community === undefined || e.c === where.community) &&
    (where.grid === undefined || e.g === where.grid);
  const add = (acc: CaseCell, cell: CaseCell) => {
    acc.publicOrderCases += cell.publicOrderCases;
    acc.criminalCases += cell.criminalCases;
    acc.fromDisputes += cell.fromDisputes;
  };
  const { total, groups } = groupCells(cells, by, options, emptyCell, add);
  const end = options.to ?? null;
  const totalFigures = figures(total, registerAt(register, end, inPlace(options)));
  if (by !== 'month') {
    const known = new Map(groups.map(({ key, acc }) => [JSON.stringify(key), acc]));
    // Every place on the register is a row, even one without a case: a quiet grid shows.
    for (const e of register) {
      if (!isIn(options, e)) continue;
      const key = by === 'community' ? { community: e.c } : { community: e.c, grid: e.g };
      if (!known.has(JSON.stringify(key))) known.set(JSON.stringify(key), emptyCell());
    }
    const rows = [...known.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, acc]) => {
        const key = JSON.parse(id) as { community: string; grid?: string };
        const place = { ...options, community: key.community, grid: key.grid ?? options.grid };
        return { ...key, ...figures(acc, registerAt(register, end, inPlace(place))) };
      });
    return { rows: rows as unknown as PublicOrderRow<B>[], total: totalFigures };
  }
  const perMonth = new Map(groups.map(({ key, acc }) => [(key as { month: Month }).month, acc]));
  const months = [...perMonth.keys()].sort();
  const from = options.from ?? months[0];
  const to = options.to ?? months.at(-1);
  if (from === undefined || to === undefined) return { rows: [], total: totalFigures };
  const monthFigures = (month: Month) => {
    const acc = perMonth.get(month) ?? monthCell(cells, month, options);
    return figures(acc, registerAt(register, month, inPlace(options)));
  };
  const rows = monthsBetween(from, to).map((month) => {
    const current = monthFigures(month);
    const previous = monthFigures(previousMonth(month));
    const change =
      current.perThousandHouseholds === null || previous.perThousandHouseholds === null
        ? null
        : ratio(
            current.perThousandHouseholds - previous.perThousandHouseholds,
            previous.perThousandHouseholds,
          );
    return { month, ...current, change };
  });
  return { rows: rows as unknown as PublicOrderRow<B>[], total: totalFigures };
}

/** The cases of one month in the slice's places (for a month outside `from`–`to`). */
function monthCell(cells: Cells<CaseCell>, month: Month, slice: Slice): CaseCell {
  const acc = emptyCell();
  const { total } = groupCells(
    cells,
    'month',
    {
      ...(slice.community === undefined ? {} : { community: slice.community }),
      ...(slice.grid === undefined ? {} : { grid: slice.grid }),
      from: month,
      to: month,
    },
    emptyCell,
    (a, cell) => {
      a.publicOrderCases += cell.publicOrderCases;
      a.criminalCases += cell.criminalCases;
      a.fromDisputes += cell.fromDisputes;
    },
  );
  return Object.assign(acc, total);
}
